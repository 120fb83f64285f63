// `inspect --jobs 2` reads files on worker threads and prints exactly what one thread prints.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../support/samples.js';
import { run } from './run.js';

describe('inspect on worker threads', () => {
  it('gives the same JSON with two worker threads as in one thread', async () => {
    const folder = join(SAMPLES, 'kestrel-borderline', 'exports');
    const single = await run('inspect', folder, '--json', '--jobs', '1');
    expect(single.code).toBe(0);
    const cli = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', cli, 'inspect', folder, '--json', '--jobs', '2'], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toBe(single.out);
    expect(JSON.parse(child.stdout).files.length).toBeGreaterThan(1);
  });

  it('refuses a job count below one', async () => {
    const { code, err } = await run('inspect', SAMPLES, '--jobs', '0');
    expect(code).toBe(2);
    expect(err).toContain('--jobs 0');
  });
});
