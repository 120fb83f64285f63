// Streams a delimited text export into positioned records. papaparse reads the file (about 3x faster
// than csv-parse); from the first record papaparse would read differently than csv-parse with relaxed
// quotes (a stray quote, spaces after a closing quote, a quote left open), csv-parse reads the rest,
// so the records are those csv-parse alone would give.
import { parse, type CsvError } from 'csv-parse';
import Papa from 'papaparse';
import { decodeText, type DecodeReport } from './decode.js';
import type { InputSource } from './source.js';

/** One CSV record: its cells and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A record the parser could not read (e.g. an unclosed quote): it counts as read and rejected. */
export interface CsvFault {
  line: number;
  column?: number;
  message: string;
}

export interface CsvTable {
  header: string[];
  delimiter: string;
  decode: DecodeReport;
  /**
   * Records after the header, and faults, in file order, in batches (those of one parsed chunk): a
   * promise per record cost more than handling it.
   */
  batches: AsyncGenerator<(CsvRecord | CsvFault)[]>;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Opens a CSV (or `;`/tab/`|` separated) export and reads its header. Resolves to `undefined` for
 * an empty file. Cells spanning lines report the line their record starts on.
 *
 * @example
 * const table = await openCsv(textSource('a.csv', 'Case ID,Activity\n1,Open\n'));
 * for await (const batch of table!.batches) console.log(batch); // [{ line: 2, cells: ['1', 'Open'] }]
 */
export async function openCsv(source: InputSource, options: { delimiter?: string } = {}): Promise<CsvTable | undefined> {
  const decode: DecodeReport = { encoding: 'utf-8', bom: false, issues: [] };
  const text = decodeText(source.read(), source.name, decode);
  const { head, rest } = await readHead(text);
  if (head.trim() === '') return undefined;
  const delimiter = options.delimiter ?? sniffDelimiter(head);

  const faults: CsvFault[] = [];
  const input = prepend(head, rest);
  const batches = (DELIMITERS as readonly string[]).includes(delimiter)
    ? papaparsed(input, delimiter, faults)
    : csvParsed(input, delimiter, 1, faults);
  const iterator = records(batches, faults);
  const first = await iterator.next();
  if (first.done) return { header: [], delimiter, decode, batches: iterator };
  const [headerRow, ...after] = first.value;
  if (!('cells' in headerRow!)) {
    return { header: [], delimiter, decode, batches: prependBatch(first.value, iterator) };
  }
  return { header: headerRow.cells, delimiter, decode, batches: prependBatch(after, iterator) };
}

/**
 * Reads text with papaparse's parser, chunk by chunk, the unfinished last record carried into the
 * next chunk. papaparse and csv-parse (`relax_quotes`) read well-formed CSV alike and part ways only
 * on a quoted cell that does not close cleanly: papaparse drops spaces between a closing quote and
 * the delimiter (csv-parse keeps `"abc" ` as text) and reads on past a stray quote (`"abc"x`),
 * reporting an error, where csv-parse keeps `"abc"x` as text. From the first record where either can
 * happen, csv-parse reads the rest of the file. Records carry the line they start on, counted from
 * the line breaks in their cells; empty lines are counted and skipped.
 */
async function* papaparsed(text: AsyncIterable<string>, delimiter: string, faults: CsvFault[]): AsyncGenerator<CsvRecord[]> {
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
  // a quote, spaces, then a delimiter or line break: papaparse drops the spaces, csv-parse keeps them
  const spaced = new RegExp(`"[^\\S\\n${escapeClass(delimiter)}]+(?:${escapeRegExp(delimiter)}|\\n)`, 'g');
  const chunks = text[Symbol.asyncIterator]();
  let pending = '';
  let queued: string[] = [];
  let queuedLength = 0;
  /** the line the next record starts on */
  let line = 1;
  for (;;) {
    const next = await chunks.next();
    const done = next.done === true;
    if (!next.done) {
      queued.push(next.value);
      queuedLength += next.value.length;
      // a record longer than a chunk (e.g. a quote left open): parse again only once the new text is
      // as long as the carried one, so re-reading the carried text stays linear in the file size
      if (queuedLength < pending.length) continue;
    }
    const input = queued.length === 1 && pending === '' ? queued[0]! : pending + queued.join('');
    queued = [];
    queuedLength = 0;

    const result = parser.parse(input, 0, !done) as { data: string[][]; errors: { row: number }[]; meta: { cursor: number } };
    const rows = result.data;
    const errorRow = result.errors.length ? result.errors[0]!.row : Infinity;
    // without a quote no cell holds a line break, and no quote can be misread
    const quoted = input.includes('"');
    // the line of the next quote-spaces-delimiter: a record holding one is read again to see whether
    // that quote closed a cell (mostly it is text inside a quoted cell, like `""` then ` ,`)
    let spacedLine = Infinity;
    let scannedTo = 0;
    let scannedLine = line;
    const findSpaced = (from: number) => {
      spaced.lastIndex = from;
      const match = quoted ? spaced.exec(input) : null;
      if (!match) {
        spacedLine = Infinity;
        return;
      }
      scannedLine += countChar(input, '\n', scannedTo, match.index);
      scannedTo = match.index;
      spacedLine = scannedLine;
    };
    findSpaced(0);
    const offsets = lineOffsets(input, line);
    const batch: CsvRecord[] = [];
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i]!;
      const inner = quoted ? innerLines(cells) : 0;
      if (line + inner >= spacedLine && i < errorRow) {
        const end = offsets(line + inner + 1);
        if (dropsSpaces(input, offsets(line), end, delimiter)) spacedLine = line;
        else findSpaced(end);
      }
      if (i >= errorRow || line >= spacedLine) {
        if (batch.length) yield batch;
        yield* csvParsed(continued(input.slice(offsets(line)), chunks), delimiter, line, faults);
        return;
      }
      // an empty line reads as one empty cell, and so does `""`: only the text tells them apart
      if (cells.length === 1 && cells[0] === '' && isEmptyLine(input, offsets(line))) {
        line++;
        continue;
      }
      batch.push({ line, cells });
      line += inner + 1;
    }
    if (errorRow <= rows.length) {
      // the unfinished record already goes wrong (a stray quote): csv-parse reads on from it, rather
      // than papaparse carrying the rest of the file as one quoted cell
      if (batch.length) yield batch;
      yield* csvParsed(continued(input.slice(result.meta.cursor), chunks), delimiter, line, faults);
      return;
    }
    if (batch.length) yield batch;
    if (done) return;
    pending = input.slice(result.meta.cursor);
  }
}

