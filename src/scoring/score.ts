// Scores the five axes of the decision matrix from the analyzers' measures, and makes the recommendation.
import type { AnalyzerResult, Measure, MeasureResult } from '../analyzers/define-analyzer.js';
import type { HandoffEvent } from '../model/index.js';
import { describeAxis } from './findings.js';
import { AXIS_IDS, type AxisId, type DecisionMatrix } from './matrix.js';

export type Band = 'manage-in-place' | 'watch' | 'remediation-sprint' | 'not-scored';

export type SignalScore =
  | { metric: string; status: 'scored'; value: number; unit: string; n: number; ci?: [number, number]; lowConfidence?: boolean; score: number; weight: number; manageAt: number; sprintAt: number; rationale: string }
  | { metric: string; status: 'not-measured'; reason: string; weight: number; manageAt: number; sprintAt: number; rationale: string };

/** A row cited as evidence: the event id and where it came from. */
export interface Citation {
  id: string;
  file: string;
  line: number;
  /** in a compact JSON page (see `EventSource`) */
  column?: number;
}

export interface AxisScore {
  id: AxisId;
  title: string;
  /** 0–100; null when not scored */
  score: number | null;
  band: Band;
  /** share of the axis' weight whose signals could be measured */
  coverage: number;
  reason?: string;
  signals: SignalScore[];
  findings: string[];
  evidence: Citation[];
  guide: { manage: string; sprint: string };
}

export type Decision = 'manage-in-place' | 'remediation-sprint' | 'insufficient-evidence';

export interface Recommendation {
  decision: Decision;
  reasons: string[];
  disqualifiers: { id: 'short-span' | 'few-workflows' | 'no-handoff-pain' | 'few-axes'; detail: string }[];
}

export interface ScopeFacts {
  activeWeeks: number;
  workflows: number;
}

/** Resolves a signal id (`analyzer.measure`) in the results. */
export function findMeasure(results: readonly AnalyzerResult[], metric: string): MeasureResult | undefined {
  const [analyzer, name] = metric.split('.') as [string, string];
  const result = results.find((r) => r.id === analyzer);
  if (!result) return undefined;
  return result.measures[name] ?? (result.status === 'insufficient' ? { status: 'insufficient', reason: result.reason ?? 'not measured', unit: '', definition: '' } : undefined);
}

/** 0 at the manage level, 100 at the sprint level, linear between (either direction). */
export function signalScore(value: number, manageAt: number, sprintAt: number): number {
  const t = (value - manageAt) / (sprintAt - manageAt);
  return Math.round(Math.min(1, Math.max(0, t)) * 1000) / 10;
}

export function bandOf(score: number, matrix: DecisionMatrix): Exclude<Band, 'not-scored'> {
  if (score >= matrix.bands.sprintFrom) return 'remediation-sprint';
  if (score >= matrix.bands.watchFrom) return 'watch';
  return 'manage-in-place';
}

const CITED_PER_AXIS = 10;

