// Handoffs inside one record's history: the team holding it changes between consecutive events.
import type { HandoffEvent } from '../model/index.js';

export interface TeamHandoff {
  record: string;
  from: string;
  to: string;
  /** the event before and the event that shows the new team */
  fromEvent: HandoffEvent;
  toEvent: HandoffEvent;
}

/**
 * What a record object carries for the pipeline, under a symbol no output sees: its key, and the
 * number correlation gave it (valid while `pass` is that correlation's).
 */
export interface RecordTag {
  system: string;
  key: string;
  pass: number;
  number: number;
}
const TAG = Symbol('recordTag');
type Tagged = HandoffEvent['record'] & { [TAG]?: RecordTag };

/**
 * The tag of the event's record, made on first use; undefined for a record object that cannot take
 * one (frozen) or that another system's events share.
 */
export function recordTag(event: HandoffEvent): RecordTag | undefined {
  // the pipeline asks for the key a dozen times per event, and events of one record share the
  // record object (see `eventBuilder` in ingest): a property read instead of a fresh string (a fifth
  // of correlation's time at 1M) or a WeakMap lookup (1.4 s of a 5M company's analysis)
  const record = event.record as Tagged;
  const known = record[TAG];
  if (known !== undefined) return known.system === event.system ? known : undefined;
  if (!Object.isExtensible(record)) return undefined;
  const tag: RecordTag = { system: event.system, key: keyOf(event), pass: 0, number: -1 };
  // not enumerable: JSON, spreads, zod and equality checks see the record as it was
  Object.defineProperty(record, TAG, { value: tag });
  return tag;
}

/** Key that identifies a record across its events. */
export function recordKey(event: HandoffEvent): string {
  return recordTag(event)?.key ?? keyOf(event);
}

/** The key made afresh, for `recordTag` or where a record object carries no tag. */
export function keyOf(event: HandoffEvent): string {
  return [event.system, '/', event.record.type, '/', event.record.id].join('');
}

/**
 * Finds team handoffs: for each record, events in time order; each change of `team` between
 * consecutive events that both name one is a handoff. Events without a team are skipped, not
 * treated as a change. Input must be in time order (as `loadInputs` returns it).
 */
export function findTeamHandoffs(events: readonly HandoffEvent[]): TeamHandoff[] {
  const last = new Map<string, HandoffEvent>();
  const handoffs: TeamHandoff[] = [];
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    if (!event.team) continue;
    const key = recordKey(event);
    const previous = last.get(key);
    if (previous && previous.team !== event.team) {
      handoffs.push({ record: key, from: previous.team!, to: event.team, fromEvent: previous, toEvent: event });
    }
    last.set(key, event);
  }
  return handoffs;
}
