// Turns the paths a user gives into sources and reads them all: the only file-system code in ingest.
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { HandoffEvent, Issue } from '../model/index.js';
import type { Connector, ConnectorOptions } from './connector.js';
import { formatOf, readFile, type FileResult } from './run-connector.js';
import { fileSource } from './source.js';
import { instantMillis } from './timestamps.js';

export interface LoadResult {
  files: FileResult[];
  /** accepted events of every file, sorted by time, then file, then line */
  events: HandoffEvent[];
  /** paths that do not exist or cannot be listed */
  missing: Issue[];
}

export interface LoadOptions extends ConnectorOptions {
  connector?: string;
  /** called after each file, for progress displays */
  onFile?(result: FileResult, done: number, total: number): void;
  /** called while a file is read with its running row count, the files done and the total */
  onRows?(file: string, rowsRead: number, filesDone: number, total: number): void;
  /**
   * Receives every accepted event as it is read. With `retain: false` the events are not kept
   * (the result's `events` is empty), so memory does not grow with rows: `inspect` summarises this way.
   */
  onEvent?(event: HandoffEvent, file: string): void;
  retain?: boolean;
}

/**
 * Lists the export files under the given paths: files as given, folders walked recursively in
 * sorted order for `.csv`, `.tsv`, `.json`, `.ndjson` and `.jsonl` files (hidden entries skipped).
 */
export async function listInputs(paths: readonly string[]): Promise<{ files: string[]; missing: Issue[] }> {
  const files: string[] = [];
  const missing: Issue[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      missing.push({ severity: 'error', code: 'file/unreadable', file: path, message: `${path}: ${describeError(error)}` });
      continue;
    }
    if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return { files: [...new Set(files)], missing };
}

async function walk(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && formatOf(entry.name) && !entry.name.toLowerCase().endsWith('.txt')) found.push(path);
  }
  return found;
}

/** Reads every file under `paths` with the detected connectors. */
export async function loadInputs(paths: readonly string[], connectors: readonly Connector[], options: LoadOptions = {}): Promise<LoadResult> {
  const { files, missing } = await listInputs(paths);
  return { ...(await loadFiles(files, connectors, options)), missing };
}

/** Reads files already listed (see `listInputs`) with the detected connectors. */
export async function loadFiles(files: readonly string[], connectors: readonly Connector[], options: LoadOptions = {}): Promise<Omit<LoadResult, 'missing'>> {
  const results: FileResult[] = [];
  const events: HandoffEvent[] = [];
  for (const [index, path] of files.entries()) {
    const cited = citedName(path);
    const keep = options.retain !== false;
    const result = await readFile(fileSource(path, cited), connectors, {
      ...options,
      onRows: (rows) => options.onRows?.(cited, rows, index, files.length),
      emit: (event) => {
        options.onEvent?.(event, cited);
        if (keep) events.push(event);
      },
    });
    results.push(result);
    options.onFile?.(result, index + 1, files.length);
  }
  return { files: results, events: sortEvents(events) };
}

/** How evidence names a file: relative to the working folder when inside it, else as given. */
export function citedName(path: string): string {
  const name = relative(process.cwd(), path) || path;
  return name.startsWith('..') ? path : name;
}

/**
 * The events in `compareEvents` order, as a new array. The keys are numbers read once per event:
 * the time, the file's rank among the files' names and the line, so that comparing two events
 * reads three typed arrays instead of the events (`Date.parse` and the comparisons through the
 * events were two thirds of the sort on the 5M bench sets). Every instant has one format (see
 * `UtcInstant`), so numeric time order is text order; when any does not, `compareEvents` decides
 * the ties.
 */
export function sortEvents(events: readonly HandoffEvent[]): HandoffEvent[] {
  const count = events.length;
  const times = new Float64Array(count);
  let canonical = true;
  for (let i = 0; i < count; i++) {
    const at = events[i]!.at;
    const millis = instantMillis(at);
    if (millis === undefined) canonical = false;
    times[i] = millis ?? Date.parse(at);
  }
  // the comparison sort, over event positions
  const sortedBy = (compare: (a: number, b: number) => number): HandoffEvent[] => {
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort(compare);
    return Array.from(order, (i) => events[i]!);
  };
  if (!canonical) return sortedBy((a, b) => times[a]! - times[b]! || compareEvents(events[a]!, events[b]!));
  const files = fileRanks(events);
  const lines = new Float64Array(count);
  for (let i = 0; i < count; i++) lines[i] = events[i]!.source.line;
  return sortByKeys(events, times, files, lines) ?? sortedBy((a, b) => times[a]! - times[b]! || files[a]! - files[b]! || lines[a]! - lines[b]! || compareIds(events[a]!.id, events[b]!.id));
}

/** Events on one line up to which `sortByKeys` orders them by insertion (a row's events: a handful). */
const SHORT_LINE = 16;