/** Scores every axis; signals that could not be measured lower the coverage, never the score. */
export function scoreAxes(results: readonly AnalyzerResult[], matrix: DecisionMatrix, events: ReadonlyMap<string, HandoffEvent>): AxisScore[] {
  return AXIS_IDS.map((id) => {
    const axis = matrix.axes[id];
    const signals: SignalScore[] = Object.entries(axis.signals).map(([metric, signal]) => {
      const measure = findMeasure(results, metric);
      const base = { metric, weight: signal.weight, manageAt: signal.manageAt, sprintAt: signal.sprintAt, rationale: signal.rationale };
      if (!measure || measure.status !== 'ok') return { ...base, status: 'not-measured' as const, reason: measure?.status === 'insufficient' ? measure.reason : 'no analyzer produced it' };
      return {
        ...base,
        status: 'scored' as const,
        value: measure.value,
        unit: measure.unit,
        n: measure.n,
        ...(measure.ci ? { ci: measure.ci } : {}),
        ...(measure.lowConfidence ? { lowConfidence: true } : {}),
        score: signalScore(measure.value, signal.manageAt, signal.sprintAt),
      };
    });
    const total = signals.reduce((sum, s) => sum + s.weight, 0);
    const scored = signals.filter((s): s is Extract<SignalScore, { status: 'scored' }> => s.status === 'scored');
    const measuredWeight = scored.reduce((sum, s) => sum + s.weight, 0);
    const coverage = Math.round((measuredWeight / total) * 1000) / 1000;
    const guide = { manage: axis.manage, sprint: axis.sprint };
    const findings = describeAxis(id, results);
    if (coverage < matrix.minimumCoverage) {
      const missing = signals.filter((s) => s.status === 'not-measured').map((s) => `${s.metric}: ${s.status === 'not-measured' ? s.reason : ''}`);
      return { id, title: axis.title, score: null, band: 'not-scored', coverage, reason: `too little evidence: ${missing.join('; ')}`, signals, findings, evidence: [], guide };
    }
    const score = Math.round((scored.reduce((sum, s) => sum + s.score * s.weight, 0) / measuredWeight) * 10) / 10;
    // cite the rows behind the signals that weigh most on the score
    const ranked = [...scored].sort((a, b) => b.score * b.weight - a.score * a.weight || a.metric.localeCompare(b.metric));
    const ids: string[] = [];
    for (const signal of ranked) {
      const measure = findMeasure(results, signal.metric) as Measure;
      for (const evidenceId of measure.evidence.slice(0, 5)) if (!ids.includes(evidenceId)) ids.push(evidenceId);
    }
    const evidence = ids
      .slice(0, CITED_PER_AXIS)
      .map((evidenceId) => events.get(evidenceId))
      .filter((event): event is HandoffEvent => event !== undefined)
      .map((event) => ({ id: event.id, file: event.source.file, line: event.source.line, ...(event.source.column === undefined ? {} : { column: event.source.column }) }));
    return { id, title: axis.title, score, band: bandOf(score, matrix), coverage, signals, findings, evidence, guide };
  });
}

/** The overall decision from the axis bands, after the guide's disqualifiers. */
export function recommend(axes: readonly AxisScore[], facts: ScopeFacts, matrix: DecisionMatrix): Recommendation {
  const disqualifiers: Recommendation['disqualifiers'] = [];
  const { minActiveWeeks, minWorkflows } = matrix.disqualifiers;
  if (facts.activeWeeks < minActiveWeeks) disqualifiers.push({ id: 'short-span', detail: `${facts.activeWeeks} active weeks of handoffs; at least ${minActiveWeeks} are needed to see recurrence and trends` });
  if (facts.workflows < minWorkflows) disqualifiers.push({ id: 'few-workflows', detail: `${facts.workflows} workflows linked across systems; at least ${minWorkflows} are needed` });
  const scored = axes.filter((a) => a.band !== 'not-scored');
  if (scored.length < matrix.recommendation.minAxesScored) disqualifiers.push({ id: 'few-axes', detail: `${scored.length} of 5 axes could be scored; at least ${matrix.recommendation.minAxesScored} are needed` });
  const sprint = scored.filter((a) => a.band === 'remediation-sprint');
  const watch = scored.filter((a) => a.band === 'watch');
  const names = (list: readonly AxisScore[]) => list.map((a) => `${a.title.toLowerCase()} (${a.score})`).join(', ');

  if (disqualifiers.length) {
    return { decision: 'insufficient-evidence', reasons: disqualifiers.map((d) => d.detail), disqualifiers };
  }
  if (sprint.length >= 2 || (sprint.length === 1 && watch.length >= 2)) {
    const reasons = [`remediation-sprint signals on ${names(sprint)}`];
    if (watch.length) reasons.push(`watch on ${names(watch)}`);
    return { decision: 'remediation-sprint', reasons, disqualifiers };
  }
  if (sprint.length === 0 && watch.length === 0) {
    disqualifiers.push({ id: 'no-handoff-pain', detail: 'every scored axis is at manage-in-place levels: no evidence of operational handoff pain' });
    return { decision: 'manage-in-place', reasons: ['every scored axis is at manage-in-place levels'], disqualifiers };
  }
  const reasons = [
    sprint.length ? `only one axis at remediation level (${names(sprint)}), without the watch signals that would make it systemic` : 'no axis at remediation level',
    ...(watch.length ? [`watch ${names(watch)} in the scheduled run`] : []),
  ];
  return { decision: 'manage-in-place', reasons, disqualifiers };
}
