// Small collection helpers the analyzers share.
import { weekOf } from './weeks.js';

/** Appends `value` to the list under `key`. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Counts items per ISO week of their instant; every week of `weeks` appears, empty ones as 0. */
export function countPerWeek(instants: Iterable<string>, weeks: readonly string[]): { week: string; value: number }[] {
  const counts = new Map<string, number>();
  for (const at of instants) {
    const week = weekOf(at);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return weeks.map((week) => ({ week, value: counts.get(week) ?? 0 }));
}

/** Sorts by a stable string key. */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}
