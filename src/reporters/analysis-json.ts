// analysis.json: the versioned, machine-readable result, every cited event resolved to file and line.
// Documented in docs/analysis-json.md; every other reporter renders from this document.
import type { AnalyzerResult } from '../analyzers/define-analyzer.js';
import type { FileResult } from '../ingest/run-connector.js';
import type { HandoffEvent, Issue } from '../model/index.js';
import type { AnalysisRun } from '../pipeline.js';
import type { Scorecard } from '../scoring/scorecard.js';
import type { Comparison } from './comparison.js';

export const ANALYSIS_SCHEMA = 'handoff-risk/analysis';
export const ANALYSIS_VERSION = 1;

export interface ReportInput {
  run: AnalysisRun | undefined;
  files: FileResult[];
  scorecard?: Scorecard | undefined;
}

/** A cited event: where it came from and what it was. */
export interface CitedEvent {
  file: string;
  line: number;
  /** where the record starts on its line, in a compact JSON page (see `EventSource`) */
  column?: number;
  connector: string;
  at: string;
  system: string;
  /** `type id` */
  record: string;
  kind: string;
  actor: string;
  actorType: string;
  field?: string;
  from?: string;
  to?: string;
  workflow?: string;
}

export interface FileSummary {
  file: string;
  connector: string | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  events: number;
  errors: number;
  warnings: number;
}

/** The analysis document: what analysis.json holds, and what every reporter renders. */
export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA;
  version: number;
  window: { from: string; to: string; weeks: number; firstWeek: string | undefined; lastWeek: string | undefined } | null;
  inputs: {
    files: FileSummary[];
    totals: { files: number; rowsRead: number; rowsAccepted: number; rowsRejected: number; events: number };
    /** every reject (error) and warning, in file order, then line and column */
    issues: Issue[];
  };
  correlation: {
    records: number;
    workflows: number;
    linkedRecords: number;
    unlinkedRecords: number;
    unlinked: AnalysisRun['correlation']['unlinked'];
    danglingLinks: AnalysisRun['correlation']['danglingLinks'];
    /** events by who made them: `unknown` actors are counted as people (nothing marked them as integration accounts) */
    actors: { human: number; integration: number; system: number; unknown: number };
  } | null;
  scorecard: Scorecard | null;
  analyzers: AnalyzerResult[];
  /** event id → the cited row */
  citations: Record<string, CitedEvent>;
  /** true when personal names and e-mail addresses were replaced by pseudonyms */
  redacted: boolean;
  /** present when the run was compared with a baseline analysis.json */
  comparison?: Comparison;
}

/** Where a cited event came from, and what it was. */
export function citation(event: HandoffEvent): CitedEvent {
  return {
    file: event.source.file,
    line: event.source.line,
    ...(event.source.column === undefined ? {} : { column: event.source.column }),
    connector: event.source.connector,
    at: event.at,
    system: event.system,
    record: `${event.record.type} ${event.record.id}`,
    kind: event.kind,
    actor: event.actor.name ?? event.actor.id,
    actorType: event.actor.type,
    ...(event.field ? { field: event.field } : {}),
    ...(event.from !== undefined ? { from: event.from } : {}),
    ...(event.to !== undefined ? { to: event.to } : {}),
    ...(event.workflow ? { workflow: event.workflow } : {}),
  };
}

function compareIssues(order: Map<string, number>) {
  return (a: Issue, b: Issue) =>
    (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}

/** Builds the analysis document (plain data, keys in a fixed order). */
export function buildAnalysis({ run, files, scorecard }: ReportInput): Analysis {
  const order = new Map(files.map((f, i) => [f.file, i]));
  const inputs = {
    files: files.map((f) => ({
      file: f.file,
      connector: f.connector ?? null,
      rowsRead: f.rowsRead,
      rowsAccepted: f.rowsAccepted,
      rowsRejected: f.rowsRejected,
      events: f.eventCount,
      errors: f.issues.filter((i) => i.severity === 'error').length,
      warnings: f.issues.filter((i) => i.severity === 'warning').length,
    })),
    totals: {
      files: files.length,
      rowsRead: files.reduce((s, f) => s + f.rowsRead, 0),
      rowsAccepted: files.reduce((s, f) => s + f.rowsAccepted, 0),
      rowsRejected: files.reduce((s, f) => s + f.rowsRejected, 0),
      events: files.reduce((s, f) => s + f.eventCount, 0),
    },
    issues: files.flatMap((f) => f.issues).sort(compareIssues(order)),
  };
  if (!run) {
    return { schema: ANALYSIS_SCHEMA, version: ANALYSIS_VERSION, window: null, inputs, correlation: null, scorecard: null, analyzers: [], citations: {}, redacted: false };
  }
  const cited = new Set<string>();
  for (const result of run.results) for (const measure of Object.values(result.measures)) if (measure.status === 'ok') for (const id of measure.evidence) cited.add(id);
  for (const axis of scorecard?.axes ?? []) for (const citation of axis.evidence) cited.add(citation.id);
  for (const route of scorecard?.containment.routes ?? []) for (const id of route.evidence) cited.add(id);
  const citations = Object.fromEntries(
    [...cited]
      .filter((id) => run.cited.has(id))
      .sort()
      .map((id) => [id, citation(run.cited.get(id)!)]),
  );
  return {
    schema: ANALYSIS_SCHEMA,
    version: ANALYSIS_VERSION,
    window: { ...run.window, weeks: run.weeks.length, firstWeek: run.weeks[0], lastWeek: run.weeks.at(-1) },
    inputs,
    correlation: {
      records: run.correlation.records.size,
      workflows: run.correlation.workflows.length,
      linkedRecords: run.correlation.workflows.reduce((count, workflow) => count + workflow.records.length, 0),
      unlinkedRecords: run.correlation.unlinked.reduce((s, u) => s + u.count, 0),
      unlinked: run.correlation.unlinked,
      danglingLinks: run.correlation.danglingLinks,
      actors: countActors(run.events),
    },
    scorecard: scorecard ?? null,
    analyzers: run.results,
    citations,
    redacted: false,
  };
}

/** analysis.json text: two-space JSON with a final newline. */
export function renderAnalysisJson(analysis: Analysis): string {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}

/** Events by actor type, so a reader sees how much rests on actors nothing marked. */
function countActors(events: readonly HandoffEvent[]): { human: number; integration: number; system: number; unknown: number } {
  const counts = { human: 0, integration: 0, system: 0, unknown: 0 };
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    counts[event.actor.type]++;
  }
  return counts;
}
