// Team names: exports name one group several ways (Zendesk events by id, its CSV by name); the config's
// `groups` map turns every spelling into the team people use.

import type { HandoffEvent } from '../model/index.js';

/**
 * Renames `team` (and the `from`/`to` of team changes) through `groups`, in place. Matching ignores
 * case and surrounding space. Returns how many events were renamed.
 */
export function nameTeams(events: HandoffEvent[], groups: Record<string, string>): number {
  const names = new Map(Object.entries(groups).map(([raw, team]) => [raw.trim().toLowerCase(), team]));
  if (names.size === 0) return 0;
  const rename = (value: string | undefined) => (value === undefined ? undefined : (names.get(value.trim().toLowerCase()) ?? value));
  let renamed = 0;
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    const team = rename(event.team);
    if (team !== event.team) {
      event.team = team;
      renamed++;
    }
    if (event.kind === 'team-changed') {
      event.from = rename(event.from);
      event.to = rename(event.to);
    }
  }
  return renamed;
}
