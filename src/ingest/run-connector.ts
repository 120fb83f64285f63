// Runs one connector over one file: rows → events, every bad row a positioned reject, counts that reconcile.
import { eventId, HandoffEvent, type EventDraft, type Issue, type IssueCode } from '../model/index.js';
import {
  normaliseHeader,
  optionsFor,
  type Connector,
  type ConnectorOptions,
  type LinkKey,
  type InputFormat,
  type InputShape,
  type RowContext,
} from './connector.js';
import { detectConnector, recordsOf } from './detect.js';
import type { DecodeReport } from './decode.js';
import { openCsv, type CsvFault, type CsvRecord } from './read-csv.js';
import { readJson, readNdjson, type JsonFault, type NdjsonLine } from './read-json.js';
import type { InputSource } from './source.js';
import { parseTimestamp } from './timestamps.js';

/** What reading one file gave: counts that reconcile, its issues, and (unless streamed away) its events. */
export interface FileResult {
  file: string;
  format: InputFormat;
  /** undefined when the file could not be read or no connector recognised it */
  connector?: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  eventCount: number;
  encoding?: DecodeReport['encoding'];
  delimiter?: string;
  /** timestamps written without an offset, and the zone they were read in */
  zoneless?: { count: number; readIn: string };
  issues: Issue[];
}

export interface ReadOptions extends ConnectorOptions {
  /** force a connector instead of detecting one */
  connector?: string;
  /** receives every accepted event, in file order */
  emit(event: HandoffEvent): void;
  /** told the running row count every PROGRESS_EVERY rows, for a progress display */
  onRows?(rowsRead: number): void;
}

/** Rows between two progress reports: often enough to move a bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 20_000;

/** How many rows `prepare` sees (column guessing, date-order sniffing). */
const SAMPLE_SIZE = 500;
/** Rows of each file whose events the model schema checks (see `rowMapper`). */
const CHECKED_ROWS = SAMPLE_SIZE;
/** A cell quoted in a reject message is cut to this many characters: enough to recognise, no data dump. */
const QUOTE_LIMIT = 60;

