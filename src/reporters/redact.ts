// --redact: personal names and e-mail addresses become stable pseudonyms in every output.
import { createHash } from 'node:crypto';
import { isPerson } from '../correlate/evidence.js';
import type { HandoffEvent } from '../model/index.js';

/** Normalises a name or address before hashing, so `Ana  Lima` and `ana lima` get one pseudonym. */
export function normaliseName(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The pseudonym of a person: the same for the same normalised name in every run and every input.
 * It is a pseudonym, not anonymisation: anyone who can guess a name can hash it too.
 * @example pseudonym('Ana Lima') === pseudonym(' ana  lima ') // true
 */
export function pseudonym(value: string): string {
  return `person-${createHash('sha256').update(normaliseName(value)).digest('hex').slice(0, 6)}`;
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Placeholders connectors use for "no actor": not a person's name. */
const NOT_NAMES = new Set(['unknown', 'anonymous', 'system', 'nobody', 'none', 'n/a', '-']);

/**
 * The personal identifiers the events carry: names and ids of people who acted, and the owners that
 * owner changes name. Integration accounts and the platforms' own rules are not people.
 */
export function collectPersonalNames(events: Iterable<HandoffEvent>): string[] {
  const names = new Set<string>();
  const add = (value: string | undefined) => {
    if (value && !NOT_NAMES.has(normaliseName(value)) && /\p{L}|\d{3}/u.test(value)) names.add(value);
  };
  for (const event of events) {
    if (isPerson(event.actor)) {
      add(event.actor.name);
      add(event.actor.id);
    }
    if (event.kind === 'owner-changed') {
      add(event.from);
      add(event.to);
    }
  }
  return [...names].sort();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces e-mail addresses anywhere, a known name wherever it stands as a whole
 * value, and multi-word names (`Ana Lima`) inside longer text too. Single-word ids are only replaced
 * as whole values, so that prose ("unknown team") is never mangled.
 */
export function createRedactor(names: Iterable<string>): (text: string) => string {
  const exact = new Map<string, string>();
  const inText: string[] = [];
  for (const name of names) {
    exact.set(normaliseName(name), pseudonym(name));
    if (/\S\s+\S/.test(name.trim()) && name.trim().length >= 4) inText.push(name.trim());
  }
  inText.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern = inText.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${inText.map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  return (text: string) => {
    const whole = exact.get(normaliseName(text));
    if (whole) return whole;
    let out = text.replace(EMAIL, (address) => pseudonym(address));
    if (pattern) out = out.replace(pattern, (name) => pseudonym(name));
    return out;
  };
}

/** Applies `redact` to every string (keys included) of a JSON-like value; returns a new value. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}
