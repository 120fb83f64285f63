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
    expect(back.map((e) => JSON.stringify(e))).toEqual(events.map(inModelOrder));
    // repeated actors and records come back as one object each
    expect(back[2]!.actor).toBe(back[0]!.actor);
    expect(back[1]!.record).toBe(back[0]!.record);
  });
});
