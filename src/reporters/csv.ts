// evidence.csv (every cited row and what cites it) and rejects.csv (every reject and warning).
import type { Analysis } from './analysis-json.js';
import { renderCsv } from './escape.js';

/** event id → what cites it: `axis:<id>`, `measure:<analyzer>.<measure>`, `route:<route>`, sorted. */
export function citingOf(analysis: Analysis): Map<string, string[]> {
  const citing = new Map<string, Set<string>>();
  const add = (id: string, by: string) => citing.set(id, (citing.get(id) ?? new Set()).add(by));
  for (const result of analysis.analyzers) {
    for (const [name, measure] of Object.entries(result.measures)) if (measure.status === 'ok') for (const id of measure.evidence) add(id, `measure:${result.id}.${name}`);
  }
  for (const axis of analysis.scorecard?.axes ?? []) for (const c of axis.evidence) add(c.id, `axis:${axis.id}`);
  for (const route of analysis.scorecard?.containment.routes ?? []) for (const id of route.evidence) add(id, `route:${route.route}`);
  return new Map([...citing].map(([id, set]) => [id, [...set].sort()]));
}

export const EVIDENCE_COLUMNS = ['event_id', 'file', 'line', 'connector', 'at', 'system', 'record', 'kind', 'actor', 'actor_type', 'field', 'from', 'to', 'workflow', 'cited_by'] as const;

/** One row per cited event, in file order then line; `cited_by` lists every axis, measure and route citing it. */
export function renderEvidenceCsv(analysis: Analysis): string {
  const citing = citingOf(analysis);
  const order = new Map(analysis.inputs.files.map((f, i) => [f.file, i]));
  const rows = Object.entries(analysis.citations)
    .sort(([ia, a], [ib, b]) => (order.get(a.file) ?? order.size) - (order.get(b.file) ?? order.size) || a.file.localeCompare(b.file) || a.line - b.line || ia.localeCompare(ib))
    .map(([id, c]) => [id, c.file, c.line, c.connector, c.at, c.system, c.record, c.kind, c.actor, c.actorType, c.field, c.from, c.to, c.workflow, (citing.get(id) ?? []).join('; ')]);
  return renderCsv(EVIDENCE_COLUMNS, rows);
}

export const REJECT_COLUMNS = ['file', 'line', 'column', 'severity', 'code', 'field', 'message'] as const;

/** Every reject (severity error) and warning, in input order. */
export function renderRejectsCsv(analysis: Analysis): string {
  return renderCsv(
    REJECT_COLUMNS,
    analysis.inputs.issues.map((i) => [i.file, i.line, i.column, i.severity, i.code, i.field, i.message]),
  );
}
