// A run against its baseline (the previous run's analysis.json): per axis and per measure, before → now.
import type { Analysis } from './analysis-json.js';
import { ANALYSIS_SCHEMA, ANALYSIS_VERSION } from './analysis-json.js';

export interface AxisChange {
  id: string;
  title: string;
  before: { score: number | null; band: string } | null;
  now: { score: number | null; band: string } | null;
  /** now − before; null when either side was not scored */
  change: number | null;
  bandChanged: boolean;
}

export interface MeasureChange {
  /** `analyzer.measure` */
  metric: string;
  unit: string;
  /** null: not measured on that side */
  before: number | null;
  now: number | null;
  change: number | null;
}

export interface Comparison {
  baseline: { window: Analysis['window']; decision: string | null };
  decision: { before: string | null; now: string | null; changed: boolean };
  axes: AxisChange[];
  measures: MeasureChange[];
}

/** Why a file cannot serve as a baseline. */
export class BaselineError extends Error {}

/**
 * Parses a baseline analysis.json; throws BaselineError when it is not JSON or not this schema and version.
 * @example parseBaseline(readFileSync('previous/analysis.json', 'utf8'))
 */
export function parseBaseline(text: string): Analysis {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BaselineError('not a JSON object');
  const { schema, version } = data as { schema?: unknown; version?: unknown };
  if (schema !== ANALYSIS_SCHEMA) throw new BaselineError(`schema is ${JSON.stringify(schema ?? null)}, expected "${ANALYSIS_SCHEMA}"`);
  if (version !== ANALYSIS_VERSION) throw new BaselineError(`version ${JSON.stringify(version ?? null)} of ${ANALYSIS_SCHEMA}; this tool reads version ${ANALYSIS_VERSION}`);
  const { scorecard, analyzers } = data as { scorecard?: unknown; analyzers?: unknown };
  if (!Array.isArray(analyzers) || (scorecard !== null && typeof scorecard !== 'object')) throw new BaselineError('missing "analyzers" or "scorecard"');
  return data as Analysis;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function measureValues(analysis: Analysis): Map<string, { value: number | null; unit: string }> {
  const values = new Map<string, { value: number | null; unit: string }>();
  for (const result of analysis.analyzers) {
    for (const [name, measure] of Object.entries(result.measures)) {
      values.set(`${result.id}.${name}`, { value: measure.status === 'ok' ? measure.value : null, unit: measure.unit });
    }
  }
  return values;
}

/** Compares a run with its baseline: axes in matrix order, measures sorted by id. */
export function compareAnalyses(baseline: Analysis, current: Analysis): Comparison {
  const beforeAxes = new Map((baseline.scorecard?.axes ?? []).map((a) => [a.id, a]));
  const nowAxes = current.scorecard?.axes ?? [];
  const ids = [...nowAxes.map((a) => a.id), ...[...beforeAxes.keys()].filter((id) => !nowAxes.some((a) => a.id === id))];
  const axes = ids.map((id): AxisChange => {
    const before = beforeAxes.get(id);
    const now = nowAxes.find((a) => a.id === id);
    const change = before?.score != null && now?.score != null ? round(now.score - before.score) : null;
    return {
      id,
      title: now?.title ?? before?.title ?? id,
      before: before ? { score: before.score, band: before.band } : null,
      now: now ? { score: now.score, band: now.band } : null,
      change,
      bandChanged: (before?.band ?? null) !== (now?.band ?? null),
    };
  });
  const before = measureValues(baseline);
  const now = measureValues(current);
  const metrics = [...new Set([...before.keys(), ...now.keys()])].sort();
  const measures = metrics.map((metric): MeasureChange => {
    const b = before.get(metric);
    const n = now.get(metric);
    const bv = b?.value ?? null;
    const nv = n?.value ?? null;
    return { metric, unit: n?.unit ?? b?.unit ?? '', before: bv, now: nv, change: bv !== null && nv !== null ? round(nv - bv) : null };
  });
  const decisionBefore = baseline.scorecard?.recommendation.decision ?? null;
  const decisionNow = current.scorecard?.recommendation.decision ?? null;
  return {
    baseline: { window: baseline.window, decision: decisionBefore },
    decision: { before: decisionBefore, now: decisionNow, changed: decisionBefore !== decisionNow },
    axes,
    measures,
  };
}
