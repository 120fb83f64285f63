// JSON and NDJSON exports → positioned records. API pages are read whole (vendors cap a page at a
// few MB); NDJSON streams line by line, which is the format to use for large inputs.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { decodeText, type DecodeReport } from './decode.js';
import type { InputSource } from './source.js';

/** A record of a JSON export: the value, the line it starts on, and where its nested parts start. */
export interface JsonRecord {
  line: number;
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
  root: unknown;
  decode: DecodeReport;
  /** the records held in the array at `key` (`''` = the root array), in file order */
  records(key: string): JsonRecord[];
}

/** Reads a whole JSON document; a syntax error comes back as a positioned fault. */
export async function readJson(source: InputSource): Promise<JsonDocument | JsonFault | undefined> {
  const decode: DecodeReport = { encoding: 'utf-8', bom: false, issues: [] };
  let text = '';
  for await (const chunk of decodeText(source.read(), source.name, decode)) text += chunk;
  if (text.trim() === '') return undefined;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    return jsonFault(text, error);
  }
  const lines = lineStarts(text);
  return {
    root,
    decode,
    records(key) {
      const array = key === '' ? root : (root as Record<string, unknown>)?.[key];
      if (!Array.isArray(array)) return [];
      const arrayStart = key === '' ? skipWhitespace(text, 0) : findKey(text, skipWhitespace(text, 0), key);
      const starts = arrayStart === undefined ? [] : elementStarts(text, arrayStart);
      return array.map((value, index) => {
        const start = starts[index] ?? 0;
        return {
          value,
          line: lineAt(lines, start),
          lineOf: (path) => {
            const at = locate(text, start, path);
            return lineAt(lines, at ?? start);
          },
        };
      });
    },
  };
}

/** Reads newline-delimited JSON one line at a time; blank lines are not records. */
export async function* readNdjson(
  source: InputSource,
  decode: DecodeReport,
): AsyncGenerator<{ line: number; value: unknown } | JsonFault> {
  const input = Readable.from(decodeText(source.read(), source.name, decode));
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of reader) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (error) {
      const fault = jsonFault(text, error);
      yield { line, column: fault.column, message: fault.message };
    }
  }
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

// A tiny cursor over text already known to be valid JSON (JSON.parse accepted it), used only to
// find where values start; it never builds values.

function skipWhitespace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\t' || text[at] === '\r')) at++;
  return at;
}

function skipString(text: string, at: number): number {
  // at points at the opening quote
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function skipValue(text: string, at: number): number {
  const char = text[at];
  if (char === '"') return skipString(text, at);
  if (char === '{' || char === '[') {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = skipString(text, i) - 1;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  let i = at;
  while (i < text.length && !',}] \n\t\r'.includes(text[i]!)) i++;
  return i;
}

/** Start of the value of `key` in the object starting at `at`. */
function findKey(text: string, at: number, key: string): number | undefined {
  if (text[at] !== '{') return undefined;
  let i = skipWhitespace(text, at + 1);
  while (i < text.length && text[i] !== '}') {
    const keyEnd = skipString(text, i);
    const name = JSON.parse(text.slice(i, keyEnd)) as string;
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past ':'
    if (name === key) return valueStart;
    i = skipWhitespace(text, skipValue(text, valueStart));
    if (text[i] === ',') i = skipWhitespace(text, i + 1);
  }
  return undefined;
}

/** Starts of the elements of the array starting at `at`. */
function elementStarts(text: string, at: number): number[] {
  const starts: number[] = [];
  if (text[at] !== '[') return starts;
  let i = skipWhitespace(text, at + 1);
  while (i < text.length && text[i] !== ']') {
    starts.push(i);
    i = skipWhitespace(text, skipValue(text, i));
    if (text[i] === ',') i = skipWhitespace(text, i + 1);
  }
  return starts;
}

function locate(text: string, at: number, path: readonly (string | number)[]): number | undefined {
  let cursor: number | undefined = at;
  for (const step of path) {
    if (cursor === undefined) return undefined;
    cursor = typeof step === 'number' ? elementStarts(text, cursor)[step] : findKey(text, cursor, step);
  }
  return cursor;
}
