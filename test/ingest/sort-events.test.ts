// sortEvents compares times as numbers first: the order must stay exactly compareEvents' order.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { compareEvents, loadInputs, sortEvents } from '../../src/ingest/load.js';
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
});
