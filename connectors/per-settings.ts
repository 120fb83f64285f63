/**
 * Derives something from a connector's settings once per settings object, not once per row:
 * `toEvents` gets the same settings on every row of a file (and every file of a run). Settings that
 * are not an object hold nothing for a connector, and all share one derivation from `{}`.
 */
export function perSettings<S, T>(derive: (settings: S) => T): (settings: unknown) => T {
  const made = new WeakMap<object, T>();
  const none = {};
  return (settings) => {
    const key = typeof settings === 'object' && settings !== null ? settings : none;
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = derive(key as S)));
    return value;
  };
}
