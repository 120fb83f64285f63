// The analyzer contract: self-describing metadata plus a pure function from events to measures.
import type { z } from 'zod';
import type { Correlation } from '../correlate/workflows.js';
import type { Evidence } from '../correlate/evidence.js';
import type { EventKind, HandoffEvent } from '../model/index.js';

/** One measured figure: its value, how many observations it rests on, and the events behind it. */
export interface Measure {
  status: 'ok';
  value: number;
  unit: string;
  /** observations the value rests on */
  n: number;
  /** 95% interval when the measure has one */
  ci?: [number, number];
  /** 10 ≤ n < 30: shown, but flagged */
  lowConfidence?: boolean;
  /** ids of the events that support the value, strongest first */
  evidence: string[];
  /** how the value was computed, in one line: clock, aggregation, link method */
  definition: string;
}

/** A figure that could not be measured, and why — never a zero standing in for it. */
export interface Insufficient {
  status: 'insufficient';
  reason: string;
  unit: string;
  definition: string;
}

export type MeasureResult = Measure | Insufficient;

/** A weekly series: one value per ISO week (Monday, UTC) of the analysis window. */
export interface WeeklySeries {
  unit: string;
  points: { week: string; value: number }[];
}

export interface AnalyzerResult {
  id: string;
  status: 'ok' | 'insufficient';
  /** why the whole analyzer could not run */
  reason?: string;
  measures: Record<string, MeasureResult>;
  series: Record<string, WeeklySeries>;
  /** breakdowns for reports (routes, teams, classes), sorted by stable keys */
  tables: Record<string, Record<string, unknown>[]>;
}

export interface AnalyzerMeta {
  id: string;
  description: string;
  /** event kinds it reads */
  needs: EventKind[];
  /** observations below which it reports insufficient */
  minSample: number;
}

/** What every analyzer gets: the events, the correlation, the derived evidence, and the window. */
export interface AnalysisInput {
  /** in time order, `workflow` filled by correlation */
  events: readonly HandoffEvent[];
  correlation: Correlation;
  evidence: Evidence;
  window: { from: string; to: string };
  weeks: readonly string[];
  /** weeks carrying at least half the median weekly volume of ended integration runs (all weeks when there are none) */
  activeWeeks: ReadonlySet<string>;
  /** the integration runs that ended (succeeded or failed), in time order */
  runs: readonly HandoffEvent[];
}

export interface AnalyzerContext<O> {
  options: O;
  /** Builds a measure; flags low confidence and refuses (as insufficient) below the minimum sample. */
  measure(
    value: number | undefined,
    fields: {
      unit: string;
      n: number;
      /** the rows behind the value, as events or their ids: an event is cited without a search for its id */
      evidence: readonly (HandoffEvent | string)[];
      definition: string;
      ci?: [number, number] | undefined;
      minSample?: number;
      /** n below which the value is flagged low-confidence (30 for samples; weekly series count weeks, 8) */
      confidentFrom?: number;
    },
  ): MeasureResult;
  insufficient(reason: string, fields: { unit: string; definition: string }): Insufficient;
}

export interface Analyzer<O = unknown> {
  meta: AnalyzerMeta;
  options?: z.ZodType<O>;
  analyze(input: AnalysisInput, ctx: AnalyzerContext<O>): Omit<AnalyzerResult, 'id'>;
}

/** Declares an analyzer with typed options. */
export function defineAnalyzer<O = Record<string, never>>(analyzer: Analyzer<O>): Analyzer<O> {
  return analyzer;
}

/** Evidence lists are capped: reports cite the strongest rows, analysis.json keeps this many. */
export const EVIDENCE_LIMIT = 50;

/** The result of an analyzer the inputs cannot feed at all. */
export function notMeasurable(reason: string): Omit<AnalyzerResult, 'id'> {
  return { status: 'insufficient', reason, measures: {}, series: {}, tables: {} };
}
