import { describe, expect, it } from 'vitest';
import { readJson, type JsonDocument, type JsonFault } from '../../src/ingest/read-json.js';
import { textSource } from '../../src/ingest/source.js';
import type { Connector } from '../../src/ingest/connector.js';
import { readText } from '../support/read-fixture.js';
import { testConnectors } from '../support/test-connectors.js';

// small texts in small chunks, so values and keys straddle chunk edges
const open = (text: string) => readJson(textSource('t.json', text, text.length < 10_000 ? 7 : undefined));
/** The records of every batch, in order; a batch is never empty. */
const all = async <T>(batches: AsyncIterable<T[]>): Promise<T[]> => {
  const out: T[] = [];
  for await (const batch of batches) {
    expect(batch.length).toBeGreaterThan(0);
    out.push(...batch);
  }
  return out;
};
const document = async (text: string): Promise<JsonDocument> => {
  const read = await open(text);
  if (read === undefined || !('root' in read)) throw new Error(`not a document: ${JSON.stringify(read)}`);
  return read;
};

// How records and lines were found before records were parsed one at a time: the whole tree from
// JSON.parse, and a cursor re-scanning the text on every lineOf. The reader must agree with it.
const reference = {
  lineStarts(text: string): number[] {
    const starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  },
  lineAt(starts: number[], offset: number): number {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return line + 1;
  },
  ws(text: string, at: number): number {
    while (at < text.length && ' \n\t\r'.includes(text[at]!)) at++;
    return at;
  },
  string(text: string, at: number): number {
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    return text.length;
  },
  value(text: string, at: number): number {
    if (text[at] === '"') return reference.string(text, at);
    if (text[at] === '{' || text[at] === '[') {
      let depth = 0;
      for (let i = at; i < text.length; i++) {
        if (text[i] === '"') i = reference.string(text, i) - 1;
        else if (text[i] === '{' || text[i] === '[') depth++;
        else if ((text[i] === '}' || text[i] === ']') && --depth === 0) return i + 1;
      }
    }
    let i = at;
    while (i < text.length && !',}] \n\t\r'.includes(text[i]!)) i++;
    return i;
  },
  key(text: string, at: number, key: string): number | undefined {
    if (text[at] !== '{') return undefined;
    let i = reference.ws(text, at + 1);
    while (i < text.length && text[i] !== '}') {
      const end = reference.string(text, i);
      const start = reference.ws(text, reference.ws(text, end) + 1);
      if (JSON.parse(text.slice(i, end)) === key) return start;
      i = reference.ws(text, reference.value(text, start));
      if (text[i] === ',') i = reference.ws(text, i + 1);
    }
    return undefined;
  },
  elements(text: string, at: number): number[] {
    const starts: number[] = [];
    if (text[at] !== '[') return starts;
    let i = reference.ws(text, at + 1);
    while (i < text.length && text[i] !== ']') {
      starts.push(i);
      i = reference.ws(text, reference.value(text, i));
      if (text[i] === ',') i = reference.ws(text, i + 1);
    }
    return starts;
  },
  records(text: string, key: string) {
    const root = JSON.parse(text) as Record<string, unknown>;
    const array = key === '' ? root : root[key];
    if (!Array.isArray(array)) return [];
    const lines = reference.lineStarts(text);
    const at = key === '' ? reference.ws(text, 0) : reference.key(text, reference.ws(text, 0), key);
    const starts = at === undefined ? [] : reference.elements(text, at);
    return array.map((value, index) => {
      const start = starts[index]!;
      const line = reference.lineAt(lines, start);
      // the column only for a record that another started before on the same line
      const shared = index > 0 && reference.lineAt(lines, starts[index - 1]!) === line;
      return {
        value,
        line,
        column: shared ? start - lines[line - 1]! + 1 : undefined,
        lineOf(path: readonly (string | number)[]) {
          let cursor: number | undefined = start;
          for (const step of path) {
            if (cursor === undefined) break;
            cursor = typeof step === 'number' ? reference.elements(text, cursor)[step] : reference.key(text, cursor, step);
          }
          return reference.lineAt(lines, cursor ?? start);
        },
      };
    });
  },
};

