/**
 * Remembers a choice made from a row's column names (which columns hold links, say). CSV rows all
 * carry the header's keys, so it is made once per file, and again only when a row's keys differ from
 * the last row's (JSON records, ragged rows). Make one per file, e.g. in `prepare`.
 */
export function byRowShape<T>(choose: (keys: string[]) => T): (row: object) => T {
  let last: string[] | undefined;
  let chosen: T;
  return (row) => {
    const keys = Object.keys(row);
    if (last === undefined || !sameKeys(last, keys)) {
      last = keys;
      chosen = choose(keys);
    }
    return chosen;
  };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A `linkColumns`-style setting read leniently: a list of column names, or names → the system their ids
 * belong to. Keys are trimmed and lowercased, as `configuredLinkColumns` looks them up.
 */
export function readLinkColumnSetting(raw: unknown): Map<string, string | undefined> {
  const columns = new Map<string, string | undefined>();
  if (Array.isArray(raw)) {
    for (const name of raw) if (typeof name === 'string') columns.set(name.trim().toLowerCase(), undefined);
  } else if (raw && typeof raw === 'object') {
    for (const [name, system] of Object.entries(raw)) columns.set(name.trim().toLowerCase(), typeof system === 'string' && system ? system : undefined);
  }
  return columns;
}

/**
 * The configured link columns of a file's rows (`configured`: trimmed lowercase name → system), in row
 * order, each with its configured system, else the one its name suggests; found once per row shape.
 */
export function configuredLinkColumns(
  configured: ReadonlyMap<string, string | undefined>,
  systemOf: (column: string) => string | undefined,
): (row: object) => { column: string; system: string | undefined }[] {
  return byRowShape((keys) => {
    const found: { column: string; system: string | undefined }[] = [];
    for (const column of keys) {
      const key = column.trim().toLowerCase();
      if (configured.has(key)) found.push({ column, system: configured.get(key) ?? systemOf(column) });
    }
    return found;
  });
}
