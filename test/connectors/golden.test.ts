// Golden fixtures for every connector: input → expected events and issues, with their source lines.
// Run with UPDATE_GOLDEN=1 to write the expected files after a deliberate change, then review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { FIXTURES, fixtureCases, readPath } from '../support/read-fixture.js';

const update = process.env.UPDATE_GOLDEN === '1';

describe.each(connectors.map((c) => c.meta.id))('connector %s', (id) => {
  const cases = fixtureCases(id);
  it.each(cases)('reads the %s fixture into the expected events and issues', async (name) => {
    const folder = join(FIXTURES, 'connectors', id, name);
    const input = readdirSync(folder).find((file) => file.startsWith('input.'));
    expect(input, `${folder} has an input.* file`).toBeDefined();
    const optionsFile = join(folder, 'options.json');
    const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
    const cited = `fixtures/${id}/${name}/${input}`;
    const { result, events } = await readPath(join(folder, input!), cited, options);

    expect(result.connector, 'detected connector').toBe(id);
    expect(result.rowsRead).toBe(result.rowsAccepted + result.rowsRejected);
    const counts = { rowsRead: result.rowsRead, rowsAccepted: result.rowsAccepted, rowsRejected: result.rowsRejected };
    const expected = { counts, events, issues: result.issues };
    for (const [key, value] of Object.entries(expected)) {
      const file = join(folder, `${key}.json`);
      if (update) writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
      expect(value, `${key}.json`).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    }
  });
});