/** Every path into `value` (with a few that lead nowhere), deepest parts included. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
    out.push([...prefix, value.length], [...prefix, 'missing']);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
    out.push([...prefix, 'missing'], [...prefix, 0]);
  }
  return out;
}

async function expectSameAsReference(text: string, key: string) {
  const read = await document(text);
  const records = (await all(read.batches(key)));
  const expected = reference.records(text, key);
  expect(records.map((record) => record.value)).toEqual(expected.map((record) => record.value));
  expect(records.map((record) => record.line)).toEqual(expected.map((record) => record.line));
  expect(records.map((record) => record.column)).toEqual(expected.map((record) => record.column));
  expect(read.count(key)).toBe(expected.length);
  records.forEach((record, index) => {
    for (const path of pathsOf(record.value)) expect([path, record.lineOf(path)]).toEqual([path, expected[index]!.lineOf(path)]);
  });
}

describe('readJson: records one at a time', () => {
  const page = `{
  "count": 3,
  "ticket_events": [
    {
      "id": 1, "child_events": [
        { "id": 11, "status": "open" },
        {
          "id": 12,
          "tags": ["a",
            "b"]
        }
      ],
      "nested": { "deep": [ [1, 2],
        [3, { "x": "y\\"]}" }] ] }
    },
    { "id": 2, "child_events": [] },
    "not an object",
    null,
    [1,
     2],
    {"id": 3, "esc\\u0061ped": {"k": 1
    }, "child_events": [{"id": 31}, {"id": 32},
      {"id": 33}]}
  ],
  "next_page": null,
  "end_of_stream": true
}`;

  it('gives the values, lines and nested lines the whole-tree reader gave', async () => {
    await expectSameAsReference(page, 'ticket_events');
    await expectSameAsReference(JSON.stringify(JSON.parse(page)), 'ticket_events');
    await expectSameAsReference(JSON.stringify(JSON.parse(page), null, 2), 'ticket_events');
    await expectSameAsReference(JSON.stringify(JSON.parse(page).ticket_events, null, '\t'), '');
  });

  it('reads a page spanning many chunks, with other arrays and page fields around its records', async () => {
    const events = Array.from({ length: 400 }, (_, id) => ({ id, note: 'n'.repeat(id % 7), child_events: [{ id: id * 10, status: 'open' }, { id: id * 10 + 1, tags: ['a', 'b'] }] }));
    const page = { before: [{ skip: 1 }, [2, 3]], ticket_events: events, count: 400, next_page: 'https://x.test/2', end_of_stream: false };
    for (const text of [JSON.stringify(page), JSON.stringify(page, null, 2), JSON.stringify(page, null, '\t')]) {
      await expectSameAsReference(text, 'ticket_events');
      await expectSameAsReference(text, 'before');
      const read = await document(text);
      expect(read.root).toMatchObject({ count: 400, next_page: 'https://x.test/2', end_of_stream: false, before: page.before });
      expect((read.root as typeof page).ticket_events).toEqual(events.slice(0, 200));
    }
  });

  it('reads a root array with records(""), and nothing for a key of it', async () => {
    const read = await document('[\n{"a":1},\n2\n]');
    expect((await all(read.batches(''))).map((record) => [record.line, record.value])).toEqual([
      [2, { a: 1 }],
      [3, 2],
    ]);
    expect((await all(read.batches('a')))).toEqual([]);
    expect(read.count('')).toBe(2);
  });

  it('has no records where the key is missing or not an array', async () => {
    const read = await document('{"items": {"a": 1}, "other": [1]}');
    expect((await all(read.batches('items')))).toEqual([]);
    expect((await all(read.batches('missing')))).toEqual([]);
    expect((await all(read.batches('')))).toEqual([]);
    expect(read.count('items')).toBe(0);
    expect((await document('42')).root).toBe(42);
    expect((await all((await document('"x"')).batches('')))).toEqual([]);
  });

  it('reads a repeated key as JSON.parse does: the last one', async () => {
    const read = await document('{"items": [1, 2], "items": [\n3], "__proto__": [4]}');
    expect((await all(read.batches('items'))).map((record) => [record.line, record.value])).toEqual([[2, 3]]);
    expect((await all(read.batches('__proto__'))).map((record) => record.value)).toEqual([4]);
    expect(read.root).toEqual(JSON.parse('{"items": [3], "__proto__": [4]}'));
  });

  it('hands over the records of the text at hand before reading on, so none waits for the end', async () => {
    const text = '{"items": [{"a": 1}, {"a": 2}, {"a": 3}]}';
    let pulled = 0;
    const source = {
      name: 't.json',
      async *read() {
        for (let at = 0; at < text.length; at += 7) {
          pulled = at + 7;
          yield new TextEncoder().encode(text.slice(at, at + 7));
        }
      },
    };
    const read = (await readJson(source)) as JsonDocument;
    const batches = read.batches('items')[Symbol.asyncIterator]();
    const first: { value: unknown }[] = (await batches.next()).value!;
    expect(first.map((record) => record.value)).toEqual([{ a: 1 }]);
    expect(pulled).toBeLessThan(text.length);
    // read in one chunk, the three come as one batch
    const whole = (await readJson(textSource('t.json', text))) as JsonDocument;
    const values: unknown[][] = [];
    for await (const batch of whole.batches('items')) values.push(batch.map((record) => record.value));
    expect(values).toEqual([[{ a: 1 }, { a: 2 }, { a: 3 }]]);
  });

  it('cites each item of a long nested array in one pass, not one pass per item', async () => {
    const items = Array.from({ length: 30_000 }, (_, index) => `{"id":${index},"note":"${'x'.repeat(20)}"}`);
    const read = await document(`{"items":[{"id":1,"children":[\n${items.join(',\n')}\n]}]}`);
    const [record] = (await all(read.batches('items')));
    const started = performance.now();
    const lines = items.map((_, index) => record!.lineOf(['children', index]));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(lines[0]).toBe(2);
    expect(lines.at(-1)).toBe(30_001);
    expect(record!.lineOf(['children', 30_000])).toBe(1);
  });
});

describe('readJson: the root it shows for detection', () => {
  it('keeps the page fields and the first elements of each array, with the exact counts', async () => {
    const events = Array.from({ length: 1000 }, (_, id) => ({ id }));
    const text = JSON.stringify({ next_page: 'https://x.test/2', ticket_events: events, names: { a: 'A' }, small: [1, 2], end_of_stream: false });
    const read = await document(text);
    const root = read.root as { ticket_events: unknown[]; small: number[] };
    expect(Object.keys(root)).toEqual(['next_page', 'ticket_events', 'names', 'small', 'end_of_stream']);
    expect(root).toMatchObject({ next_page: 'https://x.test/2', names: { a: 'A' }, small: [1, 2], end_of_stream: false });
    expect(root.ticket_events).toEqual(events.slice(0, 200));
    expect(read.count('ticket_events')).toBe(1000);
    expect((await all(read.batches('ticket_events')))).toHaveLength(1000);
    expect(await read.whole()).toEqual(JSON.parse(text));
  });

  it('cuts a root array too, and keeps elements up to the first object', async () => {
    const leading = Array.from({ length: 300 }, (_, index) => index);
    const read = await document(JSON.stringify([...leading, { id: 'first' }, ...leading]));
    expect(read.root).toEqual([...leading, { id: 'first' }]);
    expect(read.count('')).toBe(601);
  });

  it('keeps no more than about a megabyte of a root array of whole pages', async () => {
    const page = { data: Array.from({ length: 10_000 }, (_, id) => ({ id, text: 'y'.repeat(100) })) };
    const read = await document(JSON.stringify([page, page, page]));
    expect(read.root).toEqual([page]);
    expect(read.count('')).toBe(3);
  });
});

describe('readJson: faults', () => {
  const fault = (text: string): JsonFault => {
    try {
      JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const at = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
      const before = text.slice(0, at).split('\n');
      return { line: before.length, column: before.at(-1)!.length + 1, message: message.replace(/ in JSON at position \d+.*$/, '') };
    }
    throw new Error('valid JSON');
  };

  it('reports a syntax error where and as JSON.parse does, before any record', async () => {
    const text = '{\n  "items": [\n    { "id": 1, }\n  ]\n}';
    expect(await open(text)).toEqual(fault(text));
    expect(await open(text)).toMatchObject({ line: 3, column: 16 });
  });

  it('reports a malformed element deep in a long array as a fault of the file', async () => {
    const items = Array.from({ length: 5000 }, (_, id) => `{"id":${id}}`);
    items[4321] = '{"id":4321,"at":"2026-01-01T00:00:00Z" "x":1}';
    const text = `{"items":[\n${items.join(',\n')}\n]}`;
    expect(await open(text)).toEqual(fault(text));
    expect(await open(text)).toMatchObject({ line: 4323 });
  });

  it('reports NDJSON read as one document at its second line', async () => {
    const text = '{"ticket":1}\n{"ticket":2}\n';
    expect(await open(text)).toEqual(fault(text));
    expect(await open(text)).toMatchObject({ line: 2 });
  });

  it('reads nothing from blank text', async () => {
    expect(await open('  \n ')).toBeUndefined();
    // blanks JSON does not take but `trim` drops: still nothing, not a fault
    expect(await open(' \u00a0\n\u2028\ufeff')).toBeUndefined();
  });

  it('takes exactly what JSON.parse takes', async () => {
    const samples = [
      '{"a": [1, -0.5e+3, 2E-2, 0, true, false, null, "s\\u00e9\\n\\"\\\\\\/\\b\\f\\r\\t"], "b": {}, "c": [], "d": [{}], "e": [[[]]]}',
      '[{"k": "v"}, 12, "x", [1, {"y": [2]}]]',
      '{"items": [{"id": 1, "n": {"m": [1, 2, {"o": null}]}}, {"id": 2}], "next": null}',
      ' \t\n"just a string" ',
      '-12.5e10',
    ];
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '0', '1', '-', '.', 'e', '+', 'x', 'u', 't', 'n', '\u0001', '\u00e9', '\ufeff', ''];
    const differences: string[] = [];
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 4000; round++) {
      let text = samples[round % samples.length]!;
      for (let edit = 1 + random(3); edit > 0; edit--) {
        const at = random(text.length + 1);
        const piece = pieces[random(pieces.length)]!;
        const kind = random(3);
        text = kind === 0 ? text.slice(0, at) + piece + text.slice(at) : kind === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + piece + text.slice(at + 1);
      }
      // the decoder reads a CR as a line break and drops a leading BOM: not what is tested here
      text = text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
      if (text.trim() === '') continue;
      let expected: unknown;
      let valid = true;
      try {
        expected = JSON.parse(text);
      } catch {
        valid = false;
        expected = fault(text);
      }
      // the streamed scan throws on JSON it refuses but JSON.parse takes
      const read = await open(text).catch((error: Error) => error);
      if (read instanceof Error) {
        differences.push(`scan refused: ${JSON.stringify(text)}`);
        continue;
      }
      if (!read || !('root' in read)) {
        if (JSON.stringify(read) !== JSON.stringify(expected)) differences.push(`fault: ${JSON.stringify(text)}`);
        continue;
      }
      const records = Array.isArray(expected) ? expected : ((expected as Record<string, unknown> | null)?.items ?? []);
      const got = (await all(read.batches(Array.isArray(expected) ? '' : 'items'))).map((record) => record.value);
      if (!valid || JSON.stringify(read.root) !== JSON.stringify(expected) || JSON.stringify(got) !== JSON.stringify(Array.isArray(records) ? records : [])) {
        differences.push(`read: ${JSON.stringify(text)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('takes nesting as deep as JSON.parse takes', async () => {
    const depth = 50_000;
    const text = `{"items":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;
    const read = await document(text);
    expect(read.count('items')).toBe(1);
    expect(await open(text.slice(0, -3) + '}')).toEqual(fault(text.slice(0, -3) + '}'));
  });
});

describe('readFile over a JSON page read one record at a time', () => {
  const connectors = testConnectors as unknown as Connector[];
  const child = (index: number) => ({ at: `2026-01-01T00:${String(index % 60).padStart(2, '0')}:00Z` });

  it('counts every record of a long page in its partial-page warning, not just those detection saw', async () => {
    const items = Array.from({ length: 750 }, (_, id) => ({ id, children: [child(id)] }));
    const text = JSON.stringify({ items, next_page: 'https://example.test/page/2' }, null, 1);
    const { result, events } = await readText('long.json', text, { connectors });
    expect(result).toMatchObject({ connector: 'test-runs', rowsRead: 750, rowsAccepted: 750 });
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'long.json: one page of a paged export (750 records); later pages are not in this file',
    ]);
    // the child's opening brace, two lines below its record's id
    const idLine = text.split('\n').indexOf('   "id": 700,') + 1;
    expect(text.split('\n')[idLine + 1]).toBe('    {');
    expect(events.find((event) => event.record.id === '700')!.source.line).toBe(idLine + 2);
  });

  it('reads a whole page as one row, arrays uncut, when the connector has no records key', async () => {
    const tags = Array.from({ length: 300 }, (_, index) => `T-${index}`);
    const text = JSON.stringify({ ticket: 7, at: '2026-01-01T00:00:00Z', tags });
    const { result, events } = await readText('one.json', text, { connectors, connector: 'test-lines', linkKeys: [{ field: 'tags' }] });
    expect(result).toMatchObject({ rowsRead: 1, rowsAccepted: 1 });
    expect(events[0]!.links).toHaveLength(300);
  });
});
