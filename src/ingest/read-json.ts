// JSON and NDJSON exports → positioned records. An API page is streamed twice: a first pass checks
// the grammar, counts the records and keeps the page's own fields; a second pass hands out the
// records one at a time. Neither holds more than the current chunk and one record (plus the root
// sample kept for detection), so memory follows the largest record, not the page. NDJSON streams
// line by line.
import { decodeText, type DecodeReport } from './decode.js';
import type { InputSource } from './source.js';

/** A record of a JSON export: the value, the line it starts on, and where its nested parts start. */
export interface JsonRecord {
  line: number;
  /**
   * 1-based column where the record starts, when an earlier record started on the same line: a
   * compact page (what an API returns) holds every record on one line, so the line alone does not
   * tell them apart
   */
  column?: number | undefined;
  value: unknown;
  /** 1-based line of a nested value, e.g. `lineOf(['changelog', 'histories', 2])`; the record's line when not found */
  lineOf(path: readonly (string | number)[]): number;
}

/** A JSON text that could not be parsed, positioned where the parser gave up. */
export interface JsonFault {
  line: number;
  column?: number;
  message: string;
}

export interface JsonDocument {
  /**
   * The document as `JSON.parse` reads it, except that each array at the top (the root array, or an
   * array-valued field of the root object) holds only its first elements: enough to detect the
   * connector and see the page's own fields. `count` and `records` give the whole arrays.
   */
  root: unknown;
  decode: DecodeReport;
  /** how many elements the array at `key` holds (`''` = the root array); 0 when there is no such array */
  count(key: string): number;
  /**
   * The records held in the array at `key` (`''` = the root array), in file order, each read and
   * parsed as it is reached, in batches: the records read from the text at hand, handed over before
   * reading on (a promise per record cost more than a fifth of reading a JSON page).
   */
  batches(key: string): AsyncIterable<JsonRecord[]>;
  /** the whole document parsed at once: only for a file read as one single record */
  whole(): Promise<unknown>;
}

/** Elements kept in each top-level array of `root`: what detection needs, not the page. */
const ROOT_SAMPLE = 200;
/** …and no more text than this per array, so a root array of whole pages stays small too. */
const ROOT_SAMPLE_CHARS = 1 << 20;

/**
 * Reads a JSON document; a syntax error anywhere comes back as a positioned fault before any record
 * is read, as `JSON.parse` reports it.
 */
export async function readJson(source: InputSource): Promise<JsonDocument | JsonFault | undefined> {
  const decode = freshDecode();
  const outline = await streamOutline(source, decode);
  if (outline === 'empty') return undefined;
  if (outline === undefined) return faultOf(source);
  const arrayAt = (key: string): StreamArray | undefined =>
    key === '' ? outline.rootArray : outline.rootArray ? undefined : (outline.arrays.get(key) ?? undefined);
  return {
    root: JSON.parse(outline.sample),
    decode,
    count: (key) => arrayAt(key)?.count ?? 0,
    async *batches(key) {
      const array = arrayAt(key);
      if (!array || array.count === 0) return;
      yield* streamRecords(source, array.ordinal);
    },
    whole: async () => JSON.parse(await wholeText(source, freshDecode())),
  };
}

async function wholeText(source: InputSource, decode: DecodeReport): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of decodeText(source.read(), source.name, decode)) chunks.push(chunk);
  return chunks.join('');
}

/**
 * The fault in a text the streamed scan refused, read whole so it is positioned and worded exactly
 * as JSON.parse reports it. Undefined for text blank to `trim` but not to JSON (U+00A0, U+FEFF…).
 */
async function faultOf(source: InputSource): Promise<JsonFault | undefined> {
  const text = await wholeText(source, freshDecode());
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonFault(text, error);
  }
  // the scan takes exactly what JSON.parse takes (held by the differential test in read-json.test.ts)
  throw new Error(`${source.name}: the streamed JSON scan refused a text JSON.parse takes`);
}

/** An empty decode report: the first pass's is returned, the later passes' are dropped. */
function freshDecode(): DecodeReport {
  return { encoding: 'utf-8', bom: false, issues: [] };
}

