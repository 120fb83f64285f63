// sortEvents compares times as numbers first: the order must stay exactly compareEvents' order.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { compareEvents, loadInputs, sortEvents } from '../../src/ingest/load.js';
import { instantMillis } from '../../src/ingest/timestamps.js';
import type { HandoffEvent } from '../../src/model/index.js';
import { SAMPLES } from '../support/samples.js';

describe('sortEvents', () => {
  it('orders events as compareEvents does, ties (one row, one instant) included, whatever the order given', async () => {
    const { events } = await loadInputs([join(SAMPLES, 'northwind-healthy', 'exports')], connectors);
    // rows making several events, and events of different files at one instant: the ties the ids and files break
    expect(events.some((e, i) => i > 0 && e.at === events[i - 1]!.at && e.source.file !== events[i - 1]!.source.file)).toBe(true);
    expect(events.some((e) => !e.id.endsWith('#0'))).toBe(true);
    const reversed = events.slice().reverse();
    // a fixed shuffle: every seventh event first, then the rest
    const shuffled = [...events.filter((_, i) => i % 7 === 0), ...events.filter((_, i) => i % 7 !== 0)].reverse();
    const expected = events.slice().sort(compareEvents).map((e) => e.id);
    expect(sortEvents(reversed).map((e) => e.id)).toEqual(expected);
    expect(sortEvents(shuffled).map((e) => e.id)).toEqual(expected);
    expect(sortEvents(reversed)).toHaveLength(events.length);
  });

  it('orders events handed over as readers read them (file by file, line by line) as compareEvents does', async () => {
    const { events } = await loadInputs([join(SAMPLES, 'brightpath-troubled', 'exports')], connectors);
    // reading order: the files as listed (not by name), each one's rows in line order, a row's events as made
    const files = [...new Set(events.map((e) => e.source.file))].reverse();
    const made = (id: string) => Number(id.slice(id.lastIndexOf('#') + 1));
    const read = events.slice().sort((a, b) => files.indexOf(a.source.file) - files.indexOf(b.source.file) || a.source.line - b.source.line || made(a.id) - made(b.id));
    expect(sortEvents(read).map((e) => e.id)).toEqual(events.slice().sort(compareEvents).map((e) => e.id));
  });

  it('puts a row of ten or more events at one instant in id order (#10 before #9), across files and far-apart times', () => {
    const event = (file: string, line: number, n: number, at: string): HandoffEvent => ({
      id: `${file}:${line}#${n}`,
      at,
      system: 'jira',
      systemKind: 'delivery',
      record: { type: 'issue', id: `DLV-${line}` },
      kind: 'field-changed',
      actor: { id: 'ann', type: 'human' },
      source: { connector: 'jira-csv', file, line },
    });
    const noon = '2026-03-02T12:00:00.000Z';
    const read = [
      // b.csv read first; its names sort after a.csv's
      ...Array.from({ length: 12 }, (_, n) => event('x/b.csv', 2, n, noon)),
      event('x/b.csv', 3, 0, '1999-01-01T00:00:00.000Z'),
      event('x/b.csv', 9, 0, '2030-12-31T23:59:59.999Z'),
      event('x/a.csv', 2, 0, noon),
      event('x/a.csv', 2, 1, noon),
      event('x/a.csv', 7, 0, '2026-03-02T11:59:59.999Z'),
    ];
    const expected = read.slice().sort(compareEvents).map((e) => e.id);
    expect(expected.slice(0, 6)).toEqual(['x/b.csv:3#0', 'x/a.csv:7#0', 'x/a.csv:2#0', 'x/a.csv:2#1', 'x/b.csv:2#0', 'x/b.csv:2#1']);
    expect(expected[6]).toBe('x/b.csv:2#10');
    expect(sortEvents(read).map((e) => e.id)).toEqual(expected);
  });

  it('orders a compact JSON page, every record on line 1, as compareEvents does', () => {
    const event = (column: number | undefined, n: number, at: string): HandoffEvent => ({
      id: column === undefined ? `p.json:1#${n}` : `p.json:1:${column}#${n}`,
      at,
      system: 'zendesk',
      systemKind: 'support',
      record: { type: 'ticket', id: String(column) },
      kind: 'state-changed',
      actor: { id: 'ann', type: 'human' },
      source: { connector: 'zendesk-ticket-events', file: 'p.json', line: 1 },
    });
    // 300 records in reading order, two events each, at three instants: one line of 600 events, whose
    // id order is not the reading order
    const read = Array.from({ length: 300 }, (_, record) => [0, 1].map((n) => event(record ? 20 + record * 480 : undefined, n, `2026-03-0${1 + (record % 3)}T12:00:00.000Z`))).flat();
    const expected = read.slice().sort(compareEvents).map((e) => e.id);
    // reading order would put record 3 (column 1460) next; id order puts record 210 (column 100820)
    expect(expected.slice(0, 3)).toEqual(['p.json:1#0', 'p.json:1#1', 'p.json:1:100820#0']);
    expect(sortEvents(read).map((e) => e.id)).toEqual(expected);
  });
});

describe('instantMillis', () => {
  it('reads an instant as Date.parse does: 20,000 seeded instants from year 0 to 9999, leap days and month ends included', () => {
    let state = 0x2545f491;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const from = Date.parse('0000-01-01T00:00:00.000Z');
    const ms = Date.parse('9999-12-31T23:59:59.999Z') - from;
    const texts = Array.from({ length: 20_000 }, () => new Date(from + Math.floor(next() * ms)).toISOString());
    texts.push('1970-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2000-02-29T12:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-12-31T23:59:59.999Z', '0000-01-01T00:00:00.000Z', '0099-12-31T23:59:59.999Z', '0100-03-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z');
    for (const text of texts) expect([text, instantMillis(text)]).toEqual([text, Date.parse(text)]);
  });

  it('leaves to Date.parse any other text, and fields outside the calendar', () => {
    for (const text of ['2026-02-30T00:00:00.000Z', '2100-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-01-00T00:00:00.000Z', '2026-01-01T23:59:60.000Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000+00:00', '+010000-01-01T00:00:00.000Z', '2026-0a-01T00:00:00.000Z', '']) {
      expect([text, instantMillis(text)]).toEqual([text, undefined]);
    }
  });

  it('orders by time, then as compareEvents does, when some instant is in another format', async () => {
    const { events } = await loadInputs([join(SAMPLES, 'kestrel-borderline', 'exports')], connectors);
    // the same instant written without milliseconds: equal as a time, ordered after as a text
    const odd = events.map((e, i) => (i % 5 === 0 ? { ...e, at: e.at.replace('.000Z', 'Z') } : e));
    expect(odd.filter((e) => !/\.\d{3}Z$/.test(e.at)).length).toBeGreaterThan(1000);
    const expected = odd
      .slice()
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compareEvents(a, b))
      .map((e) => e.id);
    expect(sortEvents(odd.slice().reverse()).map((e) => e.id)).toEqual(expected);
  });
});
