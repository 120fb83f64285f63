// ISO weeks (Monday 00:00 UTC) as the unit of every weekly series.
import { tz } from '@date-fns/tz';
// one module each: the package root loads all of date-fns (about 100 ms of every start)
import { addWeeks } from 'date-fns/addWeeks';
import { formatISO } from 'date-fns/formatISO';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { quantile } from './stats.js';

/**
 * A weekly figure rests on weeks, not on samples: from eight weeks (two months of handoffs) it is not
 * flagged low-confidence.
 */
export const WEEKS_FOR_CONFIDENCE = 8;

const utc = tz('UTC');
// events of one day share a week: one date-fns call per day seen, not per event
const cache = new Map<string, string>();

/** The Monday (UTC) starting the ISO week of an instant, as `YYYY-MM-DD`. */
export function weekOf(instant: string): string {
  const day = instant.slice(0, 10);
  let week = cache.get(day);
  if (week === undefined) {
    week = formatISO(startOfISOWeek(`${day}T12:00:00Z`, { in: utc }), { representation: 'date' });
    cache.set(day, week);
  }
  return week;
}

/** Every week from the week of `from` to the week of `to`, inclusive. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  const last = weekOf(to);
  for (let week = weekOf(from); week <= last; week = formatISO(addWeeks(`${week}T12:00:00Z`, 1, { in: utc }), { representation: 'date' })) {
    weeks.push(week);
  }
  return weeks;
}

/**
 * Weeks in which handoffs were really flowing: at least half the median weekly run count of the weeks
 * that had runs. The ramp-up before the first run and the tail of late write-backs do not dilute the
 * recurrence. With no runs at all, every week counts.
 */
export function activeWeeks(runsPerWeek: readonly { week: string; value: number }[]): Set<string> {
  const busy = runsPerWeek.filter((p) => p.value > 0).map((p) => p.value);
  if (busy.length === 0) return new Set(runsPerWeek.map((p) => p.week));
  const threshold = (quantile(busy, 0.5) ?? 0) / 2;
  return new Set(runsPerWeek.filter((p) => p.value >= threshold).map((p) => p.week));
}