// ---------------------------------------------------------------------------------------------
// The streamed reader: a window over the decoded chunks, holding the text from the current value
// on, and the two passes over it.

/** A top-level array found by the first pass: its element count, and which root field holds it. */
interface StreamArray {
  count: number;
  /** the field's place among the root object's fields (0 for the root array) */
  ordinal: number;
}

interface StreamOutline {
  rootArray?: StreamArray;
  /** root object: each key's value as JSON.parse keeps it (the last of a repeated key); null when not an array */
  arrays: Map<string, StreamArray | null>;
  /** the root with each top-level array cut to its first elements, up to its first object at least (see `streamArray`) */
  sample: string;
}

class Window {
  /** the text held: from the current value on, to the end of the last chunk read */
  buf = '';
  /** where reading is in `buf`; text before it may be dropped */
  pos = 0;
  /** offset of `buf` in the whole text */
  base = 0;
  eof = false;
  /** the text kept so far, and where in `buf` the text not yet added to it starts; undefined when not keeping */
  kept: string | undefined;
  keepFrom = 0;
  /** newlines before `countPos`; `nextNewline` is the first at or after it (-1: none in `buf`) */
  private newlines = 0;
  private countPos = 0;
  private nextNewline = -2;
  /** offset in the whole text of the line `countPos` is on */
  private lineStart = 0;
  private readonly chunks: AsyncIterator<string>;

  /** `lines`: whether lines are counted (the second pass) */
  constructor(
    source: InputSource,
    decode: DecodeReport,
    private readonly lines = false,
  ) {
    this.chunks = decodeText(source.read(), source.name, decode)[Symbol.asyncIterator]();
  }

  /** Reads on until at least `want` more characters are held (or the text ends), dropping what was read. */
  async more(want = 1): Promise<void> {
    if (this.eof) return;
    this.keep();
    if (this.pos > 0) {
      if (this.lines) this.lineAt(this.pos);
      this.buf = this.buf.slice(this.pos);
      this.base += this.pos;
      this.countPos -= this.pos;
      this.keepFrom -= this.pos;
      this.pos = 0;
    }
    let added = 0;
    const parts = [this.buf];
    while (added < want) {
      const next = await this.chunks.next();
      if (next.done) {
        this.eof = true;
        break;
      }
      parts.push(next.value);
      added += next.value.length;
    }
    this.buf = parts.join('');
    this.nextNewline = -2;
  }

  async close(): Promise<void> {
    await this.chunks.return?.();
  }

  /** Adds the text read since the last call to what is kept. */
  keep(): void {
    if (this.kept !== undefined && this.pos > this.keepFrom) this.kept += this.buf.slice(this.keepFrom, this.pos);
    this.keepFrom = this.pos;
  }

  /** `next` without reading on (no promise to wait for, which counts per record): -1 when `buf` runs out first. */
  peek(): number {
    this.pos = skipWhitespace(this.buf, this.pos);
    return this.pos < this.buf.length ? this.buf.charCodeAt(this.pos) : -1;
  }

  /** `end` without reading on: -1 when the value may go on past `buf` (or is not one). */
  endHere(scan: (text: string, at: number) => number): number {
    const end = scan(this.buf, this.pos);
    return end < this.buf.length ? end : -1;
  }

  /** Skips whitespace, reading on as needed; the character there, NaN at the end of the text. */
  async next(): Promise<number> {
    for (;;) {
      this.pos = skipWhitespace(this.buf, this.pos);
      if (this.pos < this.buf.length || this.eof) return this.buf.charCodeAt(this.pos);
      await this.more();
    }
  }

  /** End of the value (or string) `scan` finds at `pos`, reading on until it is whole; -1 when it is not one. */
  async end(scan: (text: string, at: number) => number): Promise<number> {
    for (;;) {
      const end = scan(this.buf, this.pos);
      // a value is whole once something follows it in `buf` (a number could go on in the next chunk)
      if (this.eof || (end >= 0 && end < this.buf.length)) return end;
      await this.more(Math.max(this.buf.length - this.pos, 1));
    }
  }

