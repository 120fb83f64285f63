import { describe, expect, it } from 'vitest';
import type { Connector } from '../../src/ingest/connector.js';
import { readText } from '../support/read-fixture.js';
import { csvTickets, testConnectors } from '../support/test-connectors.js';

const connectors = testConnectors as unknown as Connector[];
const read = (name: string, text: string | Uint8Array, options = {}) => readText(name, text, { connectors, ...options });

describe('readFile over CSV', () => {
  it('matches header names ignoring case and extra whitespace', async () => {
    const { result, events } = await read('a.csv', ' ticket  ID ,STATUS,changed at\n7,open,2026-01-05 09:00\n');
    expect(result.connector).toBe('test-tickets');
    expect(events).toMatchObject([{ record: { id: '7' }, to: 'open', at: '2026-01-05T09:00:00.000Z' }]);
  });

  it('rejects each bad row with file, line, column and code, and keeps parsing', async () => {
    const text = 'Ticket Id,Status,Changed At\n1,open,2026-01-05 09:00\n2,lost,2026-01-05 09:00\n,open,2026-01-05 09:00\n4,open,soon\n5,solved,2026-01-06 10:00\n';
    const { result, events } = await read('b.csv', text);
    expect(result).toMatchObject({ rowsRead: 5, rowsAccepted: 2, rowsRejected: 3 });
    expect(result.issues.map((i) => [i.line, i.column, i.code, i.field])).toEqual([
      [3, 2, 'row/invalid', 'Status'],
      [4, 1, 'row/missing-value', 'Ticket Id'],
      [5, 3, 'row/invalid-date', 'Changed At'],
    ]);
    expect(events.map((e) => e.source.line)).toEqual([2, 6]);
  });

  it('quotes only the offending cell in a reject, cut short', async () => {
    const long = 'x'.repeat(500);
    const { result } = await read('c.csv', `Ticket Id,Status,Changed At\n1,${long},2026-01-05\n`);
    expect(result.issues[0]!.message.length).toBeLessThan(200);
  });

  it('collects a repeated column into an array', async () => {
    const { events } = await read('d.csv', 'Ticket Id,Status,Changed At,Tag,Tag,Tag\n1,open,2026-01-05,vip,,eu\n');
    expect(events[0]!.detail).toBe('vip|eu');
  });

  it('pads a short row with a warning and accepts it when the row is still valid', async () => {
    const { result, events } = await read('e.csv', 'Ticket Id,Status,Changed At,Group\n1,open,2026-01-05\n');
    expect(result).toMatchObject({ rowsRead: 1, rowsAccepted: 1, rowsRejected: 0 });
    expect(result.issues).toMatchObject([{ severity: 'warning', code: 'csv/ragged-row', line: 2 }]);
    expect(events).toHaveLength(1);
  });

  it('warns on an empty file and on a header-only file, with nothing read', async () => {
    const empty = await read('f.csv', '');
    expect(empty.result).toMatchObject({ rowsRead: 0, issues: [{ code: 'file/empty', severity: 'warning' }] });
    const headerOnly = await read('g.csv', 'Ticket Id,Status,Changed At\n');
    expect(headerOnly.result).toMatchObject({ connector: 'test-tickets', rowsRead: 0, issues: [{ code: 'file/header-only' }] });
  });

  it('reads zone-less times in the given zone', async () => {
    const { events } = await read('h.csv', 'Ticket Id,Status,Changed At\n1,open,2026-07-01 09:00\n', { timeZone: 'Europe/Berlin' });
    expect(events[0]!.at).toBe('2026-07-01T07:00:00.000Z');
  });

  it('counts a parse fault as a read and rejected row', async () => {
    const { result } = await read('i.csv', 'Ticket Id,Status,Changed At\n1,open,2026-01-05\n2,"open,2026-01-05\n');
    expect(result).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
    expect(result.issues).toMatchObject([{ code: 'csv/malformed', line: 3 }]);
  });

  it('marks actors listed as integration accounts', async () => {
    const { events } = await read('j.csv', 'Ticket Id,Status,Changed At\n1,open,2026-01-05\n', { integrationActors: ['X'] });
    expect(events[0]!.actor.type).toBe('integration');
  });

  it('names the closest connector and its missing columns when none matches', async () => {
    const { result } = await read('k.csv', 'Ticket Id,State,Changed At\n1,open,2026-01-05\n');
    expect(result.connector).toBeUndefined();
    expect(result.issues).toMatchObject([{ code: 'file/unrecognised', severity: 'error' }]);
    expect(result.issues[0]!.message).toContain('test-tickets');
    expect(result.issues[0]!.message).toContain('Status');
    expect(result.issues[0]!.message).toContain('State');
  });
});

