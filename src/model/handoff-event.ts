// The common handoff-event model every connector maps its export into.
import { z } from 'zod';

/** What a system is for in the handoff chain. */
export const SystemKind = z.enum(['crm', 'support', 'delivery', 'integration', 'other']);
export type SystemKind = z.infer<typeof SystemKind>;

/** Who made a change: a person, an integration account, the system itself, or nobody can tell. */
export const ActorType = z.enum(['human', 'integration', 'system', 'unknown']);
export type ActorType = z.infer<typeof ActorType>;

/** One word per thing that can happen to a record. */
export const EventKind = z.enum([
  'created',
  'state-changed',
  'owner-changed',
  'team-changed',
  'field-changed',
  'sync-succeeded',
  'sync-failed',
  'sync-retried',
  'exception-opened',
  'exception-resolved',
  'escalated',
  'resolved',
  'reopened',
  'merged',
  'comment',
  // a process-mining activity whose meaning the log does not say (generic event logs)
  'activity',
]);
export type EventKind = z.infer<typeof EventKind>;

/** Where an event came from: enough to cite it as `file:line`. */
export const EventSource = z.object({
  connector: z.string().min(1),
  file: z.string().min(1),
  line: z.number().int().positive(),
  /** where the record starts on `line`, when another record started earlier on it (a compact JSON page) */
  column: z.number().int().positive().optional(),
});
export type EventSource = z.infer<typeof EventSource>;

/** A record of one system, e.g. `{ type: 'Case', id: '5003000000D8cuI' }`. */
export const RecordRef = z.object({ type: z.string().min(1), id: z.string().min(1) });
export type RecordRef = z.infer<typeof RecordRef>;

/** An id of another system's record that this record carries (external id, custom field, job title). */
export const RecordLink = z.object({
  /** system the linked id belongs to when known (`salesforce`, `jira`…) */
  system: z.string().optional(),
  id: z.string().min(1),
  /** the field the link was read from, e.g. `external_id` or `Custom field (Salesforce Id)` */
  via: z.string().min(1),
});
export type RecordLink = z.infer<typeof RecordLink>;

export const Actor = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  type: ActorType,
});
export type Actor = z.infer<typeof Actor>;

/** ISO 8601 UTC instant with milliseconds; one fixed width so string order is time order. */
export const UtcInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'not a UTC instant');

export const HandoffEvent = z.object({
  /** deterministic: `file:line#n` — the n-th event made from that row; `file:line:column#n` for a JSON record not first on its line */
  id: z.string().min(1),
  at: UtcInstant,
  system: z.string().min(1),
  systemKind: SystemKind,
  record: RecordRef,
  kind: EventKind,
  actor: Actor,
  team: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  field: z.string().optional(),
  detail: z.string().optional(),
  /** activity name as the source log calls it (generic logs, iPaaS flows) */
  activity: z.string().optional(),
  links: z.array(RecordLink).optional(),
  workflow: z.string().optional(),
  source: EventSource,
});
export type HandoffEvent = z.infer<typeof HandoffEvent>;

/**
 * An event's id: `file:line#n`, or `file:line:column#n` for a JSON record that shares its line with an
 * earlier one. Joined, not a template: a template makes a rope that every Map or Set lookup by the id
 * must first flatten.
 */
export function eventId(file: string, line: number, n: number, column?: number): string {
  return (column === undefined ? [file, ':', line, '#', n] : [file, ':', line, ':', column, '#', n]).join('');
}

/** What a connector returns for a row: the runtime adds `id` and `source`. */
export type EventDraft = Omit<HandoffEvent, 'id' | 'source'> & { /** a nested JSON item's own line */ line?: number };
