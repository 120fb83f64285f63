// The contract every connector folder keeps: same files, metadata that matches, fixtures that exercise it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { EventKind, SystemKind } from '../../src/model/index.js';
import { FIXTURES, fixtureCases, readPath } from '../support/read-fixture.js';

const ROOT = join(import.meta.dirname, '..', '..', 'connectors');
const README_SECTIONS = ['Export to use', 'Columns read', 'Mapping', 'Time zone', 'Known quirks', 'Fixtures'];

describe('the connector registry', () => {
  it('is sorted by id and has no duplicates', () => {
    const ids = connectors.map((c) => c.meta.id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a.localeCompare(b)));
  });

  it('holds every connector folder', () => {
    const folders = readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(connectors.map((c) => c.meta.id).sort()).toEqual(folders);
  });
});

describe.each(connectors.map((c) => [c.meta.id, c] as const))('connector %s', (id, connector) => {
  it('lives in a folder of its id with index.ts, row.ts and a README with the standard sections', () => {
    for (const file of ['index.ts', 'row.ts', 'README.md']) expect(existsSync(join(ROOT, id, file)), file).toBe(true);
    const readme = readFileSync(join(ROOT, id, 'README.md'), 'utf8');
    for (const section of README_SECTIONS) expect(readme, `README section "${section}"`).toMatch(new RegExp(`^## ${section}`, 'm'));
    expect(readme, 'README links vendor documentation').toMatch(/https?:\/\//);
  });

  it('declares valid metadata', () => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(SystemKind.safeParse(connector.meta.systemKind).success).toBe(true);
    for (const kind of connector.meta.emits) expect(EventKind.safeParse(kind).success, kind).toBe(true);
    expect(connector.meta.docs.length).toBeGreaterThan(0);
  });

  it('has a basic and a bad-rows fixture', () => {
    expect(fixtureCases(id)).toEqual(expect.arrayContaining(['bad-rows', 'basic']));
  });

  it('emits only the kinds it declares, and its bad-rows fixture loses exactly the rejected rows', async () => {
    for (const name of fixtureCases(id)) {
      const folder = join(FIXTURES, 'connectors', id, name);
      const input = readdirSync(folder).find((file) => file.startsWith('input.'))!;
      const optionsFile = join(folder, 'options.json');
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      const { result, events } = await readPath(join(folder, input), input, options);
      expect(result.connector).toBe(id);
      expect(result.rowsRead).toBe(result.rowsAccepted + result.rowsRejected);
      for (const event of events) expect(connector.meta.emits, `${event.id} kind`).toContain(event.kind);
      const rejectedLines = new Set(result.issues.filter((i) => i.severity === 'error' && i.line).map((i) => i.line));
      expect(rejectedLines.size, 'each rejected row has an error issue with its line').toBe(result.rowsRejected);
      for (const event of events) expect(rejectedLines.has(event.source.line), `${event.id} is not from a rejected row`).toBe(false);
      if (name === 'bad-rows') expect(result.rowsRejected).toBeGreaterThan(0);
      if (name === 'basic') expect(result.rowsRejected).toBe(0);
    }
  });
});
