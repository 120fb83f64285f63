import { describe, expect, it } from 'vitest';
import type { AnalyzerResult, Measure } from '../../src/analyzers/define-analyzer.js';
import { defaultMatrix, MatrixError, resolveMatrix } from '../../src/scoring/matrix.js';
import { bandOf, recommend, scoreAxes, signalScore, type AxisScore } from '../../src/scoring/score.js';

const ok = (value: number, n = 50): Measure => ({ status: 'ok', value, unit: 'x', n, evidence: [], definition: '' });

/** Analyzer results holding just the given measures. */
function results(measures: Record<string, number>): AnalyzerResult[] {
  const byAnalyzer = new Map<string, Record<string, Measure>>();
  for (const [metric, value] of Object.entries(measures)) {
    const [analyzer, name] = metric.split('.') as [string, string];
    byAnalyzer.set(analyzer, { ...(byAnalyzer.get(analyzer) ?? {}), [name]: ok(value) });
  }
  return [...byAnalyzer].map(([id, m]) => ({ id, status: 'ok', measures: m, series: {}, tables: {} }));
}

describe('the decision matrix', () => {
  it('ships a default that validates, with a rationale for every threshold', () => {
    const matrix = defaultMatrix();
    for (const axis of Object.values(matrix.axes)) for (const signal of Object.values(axis.signals)) expect(signal.rationale.length).toBeGreaterThan(20);
  });

  it('takes overrides object by object and names the config path of a bad value', () => {
    const matrix = resolveMatrix({ bands: { watchFrom: 25 } });
    expect(matrix.bands).toMatchObject({ watchFrom: 25, sprintFrom: 60 });
    expect(() => resolveMatrix({ axes: { failureFrequency: { signals: { 'failure-frequency.failuresPerWeekMedian': { sprintAt: 'five' } } } } })).toThrow(
      /matrix\.axes\.failureFrequency\.signals\.failure-frequency\.failuresPerWeekMedian\.sprintAt/,
    );
    expect(() => resolveMatrix({ bands: { watchFrom: 80 } })).toThrow(MatrixError);
  });
});

describe('scoring', () => {
  it.each([
    [0.25, 0.25, 0.9, 0],
    [0.9, 0.25, 0.9, 100],
    [0.575, 0.25, 0.9, 50],
    [2, 0.25, 0.9, 100],
    // reversed: higher is better
    [0.75, 0.9, 0.6, 50],
  ])('scores %d between manage %d and sprint %d as %d', (value, manageAt, sprintAt, expected) => {
    expect(signalScore(value, manageAt, sprintAt)).toBe(expected);
  });

  it('leaves out signals it cannot measure and marks an axis not scored below the coverage', () => {
    const matrix = defaultMatrix();
    const axes = scoreAxes(results({ 'lead-time-drag.affectedShare': 0.15 }), matrix, new Map());
    const lead = axes.find((a) => a.id === 'leadTimeImpact')!;
    expect(lead).toMatchObject({ score: 100, band: 'remediation-sprint', coverage: 0.4 });
    expect(axes.find((a) => a.id === 'operationalConfidence')).toMatchObject({ band: 'not-scored', score: null });
  });

  it('bands by the matrix thresholds', () => {
    const matrix = defaultMatrix();
    expect([0, 29.9, 30, 59.9, 60, 100].map((s) => bandOf(s, matrix))).toEqual(['manage-in-place', 'manage-in-place', 'watch', 'watch', 'remediation-sprint', 'remediation-sprint']);
  });
});

describe('recommend', () => {
  const axis = (band: AxisScore['band'], i: number): AxisScore => ({ id: 'failureFrequency', title: `Axis ${i}`, score: band === 'not-scored' ? null : 50, band, coverage: 1, signals: [], findings: [], evidence: [], guide: { manage: '', sprint: '' } });
  const facts = { activeWeeks: 16, workflows: 300 };
  const decide = (bands: AxisScore['band'][], scope = facts) => recommend(bands.map(axis), scope, defaultMatrix());

  it.each<[AxisScore['band'][], string]>([
    [['remediation-sprint', 'remediation-sprint', 'manage-in-place', 'manage-in-place', 'manage-in-place'], 'remediation-sprint'],
    [['remediation-sprint', 'watch', 'watch', 'manage-in-place', 'manage-in-place'], 'remediation-sprint'],
    [['remediation-sprint', 'watch', 'manage-in-place', 'manage-in-place', 'manage-in-place'], 'manage-in-place'],
    [['watch', 'watch', 'watch', 'manage-in-place', 'manage-in-place'], 'manage-in-place'],
    [['manage-in-place', 'manage-in-place', 'manage-in-place', 'not-scored', 'not-scored'], 'manage-in-place'],
    [['watch', 'not-scored', 'not-scored', 'not-scored', 'not-scored'], 'insufficient-evidence'],
  ])('%j → %s', (bands, decision) => {
    expect(decide(bands).decision).toBe(decision);
  });

  it('flags the guide disqualifiers', () => {
    const allManage = decide(Array(5).fill('manage-in-place'));
    expect(allManage.disqualifiers.map((d) => d.id)).toEqual(['no-handoff-pain']);
    const short = decide(Array(5).fill('remediation-sprint'), { activeWeeks: 4, workflows: 12 });
    expect(short.decision).toBe('insufficient-evidence');
    expect(short.disqualifiers.map((d) => d.id)).toEqual(['short-span', 'few-workflows']);
  });
});