  /** 1-based line of `at` in `buf` (at or after every position asked before). */
  lineAt(at: number): number {
    if (this.nextNewline === -2 || (this.nextNewline >= 0 && this.nextNewline < this.countPos)) this.nextNewline = this.buf.indexOf('\n', this.countPos);
    while (this.nextNewline >= 0 && this.nextNewline < at) {
      this.newlines++;
      this.lineStart = this.base + this.nextNewline + 1;
      this.nextNewline = this.buf.indexOf('\n', this.nextNewline + 1);
    }
    this.countPos = at;
    return this.newlines + 1;
  }

  /** 1-based column of `at` in `buf`, on the line `lineAt(at)` gave (call that first). */
  columnAt(at: number): number {
    return this.base + at - this.lineStart + 1;
  }
}

/**
 * The first pass: checks the text is JSON (the grammar JSON.parse accepts), counts the elements of
 * the top-level arrays and keeps the root sample. Undefined when the text is not JSON; 'empty' for
 * blank text.
 */
async function streamOutline(source: InputSource, decode: DecodeReport): Promise<StreamOutline | 'empty' | undefined> {
  const w = new Window(source, decode);
  try {
    const first = await w.next();
    // nothing but JSON whitespace (other blanks `trim` drops are refused, and `faultOf` decides)
    if (Number.isNaN(first)) return 'empty';
    const outline: StreamOutline = { arrays: new Map(), sample: '' };
    w.kept = '';
    w.keepFrom = w.pos;
    if (first === OPEN_BRACKET) {
      const array = await streamArray(w, 0, true);
      if (!array) return undefined;
      outline.rootArray = array;
    } else if (first === OPEN_BRACE) {
      w.pos++;
      let next = await w.next();
      if (next === CLOSE_BRACE) w.pos++;
      else {
        for (let ordinal = 0; ; ordinal++) {
          if (next !== QUOTE) return undefined;
          const keyEnd = await w.end(scanString);
          if (keyEnd < 0) return undefined;
          const key = keyText(w.buf, w.pos, keyEnd);
          w.pos = keyEnd;
          if ((await w.next()) !== COLON) return undefined;
          w.pos++;
          if ((await w.next()) === OPEN_BRACKET) {
            const array = await streamArray(w, ordinal, true);
            if (!array) return undefined;
            outline.arrays.set(key, array);
          } else {
            const end = await w.end(scanValue);
            if (end < 0) return undefined;
            w.pos = end;
            outline.arrays.set(key, null);
          }
          next = await w.next();
          if (next === CLOSE_BRACE) {
            w.pos++;
            break;
          }
          if (next !== COMMA) return undefined;
          w.pos++;
          next = await w.next();
        }
      }
    } else {
      const end = await w.end(scanValue);
      if (end < 0) return undefined;
      w.pos = end;
    }
    w.keep();
    outline.sample = w.kept;
    w.kept = undefined;
    return Number.isNaN(await w.next()) ? outline : undefined;
  } finally {
    await w.close();
  }
}

/**
 * Reads past the array at `pos` (its `[`), element by element, checking each in the first pass
 * (`check`). While a sample is kept, it is cut after the first elements: the rest are only counted.
 * Undefined when the array is malformed.
 */
async function streamArray(w: Window, ordinal: number, check: boolean): Promise<StreamArray | undefined> {
  const scan = check ? scanValue : skipValue;
  const start = w.base + w.pos;
  let count = 0;
  let object = false;
  let held: string | undefined;
  w.pos++;
  let next = await w.next();
  if (next !== CLOSE_BRACKET) {
    for (;;) {
      let end = w.endHere(scan);
      if (end < 0) end = await w.end(scan);
      if (end < 0) return undefined;
      if (w.kept !== undefined) {
        object ||= w.buf.charCodeAt(w.pos) === OPEN_BRACE;
        if (object && (count + 1 >= ROOT_SAMPLE || w.base + end - start >= ROOT_SAMPLE_CHARS)) {
          // the sample holds this element and closes the array; it goes on after the array
          w.pos = end;
          w.keep();
          held = w.kept + ']';
          w.kept = undefined;
        }
      }
      w.pos = end;
      count++;
      next = w.peek();
      if (next < 0) next = await w.next();
      if (next === CLOSE_BRACKET) break;
      if (next !== COMMA) return undefined;
      w.pos++;
      if (w.peek() < 0) await w.next();
    }
  }
  w.pos++;
  if (held !== undefined) {
    w.kept = held;
    w.keepFrom = w.pos;
  }
  return { count, ordinal };
}

