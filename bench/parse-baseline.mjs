// Baseline (a) of `npm run bench`: the tool's own parsers over one folder of exports, counting records only.
// papaparse's parser for CSV, fed text chunk by chunk with the unfinished record carried over, as read-csv
// does (read-csv hands a file to csv-parse only from a record with malformed quoting, which these files
// do not have), JSON.parse for a JSON page, JSON.parse per line for NDJSON (and for a `.json` file that
// is NDJSON in disguise, as the tool falls back to).
//   node bench/parse-baseline.mjs <exports dir>
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
// read in the tool's chunks: their size moves both time and peak (a fifth of the peak at 1M)
import { CHUNK_BYTES } from '../dist/src/ingest/source.js';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/parse-baseline.mjs <exports dir>\n');
  process.exit(2);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

async function countCsv(path) {
  const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
  let records = 0;
  let pending = '';
  // empty lines read as one empty cell; the tool skips them
  const count = (rows) => {
    for (const row of rows) if (row.length > 1 || row[0] !== '') records++;
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES })) {
    const input = pending + chunk;
    const result = parser.parse(input, 0, true);
    count(result.data);
    pending = input.slice(result.meta.cursor);
  }
  count(parser.parse(pending, 0, false).data);
  return records - 1; // the header
}

async function countLines(path) {
  const reader = createInterface({ input: createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES }), crlfDelay: Infinity });
  let records = 0;
  for await (const line of reader) {
    if (line.trim() === '') continue;
    try {
      JSON.parse(line);
      records++;
    } catch {
      // a malformed line is a reject to the tool; it still costs its parse here
    }
  }
  return records;
}

function countJson(path) {
  const text = readFileSync(path, 'utf8');
  let root;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (Array.isArray(root)) return root.length;
  const list = Object.values(root ?? {}).find(Array.isArray);
  return list ? list.length : 1;
}

const started = performance.now();
const files = {};
for (const path of walk(root)) {
  const name = relative(root, path).split('\\').join('/');
  const lower = name.toLowerCase();
  if (/\.(csv|tsv)$/.test(lower)) files[name] = await countCsv(path);
  else if (/\.(ndjson|jsonl)$/.test(lower)) files[name] = await countLines(path);
  else if (lower.endsWith('.json')) files[name] = countJson(path) ?? (await countLines(path));
}
const records = Object.values(files).reduce((a, b) => a + b, 0);
process.stdout.write(`${JSON.stringify({ records, files, ms: Math.round(performance.now() - started) })}\n`);
