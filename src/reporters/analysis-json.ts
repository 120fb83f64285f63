// analysis.json: the versioned, machine-readable result, every cited event resolved to file and line.
import type { AnalysisRun } from '../pipeline.js';
import type { FileResult } from '../ingest/run-connector.js';
import type { HandoffEvent } from '../model/index.js';
import type { Scorecard } from '../scoring/scorecard.js';

export const ANALYSIS_SCHEMA = 'handoff-risk/analysis';
export const ANALYSIS_VERSION = 1;

export interface ReportInput {
  run: AnalysisRun | undefined;
  files: FileResult[];
  scorecard?: Scorecard | undefined;
}

/** Where a cited event came from, and what it was. */
export function citation(event: HandoffEvent): Record<string, unknown> {
  return {
    file: event.source.file,
    line: event.source.line,
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

/** Builds the analysis document (plain data, keys in a fixed order). */
export function buildAnalysis({ run, files, scorecard }: ReportInput) {
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
  };
  if (!run) {
    return { schema: ANALYSIS_SCHEMA, version: ANALYSIS_VERSION, window: null, inputs, correlation: null, scorecard: null, analyzers: [], citations: {} };
  }
  const cited = new Set<string>();
  for (const result of run.results) for (const measure of Object.values(result.measures)) if (measure.status === 'ok') for (const id of measure.evidence) cited.add(id);
  for (const axis of scorecard?.axes ?? []) for (const citation of axis.evidence) cited.add(citation.id);
  for (const route of scorecard?.containment.routes ?? []) for (const id of route.evidence) cited.add(id);
  const citations = Object.fromEntries([...cited].sort().map((id) => [id, citation(run.byId.get(id)!)]));
  return {
    schema: ANALYSIS_SCHEMA,
    version: ANALYSIS_VERSION,
    window: { ...run.window, weeks: run.weeks.length, firstWeek: run.weeks[0], lastWeek: run.weeks.at(-1) },
    inputs,
    correlation: {
      records: run.correlation.records.size,
      workflows: run.correlation.workflows.length,
      linkedRecords: run.correlation.workflowOf.size,
      unlinkedRecords: run.correlation.unlinked.reduce((s, u) => s + u.count, 0),
      unlinked: run.correlation.unlinked,
      danglingLinks: run.correlation.danglingLinks,
    },
    scorecard: scorecard ?? null,
    analyzers: run.results,
    citations,
  };
}

/** analysis.json text: two-space JSON with a final newline. */
export function renderAnalysisJson(input: ReportInput): string {
  return `${JSON.stringify(buildAnalysis(input), null, 2)}\n`;
}