/** The second pass: the records of the array at `ordinal` (0 and a root array: the root array). */
async function* streamRecords(source: InputSource, ordinal: number): AsyncGenerator<JsonRecord[]> {
  const w = new Window(source, freshDecode(), true);
  const changed = () => new Error(`${source.name}: the JSON text changed while it was read`);
  try {
    const first = await w.next();
    if (first === OPEN_BRACKET) {
      yield* elements(w, changed);
      return;
    }
    if (first !== OPEN_BRACE) throw changed();
    w.pos++;
    for (let at = 0; ; at++) {
      if ((await w.next()) !== QUOTE) throw changed();
      w.pos = await w.end(skipString);
      if ((await w.next()) !== COLON) throw changed();
      w.pos++;
      const start = await w.next();
      if (at === ordinal) {
        if (start !== OPEN_BRACKET) throw changed();
        yield* elements(w, changed);
        return;
      }
      // another array is walked element by element, so it is never held whole either
      if (start === OPEN_BRACKET) {
        if (!(await streamArray(w, at, false))) throw changed();
      } else w.pos = await w.end(skipValue);
      if ((await w.next()) !== COMMA) throw changed();
      w.pos++;
    }
  } finally {
    await w.close();
  }
}

/**
 * The records of the array at `pos` (its `[`), each read and parsed as the window reaches it, in
 * batches: those parsed are handed over before the window reads on, and before a fault is thrown.
 */
async function* elements(w: Window, changed: () => Error): AsyncGenerator<JsonRecord[]> {
  w.pos++;
  let next = await w.next();
  if (next === CLOSE_BRACKET) return;
  let batch: JsonRecord[] = [];
  let lastLine = 0;
  const handOver = () => {
    const full = batch;
    batch = [];
    return full;
  };
  for (;;) {
    let end = w.endHere(skipValue);
    if (end < 0) {
      if (batch.length) yield handOver();
      end = await w.end(skipValue);
    }
    const line = w.lineAt(w.pos);
    const column = line === lastLine ? w.columnAt(w.pos) : undefined;
    lastLine = line;
    const text = w.buf.slice(w.pos, end);
    // a record on one line (a compact page, or one record a line) has all its parts on that line
    let lineOf: JsonRecord['lineOf'] = () => line;
    if (text.includes('\n')) {
      const inner = locator(text, lineStarts(text), 0);
      lineOf = (path) => line - 1 + inner(path);
    }
    w.pos = end;
    batch.push({ value: JSON.parse(text), line, column, lineOf });
    next = w.peek();
    if (next < 0) {
      if (batch.length) yield handOver();
      next = await w.next();
    }
    if (next === CLOSE_BRACKET) break;
    if (next !== COMMA) {
      if (batch.length) yield handOver();
      throw changed();
    }
    w.pos++;
    if (w.peek() < 0) {
      if (batch.length) yield handOver();
      await w.next();
    }
  }
  if (batch.length) yield batch;
}

/** A line of NDJSON: its value, or why it is not JSON. */
export type NdjsonLine = { line: number; value: unknown } | JsonFault;

/**
 * Reads newline-delimited JSON, the lines of each decoded chunk in one batch (a promise per line cost
 * more than its parse); blank lines are not records but count as lines.
 */
