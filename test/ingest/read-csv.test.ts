import { describe, expect, it } from 'vitest';
import { openCsv, sniffDelimiter, type CsvFault, type CsvRecord } from '../../src/ingest/read-csv.js';
import { textSource } from '../../src/ingest/source.js';

async function readAll(content: string | Uint8Array, chunkSize?: number) {
  const table = await openCsv(textSource('t.csv', content, chunkSize));
  if (!table) return undefined;
  const rows: (CsvRecord | CsvFault)[] = [];
  for await (const batch of table.batches) rows.push(...batch);
  return { header: table.header, delimiter: table.delimiter, decode: table.decode, rows };
}

describe('readCsv', () => {
  it('gives every record its 1-based line and a multi-line record the line it starts on', async () => {
    const read = await readAll('id,note\n1,"first\nsecond\nthird"\n2,plain\n');
    expect(read!.rows).toEqual([
      { line: 2, cells: ['1', 'first\nsecond\nthird'] },
      { line: 5, cells: ['2', 'plain'] },
    ]);
  });

  it('counts CRLF files the same as LF files, including CRLF inside quoted cells', async () => {
    const read = await readAll('id,note\r\n1,"a\r\nb"\r\n2,c\r\n');
    expect(read!.rows).toEqual([
      { line: 2, cells: ['1', 'a\nb'] },
      { line: 4, cells: ['2', 'c'] },
    ]);
  });

  it('strips a UTF-8 BOM from the first header name', async () => {
    const read = await readAll('\uFEFFId,Status\n1,open\n');
    expect(read!.header).toEqual(['Id', 'Status']);
    expect(read!.decode.bom).toBe(true);
  });

  it.each([
    ['semicolon', 'a;b;c\n1;2;3\n', ';'],
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['comma with quoted semicolons', '"x;y",b,c\n1,2,3\n', ','],
  ])('sniffs the %s delimiter', async (_name, text, delimiter) => {
    const read = await readAll(text);
    expect(read!.delimiter).toBe(delimiter);
    expect(read!.rows[0]).toEqual({ line: 2, cells: ['1', '2', '3'] });
  });

  it('keeps ragged rows with the cells they have', async () => {
    const read = await readAll('a,b,c\n1,2\n1,2,3,4\n');
    expect(read!.rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['1', '2', '3', '4'] },
    ]);
  });

  it('returns undefined for an empty file and no rows for a header-only file', async () => {
    expect(await readAll('')).toBeUndefined();
    expect(await readAll('\n\n')).toBeUndefined();
    const headerOnly = await readAll('a,b\n');
    expect(headerOnly!.header).toEqual(['a', 'b']);
    expect(headerOnly!.rows).toEqual([]);
  });

  it('reads invalid UTF-8 as Windows-1252 and warns with the first bad line', async () => {
    const bytes = new Uint8Array([...Buffer.from('name,city\nA,Paris\nB,Montr'), 0xe9, ...Buffer.from('al\n')]);
    const read = await readAll(bytes);
    expect(read!.rows[1]).toEqual({ line: 3, cells: ['B', 'Montréal'] });
    expect(read!.decode.encoding).toBe('windows-1252');
    expect(read!.decode.issues).toMatchObject([{ code: 'file/not-utf8', line: 3 }]);
  });

  it('keeps multi-byte characters split across read chunks intact', async () => {
    const read = await readAll('name\nÅsa Øster 日本\n', 3);
    expect(read!.rows).toEqual([{ line: 2, cells: ['Åsa Øster 日本'] }]);
    expect(read!.decode.issues).toEqual([]);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', async () => {
    const text = 'a\tb\r\n1\t2\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const read = await readAll(bytes);
    expect(read!.header).toEqual(['a', 'b']);
    expect(read!.rows).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  it('reports an unclosed quote as one fault from the line it opens and keeps earlier rows', async () => {
    const read = await readAll('a,b\n1,2\n3,"open\n4,5\n');
    expect(read!.rows[0]).toEqual({ line: 2, cells: ['1', '2'] });
    expect(read!.rows[1]).toMatchObject({ line: 3 });
    expect('message' in read!.rows[1]!).toBe(true);
    expect(read!.rows).toHaveLength(2);
  });

  it('cites an unclosed quote read in small chunks from the line after the last good record', async () => {
    const read = await readAll('a,b\n1,2\n\n3,"open\n4,5\n', 3);
    expect(read!.rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, message: 'Quote Not Closed: the parsing is finished with an opening quote (lines 3-5)' },
    ]);
  });

  it.each([1, 3, 7, 1 << 16])('reads quoted cells, line breaks in them and escaped quotes alike in chunks of %i bytes', async (chunkSize) => {
    const text = 'id,note,n\n1,"a ""b"", c\nd",x\n\n2,"",y\n3,"e\n\nf","g,h"\n4,plain,"i"';
    const read = await readAll(text, chunkSize);
    expect(read!.rows).toEqual([
      { line: 2, cells: ['1', 'a "b", c\nd', 'x'] },
      { line: 5, cells: ['2', '', 'y'] },
      { line: 6, cells: ['3', 'e\n\nf', 'g,h'] },
      { line: 9, cells: ['4', 'plain', 'i'] },
    ]);
  });

  it('reads a record longer than many read chunks', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `part ${i} ""q""`).join('\n');
    const read = await readAll(`a,b\n1,"${long}"\n2,3\n`, 64);
    expect(read!.rows).toEqual([
      { line: 2, cells: ['1', long.replaceAll('""', '"')] },
      { line: 402, cells: ['2', '3'] },
    ]);
  });

  // papaparse, which reads the file, parts ways with csv-parse's relaxed quotes here: csv-parse reads on
  describe('relaxed quotes', () => {
    it.each([1, 4, 1 << 16])('keeps spaces after a closing quote as text (chunks of %i bytes)', async (chunkSize) => {
      const read = await readAll('a,b\n0,1\n"abc" ,1\n"x"  \n2,3\n', chunkSize);
      expect(read!.rows).toEqual([
        { line: 2, cells: ['0', '1'] },
        { line: 3, cells: ['"abc" ', '1'] },
        { line: 4, cells: ['"x"  '] },
        { line: 5, cells: ['2', '3'] },
      ]);
    });

    it('keeps a tab after a closing quote in a semicolon file as text', async () => {
      const read = await readAll('a;b\n"x"\t;1\n2;3\n');
      expect(read!.rows).toEqual([
        { line: 2, cells: ['"x"\t', '1'] },
        { line: 3, cells: ['2', '3'] },
      ]);
    });

    it.each([1, 4, 1 << 16])('reads a stray character after a closing quote as text and the rest of the file as before (chunks of %i bytes)', async (chunkSize) => {
      const read = await readAll('a,b\n"abc"x,1\n"a\nb"x\nc,"d"\n2,3\n', chunkSize);
      expect(read!.rows).toEqual([
        { line: 2, cells: ['"abc"x', '1'] },
        { line: 3, cells: ['"a\nb"x'] },
        { line: 5, cells: ['c', 'd'] },
        { line: 6, cells: ['2', '3'] },
      ]);
    });

    it('reads a quote, spaces and a comma inside a quoted cell as its text', async () => {
      const read = await readAll('a,b\n"say ""hi"" , then ""bye"" \nend",1\n2,3\n');
      expect(read!.rows).toEqual([
        { line: 2, cells: ['say "hi" , then "bye" \nend', '1'] },
        { line: 4, cells: ['2', '3'] },
      ]);
    });
  });

  it('keeps a line holding only `""` as a record with one empty cell, unlike an empty line', async () => {
    const read = await readAll('a,b\n""\n\n2,3\n', 2);
    expect(read!.rows).toEqual([
      { line: 2, cells: [''] },
      { line: 4, cells: ['2', '3'] },
    ]);
  });

  it('skips blank lines without shifting line numbers', async () => {
    const read = await readAll('a\n\n1\n\n\n2\n');
    expect(read!.rows).toEqual([
      { line: 3, cells: ['1'] },
      { line: 6, cells: ['2'] },
    ]);
  });
});

describe('sniffDelimiter', () => {
  it('falls back to a comma for a one-column header', () => {
    expect(sniffDelimiter('Id\n1')).toBe(',');
  });
});
