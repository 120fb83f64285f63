// Picks the connector for a file from its header or JSON shape, and explains a near miss.
import { normaliseHeader, optionsFor, type Connector, type ConnectorOptions, type InputShape, type Match } from './connector.js';

export type Detection =
  | { ok: true; connector: Connector; match: Match }
  | { ok: false; seen: string[]; closest?: { connector: Connector; missing: string[] }; message: string };

/**
 * Chooses the connector whose required columns (or fields) are all present, preferring the one that
 * recognises the most columns; catch-all connectors only when no vendor connector matches.
 */
export function detectConnector(
  file: string,
  shape: InputShape,
  connectors: readonly Connector[],
  options: ConnectorOptions = {},
): Detection {
  const candidates = connectors
    .filter((connector) => connector.meta.format === shape.format)
    .map((connector) => ({ connector, match: connector.detect?.(shape, optionsFor(connector.meta.id, options)) ?? matchColumns(connector, shape) }));
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(b.match.matched) - Number(a.match.matched) ||
      Number(Boolean(a.connector.meta.fallback)) - Number(Boolean(b.connector.meta.fallback)) ||
      b.match.score - a.match.score ||
      a.connector.meta.id.localeCompare(b.connector.meta.id),
  );
  const best = ranked[0];
  if (best?.match.matched) return { ok: true, connector: best.connector, match: best.match };

  const seen = seenFields(shape);
  const closest = [...candidates]
    .filter((candidate) => candidate.match.score > 0)
    .sort((a, b) => b.match.score - a.match.score || a.match.missing.length - b.match.missing.length || a.connector.meta.id.localeCompare(b.connector.meta.id))[0];
  const shown = seen.length > 12 ? [...seen.slice(0, 12), `… ${seen.length - 12} more`] : seen;
  let message = `${file}: no connector reads this ${shape.format.toUpperCase()} file; ${shape.format === 'csv' ? 'columns' : 'fields'} seen: ${shown.join(', ') || '(none)'}`;
  if (closest) {
    message += `; closest is ${closest.connector.meta.id}, which also needs: ${closest.match.missing.join(', ')}`;
  }
  return {
    ok: false,
    seen,
    message,
    ...(closest ? { closest: { connector: closest.connector, missing: closest.match.missing } } : {}),
  };
}

/** The default detection: required and optional columns of the connector found in the file. */
export function matchColumns(connector: Connector, shape: InputShape): Match {
  const { required, optional = [], repeated = [] } = connector.meta.columns;
  let fields = seenFields(shape);
  let recordsFound = true;
  if (shape.format === 'json' && connector.meta.recordsKey !== undefined) {
    const records = recordsOf(shape.root, connector.meta.recordsKey);
    recordsFound = records !== undefined;
    const first = records?.find(isObject);
    fields = first ? Object.keys(first) : [];
  }
  const present = new Set(fields.map(normaliseHeader));
  const missing = required.filter((name) => !present.has(normaliseHeader(name)));
  if (!recordsFound) missing.unshift(`"${connector.meta.recordsKey}" array`);
  const known = new Set([...required, ...optional, ...repeated].map(normaliseHeader).filter((name) => present.has(name)));
  if (recordsFound && connector.meta.recordsKey) known.add(`[${connector.meta.recordsKey}]`);
  for (const key of connector.meta.pageKeys ?? []) {
    if (isObject(shape.format === 'json' ? shape.root : undefined) && key in (shape as { root: Record<string, unknown> }).root) known.add(`[${key}]`);
  }
  return { matched: missing.length === 0, score: known.size, missing };
}

/** The array of records under `key` (`''` = the root), if the document has one there. */
export function recordsOf(root: unknown, key: string): unknown[] | undefined {
  // a bare array of records is accepted too: users often save just the array of a vendor page
  if (Array.isArray(root)) return root;
  const value = key === '' ? root : isObject(root) ? root[key] : undefined;
  return Array.isArray(value) ? value : undefined;
}

/** Column names, or for JSON the keys of the first record of the first array found. */
export function seenFields(shape: InputShape): string[] {
  if (shape.format === 'csv') return shape.header.map((name) => name.trim());
  const first = shape.format === 'ndjson' ? shape.first : firstRecord(shape.root);
  return isObject(first) ? Object.keys(first) : [];
}

function firstRecord(root: unknown): unknown {
  if (Array.isArray(root)) return root[0];
  if (!isObject(root)) return undefined;
  for (const key of Object.keys(root).sort()) {
    const value = root[key];
    if (Array.isArray(value) && isObject(value[0])) return value[0];
  }
  return root;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