export async function* readNdjson(source: InputSource, decode: DecodeReport): AsyncGenerator<NdjsonLine[]> {
  let line = 0;
  const read = (text: string, batch: NdjsonLine[]) => {
    line++;
    if (text.trim() === '') return;
    try {
      batch.push({ line, value: JSON.parse(text) });
    } catch (error) {
      const fault = jsonFault(text, error);
      batch.push({ line, column: fault.column, message: fault.message });
    }
  };
  // decoded text has only `\n` line breaks; `carry` is a line the chunk before left unfinished
  let carry = '';
  for await (const chunk of decodeText(source.read(), source.name, decode)) {
    const batch: NdjsonLine[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      read(carry + chunk.slice(start, end), batch);
      carry = '';
      start = end + 1;
    }
    carry += chunk.slice(start);
    if (batch.length) yield batch;
  }
  const last: NdjsonLine[] = [];
  if (carry !== '') read(carry, last);
  if (last.length) yield last;
}

function jsonFault(text: string, error: unknown): JsonFault {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : 0;
  const starts = lineStarts(text);
  const line = lineAt(starts, at);
  return { line, column: at - starts[line - 1]! + 1, message: message.replace(/ in JSON at position \d+.*$/, '') };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

// ---------------------------------------------------------------------------------------------
// The scanners the passes run over the window: each checks a value is JSON (the grammar JSON.parse
// accepts) and finds its end, without building it.

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

function keyText(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

function skipWhitespace(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c !== SPACE && c !== NEWLINE && c !== TAB && c !== RETURN) return at;
    at++;
  }
}

/** End of the JSON string starting at `at` (its opening quote), or -1 when it is not one. */
function scanString(text: string, at: number): number {
  for (let i = at + 1; ; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) {
      const e = text.charCodeAt(++i);
      if (e === 0x75) {
        // \uXXXX
        for (let k = 1; k <= 4; k++) if (!isHex(text.charCodeAt(i + k))) return -1;
        i += 4;
      } else if (!(e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74)) {
        return -1;
      }
    } else if (!(c >= SPACE)) {
      return -1; // a control character, or the end of the text (NaN)
    }
  }
}

function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function scanDigits(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); c >= ZERO && c <= NINE; c = text.charCodeAt(++i));
  return i;
}

/** End of the number, `true`, `false` or `null` at `at`, or -1. */
function scanScalar(text: string, at: number): number {
  let i = at;
  let c = text.charCodeAt(i);
  if (c === 0x74) return text.startsWith('true', i) ? i + 4 : -1;
  if (c === 0x66) return text.startsWith('false', i) ? i + 5 : -1;
  if (c === 0x6e) return text.startsWith('null', i) ? i + 4 : -1;
  if (c === MINUS) c = text.charCodeAt(++i);
  if (c === ZERO) i++;
  else if (c > ZERO && c <= NINE) i = scanDigits(text, i + 1);
  else return -1;
  if (text.charCodeAt(i) === DOT) {
    const end = scanDigits(text, i + 1);
    if (end === i + 1) return -1;
    i = end;
  }
  c = text.charCodeAt(i);
  if (c === 0x65 || c === 0x45) {
    i++;
    c = text.charCodeAt(i);
    if (c === PLUS || c === MINUS) i++;
    const end = scanDigits(text, i);
    if (end === i) return -1;
    i = end;
  }
  return i;
}

const IN_ARRAY = 1;
const IN_OBJECT = 2;

/** End of the JSON value starting at `at` (not whitespace), or -1 when it is not one. Iterative: any depth JSON.parse takes. */
function scanValue(text: string, at: number): number {
  const stack: number[] = [];
  let i = at;
  for (;;) {
    // a value starts at i
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACE) {
      i = skipWhitespace(text, i + 1);
      if (text.charCodeAt(i) === CLOSE_BRACE) i++;
      else {
        stack.push(IN_OBJECT);
        i = scanMemberName(text, i);
        if (i < 0) return -1;
        continue;
      }
    } else if (c === OPEN_BRACKET) {
      i = skipWhitespace(text, i + 1);
      if (text.charCodeAt(i) === CLOSE_BRACKET) i++;
      else {
        stack.push(IN_ARRAY);
        continue;
      }
    } else if (c === QUOTE) {
      i = scanString(text, i);
      if (i < 0) return -1;
    } else {
      i = scanScalar(text, i);
      if (i < 0) return -1;
    }
    // a value ended at i: close what it completes, up to the next value
    for (;;) {
      if (stack.length === 0) return i;
      i = skipWhitespace(text, i);
      const next = text.charCodeAt(i);
      const inside = stack[stack.length - 1];
      if (next === COMMA) {
        i = skipWhitespace(text, i + 1);
        if (inside === IN_OBJECT) {
          i = scanMemberName(text, i);
          if (i < 0) return -1;
        }
        break;
      }
      if (next !== (inside === IN_ARRAY ? CLOSE_BRACKET : CLOSE_BRACE)) return -1;
      stack.pop();
      i++;
    }
  }
}