/** Bits of a sort key below the time: an event's rank by file, line and id (up to 16M events). */
const RANK_BITS = 24;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * `sortEvents`' order by one native sort of 64-bit keys, for events as readers hand them over (each
 * file's in line order): the time in milliseconds in the high 40 bits, and in the low 24 the event's
 * rank by file, line and id, which needs no comparison sort when each file's lines only go forward.
 * Undefined when they do not, or the ranks or the window do not fit (about 35 years): the comparison
 * sort then decides. A fifth of the comparison sort's time on the 5M bench sets.
 */
function sortByKeys(events: readonly HandoffEvent[], times: Float64Array, files: Int32Array, lines: Float64Array): HandoffEvent[] | undefined {
  const count = events.length;
  if (count >= 2 ** RANK_BITS) return undefined;
  let first = Infinity;
  let last = -Infinity;
  let fileCount = 0;
  for (let i = 0; i < count; i++) {
    if (times[i]! < first) first = times[i]!;
    if (times[i]! > last) last = times[i]!;
    if (files[i]! >= fileCount) fileCount = files[i]! + 1;
  }
  if (last - first >= 2 ** (64 - RANK_BITS)) return undefined;
  // ranks: the files in name order, each file's events in the order given (a counting sort)
  const next = new Int32Array(fileCount + 1);
  for (let i = 0; i < count; i++) next[files[i]! + 1]!++;
  for (let file = 1; file <= fileCount; file++) next[file]! += next[file - 1]!;
  const byRank = new Int32Array(count);
  for (let i = 0; i < count; i++) byRank[next[files[i]!]!++] = i;
  for (let rank = 1; rank < count; rank++) {
    const a = byRank[rank - 1]!;
    const b = byRank[rank]!;
    if (files[a] === files[b] && lines[b]! < lines[a]!) return undefined;
  }
  // a line's events (one row's, next to each other) in id order: `#10` comes before `#9`
  for (let start = 0, end = 1; start < count; start = end, end = start + 1) {
    const i = byRank[start]!;
    while (end < count && files[byRank[end]!] === files[i] && lines[byRank[end]!] === lines[i]) end++;
    if (end - start > SHORT_LINE) {
      // a compact JSON page holds all its records on one line: an insertion sort would be quadratic
      const line = Array.from(byRank.subarray(start, end)).sort((a, b) => compareIds(events[a]!.id, events[b]!.id));
      byRank.set(line, start);
      continue;
    }
    for (let at = start + 1; at < end; at++) {
      const moving = byRank[at]!;
      let to = at;
      for (; to > start && compareIds(events[byRank[to - 1]!]!.id, events[moving]!.id) > 0; to--) byRank[to] = byRank[to - 1]!;
      byRank[to] = moving;
    }
  }
  // key = (time - first) · 2^24 + rank, written as two 32-bit words: no BigInt per event
  const keys = new BigUint64Array(count);
  const words = new Uint32Array(keys.buffer);
  const high = LITTLE_ENDIAN ? 1 : 0;
  const low = 1 - high;
  const shift = 2 ** (32 - RANK_BITS);
  for (let rank = 0; rank < count; rank++) {
    const offset = times[byRank[rank]!]! - first;
    const upper = Math.floor(offset / shift);
    words[2 * rank + high] = upper;
    words[2 * rank + low] = (((offset - upper * shift) << RANK_BITS) | rank) >>> 0;
  }
  keys.sort();
  const sorted: HandoffEvent[] = new Array(count);
  for (let at = 0; at < count; at++) sorted[at] = events[byRank[words[2 * at + low]! & (2 ** RANK_BITS - 1)]!]!;
  return sorted;
}

/** Each event's file ranked among the files' names in string order (the order `compareEvents` uses). */
function fileRanks(events: readonly HandoffEvent[]): Int32Array {
  const names = new Map<string, number>();
  const ranks = new Int32Array(events.length);
  // events come file by file: the last file's number saves a lookup for most of them
  let lastFile: string | undefined;
  let lastNumber = -1;
  for (let i = 0; i < events.length; i++) {
    const file = events[i]!.source.file;
    if (file !== lastFile) {
      let number = names.get(file);
      if (number === undefined) names.set(file, (number = names.size));
      lastFile = file;
      lastNumber = number;
    }
    ranks[i] = lastNumber;
  }
  const byName = [...names.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rankOf = new Int32Array(names.size);
  byName.forEach((name, rank) => (rankOf[names.get(name)!] = rank));
  for (let i = 0; i < ranks.length; i++) ranks[i] = rankOf[ranks[i]!]!;
  return ranks;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Time order, ties broken by file and line so the order never depends on reading order. */
export function compareEvents(a: HandoffEvent, b: HandoffEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  if (a.source.line !== b.source.line) return a.source.line - b.source.line;
  return compareIds(a.id, b.id);
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  return code ?? String(error);
}
