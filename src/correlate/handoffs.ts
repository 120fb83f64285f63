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

/** Keys already made, per record object: events of one record share it (see `eventBuilder` in ingest). */
const keys = new WeakMap<HandoffEvent['record'], { system: string; key: string }>();

/** Key that identifies a record across its events. */
export function recordKey(event: HandoffEvent): string {
  // the pipeline asks for it a dozen times per event; building and hashing a fresh string each time
  // was a fifth of correlation's time on the 1M bench set
  const known = keys.get(event.record);
  if (known !== undefined && known.system === event.system) return known.key;
  const key = `${event.system}/${event.record.type}/${event.record.id}`;
  keys.set(event.record, { system: event.system, key });
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
  for (const event of events) {
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
