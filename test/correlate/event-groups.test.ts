// The event groups correlation hands to evidence: the same as grouping the events afresh, handed over once.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { correlate, takeEventGroups, type EventGroups } from '../../src/correlate/workflows.js';
import { loadInputs } from '../../src/ingest/load.js';
import { SAMPLES } from '../support/samples.js';

/** Each workflow's group, and each record's (in the order of `records`), as its key and its events' ids. */
const listed = (groups: EventGroups, records: Iterable<string>) => ({
  byWorkflow: [...groups.byWorkflow].map(([key, events]) => [key, events.map((e) => e.id)]),
  byRecord: [...records].map((key) => [key, groups.eventsOfRecord(key)?.map((e) => e.id)]),
});

describe('takeEventGroups', () => {
  it("hands over correlation's groups once, equal to grouping the events afresh", async () => {
    const { events } = await loadInputs([join(SAMPLES, 'kestrel-borderline', 'exports')], connectors);
    const correlation = correlate(events);
    const made = takeEventGroups(correlation, events);
    const afresh = takeEventGroups(correlation, events);
    expect(afresh).not.toBe(made);
    expect(made.byWorkflow.size).toBe(correlation.workflows.length);
    const keys = [...correlation.records.keys()];
    expect(listed(made, keys)).toEqual(listed(afresh, keys));
    expect(made.eventsOfRecord('no-such/record/1')).toBeUndefined();
    // every event in its record's group, linked ones in their workflow's
    expect(keys.reduce((n, key) => n + made.eventsOfRecord(key)!.length, 0)).toBe(events.length);
    expect([...made.byWorkflow.values()].reduce((n, list) => n + list.length, 0)).toBe(events.filter((e) => e.workflow).length);
  });
});
