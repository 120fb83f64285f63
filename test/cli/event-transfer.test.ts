// Packing events for the trip between threads loses nothing and keeps each event's key order.
import { describe, expect, it } from 'vitest';
import { createEventPacker, createEventUnpacker } from '../../src/cli/event-transfer.js';
import { HandoffEvent } from '../../src/model/index.js';

/** The event with its keys in the model's order, as ingest builds them. */
const inModelOrder = (event: HandoffEvent) => JSON.stringify(Object.fromEntries(Object.keys(HandoffEvent.shape).map((key) => [key, event[key as keyof HandoffEvent]])));

const base = { system: 'zendesk', systemKind: 'support', kind: 'state-changed', source: { connector: 'zendesk-ticket-events', file: 'x/events.json', line: 4 } } as const;
const events: HandoffEvent[] = [
  { id: 'x/events.json:3#0', at: '2026-01-05T09:00:00.000Z', ...base, record: { type: 'ticket', id: '7' }, actor: { id: '12', name: 'Ann Lee', type: 'human' }, from: 'new', to: 'open', team: 'L1' },
  { id: 'x/events.json:3#1', at: '2026-01-05T09:00:00.000Z', ...base, kind: 'field-changed', record: { type: 'ticket', id: '7' }, actor: { id: '12', type: 'unknown' }, field: 'external_id', detail: 'a "quoted" note', links: [{ system: 'salesforce', id: '006A', via: 'external_id' }], activity: 'sync' },
  { id: 'made-up-id', at: '2026-01-06T10:00:00.000Z', ...base, source: { ...base.source, line: 9 }, record: { type: 'ticket', id: '8' }, actor: { id: '12', name: 'Ann Lee', type: 'human' }, workflow: 'wf:1' },
  // the links of event 1 again (sent as a flag), then other links, then none
  { id: 'x/events.json:9#1', at: '2026-01-06T10:00:00.000Z', ...base, source: { ...base.source, line: 9 }, record: { type: 'ticket', id: '8' }, actor: { id: '13', type: 'integration' }, links: [{ system: 'salesforce', id: '006A', via: 'external_id' }] },
  { id: 'x/events.json:10#0', at: '2026-01-07T10:00:00.000Z', ...base, source: { ...base.source, line: 10 }, record: { type: 'ticket', id: '8' }, actor: { id: '13', type: 'integration' }, links: [{ system: 'salesforce', id: '006A', via: 'external_id' }, { id: 'JIRA-1', via: 'jira_key' }] },
  { id: 'x/events.json:11#0', at: '2026-01-07T10:00:00.000Z', ...base, source: { ...base.source, line: 11 }, record: { type: 'ticket', id: '8' }, actor: { id: '13', type: 'integration' } },
];

describe('event transfer', () => {
  it('unpacks what was packed, over several batches, in the same key order', () => {
    const packer = createEventPacker('x/events.json');
    const unpacker = createEventUnpacker('x/events.json');
    const back: HandoffEvent[] = [];
    packer.add(events[0]!);
    unpacker.unpack(packer.take(), back);
    packer.add(events[1]!);
    packer.add(events[2]!);
    expect(packer.size).toBe(2);
    unpacker.unpack(packer.take(), back);
    for (const event of events.slice(3)) packer.add(event);
    unpacker.unpack(packer.take(), back);
    expect(back.map((e) => JSON.stringify(e))).toEqual(events.map(inModelOrder));
    // repeated actors and records come back as one object each
    expect(back[2]!.actor).toBe(back[0]!.actor);
    expect(back[1]!.record).toBe(back[0]!.record);
    // a link list equal to the last one is that list, across batches; another list is its own
    expect(back[3]!.links).toBe(back[1]!.links);
    expect(back[4]!.links).not.toBe(back[3]!.links);
    expect(back[5]!.links).toBeUndefined();
  });

  it('sends an id of the form file:line#n as two numbers, any other id as text', () => {
    const packer = createEventPacker('x/events.json');
    const unpacker = createEventUnpacker('x/events.json');
    const ids = ['x/events.json:3#0', 'x/events.json:123456789#12', 'x/events.json:03#0', 'x/events.json:3#0b', 'x/events.json:1234567890#0', 'x/events.json3#0', 'made-up-id'];
    const odd = ids.map((id, n) => ({ ...events[0]!, id, at: `2026-01-0${n + 1}T09:00:00.000Z` }));
    for (const event of odd) packer.add(event);
    const batch = packer.take();
    // the first two travel as numbers; the tails of the next four as text (a leading zero, a letter,
    // ten digits, no colon), and the last id whole
    expect(batch.texts.filter((text) => !/^\d{4}-/.test(text))).toEqual([':03#0', ':3#0b', ':1234567890#0', '3#0', 'made-up-id']);
    const back: HandoffEvent[] = [];
    unpacker.unpack(batch, back);
    expect(back.map((e) => e.id)).toEqual(ids);
  });

  it('carries the column of a record of a compact JSON page, whatever its id', () => {
    const packer = createEventPacker('x/events.json');
    const unpacker = createEventUnpacker('x/events.json');
    const onLine1 = (id: string, column: number | undefined, at: string): HandoffEvent => ({ ...events[0]!, id, at, source: { ...base.source, line: 1, ...(column === undefined ? {} : { column }) } });
    // a column with an id of either form: the id's own column, or none (an id a library made)
    const sent = [onLine1('x/events.json:1#0', undefined, '2026-01-01T09:00:00.000Z'), onLine1('x/events.json:1:812#0', 812, '2026-01-02T09:00:00.000Z'), onLine1('x/events.json:1:812#1', 812, '2026-01-02T09:00:00.000Z'), onLine1('x/events.json:1#1', 1500, '2026-01-03T09:00:00.000Z'), onLine1('x/events.json:1#2', undefined, '2026-01-04T09:00:00.000Z')];
    for (const event of sent) packer.add(event);
    const back: HandoffEvent[] = [];
    unpacker.unpack(packer.take(), back);
    expect(back.map((e) => JSON.stringify(e))).toEqual(sent.map(inModelOrder));
    expect(back.map((e) => e.source.column)).toEqual([undefined, 812, 812, 1500, undefined]);
    expect(back[2]!.source).toBe(back[1]!.source);
  });

  it('sends a time or a link list equal to the last one once', () => {
    const packer = createEventPacker('x/events.json');
    for (const event of events) packer.add(event);
    const batch = packer.take();
    // the times of events 1 (= 0), 3 (= 2) and 5 (= 4) are not sent
    expect(batch.texts.filter((text) => /^\d{4}-/.test(text))).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-06T10:00:00.000Z', '2026-01-07T10:00:00.000Z']);
    // event 1's link, event 3's as a flag, event 4's two
    expect(batch.links.length).toBe(3 * 3);
  });
});
