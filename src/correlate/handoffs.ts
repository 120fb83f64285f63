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

/** Key that identifies a record across its events. */
export function recordKey(event: HandoffEvent): string {
  return `${event.system}/${event.record.type}/${event.record.id}`;
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
