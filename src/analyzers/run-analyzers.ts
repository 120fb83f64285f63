// Runs every registered analyzer over one analysis input, with the shared measure rules.
import type { HandoffEvent } from '../model/index.js';
import { EVIDENCE_LIMIT, type AnalysisInput, type Analyzer, type AnalyzerContext, type AnalyzerResult, type MeasureResult } from './define-analyzer.js';
import { analyzers as registry } from './index.js';
import { LOW_CONFIDENCE, MIN_SAMPLE, round } from './stats.js';

/** Options per analyzer id, validated by each analyzer's own schema. */
export type AnalyzerOptions = Record<string, Record<string, unknown>>;

export class AnalyzerOptionsError extends Error {}

function contextFor<O>(analyzer: Analyzer<O>, raw: Record<string, unknown> | undefined, cited: Map<string, HandoffEvent>): AnalyzerContext<O> {
  let options = (raw ?? {}) as O;
  if (analyzer.options) {
    const parsed = analyzer.options.safeParse(raw ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AnalyzerOptionsError(`analyzers.${analyzer.meta.id}.${issue.path.join('.')}: ${issue.message}`);
    }
    options = parsed.data;
  }
  return {
    options,
    measure(value, fields): MeasureResult {
      const minimum = fields.minSample ?? MIN_SAMPLE;
      if (value === undefined || Number.isNaN(value)) {
        return { status: 'insufficient', reason: fields.n === 0 ? 'no observations' : 'cannot be computed from these observations', unit: fields.unit, definition: fields.definition };
      }
      if (fields.n < minimum) {
        return { status: 'insufficient', reason: `${fields.n} observations; at least ${minimum} needed`, unit: fields.unit, definition: fields.definition };
      }
      return {
        status: 'ok',
        value: round(value),
        unit: fields.unit,
        n: fields.n,
        ...(fields.ci ? { ci: [round(fields.ci[0]), round(fields.ci[1])] as [number, number] } : {}),
        ...(minimum > 0 && fields.n < (fields.confidentFrom ?? LOW_CONFIDENCE) ? { lowConfidence: true } : {}),
        evidence: firstDistinct(fields.evidence, EVIDENCE_LIMIT, cited),
        definition: fields.definition,
      };
    },
    insufficient(reason, fields) {
      return { status: 'insufficient', reason, unit: fields.unit, definition: fields.definition };
    },
  };
}

/**
 * The ids of the first `limit` distinct items, in order, each event among them put in `cited` by its
 * id. Stops there: a measure may cite every failure of the run (60,000 on the 5M brightpath set), and
 * a set of all of them cost half a second over the measures.
 */
function firstDistinct(items: readonly (HandoffEvent | string)[], limit: number, cited: Map<string, HandoffEvent>): string[] {
  const kept = new Set<string>();
  for (const item of items) {
    if (kept.size === limit) break;
    if (typeof item === 'string') kept.add(item);
    else {
      kept.add(item.id);
      cited.set(item.id, item);
    }
  }
  return [...kept];
}

/**
 * Runs the analyzers (all registered ones by default) in id order. The events their measures cite as
 * events (not only by id) are put in `cited`, by id.
 */
export function runAnalyzers(
  input: AnalysisInput,
  options: AnalyzerOptions = {},
  analyzers: readonly Analyzer<any>[] = registry,
  cited = new Map<string, HandoffEvent>(),
): AnalyzerResult[] {
  return analyzers.map((analyzer) => ({ id: analyzer.meta.id, ...analyzer.analyze(input, contextFor(analyzer, options[analyzer.meta.id], cited)) }));
}
