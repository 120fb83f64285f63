// Runs every registered analyzer over one analysis input, with the shared measure rules.
import { EVIDENCE_LIMIT, type AnalysisInput, type Analyzer, type AnalyzerContext, type AnalyzerResult, type MeasureResult } from './define-analyzer.js';
import { analyzers as registry } from './index.js';
import { LOW_CONFIDENCE, MIN_SAMPLE, round } from './stats.js';

/** Options per analyzer id, validated by each analyzer's own schema. */
export type AnalyzerOptions = Record<string, Record<string, unknown>>;

export class AnalyzerOptionsError extends Error {}

function contextFor<O>(analyzer: Analyzer<O>, raw: Record<string, unknown> | undefined): AnalyzerContext<O> {
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
        evidence: firstDistinct(fields.evidence, EVIDENCE_LIMIT),
        definition: fields.definition,
      };
    },
    insufficient(reason, fields) {
      return { status: 'insufficient', reason, unit: fields.unit, definition: fields.definition };
    },
  };
}

/**
 * The first `limit` distinct ids, in order. Stops there: a measure may cite every failure of the run
 * (60,000 on the 5M brightpath set), and a set of all of them cost half a second over the measures.
 */
function firstDistinct(ids: readonly string[], limit: number): string[] {
  const kept = new Set<string>();
  for (const id of ids) {
    if (kept.size === limit) break;
    kept.add(id);
  }
  return [...kept];
}

/** Runs the analyzers (all registered ones by default) in id order. */
export function runAnalyzers(input: AnalysisInput, options: AnalyzerOptions = {}, analyzers: readonly Analyzer<any>[] = registry): AnalyzerResult[] {
  return analyzers.map((analyzer) => ({ id: analyzer.meta.id, ...analyzer.analyze(input, contextFor(analyzer, options[analyzer.meta.id])) }));
}