/**
 * Whether papaparse, having read the record `input[start, end)` without an error, dropped spaces
 * after the closing quote of one of its cells: it walks the cells as papaparse does.
 */
function dropsSpaces(input: string, start: number, end: number, delimiter: string): boolean {
  let at = start;
  while (at < end) {
    if (input.charCodeAt(at) === 34) {
      let close = input.indexOf('"', at + 1);
      // `""` inside a quoted cell is a quote
      while (close !== -1 && close + 1 < end && input.charCodeAt(close + 1) === 34) close = input.indexOf('"', close + 2);
      if (close === -1 || close + 1 >= end) return false;
      const after = input[close + 1];
      if (after === '\n') return false;
      if (after !== delimiter) return true;
      at = close + 2;
      continue;
    }
    const nextDelimiter = input.indexOf(delimiter, at);
    if (nextDelimiter === -1 || nextDelimiter >= end) return false;
    const nextLine = input.indexOf('\n', at);
    if (nextLine !== -1 && nextLine < nextDelimiter) return false;
    at = nextDelimiter + 1;
  }
  return false;
}

/** Where each line of `input` starts; `first` is the line `input` starts on. Reads on from the last line asked. */
function lineOffsets(input: string, first: number): (line: number) => number {
  let at = first;
  let offset = 0;
  return (line) => {
    if (line < at) {
      at = first;
      offset = 0;
    }
    while (at < line) {
      const nl = input.indexOf('\n', offset);
      offset = nl === -1 ? input.length : nl + 1;
      at++;
    }
    return offset;
  };
}

function isEmptyLine(input: string, offset: number): boolean {
  return offset >= input.length || input.charCodeAt(offset) === 10;
}

/** `first`, then the chunks still to come. */
async function* continued(first: string, chunks: AsyncIterator<string>): AsyncGenerator<string> {
  if (first) yield first;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return;
    yield next.value;
  }
}

/** What csv-parse's stream wraps: `parse(bytes, end, push, close)` calls `push` once per record, synchronously. */
interface CsvParseApi {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  info: { lines: number };
}

