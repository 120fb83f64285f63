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

/** The key made for a record object, kept on the object itself under a symbol no output sees. */
const KEY = Symbol('recordKey');
type Keyed = HandoffEvent['record'] & { [KEY]?: { system: string; key: string } };

/** Key that identifies a record across its events. */
export function recordKey(event: HandoffEvent): string {
  // the pipeline asks for it a dozen times per event, and events of one record share the record
  // object (see `eventBuilder` in ingest): a property read instead of a fresh string (a fifth of
  // correlation's time at 1M) or a WeakMap lookup (1.4 s of a 5M company's analysis)
  const record = event.record as Keyed;
  const known = record[KEY];
  if (known !== undefined && known.system === event.system) return known.key;
  const key = [event.system, '/', record.type, '/', record.id].join('');
  // not enumerable: JSON, spreads, zod and equality checks see the record as it was
  if (known === undefined && Object.isExtensible(record)) Object.defineProperty(record, KEY, { value: { system: event.system, key } });
  return key;
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
