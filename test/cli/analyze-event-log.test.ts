// `analyze` works on a single generic event log as well as on a folder of vendor exports.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/read-fixture.js';
import { run } from './run.js';

describe('analyze on one process-mining event log', () => {
  it('measures handoffs and ping-pongs, writes every output, and reports what it cannot score', async () => {
    const out = mkdtempSync(join(tmpdir(), 'handoff-risk-log-'));
    const { code, out: printed } = await run('analyze', join(FIXTURES, 'analyzers', 'handoff-count.csv'), '--out', out);
    expect(code).toBe(0);
    const analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    const handoffs = analysis.analyzers.find((r: { id: string }) => r.id === 'handoffs');
    expect(handoffs.measures.teamHandoffs.value).toBe(9);
    expect(handoffs.measures.pingPongs.value).toBe(4);
    // no integration runs, no cross-system workflows: the decision is insufficient evidence, not a zero
    expect(analysis.scorecard.recommendation.decision).toBe('insufficient-evidence');
    expect(analysis.scorecard.axes.every((a: { band: string; score: number | null }) => a.band === 'not-scored' || a.score !== null)).toBe(true);
    expect(printed).toContain('INSUFFICIENT EVIDENCE');
    for (const file of ['report.md', 'report.html', 'evidence.csv', 'rejects.csv']) expect(readFileSync(join(out, file), 'utf8').length).toBeGreaterThan(0);
  });
});
