// Connectors whose column names vary by publisher (event logs, sync logs) resolve each role to a
// header column: the user's name for it first, then known synonyms.

/** A column name without case, spaces or punctuation: `Case ID`, `case_id` and `CaseID` compare equal. */
export function squashName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Resolves each role to a header column, in role order; a column serves one role only. `missing`
 * names explicit columns not found and required roles with no column.
 *
 * @example
 * resolveColumnRoles(['Case ID', 'Activity', 'Timestamp'], { case: ['CaseID', 'Case ID'], activity: ['Activity'], timestamp: ['Timestamp'] }, ['case', 'activity', 'timestamp'])
 * // { columns: { case: 'Case ID', activity: 'Activity', timestamp: 'Timestamp' }, missing: [] }
 */
export function resolveColumnRoles<R extends string>(
  header: readonly string[],
  synonyms: Readonly<Record<R, readonly string[]>>,
  required: readonly NoInfer<R>[],
  explicit: Partial<Record<NoInfer<R>, string>> = {},
): { columns: Partial<Record<R, string>>; missing: string[] } {
  const bySquashed = new Map<string, string>();
  for (const name of header) if (!bySquashed.has(squashName(name))) bySquashed.set(squashName(name), name.trim());
  const columns: Partial<Record<R, string>> = {};
  const used = new Set<string>();
  const missing: string[] = [];
  for (const role of Object.keys(synonyms) as R[]) {
    const wanted = explicit[role];
    const found =
      wanted !== undefined
        ? bySquashed.get(squashName(wanted))
        : synonyms[role].map((name) => bySquashed.get(squashName(name))).find((name) => name !== undefined && !used.has(name));
    if (found) {
      columns[role] = found;
      used.add(found);
    } else if (wanted !== undefined) {
      missing.push(`${wanted} (set for ${role})`);
    } else if (required.includes(role)) {
      missing.push(`${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role} column (e.g. ${synonyms[role].slice(0, 3).join(', ')})`);
    }
  }
  return { columns, missing };
}
