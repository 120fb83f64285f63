// One row of a process-mining event log. Its column names vary by publisher, so the row is a plain
// record of cells and the columns are resolved per file (see index.ts).
import { z } from 'zod';

export const GenericEventLogRow = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type GenericEventLogRow = z.infer<typeof GenericEventLogRow>;

/** The roles a column can play, and the names publishers give them, most specific first. */
export const COLUMN_GUESSES = {
  case: ['case:concept:name', 'CaseID', 'Case ID', 'case_id', 'Case', 'case_key', 'trace_id', 'Incident ID'],
  activity: ['concept:name', 'Activity', 'activity_name', 'ActivityName', 'Event', 'event_name', 'Task'],
  timestamp: ['time:timestamp', 'CompleteTimestamp', 'Complete Timestamp', 'end_timestamp', 'Timestamp', 'timestamp', 'event_time', 'Time', 'DateTime', 'Date'],
  resource: ['org:resource', 'Resource', 'resource', 'User', 'Actor', 'Agent', 'Performer'],
  group: ['org:group', 'Group', 'group', 'Team', 'Department', 'Resource Group', 'org:role'],
  lifecycle: ['lifecycle:transition', 'Lifecycle', 'lifecycle', 'Transition'],
} as const;

export type ColumnRole = keyof typeof COLUMN_GUESSES;
export const REQUIRED_ROLES: readonly ColumnRole[] = ['case', 'activity', 'timestamp'];
