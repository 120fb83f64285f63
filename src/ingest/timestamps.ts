// Vendor timestamp text → UTC instant, with an explicit zone for zone-less values and no hidden clock.
import { tzOffset } from '@date-fns/tz';

/** How to read `1/2/2026`: day first, month first, or decide from the value (reject when it cannot tell). */
export type DateOrder = 'dmy' | 'mdy' | 'auto';

export interface TimestampOptions {
  /** IANA zone applied to values that carry no offset; default `UTC`. */
  timeZone?: string;
  dateOrder?: DateOrder;
}

export type TimestampResult =
  | { ok: true; at: string; /** true when the value carried its own offset */ zoned: boolean }
  | { ok: false; reason: 'invalid' | 'ambiguous' | 'bad-zone' };

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// ISO 8601, `YYYY-MM-DD HH:mm[:ss]` and `YYYY/MM/DD HH:mm:ss.SSS` (helpdesk logs): T or space, fraction of any length, Z / ±HH:mm / ±HHmm / ±HH or nothing.
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// `D/M/YYYY H:mm[:ss] [AM|PM]` and the `-` and `.` variants (ServiceNow, Excel re-saves, HubSpot, Salesforce reports).
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
// Jira CSV `14/Jul/25 3:42 PM` (also `14/Jul/2025 15:42`).
const DAY_MONTH_NAME = /^(\d{1,2})[/ -]([A-Za-z]{3})[/ -](\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
// JavaScript `Date.prototype.toString()`: `Wed May 13 2026 11:21:41 GMT+0000 (GMT+00:00)` (Linear).
const JS_DATE = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{4})(?: \(.*\))?$/;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** minutes east of UTC when the text carries an offset */
  offset?: number;
}

/**
 * Parses a vendor timestamp to a UTC instant.
 *
 * @example
 * parseTimestamp('2026-03-02T10:01:02.123+0000') // { ok: true, at: '2026-03-02T10:01:02.123Z', zoned: true }
 * parseTimestamp('2/3/2026 09:00', { dateOrder: 'dmy', timeZone: 'Europe/London' }) // 2 March, 09:00 London
 */
export function parseTimestamp(text: string, options: TimestampOptions = {}): TimestampResult {
  const value = text.trim();
  const wall = readWall(value, options.dateOrder ?? 'auto');
  if (wall === 'ambiguous') return { ok: false, reason: 'ambiguous' };
  if (!wall || !isValidWall(wall)) return { ok: false, reason: 'invalid' };
  const naive = wallMillis(wall);
  if (wall.offset !== undefined) return { ok: true, at: toInstant(naive - wall.offset * 60_000), zoned: true };
  const zone = options.timeZone ?? 'UTC';
  const utc = wallToUtc(naive, zone);
  if (Number.isNaN(utc)) return { ok: false, reason: 'bad-zone' };
  return { ok: true, at: toInstant(utc), zoned: false };
}

/** Epoch seconds (Zendesk incremental exports, Intercom) to a UTC instant; undefined when not a finite number. */
export function fromEpochSeconds(seconds: number): string | undefined {
  return Number.isFinite(seconds) ? toInstant(seconds * 1000) : undefined;
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  return !Number.isNaN(tzOffset(zone, new Date(0)));
}

/**
 * Reads which day/month order a sample of date texts implies: `dmy` when some value has a first
 * number above 12, `mdy` when some has a second number above 12, `auto` when the sample cannot tell
 * (or contradicts itself).
 */
export function inferDateOrder(samples: Iterable<string>): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const sample of samples) {
    const match = NUMERIC_DATE.exec(sample.trim());
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12 && second <= 12) dayFirst = true;
    if (second > 12 && first <= 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return 'auto';
  return dayFirst ? 'dmy' : 'mdy';
}

function readWall(value: string, order: DateOrder): Wall | 'ambiguous' | undefined {
  const plain = readPlainIso(value);
  if (plain !== undefined) return plain;
  let m = ISO.exec(value);
  if (m) {
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      ms: m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0,
      offset: m[8] ? parseOffset(m[8]) : undefined,
    };
  }
  m = NUMERIC_DATE.exec(value);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    let resolved = order;
    if (resolved === 'auto') {
      if (first > 12 && second <= 12) resolved = 'dmy';
      else if (second > 12 && first <= 12) resolved = 'mdy';
      else if (first === second) resolved = 'dmy';
      else return 'ambiguous';
    }
    return {
      year: expandYear(m[3]!),
      month: resolved === 'dmy' ? second : first,
      day: resolved === 'dmy' ? first : second,
      hour: to24h(Number(m[4] ?? 0), m[7]),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      ms: 0,
    };
  }
  m = DAY_MONTH_NAME.exec(value);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return undefined;
    return {
      year: expandYear(m[3]!),
      month,
      day: Number(m[1]),
      hour: to24h(Number(m[4] ?? 0), m[7]),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      ms: 0,
    };
  }
  m = JS_DATE.exec(value);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (!month) return undefined;
    return {
      year: Number(m[3]),
      month,
      day: Number(m[2]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
      ms: 0,
      offset: parseOffset(m[7]!),
    };
  }
  return undefined;
}

const ZERO = 48;
const DASH = 45;
const COLON = 58;