/** Picks the input format from the file name. */
export function formatOf(file: string): InputFormat | undefined {
  const lower = file.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv';
  if (/\.(ndjson|jsonl)$/.test(lower)) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

type Row = {
  line: number;
  /** JSON: where the record starts, when another record started earlier on its line (see `JsonRecord`) */
  column?: number | undefined;
  value: Record<string, unknown>;
  lineOf?: (path: readonly (string | number)[]) => number;
  /** CSV: the row had a different number of cells than the header */
  ragged?: { expected: number; got: number };
};
type Fault = { line: number; column?: number | undefined; message: string; code: IssueCode };

/**
 * Reads one file with the connector its shape matches (or the one forced in `options.connector`),
 * sending events to `options.emit`. Never throws for bad data: file problems and bad rows come back as
 * issues, and `rowsRead === rowsAccepted + rowsRejected` holds for every result.
 */
export async function readFile(
  source: InputSource,
  connectors: readonly Connector[],
  options: ReadOptions,
): Promise<FileResult> {
  const file = source.name;
  const format = formatOf(file) ?? 'csv';
  const result: FileResult = { file, format, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, eventCount: 0, issues: [] };
  const fileError = (code: IssueCode, message: string, line?: number, column?: number): FileResult => {
    result.issues.push({ severity: 'error', code, file, message, ...(line ? { line } : {}), ...(column ? { column } : {}) });
    return result;
  };

  let opened: Awaited<ReturnType<typeof openInput>>;
  try {
    opened = await openInput(source, format);
  } catch (error) {
    return fileError('file/unreadable', `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (opened === undefined) {
    result.issues.push({ severity: 'warning', code: 'file/empty', file, message: `${file}: the file is empty` });
    return result;
  }
  if ('message' in opened) return fileError('json/malformed', `${file}: not valid JSON: ${opened.message}`, opened.line, opened.column);
  result.format = opened.shape.format;
  result.encoding = opened.decode.encoding;
  if (opened.delimiter) result.delimiter = opened.delimiter;

  const forced = options.connector ? connectors.find((c) => c.meta.id === options.connector) : undefined;
  if (options.connector && !forced) return fileError('file/unrecognised', `${file}: no connector named ${options.connector}`);
  let connector: Connector;
  if (forced) {
    connector = forced;
  } else {
    const detection = detectConnector(file, opened.shape, connectors, options);
    if (!detection.ok) return fileError('file/unrecognised', detection.message);
    connector = detection.connector;
  }
  result.connector = connector.meta.id;
  options = { ...options, ...optionsFor(connector.meta.id, options) };

  const batches = opened.batches(connector);
  // the first rows are held back for `prepare`, in file order with any faults among them
  const head: (Row | Fault)[] = [];
  const sample: Row[] = [];
  while (sample.length < SAMPLE_SIZE) {
    const next = await batches.next();
    if (next.done) break;
    for (const item of next.value) {
      head.push(item);
      if (!('code' in item) && sample.length < SAMPLE_SIZE) sample.push(item);
    }
  }
  let prepared: unknown;
  if (connector.prepare) {
    const outcome = connector.prepare({ file, shape: opened.shape, sample: sample.map((row) => row.value), options });
    if (!outcome.ok) return fileError(outcome.code, `${file}: ${outcome.message}`);
    prepared = outcome.value;
    if (outcome.dateOrder && (options.dateOrder ?? 'auto') === 'auto') options = { ...options, dateOrder: outcome.dateOrder };
    for (const warning of outcome.warnings ?? []) result.issues.push({ severity: 'warning', code: 'config/invalid', file, message: `${file}: ${warning}` });
  }
  if (head.length === 0 && opened.shape.format === 'csv') {
    result.issues.push({ severity: 'warning', code: 'file/header-only', file, message: `${file}: a header and no rows` });
  }
  result.issues.push(...opened.decode.issues);
  result.issues.push(...opened.fileIssues(connector));

  const mapper = rowMapper(connector, file, options, prepared, opened.columnOf(connector), result);
  const take = (item: Row | Fault) => ('code' in item ? mapper.fault(item) : mapper.row(item));
  head.forEach(take);
  for await (const batch of batches) for (const item of batch) take(item);
  result.issues.push(...(opened.endIssues?.() ?? []));
  return result;
}

/** Maps rows through a connector and keeps the counts. */
function rowMapper(
  connector: Connector,
  file: string,
  options: ReadOptions,
  prepared: unknown,
  columnOf: (field: string) => number | undefined,
  result: FileResult,
) {
  const integration = new Set((options.integrationActors ?? []).map((name) => name.trim().toLowerCase()));
  const keys = (options.linkKeys ?? []).filter((key) => !key.connector || key.connector === connector.meta.id);
  const builder = eventBuilder(connector.meta.id, file);
  let rowIssues: Issue[] = [];
  let rejected = false;
  let line = 0;
  let rowColumn: number | undefined;
  let lineOf: (path: readonly (string | number)[]) => number = () => line;
  let lastText: unknown;
  let lastParsed: ReturnType<typeof parseTimestamp> = { ok: false, reason: 'invalid' };

  const add = (severity: Issue['severity'], code: IssueCode, field: string | undefined, message: string) => {
    const column = (field === undefined ? undefined : columnOf(field)) ?? rowColumn;
    rowIssues.push({ severity, code, file, line, ...(column ? { column } : {}), ...(field ? { field } : {}), message });
    if (severity === 'error') rejected = true;
  };
  const ctx: RowContext<unknown> = {
    file,
    get line() {
      return line;
    },
    options,
    prepared,
    lineOf: (path) => lineOf(path),
    time(text, field) {
      if (text === undefined || text === null || String(text).trim() === '') {
        add('error', 'row/missing-value', field, `${field} is empty`);
        return undefined;
      }
      // a row's dates often repeat the one before (a record's created and updated time, an audit's
      // events): a third of the calls on the bench set; the result depends on the text alone
      const parsed = text === lastText ? lastParsed : parseTimestamp(String(text), options);
      lastText = text;
      lastParsed = parsed;
      if (parsed.ok) {
        if (!parsed.zoned) {
          result.zoneless ??= { count: 0, readIn: options.timeZone ?? 'UTC' };
          result.zoneless.count++;
        }
        return parsed.at;
      }
      const code: IssueCode = parsed.reason === 'ambiguous' ? 'row/ambiguous-date' : 'row/invalid-date';
      const hint =
        parsed.reason === 'ambiguous'
          ? ' could be day-first or month-first; set the date order (--date-order dmy|mdy)'
          : parsed.reason === 'bad-zone'
            ? ` cannot be placed: unknown time zone ${options.timeZone}`
            : ' is not a date and time this connector reads';
      add('error', code, field, `${field} "${quote(String(text))}"${hint}`);
      return undefined;
    },
    actorType(ids, vendorMark) {
      for (const id of ids) if (id && integration.has(String(id).trim().toLowerCase())) return 'integration';
      return vendorMark ?? 'unknown';
    },
    reject: (code, field, message) => add('error', code, field, message),
    warn: (code, field, message) => add('warning', code, field, message),
  };

  return {
    fault(fault: Fault) {
      result.rowsRead++;
      result.rowsRejected++;
      result.issues.push({ severity: 'error', code: fault.code, file, line: fault.line, ...(fault.column ? { column: fault.column } : {}), message: fault.message });
    },
    row(row: Row) {
      result.rowsRead++;
      if (result.rowsRead % PROGRESS_EVERY === 0) options.onRows?.(result.rowsRead);
      line = row.line;
      rowColumn = row.column;
      lineOf = row.lineOf ?? (() => row.line);
      rowIssues = [];
      rejected = false;
      if (row.ragged) {
        const { expected, got } = row.ragged;
        rowIssues.push({
          severity: 'warning',
          code: 'csv/ragged-row',
          file,
          line,
          column: Math.min(expected, got) + 1,
          message: got < expected ? `${got} cells for ${expected} columns; the missing ones read as empty` : `${got} cells for ${expected} columns; cells past the header are ignored`,
        });
      }
      const parsed = connector.row.safeParse(row.value);
      let drafts: EventDraft[] = [];
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 3)) {
          const field = issue.path.length ? String(issue.path[0]) : undefined;
          // quote the value at the failing path, not the whole parent object
          const cell = issue.path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined), row.value);
          const missing = cell === undefined || cell === '' || (issue.code === 'too_small' && 'origin' in issue && issue.origin === 'string');
          const got = cell === undefined ? 'missing' : `got "${quote(typeof cell === 'string' ? cell : JSON.stringify(cell))}"`;
          add('error', missing ? 'row/missing-value' : 'row/invalid', field, `${issue.path.join('.') || 'row'}: ${issue.message} (${got})`);
        }
      } else {
        drafts = connector.toEvents(parsed.data, ctx);
        if (keys.length) addKeyLinks(drafts, row.value, keys);
      }
      const events: HandoffEvent[] = [];
      if (!rejected) {
        // the model schema checks the connector's output on each file's first rows (a connector
        // meeting an export its fixtures missed); the contract tests check every fixture event.
        // Checking every row cost 12 % of `inspect` on the 1M bench set, for a code error, not a data one.
        const check = result.rowsRead <= CHECKED_ROWS;
        drafts.forEach((draft, index) => {
          const event = builder.event(draft, eventId(file, row.line, index, row.column), row.line, row.column);
          if (!check) return events.push(event);
          const checked = HandoffEvent.safeParse(event);
          if (checked.success) events.push(event);
          else {
            const first = checked.error.issues[0];
            add('error', 'connector/invalid-event', undefined, `event ${index} is invalid: ${first?.path.join('.')}: ${first?.message}`);
          }
        });
      }
      result.issues.push(...rowIssues);
      if (rejected) {
        result.rowsRejected++;
        return;
      }
      result.rowsAccepted++;
      result.eventCount += events.length;
      for (const event of events) options.emit(event);
    },
  };
}

/**
 * Builds events from drafts with their repeated values shared: one copy per file of each actor,
 * record, field, state and team, instead of one per row, and that copy holding only its own
 * characters (see `own`). Events stay plain data; this only decides which equal values are the
 * same object.
 */
function eventBuilder(connector: string, file: string) {
  const strings = new Map<string, string>();
  // nested maps, not joined keys: building and hashing a key string per event cost 2 µs an event
  const actors = new Map<string, Map<string, Map<string | undefined, HandoffEvent['actor']>>>();
  const records = new Map<string, Map<string, HandoffEvent['record']>>();
  const share = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    const kept = own(text);
    strings.set(kept, kept);
    return kept;
  };
  // the last actor and record made or found: the events of a row, and often the next rows, have the
  // same ones, and comparing with them costs less than hashing a fresh cell to look it up
  let lastActor: HandoffEvent['actor'] | undefined;
  let lastRecord: HandoffEvent['record'] | undefined;
  // the maps are keyed by the kept copies too: a key sliced from a chunk would pin the chunk
  const actorOf = ({ type, id, name }: HandoffEvent['actor']): HandoffEvent['actor'] => {
    if (lastActor !== undefined && lastActor.id === id && lastActor.type === type && lastActor.name === name) return lastActor;
    let byId = actors.get(type);
    if (!byId) actors.set(type, (byId = new Map()));
    let byName = byId.get(id);
    if (!byName) byId.set(own(id), (byName = new Map()));
    let actor = byName.get(name);
    if (!actor) {
      actor = name === undefined ? { id: own(id), type } : { id: own(id), name: own(name), type };
      byName.set(actor.name, actor);
    }
    return (lastActor = actor);
  };
  const recordOf = ({ type, id }: HandoffEvent['record']): HandoffEvent['record'] => {
    if (lastRecord !== undefined && lastRecord.id === id && lastRecord.type === type) return lastRecord;
    let byId = records.get(type);
    if (!byId) records.set(type, (byId = new Map()));
    let record = byId.get(id);
    if (!record) {
      record = { type: share(type), id: own(id) };
      byId.set(record.id, record);
    }
    return (lastRecord = record);
  };
  // the events of one row share its source (a row makes 1.3 events on the bench sets)
  let lastSource: HandoffEvent['source'] | undefined;
  const sourceAt = (line: number, column: number | undefined): HandoffEvent['source'] => {
    if (lastSource?.line !== line || lastSource.column !== column) lastSource = column === undefined ? { connector, file, line } : { connector, file, line, column };
    return lastSource;
  };
  return {
    /** `rowColumn`: where a JSON record starts on its line, when it shares the line (see `JsonRecord`) */
    event(draft: EventDraft, id: string, rowLine: number, rowColumn?: number): HandoffEvent {
      // a nested item on a line of its own is found by its line; the record's column is for the record's line
      const line = draft.line ?? rowLine;
      // every event gets the same keys in the model's order (absent ones undefined, which JSON
      // drops): one object shape for the whole run, and anything else a draft carries left out
      return {
        id,
        at: draft.at,
        system: share(draft.system),
        systemKind: draft.systemKind,
        record: recordOf(draft.record),
        kind: draft.kind,
        actor: actorOf(draft.actor),
        team: draft.team === undefined ? undefined : share(draft.team),
        from: draft.from === undefined ? undefined : share(draft.from),
        to: draft.to === undefined ? undefined : share(draft.to),
        field: draft.field === undefined ? undefined : share(draft.field),
        detail: draft.detail === undefined ? undefined : own(draft.detail),
        activity: draft.activity === undefined ? undefined : share(draft.activity),
        links: draft.links?.map((link) => (link.system === undefined ? { id: own(link.id), via: share(link.via) } : { system: share(link.system), id: own(link.id), via: share(link.via) })),
        workflow: draft.workflow,
        source: sourceAt(line, line === rowLine ? rowColumn : undefined),
      };
    },
  };
}

/**
 * A copy of `text` that holds only its own characters. A CSV cell is a slice of the parser's read
 * chunk (V8 shares the chunk for slices of 13 characters or more), so keeping the cell would keep
 * the whole chunk: with papaparse, kept events cost 700 bytes each instead of 540 on the 1M bench
 * set. Only values kept beyond the row pass through here, once per distinct value where shared.
 */
function own(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** NDJSON in disguise only when its very first line is already a whole JSON object. */
function firstObjectLine(opened: Opened): number {
  return opened.firstLine ?? Infinity;
}

type Opened = {
  /** NDJSON: the line of the first record */
  firstLine?: number;
  shape: InputShape;
  decode: DecodeReport;
  delimiter?: string;
  /** the rows and faults in file order, in batches (see `CsvTable.batches`) */
  batches(connector: Connector): AsyncGenerator<(Row | Fault)[]>;
  columnOf(connector: Connector): (field: string) => number | undefined;
  fileIssues(connector: Connector): Issue[];
  /** issues known only once every row was read */
  endIssues?(): Issue[];
};

async function openInput(source: InputSource, format: InputFormat): Promise<Opened | JsonFault | undefined> {
  if (format === 'csv') return openCsvInput(source);
  if (format === 'ndjson') return openNdjsonInput(source);
  const document = await readJson(source);
  if (document === undefined) return undefined;
  if (!('root' in document)) {
    // a `.json` file holding one object per line is NDJSON in disguise (Zendesk's JSON export)
    if (document.line > 1) {
      const ndjson = await openNdjsonInput(source);
      if (ndjson && ndjson.shape.format === 'ndjson' && ndjson.shape.first !== undefined && document.line > firstObjectLine(ndjson)) return ndjson;
    }
    return document;
  }
  return {
    shape: { format: 'json', root: document.root },
    decode: document.decode,
    async *batches(connector) {
      const key = Array.isArray(document.root) ? '' : connector.meta.recordsKey;
      if (key === undefined) {
        yield [{ line: 1, value: (await document.whole()) as Record<string, unknown> }];
        return;
      }
      for await (const batch of document.batches(key)) {
        yield batch.map((record): Row | Fault =>
          typeof record.value !== 'object' || record.value === null || Array.isArray(record.value)
            ? { line: record.line, column: record.column, code: 'json/not-an-object', message: 'record is not a JSON object' }
            : { line: record.line, column: record.column, value: record.value as Record<string, unknown>, lineOf: record.lineOf },
        );
      }
    },
    columnOf: () => () => undefined,
    fileIssues(connector) {
      const key = connector.meta.recordsKey;
      const root = document.root as Record<string, unknown>;
      if (!key || !recordsOf(root, key)) return [];
      // vendor pages say when more pages exist; a file holding one page of many is worth a warning
      const links = root.links as Record<string, unknown> | undefined;
      const paging = (root.paging as { next?: { after?: unknown } } | undefined)?.next?.after;
      const more = root.next_page ?? root.nextPageToken ?? root.nextRecordsUrl ?? links?.next ?? paging ?? (root.done === false ? true : undefined);
      const total = typeof root.total === 'number' ? root.total : typeof root.job_count === 'number' ? root.job_count : undefined;
      const count = document.count(Array.isArray(root) ? '' : key);
      const partial = (more !== undefined && more !== null && root.end_of_stream !== true) || (total !== undefined && total > count + (Number(root.startAt) || 0));
      return partial
        ? [{ severity: 'warning', code: 'file/partial-page', file: source.name, message: `${source.name}: one page of a paged export (${count} records); later pages are not in this file` }]
        : [];
    },
  };
}

async function openCsvInput(source: InputSource): Promise<Opened | undefined> {
  const table = await openCsv(source);
  if (!table) return undefined;
  const excel = { count: 0, line: 1, column: 1, sample: '' };
  const header = table.header.map((name) => name.trim());
  return {
    shape: { format: 'csv', header },
    decode: table.decode,
    delimiter: table.delimiter,
    async *batches(connector) {
      const layout = csvLayout(header, connector);
      const row = (record: CsvRecord | CsvFault): Row | Fault => {
        if ('message' in record) return { line: record.line, code: 'csv/malformed', message: record.message, ...(record.column ? { column: record.column } : {}) };
        for (let i = 0; i < record.cells.length; i++) {
          const cell = record.cells[i]!;
          // cheap test first: almost no cell holds an `E+`
          if (cell.length > 4 && cell.length < 20 && (cell.includes('E+') || cell.includes('e+')) && SCIENTIFIC.test(cell)) {
            if (excel.count++ === 0) Object.assign(excel, { line: record.line, column: i + 1, sample: cell });
          }
        }
        const ragged = record.cells.length === header.length ? undefined : { expected: header.length, got: record.cells.length };
        return { line: record.line, value: layout.toObject(record), ...(ragged ? { ragged } : {}) };
      };
      for await (const batch of table.batches) yield batch.map(row);
    },
    columnOf(connector) {
      const layout = csvLayout(header, connector);
      return (field) => layout.columns.get(field);
    },
    fileIssues: () => [],
    endIssues: () =>
      excel.count
        ? [
            {
              severity: 'warning',
              code: 'file/excel-damage',
              file: source.name,
              line: excel.line,
              column: excel.column,
              message: `${excel.count === 1 ? '1 cell looks' : `${excel.count} cells look`} like a number a spreadsheet turned into scientific notation (first: "${excel.sample}"): a long id there is lost; export again without opening the file in Excel`,
            },
          ]
        : [],
  };
}

/** `1.21143E+15`: what Excel makes of a long numeric id, beyond repair. */
const SCIENTIFIC = /^-?\d(\.\d+)?E\+\d+$/i;

/** How a CSV header maps onto a connector's field names: case-insensitive, repeated columns as arrays. */
function csvLayout(header: string[], connector: Connector) {
  const known = new Map<string, string>();
  const { required, optional = [], repeated = [] } = connector.meta.columns;
  for (const name of [...required, ...optional, ...repeated]) known.set(normaliseHeader(name), name);
  const repeatedSet = new Set(repeated.map(normaliseHeader));
  const patterns = (connector.meta.columns.repeatedPatterns ?? []).map((pattern) => new RegExp(pattern, 'i'));
  const names = header.map((raw) => known.get(normaliseHeader(raw)) ?? raw);
  const isRepeated = header.map((raw) => repeatedSet.has(normaliseHeader(raw)) || patterns.some((pattern) => pattern.test(raw)));
  const columns = new Map<string, number>();
  names.forEach((name, index) => {
    if (!columns.has(name)) columns.set(name, index + 1);
  });
  return {
    columns,
    toObject(record: CsvRecord): Record<string, unknown> {
      const value: Record<string, unknown> = {};
      // a repeated column always arrives as a list, empty when the export left it out
      for (const name of repeated) value[name] = [];
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        const cell = record.cells[i] ?? '';
        if (isRepeated[i]) {
          const list = (value[name] as string[] | undefined) ?? [];
          if (cell !== '') list.push(cell);
          value[name] = list;
        } else if (value[name] === undefined || value[name] === '') {
          value[name] = cell;
        }
      }
      return value;
    },
  };
}

async function openNdjsonInput(source: InputSource): Promise<Opened | undefined> {
  const decode: DecodeReport = { encoding: 'utf-8', bom: false, issues: [] };
  const lines = readNdjson(source, decode);
  // read up to the first JSON value: its shape is what detection sees
  const buffered: NdjsonLine[] = [];
  let firstValue = -1;
  while (firstValue === -1) {
    const next = await lines.next();
    if (next.done) break;
    firstValue = next.value.findIndex((item) => 'value' in item);
    if (firstValue !== -1) firstValue += buffered.length;
    buffered.push(...next.value);
  }
  if (buffered.length === 0) return undefined;
  const first = firstValue === -1 ? undefined : (buffered[firstValue] as { line: number; value: unknown });
  const row = (item: NdjsonLine): Row | Fault => {
    if (!('value' in item)) return { line: item.line, code: 'json/malformed', message: item.message, ...(item.column ? { column: item.column } : {}) };
    if (typeof item.value !== 'object' || item.value === null || Array.isArray(item.value)) return { line: item.line, code: 'json/not-an-object', message: 'line is not a JSON object' };
    return { line: item.line, value: item.value as Record<string, unknown> };
  };
  return {
    // only when the very first line read is already a whole JSON value
    ...(first && firstValue === 0 ? { firstLine: first.line } : {}),
    shape: { format: 'ndjson', first: first?.value },
    decode,
    async *batches() {
      yield buffered.map(row);
      for await (const batch of lines) yield batch.map(row);
    },
    columnOf: () => () => undefined,
    fileIssues: () => [],
  };
}

/**
 * Adds the configured correlation keys of a row as links of each of its events: the cell (or JSON
 * field, dotted paths allowed) may hold several ids separated by `,` or `;`.
 */
function addKeyLinks(drafts: EventDraft[], row: Record<string, unknown>, keys: readonly LinkKey[]): void {
  const byName = new Map(Object.keys(row).map((name) => [normaliseHeader(name), name]));
  for (const key of keys) {
    const direct = byName.get(normaliseHeader(key.field));
    const value = direct !== undefined ? row[direct] : key.field.split('.').reduce<unknown>((v, part) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined), row);
    const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    const ids = texts.flatMap((text) => String(text).split(/[,;]/)).map((id) => id.trim()).filter((id) => id !== '');
    for (const draft of drafts) {
      for (const id of ids) {
        const links = (draft.links ??= []);
        if (!links.some((link) => link.id === id && link.system === key.system)) links.push({ ...(key.system ? { system: key.system } : {}), id, via: key.field });
      }
    }
  }
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT)}…` : flat;
}