/** From a member's name to the start of its value, or -1. */
function scanMemberName(text: string, at: number): number {
  if (text.charCodeAt(at) !== QUOTE) return -1;
  let i = scanString(text, at);
  if (i < 0) return -1;
  i = skipWhitespace(text, i);
  if (text.charCodeAt(i) !== COLON) return -1;
  return skipWhitespace(text, i + 1);
}

// ---------------------------------------------------------------------------------------------
// A cursor over text already known to be JSON, used to find where nested values start; it never
// builds values.

function skipString(text: string, at: number): number {
  // at points at the opening quote
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}

function skipValue(text: string, at: number): number {
  const char = text.charCodeAt(at);
  if (char === QUOTE) return skipString(text, at);
  if (char === OPEN_BRACE || char === OPEN_BRACKET) {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) i = skipString(text, i) - 1;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  let i = at;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === SPACE || c === NEWLINE || c === TAB || c === RETURN) break;
  }
  return i;
}

/** Starts of the elements of the array starting at `at`. */
function elementStarts(text: string, at: number): number[] {
  const starts: number[] = [];
  if (text.charCodeAt(at) !== OPEN_BRACKET) return starts;
  let i = skipWhitespace(text, at + 1);
  while (i < text.length && text.charCodeAt(i) !== CLOSE_BRACKET) {
    starts.push(i);
    i = skipWhitespace(text, skipValue(text, i));
    if (text.charCodeAt(i) === COMMA) i = skipWhitespace(text, i + 1);
  }
  return starts;
}

/** The members of the object starting at `at`, read only as far as asked: the first value of each name. */
interface ObjectCursor {
  values: Map<string, number>;
  /** where the next unread member starts; -1 once all are read */
  next: number;
}

function findKey(text: string, object: ObjectCursor, key: string): number | undefined {
  const known = object.values.get(key);
  if (known !== undefined || object.next < 0) return known;
  let i = object.next;
  while (i < text.length && text.charCodeAt(i) !== CLOSE_BRACE) {
    const keyEnd = skipString(text, i);
    const name = keyText(text, i, keyEnd);
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past ':'
    i = skipWhitespace(text, skipValue(text, valueStart));
    if (text.charCodeAt(i) === COMMA) i = skipWhitespace(text, i + 1);
    if (!object.values.has(name)) {
      object.values.set(name, valueStart);
      if (name === key) {
        object.next = i;
        return valueStart;
      }
    }
  }
  object.next = -1;
  return undefined;
}

/**
 * `lineOf` for the record starting at `start`. The element starts of each nested array and the
 * members of each nested object are found once and kept with the record, so citing every item of a
 * nested array costs one pass over it, not one pass per item.
 */
function locator(text: string, lines: number[], start: number): (path: readonly (string | number)[]) => number {
  let arrays: Map<number, number[]> | undefined;
  let objects: Map<number, ObjectCursor> | undefined;
  return (path) => {
    let cursor: number | undefined = start;
    for (const step of path) {
      if (cursor === undefined) break;
      if (typeof step === 'number') {
        arrays ??= new Map();
        let starts = arrays.get(cursor);
        if (!starts) arrays.set(cursor, (starts = elementStarts(text, cursor)));
        cursor = starts[step];
      } else {
        if (text.charCodeAt(cursor) !== OPEN_BRACE) {
          cursor = undefined;
          break;
        }
        objects ??= new Map();
        let object = objects.get(cursor);
        if (!object) objects.set(cursor, (object = { values: new Map(), next: skipWhitespace(text, cursor + 1) }));
        cursor = findKey(text, object, step);
      }
    }
    return lineAt(lines, cursor ?? start);
  };
}
