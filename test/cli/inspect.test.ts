import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const folder = mkdtempSync(join(tmpdir(), 'handoff-risk-inspect-'));
const good = join(folder, 'log.csv');
writeFileSync(
  good,
  'case:concept:name,concept:name,org:resource,org:group,time:timestamp\n' +
    'c1,Open,ann,L1,2026-01-05T09:00:00Z\nc1,Triage,bob,L2,2026-01-05T10:00:00Z\nc1,Fix,ann,L1,2026-01-05T12:00:00Z\n' +
    'c2,Open,cy,L1,2026-01-06T09:00:00Z\nc2,Close,cy,L1,not a date\n',
);
const unknown = join(folder, 'other.csv');
writeFileSync(unknown, 'foo,bar\n1,2\n');

describe('handoff-risk inspect', () => {
  it('prints one JSON object with a files array whose items reconcile', async () => {
    const { code, out } = await run('inspect', good, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.files).toHaveLength(1);
    const [file] = report.files;
    expect(file).toMatchObject({ connector: 'generic-event-log', rowsRead: 5, rowsAccepted: 4, rowsRejected: 1, events: 4, cases: 2, handoffs: 2 });
    expect(file.rowsRead).toBe(file.rowsAccepted + file.rowsRejected);
    expect(file.issues).toMatchObject([{ code: 'row/invalid-date', line: 6, column: 5 }]);
    expect(report.totals).toMatchObject({ files: 1, rowsRead: 5, rowsAccepted: 4, rowsRejected: 1 });
  });

  it('prints the first rejects as file:line:column  code  message', async () => {
    const { code, out } = await run('inspect', good);
    expect(code).toBe(0);
    expect(out).toMatch(/log\.csv:6:5 {2}row\/invalid-date {2}/);
    expect(out).toContain('generic-event-log');
  });

  it('exits 2 and names the closest connector for a file nobody recognises', async () => {
    const { code, out } = await run('inspect', folder);
    expect(code).toBe(2);
    expect(out).toContain('other.csv: no connector reads this CSV file; columns seen: foo, bar');
  });

  it('exits 2 with a clear message for a path that does not exist', async () => {
    const { code, err } = await run('inspect', join(folder, 'missing.csv'));
    expect(code).toBe(2);
    expect(err).toContain('missing.csv: no such file or folder');
  });

  it.each([
    [['inspect'], 'missing required argument'],
    [['frobnicate'], 'unknown command'],
    [['inspect', good, '--tz', 'Nowhere/Else'], 'not an IANA time zone'],
    [['inspect', good, '--date-order', 'ydm'], 'Allowed choices are'],
    [['inspect', good, '--config', join(folder, 'nope.json')], 'cannot read the config file'],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('names the config path of a bad value', async () => {
    const config = join(folder, 'bad-config.json');
    writeFileSync(config, JSON.stringify({ integrationActors: ['ok', ''], connectors: { x: 3 } }));
    const { code, err } = await run('inspect', good, '--config', config);
    expect(code).toBe(2);
    expect(err).toContain('integrationActors[1]');
    expect(err).toContain('connectors.x');
  });

  it('takes column names from flags', async () => {
    const odd = join(folder, 'odd.csv');
    writeFileSync(odd, 'Ticket,Step,When\nt1,open,2026-01-05 09:00\n');
    const { code, out } = await run('inspect', odd, '--json', '--case-column', 'Ticket', '--activity-column', 'Step', '--timestamp-column', 'When');
    expect(code).toBe(0);
    expect(JSON.parse(out).files[0]).toMatchObject({ connector: 'generic-event-log', rowsAccepted: 1 });
  });

  it('exits 0 for --help and lists the connectors', async () => {
    expect((await run('--help')).code).toBe(0);
    const { code, out } = await run('connectors', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).map((meta: { id: string }) => meta.id)).toContain('generic-event-log');
  });

  it('as a process, writes no progress to a non-terminal stderr', () => {
    const cli = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', cli, 'inspect', good, '--json'], { encoding: 'utf8' });
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout).files).toHaveLength(1);
  });
});

describe('the config file', () => {
  it('names the path of a bad correlation key', async () => {
    const config = join(folder, 'bad-keys.json');
    writeFileSync(config, JSON.stringify({ correlation: { keys: [{ field: 'Deal' }, { field: '' }] } }));
    const { code, err } = await run('inspect', good, '--config', config);
    expect(code).toBe(2);
    expect(err).toContain('correlation.keys[1].field');
  });
});

describe('per-connector zones', () => {
  it('refuses an unknown zone in a connector section, naming its path', async () => {
    const config = join(folder, 'bad-zone.json');
    writeFileSync(config, JSON.stringify({ connectors: { 'jira-csv': { timeZone: 'Europe/Atlantis' } } }));
    const { code, err } = await run('inspect', good, '--config', config);
    expect(code).toBe(2);
    expect(err).toContain('connectors.jira-csv.timeZone');
  });
});
