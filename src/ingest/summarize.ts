// Per-file figures for `inspect`: what a connector made of a file, before any analysis.
import { findTeamHandoffs, recordKey } from '../correlate/handoffs.js';
import type { HandoffEvent, Issue } from '../model/index.js';
import type { FileResult } from './run-connector.js';

export interface FileSummary {
  file: string;
  format: FileResult['format'];
  connector: string | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  warnings: number;
  events: number;
  eventsByKind: Record<string, number>;
  /** distinct records (cases, tickets, issues, runs) the events belong to */
  cases: number;
  handoffs: number;
  span: { from: string; to: string } | null;
  encoding: string | null;
  delimiter: string | null;
  /** timestamps without an offset and the zone assumed for them */
  zoneless: { count: number; readIn: string } | null;
  issues: Issue[];
}

/** Summarises one file from its result and its events (in time order). */
export function summarizeFile(result: FileResult, events: readonly HandoffEvent[]): FileSummary {
  const eventsByKind: Record<string, number> = {};
  const records = new Set<string>();
  for (const event of events) {
    eventsByKind[event.kind] = (eventsByKind[event.kind] ?? 0) + 1;
    records.add(recordKey(event));
  }
  const sortedKinds = Object.fromEntries(Object.entries(eventsByKind).sort(([a], [b]) => a.localeCompare(b)));
  return {
    file: result.file,
    format: result.format,
    connector: result.connector ?? null,
    rowsRead: result.rowsRead,
    rowsAccepted: result.rowsAccepted,
    rowsRejected: result.rowsRejected,
    warnings: result.issues.filter((issue) => issue.severity === 'warning').length,
    events: events.length,
    eventsByKind: sortedKinds,
    cases: records.size,
    handoffs: findTeamHandoffs(events).length,
    span: events.length ? { from: events[0]!.at, to: events[events.length - 1]!.at } : null,
    encoding: result.encoding ?? null,
    delimiter: result.delimiter ?? null,
    zoneless: result.zoneless ?? null,
    issues: result.issues,
  };
}
