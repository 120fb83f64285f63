// `inspect` on a folder holding one export of every kind detects each one as its own connector.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { FIXTURES } from '../support/read-fixture.js';
import { run } from './run.js';

describe('inspect over one export of every kind', () => {
  it('detects each file as the connector that reads it, and every file reconciles', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'handoff-risk-all-'));
    const expected = new Map<string, string>();
    for (const { meta } of connectors) {
      for (const name of ['basic', 'bad-rows']) {
        const source = join(FIXTURES, 'connectors', meta.id, name);
        const input = readdirSync(source).find((file) => file.startsWith('input.'))!;
        const target = join(folder, name, `${meta.id}${input.slice('input'.length)}`);
        mkdirSync(join(folder, name), { recursive: true });
        copyFileSync(join(source, input), target);
        expected.set(target, meta.id);
      }
    }
    const { out } = await run('inspect', folder, '--json');
    const report = JSON.parse(out);
    expect(report.files).toHaveLength(expected.size);
    for (const file of report.files) {
      expect(file.connector, file.file).toBe(expected.get(file.file));
      expect(file.rowsRead, file.file).toBe(file.rowsAccepted + file.rowsRejected);
      if (file.file.includes('/bad-rows/')) expect(file.rowsRejected, file.file).toBeGreaterThan(0);
      if (file.file.includes('/basic/')) expect(file.rowsRejected, file.file).toBe(0);
    }
  });
});