/**
 * The commonest shape `ISO` takes, `YYYY-MM-DD[T ]HH:mm:ss[.fraction][Z]` (ServiceNow, Zendesk,
 * Workato, Jira's REST API), read digit by digit: the regular expression's match and its nine
 * strings cost about 250 ns a timestamp, 3 % of reading the 5M bench sets. Undefined for anything
 * else, which `ISO` and the others then read; where both read a text, they read it alike (a test
 * compares them).
 */
function readPlainIso(value: string): Wall | undefined {
  const length = value.length;
  if (length < 19 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH || value.charCodeAt(13) !== COLON || value.charCodeAt(16) !== COLON) return undefined;
  const separator = value.charCodeAt(10);
  if (separator !== 0x54 && separator !== 0x74 && separator !== 0x20) return undefined; // T, t or a space
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let at = 19;
  let ms = 0;
  const mark = value.charCodeAt(at);
  if (mark === 0x2e || mark === 0x2c) {
    // a fraction of any length; its first three digits are the milliseconds
    const start = ++at;
    while (at < length && isDigit(value.charCodeAt(at))) at++;
    if (at === start) return undefined;
    for (let place = 0; place < 3; place++) ms = ms * 10 + (start + place < at ? value.charCodeAt(start + place) - ZERO : 0);
  }
  let offset: number | undefined;
  if (at < length) {
    const zone = value.charCodeAt(at);
    if ((zone !== 0x5a && zone !== 0x7a) || at + 1 !== length) return undefined; // Z or z, and nothing after it
    offset = 0;
  }
  return { year, month, day, hour, minute, second, ms, offset };
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

/** The number `length` digits at `from` write; -1 when any is not a digit. */
function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let at = from; at < from + length; at++) {
    const code = text.charCodeAt(at);
    if (!isDigit(code)) return -1;
    value = value * 10 + code - ZERO;
  }
  return value;
}

/**
 * `Date.parse` of an instant in the one format events carry (`2026-01-05T15:16:27.000Z`), read by
 * `readPlainIso`: `Date.parse` cost 200 ns an event in the event sort. Undefined for any other text
 * and for fields outside the calendar (`Date.parse` reads some of those its own way:
 * 30 February as 2 March, 24:00 as the next midnight), so the caller falls back to `Date.parse`.
 */
export function instantMillis(at: string): number | undefined {
  if (at.length !== 24 || at.charCodeAt(10) !== 0x54 || at.charCodeAt(19) !== 0x2e || at.charCodeAt(23) !== 0x5a) return undefined;
  const wall = readPlainIso(at);
  return wall === undefined || !isValidWall(wall) ? undefined : wallMillis(wall);
}

/** The wall-clock fields as UTC milliseconds. */
function wallMillis(w: Wall): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  // Date.UTC reads years 0-99 as 1900-1999: a four-digit 0050 is the year 50
  return w.year < 100 ? new Date(ms).setUTCFullYear(w.year) : ms;
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  return sign * (hours * 60 + minutes);
}

function expandYear(text: string): number {
  const year = Number(text);
  // two-digit years (Jira `14/Jul/25`) are this century: exports of the 1990s are not our users
  return text.length === 2 ? 2000 + year : year;
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'pm';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function isValidWall(w: Wall): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1) return false;
  if (w.day > daysInMonth(w.year, w.month)) return false;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  if (w.offset !== undefined && Math.abs(w.offset) > 18 * 60) return false;
  return true;
}

// Offsets change at most a few times a year, so one look-up per zone and hour is plenty. By zone,
// then by hour number: a key string built per look-up (two a timestamp) cost more than the look-ups
const offsetCache = new Map<string, Map<number, number>>();

function offsetMinutes(zone: string, utcMillis: number): number {
  let byHour = offsetCache.get(zone);
  if (byHour === undefined) offsetCache.set(zone, (byHour = new Map()));
  const hour = Math.floor(utcMillis / 3_600_000);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    offset = tzOffset(zone, new Date(utcMillis));
    byHour.set(hour, offset);
  }
  return offset;
}

/** Wall-clock milliseconds (as if UTC) in `zone` → real UTC milliseconds. NaN for an unknown zone. */
function wallToUtc(naive: number, zone: string): number {
  if (zone === 'UTC') return naive;
  const first = offsetMinutes(zone, naive);
  if (Number.isNaN(first)) return NaN;
  const guess = naive - first * 60_000;
  const second = offsetMinutes(zone, guess);
  return second === first ? guess : naive - second * 60_000;
}

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from there `toISOString` writes six-digit years */
const YEAR_10000 = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
// `YYYY-MM-DDT` per day seen: exports span a few thousand days at most
const dayPrefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, the same text, written from a per-day prefix and the time of day:
 * `toISOString` cost 500 ns a call, 4 % of reading a file. Joined rather than concatenated, so the
 * instant is a flat string (a rope would be flattened again by every comparison and lookup).
 */
function toInstant(ms: number): string {
  const whole = Math.trunc(ms);
  if (!(whole >= 0 && whole < YEAR_10000)) return new Date(ms).toISOString();
  const day = Math.floor(whole / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) dayPrefixes.set(day, (prefix = new Date(day * DAY_MS).toISOString().slice(0, 11)));
  let rest = whole - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return [prefix, TWO_DIGITS[hours], ':', TWO_DIGITS[minutes], ':', TWO_DIGITS[seconds], '.', THREE_DIGITS[rest - seconds * 1000], 'Z'].join('');
}
