// openCsv reads with papaparse and hands a file to csv-parse from the first record the two would read
// apart. This pins the result to what csv-parse alone makes of the same text (relaxed quotes, ragged
// rows, empty lines skipped, the line each record starts on, an unclosed quote as one fault), over
// generated exports with malformed quoting, read in chunks of many sizes.
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openCsv, type CsvFault, type CsvRecord } from '../../src/ingest/read-csv.js';
import { textSource } from '../../src/ingest/source.js';

// counts the csv-parse parsers openCsv makes (the reference below uses csv-parse/sync, left alone)
const csvParse = vi.hoisted(() => ({ made: 0 }));
vi.mock('csv-parse', async (importOriginal) => {
  const real = await importOriginal<typeof import('csv-parse')>();
  return {
    ...real,
    parse: (...args: Parameters<typeof real.parse>) => {
      csvParse.made++;
      return real.parse(...args);
    },
  };
});

beforeEach(() => {
  csvParse.made = 0;
});

/** csv-parse over the whole text, with the options and the line and fault rules openCsv keeps. */
function csvParseReference(text: string, delimiter: string): (CsvRecord | CsvFault)[] {
  const faults: CsvFault[] = [];
  const parsed = parse(text.replace(/\r\n?/g, '\n'), {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    bom: false,
    info: true,
    on_skip: (error) => {
      faults.push({ line: (error as unknown as { lines: number }).lines, message: error!.message.replace(/\s+at line \d+.*$/, '') });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const out: (CsvRecord | CsvFault)[] = [];
  let lastEnd = 0;
  for (const { record, info } of parsed) {
    out.push({ line: info.lines - record.join('').split('\n').length + 1, cells: record });
    lastEnd = info.lines;
  }
  for (const fault of faults) {
    const start = Math.min(lastEnd + 1, fault.line);
    out.push(start < fault.line ? { ...fault, line: start, message: `${fault.message} (lines ${start}-${fault.line})` } : fault);
  }
  return out;
}

async function openCsvRows(text: string, chunkSize: number) {
  const table = await openCsv(textSource('t.csv', text, chunkSize));
  const rows: (CsvRecord | CsvFault)[] = [];
  for await (const batch of table!.batches) rows.push(...batch);
  return { delimiter: table!.delimiter, rows: table!.header.length ? [{ line: 0, cells: table!.header }, ...rows] : rows };
}

/** A small export: a clean header, then cells quoted or not, some holding quotes, line breaks, spaces or the delimiter, some damaged. */
function generate(random: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const delimiter = pick([',', ';', '\t', '|']);
  const columns = 2 + Math.floor(random() * 4);
  const lines = [Array.from({ length: columns }, (_, i) => `col${i}`).join(delimiter)];
  const rows = Math.floor(random() * 25);
  for (let r = 0; r < rows; r++) {
    if (random() < 0.05) {
      lines.push('');
      continue;
    }
    const width = random() < 0.1 ? 1 + Math.floor(random() * 6) : columns;
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      let value = '';
      for (let n = Math.floor(random() * 8); n > 0; n--) value += pick(['a', 'b', ' ', 'é', '日', delimiter, '"', '\n', '\u00a0']);
      let cell = /["\n]/.test(value) || value.includes(delimiter) || random() < 0.2 ? `"${value.replaceAll('"', '""')}"` : value;
      if (random() < 0.03) cell = pick([`${cell} `, `${cell}x`, `"${cell}`, `${cell}"`, ` ${cell}`, `${cell}\t`, cell.slice(1)]);
      cells.push(cell);
    }
    lines.push(cells.join(delimiter));
  }
  const lineBreak = pick(['\n', '\r\n']);
  return lines.join('\n').replaceAll('\n', lineBreak) + (random() < 0.7 ? lineBreak : '');
}

describe('openCsv reads as csv-parse does', () => {
  it('on generated exports with malformed quoting, whatever the read chunk size', async () => {
    let seed = 20260707;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const mismatches: string[] = [];
    for (let n = 0; n < 600; n++) {
      const text = generate(random);
      const chunkSize = [1, 2, 3, 7, 16, 100, 1 << 16][n % 7]!;
      const read = await openCsvRows(text, chunkSize);
      const reference = csvParseReference(text, read.delimiter);
      const expected = reference.length && 'cells' in reference[0]! ? [{ ...reference[0], line: 0 }, ...reference.slice(1)] : reference;
      if (JSON.stringify(read.rows) !== JSON.stringify(expected)) mismatches.push(`${JSON.stringify(text)} in chunks of ${chunkSize}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('openCsv hands a file to csv-parse', () => {
  it('never, when every quote closes cleanly, even with text like `"" ,` or `""` followed by spaces inside quoted cells', async () => {
    const text = 'id,note\n1,"say ""hi"" , then ""bye"" \nend"\n\n2,""\n""\n3,"a,b"\n4,plain "quote" ,x\n"5 ""c"" ,",d\n';
    for (const chunkSize of [1, 5, 1 << 16]) {
      const read = await openCsvRows(text, chunkSize);
      expect(read.rows).toEqual(csvParseReference(text, ',').map((row, i) => (i === 0 ? { ...row, line: 0 } : row)));
    }
    expect(csvParse.made).toBe(0);
  });

  it.each([
    ['a quote left open', 'id,note\n1,a\n2,"open\n3,b\n', 2],
    ['a character after a closing quote', 'id,note\n1,a\n2,"x"y\n3,b\n', 3],
    ['spaces after a closing quote', 'id,note\n1,a\n2,"x" \n3,b\n', 3],
  ])('from the record with %s, not before', async (_name, text, records) => {
    const read = await openCsvRows(text, 1 << 16);
    expect(read.rows).toEqual(csvParseReference(text, ',').map((row, i) => (i === 0 ? { ...row, line: 0 } : row)));
    expect(read.rows).toHaveLength(records + 1);
    expect(csvParse.made).toBe(1);
  });

  it('for a delimiter it does not sniff', async () => {
    const table = await openCsv(textSource('t.csv', 'a::b\n1::2\n'), { delimiter: '::' });
    const rows: (CsvRecord | CsvFault)[] = [];
    for await (const batch of table!.batches) rows.push(...batch);
    expect([table!.header, rows]).toEqual([['a', 'b'], [{ line: 2, cells: ['1', '2'] }]]);
    expect(csvParse.made).toBe(1);
  });
});
