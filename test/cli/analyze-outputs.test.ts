// analyze --out: every output, byte-identical across runs; golden report.md and analysis.json for kestrel-borderline.
// Run with UPDATE_GOLDEN=1 to rewrite the goldens after a deliberate change, then review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_SCHEMA, ANALYSIS_VERSION, type Analysis } from '../../src/reporters/analysis-json.js';
import { EVIDENCE_COLUMNS, REJECT_COLUMNS } from '../../src/reporters/csv.js';
import { OUTPUTS, analyzeSample } from '../reporters/support.js';

const update = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = 'test/fixtures/reports/kestrel-borderline';

describe('analyze on kestrel-borderline', () => {
  let first: Awaited<ReturnType<typeof analyzeSample>>;
  let second: Awaited<ReturnType<typeof analyzeSample>>;
  beforeAll(async () => {
    [first, second] = await Promise.all([analyzeSample('kestrel-borderline'), analyzeSample('kestrel-borderline', '--quiet')]);
  });

  it('exits 0 and writes every output', () => {
    expect(first.code).toBe(0);
    expect(Object.keys(first.files)).toEqual([...OUTPUTS]);
  });

  it('writes byte-identical outputs on a second run of the same inputs and config', () => {
    for (const name of OUTPUTS) expect(second.files[name], name).toBe(first.files[name]);
  });

  it('prints the summary, and nothing on stdout with --quiet', () => {
    expect(first.out).toMatch(/^recommendation: /m);
    expect(second.out).toBe('');
    expect(second.err).toBe('');
  });

  it('keeps the versioned analysis.json schema and accounts for every row read', () => {
    const analysis = JSON.parse(first.files['analysis.json']!) as Analysis;
    expect([analysis.schema, analysis.version]).toEqual([ANALYSIS_SCHEMA, ANALYSIS_VERSION]);
    const { totals, files, issues } = analysis.inputs;
    expect(totals.rowsRead).toBe(totals.rowsAccepted + totals.rowsRejected);
    for (const f of files) expect(f.rowsRead, f.file).toBe(f.rowsAccepted + f.rowsRejected);
    expect(issues.filter((i) => i.severity === 'error').length).toBe(files.reduce((s, f) => s + f.errors, 0));
  });

  it('lists every cited row in evidence.csv with what cites it', () => {
    const analysis = JSON.parse(first.files['analysis.json']!) as Analysis;
    const rows = parse(first.files['evidence.csv']!, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...EVIDENCE_COLUMNS]);
    expect(rows.map((r) => r.event_id).sort()).toEqual(Object.keys(analysis.citations).sort());
    for (const axis of analysis.scorecard!.axes) {
      for (const c of axis.evidence) {
        const row = rows.find((r) => r.event_id === c.id)!;
        expect([row.file, Number(row.line)]).toEqual([c.file, c.line]);
        expect(row.cited_by!.split('; ')).toContain(`axis:${axis.id}`);
      }
    }
  });

  it('lists every reject and warning in rejects.csv', () => {
    const analysis = JSON.parse(first.files['analysis.json']!) as Analysis;
    const rows = parse(first.files['rejects.csv']!, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(analysis.inputs.issues.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toEqual([...REJECT_COLUMNS]);
    expect(rows.map((r) => `${r.file}:${r.line}:${r.code}`)).toEqual(analysis.inputs.issues.map((i) => `${i.file}:${i.line ?? ''}:${i.code}`));
  });

  it('cites every axis evidence row as file:line in report.md', () => {
    const analysis = JSON.parse(first.files['analysis.json']!) as Analysis;
    for (const axis of analysis.scorecard!.axes) for (const c of axis.evidence) expect(first.files['report.md']).toContain(`\`${c.file}:${c.line}\``);
  });

  it.each(['report.md', 'analysis.json'])('matches the golden %s', (name) => {
    const file = join(GOLDEN, name);
    if (update || !existsSync(file)) {
      expect(update, `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, first.files[name]!);
    }
    expect(first.files[name]).toBe(readFileSync(file, 'utf8'));
  });
});
