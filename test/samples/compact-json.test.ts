// The vendors' APIs return JSON pages compact, every record on one line; the samples are indented.
// Either way a company's analysis must be the same, but for the positions its ids and issues cite.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeEvents, buildScorecard, connectors, defaultMatrix, loadInputs, prepareAnalysis, renderReports } from '../../src/index.js';
import { SAMPLES } from '../support/samples.js';

const scratch = mkdtempSync(join(tmpdir(), 'handoff-risk-compact-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the company's exports with every one-document JSON file written compact; the files compacted. */
function compactCopy(company: string): { dir: string; compacted: string[] } {
  const dir = join(scratch, company);
  cpSync(join(SAMPLES, company, 'exports'), dir, { recursive: true });
  const compacted: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const path = join(entry.parentPath, entry.name);
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      continue; // one object a line (Zendesk's JSON export): already compact records
    }
    writeFileSync(path, JSON.stringify(document));
    compacted.push(entry.name);
  }
  return { dir, compacted };
}

/** The run without positions: ids, lines and columns. */
function positionless(value: unknown): string {
  return JSON.stringify(value, (key, item) => (key === 'line' || key === 'column' ? undefined : typeof item === 'string' ? item.replace(/[^\s"]*:\d+(:\d+)?#\d+/g, 'ID') : item));
}

describe('a compact JSON page', () => {
  it.each(['brightpath-troubled', 'kestrel-borderline', 'northwind-healthy'])('gives %s the analysis an indented one gives, each id its own', async (company) => {
    const { dir, compacted } = compactCopy(company);
    expect(compacted.length).toBeGreaterThan(0);
    const indented = await loadInputs([join(SAMPLES, company, 'exports')], connectors, { timeZone: 'UTC' });
    const compact = await loadInputs([dir], connectors, { timeZone: 'UTC' });
    expect(new Set(compact.events.map((e) => e.id)).size).toBe(compact.events.length);
    // the records of a compact page share line 1: their ids name the column
    expect(compact.events.some((e) => /:1:\d+#\d+$/.test(e.id))).toBe(true);
    expect(compact.files.map((f) => [f.rowsRead, f.rowsAccepted, f.rowsRejected])).toEqual(indented.files.map((f) => [f.rowsRead, f.rowsAccepted, f.rowsRejected]));
    const a = analyzeEvents(indented.events)!;
    const b = analyzeEvents(compact.events)!;
    expect(positionless(b.results)).toBe(positionless(a.results));
    expect(positionless(b.evidence.failures.map((f) => [f.class, f.at, f.record, f.route, f.workflow, f.detectionLagHours]))).toBe(positionless(a.evidence.failures.map((f) => [f.class, f.at, f.record, f.route, f.workflow, f.detectionLagHours])));
    // the reports cite a compact page's record by line and column, as its id names it
    const analysis = prepareAnalysis({ run: b, files: compact.files, scorecard: buildScorecard(b, defaultMatrix()) });
    const onSharedLine = Object.entries(analysis.citations).filter(([id]) => /:1:\d+#\d+$/.test(id));
    expect(onSharedLine.length).toBeGreaterThan(0);
    for (const [id, cited] of onSharedLine) expect(`${cited.file}:${cited.line}:${cited.column}`).toBe(id.replace(/#\d+$/, ''));
    expect(renderReports(analysis)['report.md']).toMatch(/\.json:1:\d+`/);
  });
});
