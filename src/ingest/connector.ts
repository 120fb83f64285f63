// The contract every connector folder fulfils: metadata for detection and docs, a zod row schema in
// the vendor's own field names, and a pure row → events mapping.
import type { z } from 'zod';
import type { ActorType, EventDraft, EventKind, IssueCode, SystemKind } from '../model/index.js';
import type { DateOrder } from './timestamps.js';

export type InputFormat = 'csv' | 'json' | 'ndjson';

export interface ConnectorMeta {
  /** `<tool>-<export>`, equal to the folder name */
  id: string;
  tool: string;
  /** the system name events carry (`salesforce`, `zendesk`…) */
  system: string;
  systemKind: SystemKind;
  description: string;
  format: InputFormat;
  /**
   * Columns (CSV) or item fields (JSON, NDJSON) in the vendor's spelling. Detection needs every
   * `required` one; header matching ignores case and runs of whitespace. `repeated` columns may occur
   * several times (Jira's `Labels`) and always reach the row as arrays.
   */
  columns: {
    required: string[];
    optional?: string[];
    repeated?: string[];
    /** header patterns whose columns may repeat too, e.g. `^Custom field \\(` (case-insensitive) */
    repeatedPatterns?: string[];
  };
  /** JSON only: the key of the array holding the records in a vendor page (`''` = a root array) */
  recordsKey?: string;
  /** JSON only: keys besides `recordsKey` that identify the page shape (e.g. `next_page`) */
  pageKeys?: string[];
  emits: EventKind[];
  /** how the export writes time, e.g. "ISO 8601 with offset" or "zone-less, account time zone" */
  timeZone: string;
  /** vendor documentation the connector was built from */
  docs: string[];
  /** a catch-all (the generic event log): chosen only when no vendor connector matches */
  fallback?: boolean;
}

/** Per-run settings a user gives on the command line or in the config. */
export interface ConnectorOptions {
  /** IANA zone for zone-less timestamps */
  timeZone?: string;
  dateOrder?: DateOrder;
  /** actor ids, names or e-mails known to be integration accounts */
  integrationActors?: string[];
  /** settings of the connector being run (e.g. the generic log's column mapping) */
  settings?: Record<string, unknown>;
  /** settings per connector id, as the config file's `connectors` section gives them */
  connectorSettings?: Record<string, Record<string, unknown>>;
  /** columns or fields that hold another system's record ids, added as links to every event of the row */
  linkKeys?: LinkKey[];
}

/** A configured correlation key: `field` of a row (of `connector`'s files, or any) holds ids of `system`. */
export interface LinkKey {
  connector?: string;
  field: string;
  system?: string;
}

/** The options one connector sees: its own settings picked out of `connectorSettings`. */
export function optionsFor(connectorId: string, options: ConnectorOptions): ConnectorOptions {
  const own = options.connectorSettings?.[connectorId];
  if (!own) return options;
  // one run can mix zone-less exports written in different zones: a connector's own zone wins
  const { timeZone, dateOrder, ...settings } = own as { timeZone?: string; dateOrder?: DateOrder };
  return {
    ...options,
    settings,
    ...(typeof timeZone === 'string' ? { timeZone } : {}),
    ...(dateOrder === 'dmy' || dateOrder === 'mdy' || dateOrder === 'auto' ? { dateOrder } : {}),
  };
}

/** What detection sees of a file before choosing a connector. */
export type InputShape =
  | { format: 'csv'; header: string[] }
  | { format: 'json'; root: unknown }
  | { format: 'ndjson'; first: unknown };

export interface Match {
  /** every required column or field is present */
  matched: boolean;
  /** how many of the connector's known columns were found (the better match wins) */
  score: number;
  missing: string[];
}

/** What a connector can ask of the runtime while mapping one row. */
export interface RowContext<Prepared = unknown> {
  file: string;
  line: number;
  options: ConnectorOptions;
  prepared: Prepared;
  /** JSON: line where a nested part of the record starts; CSV: the row's line */
  lineOf(path: readonly (string | number)[]): number;
  /** Parses a timestamp with the file's zone and date order; on failure rejects the row and returns undefined. */
  time(text: string | undefined | null, field: string): string | undefined;
  /** Classifies an actor: the configured integration list first, then the vendor's own mark. */
  actorType(ids: (string | undefined | null)[], vendorMark?: ActorType): ActorType;
  /** Rejects the row: it yields no events and is counted as rejected. */
  reject(code: IssueCode, field: string | undefined, message: string): void;
  warn(code: IssueCode, field: string | undefined, message: string): void;
}

/** What `prepare` gets: the header or first record, and the first records as a sample. */
export interface PrepareInput {
  file: string;
  shape: InputShape;
  sample: unknown[];
  options: ConnectorOptions;
}

export type Prepared<P> =
  | {
      ok: true;
      value: P;
      /** the date order the sample showed, when the user set none */
      dateOrder?: DateOrder;
      /** file-level notes, e.g. "recipe not named; set settings.recipe" */
      warnings?: string[];
    }
  | { ok: false; code: IssueCode; message: string };

export interface Connector<Row = unknown, P = unknown> {
  meta: ConnectorMeta;
  row: z.ZodType<Row>;
  /** custom detection for connectors whose columns are not fixed (the generic log) */
  detect?(shape: InputShape, options: ConnectorOptions): Match;
  /** per-file set-up from the header and a sample of rows (column mapping, date order) */
  prepare?(input: PrepareInput): Prepared<P>;
  /** Pure: no I/O, no clock, no throwing for data problems (use `ctx.reject`). */
  toEvents(row: Row, ctx: RowContext<P>): EventDraft[];
}

/** Declares a connector with its row type inferred from the schema. */
export function defineConnector<S extends z.ZodType, P = undefined>(connector: {
  meta: ConnectorMeta;
  row: S;
  detect?(shape: InputShape, options: ConnectorOptions): Match;
  prepare?(input: PrepareInput): Prepared<P>;
  toEvents(row: z.infer<S>, ctx: RowContext<P>): EventDraft[];
}): Connector<z.infer<S>, P> {
  return connector as Connector<z.infer<S>, P>;
}

/** Header names compare ignoring case, surrounding space and runs of inner whitespace. */
export function normaliseHeader(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
