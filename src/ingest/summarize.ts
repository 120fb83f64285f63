// Per-file figures for `inspect`: what a connector made of a file, before any analysis.
import { recordKey } from '../correlate/handoffs.js';
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

/**
 * Summarises a file from its events as they stream by, keeping per record only the times and teams
 * needed to count handoffs — not the events.
 */
export function createFileSummarizer() {
  const eventsByKind: Record<string, number> = {};
  const teams = new Map<string, { at: string; line: number; team: string }[]>();
  const records = new Set<string>();
  let events = 0;
  let from: string | undefined;
  let to: string | undefined;
  return {
    add(event: HandoffEvent): void {
      events++;
      eventsByKind[event.kind] = (eventsByKind[event.kind] ?? 0) + 1;
      const key = recordKey(event);
      records.add(key);
      if (from === undefined || event.at < from) from = event.at;
      if (to === undefined || event.at > to) to = event.at;
      if (event.team) {
        const list = teams.get(key);
        const entry = { at: event.at, line: event.source.line, team: event.team };
        if (list) list.push(entry);
        else teams.set(key, [entry]);
      }
    },
    finish(result: FileResult): FileSummary {
      let handoffs = 0;
      for (const list of teams.values()) {
        // the same order as the loader's: time, then line
        list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.line - b.line));
        for (let i = 1; i < list.length; i++) if (list[i]!.team !== list[i - 1]!.team) handoffs++;
      }
      return {
        ...baseSummary(result),
        events,
        eventsByKind: Object.fromEntries(Object.entries(eventsByKind).sort(([a], [b]) => a.localeCompare(b))),
        cases: records.size,
        handoffs,
        span: from !== undefined && to !== undefined ? { from, to } : null,
      };
    },
  };
}

function baseSummary(result: FileResult) {
  return {
    file: result.file,
    format: result.format,
    connector: result.connector ?? null,
    rowsRead: result.rowsRead,
    rowsAccepted: result.rowsAccepted,
    rowsRejected: result.rowsRejected,
    warnings: result.issues.filter((issue) => issue.severity === 'warning').length,
    encoding: result.encoding ?? null,
    delimiter: result.delimiter ?? null,
    zoneless: result.zoneless ?? null,
    issues: result.issues,
  };
}

/** Summarises one file from its result and its events. */
export function summarizeFile(result: FileResult, events: readonly HandoffEvent[]): FileSummary {
  const summarizer = createFileSummarizer();
  for (const event of events) summarizer.add(event);
  return summarizer.finish(result);
}