describe('readFile over JSON and NDJSON', () => {
  const page = `{
  "items": [
    {
      "id": 1,
      "children": [
        { "at": "2026-03-02T10:01:02.123+0000" },
        { "at": "2026-03-02T11:00:00Z" }
      ]
    },
    { "id": 2, "children": [ { "at": "nope" } ] },
    "not an object"
  ],
  "next_page": "https://example.test/page/2"
}`;

  it('reads records out of a vendor page object and cites nested items at their own line', async () => {
    const { result, events } = await read('p.json', page);
    expect(result).toMatchObject({ connector: 'test-runs', rowsRead: 3, rowsAccepted: 1, rowsRejected: 2 });
    expect(events.map((e) => [e.at, e.source.line, e.id])).toEqual([
      ['2026-03-02T10:01:02.123Z', 6, 'p.json:3#0'],
      ['2026-03-02T11:00:00.000Z', 7, 'p.json:3#1'],
    ]);
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([
      ['file/partial-page', undefined],
      ['row/invalid-date', 10],
      ['json/not-an-object', 11],
    ]);
  });

  it('reads a top-level array', async () => {
    const { result, events } = await read('a.json', '[{"id":"r1","children":[{"at":"2026-01-01T00:00:00Z"}]}]', { connector: 'test-runs' });
    expect(result.rowsAccepted).toBe(1);
    expect(events[0]!.record.id).toBe('r1');
  });

  it('reports malformed JSON with its line and column', async () => {
    const { result } = await read('m.json', '{\n  "items": [\n    { "id": 1, }\n  ]\n}');
    expect(result.issues).toMatchObject([{ code: 'json/malformed', line: 3 }]);
    expect(result.rowsRead).toBe(0);
  });

  it('reads NDJSON line by line, rejecting a bad line and keeping the rest', async () => {
    const text = '{"ticket":1,"at":"2026-01-01T00:00:00Z"}\n\n{"ticket":2,"at":\n{"ticket":3,"at":"2026-01-02T00:00:00Z"}\n';
    const { result, events } = await read('l.ndjson', text);
    expect(result).toMatchObject({ connector: 'test-lines', rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
    expect(result.issues).toMatchObject([{ code: 'json/malformed', line: 3 }]);
    expect(events.map((e) => e.source.line)).toEqual([1, 4]);
  });

  it('reads a .json file holding one object per line as NDJSON', async () => {
    const text = '{"ticket":1,"at":"2026-01-01T00:00:00Z"}\n{"ticket":2,"at":"2026-01-02T00:00:00Z"}\n';
    const { result } = await read('export.json', text);
    expect(result).toMatchObject({ format: 'ndjson', connector: 'test-lines', rowsAccepted: 2 });
  });
});

describe('configured correlation keys', () => {
  it('adds the ids in a configured column as links of every event of the row', async () => {
    const text = 'Ticket Id,Status,Changed At,Deal\n1,open,2026-01-05,D-1; D-2\n2,open,2026-01-05,\n';
    const { events } = await read('k.csv', text, { linkKeys: [{ connector: 'test-tickets', field: 'deal', system: 'crm' }, { connector: 'other', field: 'Status' }] });
    expect(events[0]!.links).toEqual([
      { system: 'crm', id: 'D-1', via: 'deal' },
      { system: 'crm', id: 'D-2', via: 'deal' },
    ]);
    expect(events[1]!.links).toBeUndefined();
  });

  it('reads a dotted path in a JSON record', async () => {
    const page = '{"items":[{"id":1,"meta":{"deal":"D-9"},"children":[{"at":"2026-01-01T00:00:00Z"}]}]}';
    const { events } = await read('k.json', page, { linkKeys: [{ field: 'meta.deal', system: 'crm' }] });
    expect(events[0]!.links).toEqual([{ system: 'crm', id: 'D-9', via: 'meta.deal' }]);
  });
});

describe('spreadsheet damage', () => {
  it('warns once per file, at the first cell, when ids were turned into scientific notation', async () => {
    const text = 'Ticket Id,Status,Changed At\n1.21143E+15,open,2026-01-05\n1.03006E+13,open,2026-01-05\n7,open,2026-01-05\n';
    const { result } = await read('x.csv', text);
    const damage = result.issues.filter((issue) => issue.code === 'file/excel-damage');
    expect(damage).toMatchObject([{ severity: 'warning', line: 2, column: 1 }]);
    expect(damage[0]!.message).toMatch(/^2 cells look/);
    expect(result.rowsAccepted).toBe(3);
  });
});

describe('building events', () => {
  const broken = (toEvents: (typeof csvTickets)['toEvents']) => [{ ...csvTickets, meta: { ...csvTickets.meta, id: 'test-broken' }, toEvents }] as unknown as Connector[];
  const tickets = 'Ticket Id,Status,Changed At\n1,open,2026-01-05\n2,open,2026-01-06\n';

  it('rejects a row whose event breaks the model, at the row, within the checked first rows', async () => {
    const connector = broken((row, ctx) => csvTickets.toEvents(row, ctx).map((event) => (row['Ticket Id'] === '2' ? { ...event, at: 'yesterday' } : event)));
    const { result, events } = await readText('b.csv', tickets, { connectors: connector });
    expect(result).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
    expect(result.issues).toMatchObject([{ code: 'connector/invalid-event', line: 3, severity: 'error' }]);
    expect(events.map((e) => e.record.id)).toEqual(['1']);
  });

  it('keeps only the model fields, in the model order, and shares one actor object per actor', async () => {
    const connector = broken((row, ctx) => csvTickets.toEvents(row, ctx).map((event) => ({ ...event, stray: 'not in the model' })));
    const { events } = await readText('s.csv', tickets, { connectors: connector });
    expect(events).toHaveLength(2);
    expect(Object.keys(JSON.parse(JSON.stringify(events[0])))).toEqual(['id', 'at', 'system', 'systemKind', 'record', 'kind', 'actor', 'to', 'source']);
    expect(events[0]!.actor).toBe(events[1]!.actor);
    expect(events[0]!.actor).toEqual({ id: 'x', type: 'unknown' });
  });
});
