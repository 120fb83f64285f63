// Time helpers for the simulation: zone offsets, business hours, ISO weeks and vendor-neutral formatting.
import { tzOffset } from '@date-fns/tz';
import type { Random } from './random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Minutes east of UTC in `zone` at instant `ms`. */
export function offsetMinutes(zone: string, ms: number): number {
  return tzOffset(zone, new Date(ms));
}

/** Wall-clock fields of `ms` in `zone`. */
export function wallOf(ms: number, zone: string) {
  const d = new Date(ms + offsetMinutes(zone, ms) * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    /** 0 = Sunday */
    weekday: d.getUTCDay(),
  };
}

/** The UTC instant of a wall-clock time in `zone` (the earlier one when a DST change makes it ambiguous). */
export function wallToUtc(zone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let utc = naive - offsetMinutes(zone, naive) * MINUTE;
  utc = naive - offsetMinutes(zone, utc) * MINUTE;
  return utc;
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-01-05T09:12:00.000Z` */
export function isoZ(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO with the zone's offset written `+HHmm` (Jira, Salesforce SOQL) or `+HH:mm`. */
export function isoOffset(ms: number, zone: string, colon: boolean): string {
  const w = wallOf(ms, zone);
  const off = offsetMinutes(zone, ms);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const o = `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(w.ms, 3)}${o}`;
}

/** Monday 00:00 UTC of the ISO week holding `ms`. */
export function isoWeekStart(ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY;
}

/** `2026-W03` */
export function isoWeekLabel(ms: number): string {
  const start = isoWeekStart(ms);
  const thursday = new Date(start + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week = 1 + Math.round((start - isoWeekStart(jan4)) / WEEK);
  return `${year}-W${pad(week)}`;
}

/** True when `ms` falls on a working day between `open` and `close` local hours. */
export function isBusinessTime(ms: number, zone: string, open = 8, close = 18): boolean {
  const w = wallOf(ms, zone);
  return w.weekday >= 1 && w.weekday <= 5 && w.hour >= open && w.hour < close;
}

/**
 * The first business moment at or after `ms` (Mon–Fri 8–18 local). When `ms` is outside hours the
 * result lands in the first 90 minutes of the next working morning, the way people catch up.
 */
export function nextBusinessTime(ms: number, zone: string, random: Random): number {
  if (isBusinessTime(ms, zone)) return ms;
  let w = wallOf(ms, zone);
  let day = Date.UTC(w.year, w.month - 1, w.day);
  if (w.hour >= 8) day += DAY;
  for (;;) {
    const weekday = new Date(day).getUTCDay();
    if (weekday >= 1 && weekday <= 5) break;
    day += DAY;
  }
  const d = new Date(day);
  const start = wallToUtc(zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 8, 0);
  w = wallOf(start, zone);
  return start + Math.floor(random.uniform(2, 90)) * MINUTE + random.int(0, 59) * 1000;
}

/** Adds `hours` of working time (Mon–Fri 8–18 local) to a business moment. */
export function addWorkingHours(ms: number, hours: number, zone: string, random: Random): number {
  let t = nextBusinessTime(ms, zone, random);
  let left = hours * HOUR;
  while (left > 0) {
    const w = wallOf(t, zone);
    const close = wallToUtc(zone, w.year, w.month, w.day, 18, 0);
    const room = close - t;
    if (left <= room) return t + left;
    left -= room;
    t = nextBusinessTime(close + MINUTE, zone, random);
  }
  return t;
}

/** Rounds to whole seconds (most exports keep seconds only). */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