/**
 * Runs csv-parse chunk by chunk through the transform its stream class wraps, reading the line count
 * as each record is pushed (no Readable/Transform hop and no info object per record). `firstLine` is
 * the line the text starts on; faults go to `faults`, cited by the line the parser stopped on.
 */
async function* csvParsed(text: AsyncIterable<string>, delimiter: string, firstLine: number, faults: CsvFault[]): AsyncGenerator<CsvRecord[]> {
  const parser = parse({
    delimiter,
    // decodeText turned every line break into `\n`; named here, csv-parse need not discover it (which
    // costs it a Buffer per byte while a quote opened on the first line stays open)
    record_delimiter: '\n',
    relax_column_count: true,
    // `"abc"x` reads as the literal text instead of derailing the rest of the file
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    bom: false,
  });
  const offset = firstLine - 1;
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    faults.push({ line: (error.lines ?? 0) + offset, message: error.message.replace(/\s+at line \d+.*$/, '') });
  });
  const api = (parser as unknown as { api: CsvParseApi }).api;
  let batch: CsvRecord[] = [];
  const push = (cells: string[]) => {
    // csv-parse reports the line a record ends on; cells holding line breaks tell how far back it started
    batch.push({ line: api.info.lines + offset - innerLines(cells), cells });
  };
  const close = () => {};
  for await (const chunk of text) {
    const error = api.parse(Buffer.from(chunk, 'utf8'), false, push, close);
    if (error) throw error;
    if (batch.length) yield batch;
    batch = [];
  }
  const error = api.parse(undefined, true, push, close);
  if (error) throw error;
  if (batch.length) yield batch;
}

/** The parsers' batches with the faults put in place; never an empty batch. */
async function* records(batches: AsyncIterable<CsvRecord[]>, faults: CsvFault[]): AsyncGenerator<(CsvRecord | CsvFault)[]> {
  let lastEnd = 0;
  let last: CsvRecord | undefined;
  // a fault goes before the first record that starts after it, and is cited from the line after
  // the last good record: an unclosed quote is detected only where the file ends
  const flush = (before: number, into: (CsvRecord | CsvFault)[]) => {
    while (faults.length && faults[0]!.line < before) {
      if (last) lastEnd = last.line + innerLines(last.cells);
      last = undefined;
      const fault = faults.shift()!;
      const start = Math.min(lastEnd + 1, fault.line);
      into.push(start < fault.line ? { ...fault, line: start, message: `${fault.message} (lines ${start}-${fault.line})` } : fault);
      lastEnd = fault.line;
    }
  };
  for await (const batch of batches) {
    if (faults.length === 0) {
      if (batch.length) yield batch;
      last = batch[batch.length - 1] ?? last;
      continue;
    }
    const out: (CsvRecord | CsvFault)[] = [];
    for (const record of batch) {
      if (faults.length) flush(record.line, out);
      out.push(record);
      last = record;
    }
    if (out.length) yield out;
  }
  const out: (CsvRecord | CsvFault)[] = [];
  flush(Infinity, out);
  if (out.length) yield out;
}

async function* prependBatch<T>(first: T[], rest: AsyncGenerator<T[]>): AsyncGenerator<T[]> {
  if (first.length) yield first;
  yield* rest;
}

async function* prepend(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Reads text until the first line break (or the end) so the delimiter can be sniffed. */
async function readHead(text: AsyncGenerator<string>): Promise<{ head: string; rest: AsyncIterator<string> }> {
  let head = '';
  for (;;) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
    if (head.includes('\n')) break;
  }
  return { head, rest: text };
}

/** The delimiter that splits the first line into the most fields, counted outside quotes. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const char of firstLine) {
      if (char === '"') quoted = !quoted;
      else if (!quoted && char === delimiter) count++;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function innerLines(cells: string[]): number {
  let inner = 0;
  for (const cell of cells) if (cell.includes('\n')) inner += countChar(cell, '\n', 0, cell.length);
  return inner;
}

function countChar(text: string, char: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(char, from); at !== -1 && at < to; at = text.indexOf(char, at + 1)) count++;
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeClass(text: string): string {
  return text.replace(/[\]\\^-]/g, '\\$&').replace(/\t/g, '\\t');
}
