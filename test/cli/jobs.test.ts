// `--jobs 2` reads files on worker threads and gives exactly what one thread gives.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultJobs, threadsFor, WORKERS_FROM_BYTES } from '../../src/cli/read-inputs.js';
import { SAMPLES } from '../support/samples.js';
import { run } from './run.js';

const cli = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
const onWorkers = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...argv], { encoding: 'utf8' });

describe('inspect on worker threads', () => {
  it('gives the same JSON with two worker threads as in one thread', async () => {
    const folder = join(SAMPLES, 'kestrel-borderline', 'exports');
    const single = await run('inspect', folder, '--json', '--jobs', '1');
    expect(single.code).toBe(0);
    const child = onWorkers('inspect', folder, '--json', '--jobs', '2');
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

describe('analyze on worker threads', () => {
  it('writes byte-identical reports and event stream with two worker threads as in one thread', async () => {
    const company = join(SAMPLES, 'brightpath-troubled');
    const one = mkdtempSync(join(tmpdir(), 'hr-jobs1-'));
    const two = mkdtempSync(join(tmpdir(), 'hr-jobs2-'));
    const args = (out: string) => ['analyze', join(company, 'exports'), '--config', join(company, 'handoff-risk.json'), '--out', out, '--quiet', '--emit-events', join(out, 'events.ndjson')];
    const single = await run(...args(one), '--jobs', '1');
    expect(single.err).toBe('');
    const child = onWorkers(...args(two), '--jobs', '2');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(single.code);
    const written = readdirSync(one).sort();
    expect(written).toEqual(['analysis.json', 'events.ndjson', 'evidence.csv', 'rejects.csv', 'report.html', 'report.md']);
    expect(readdirSync(two).sort()).toEqual(written);
    for (const name of written) expect(readFileSync(join(two, name), 'utf8'), name).toBe(readFileSync(join(one, name), 'utf8'));
  });

  it('refuses a job count below one', async () => {
    const { code, err } = await run('analyze', SAMPLES, '--jobs', 'two');
    expect(code).toBe(2);
    expect(err).toContain('--jobs two');
  });
});

describe('analyze without --jobs', () => {
  it('reads on one thread below WORKERS_FROM_BYTES of input and on the default threads from there, and --jobs always wins', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hr-auto-'));
    const small = join(folder, 'small.csv');
    const large = join(folder, 'large.csv');
    writeFileSync(small, 'a,b\n1,2\n');
    // sparse: as large as the threshold on paper, no disk used
    writeFileSync(large, '');
    truncateSync(large, WORKERS_FROM_BYTES);
    expect(threadsFor([small], 'auto')).toBe(1);
    expect(threadsFor([small, large], 'auto')).toBe(defaultJobs());
    expect(threadsFor([small, large], 1)).toBe(1);
    expect(threadsFor([small], 3)).toBe(3);
  });
});
