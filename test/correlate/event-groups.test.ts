// The event groups correlation hands to evidence: the same as grouping the events afresh, handed over once.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { correlate, takeEventGroups, type EventGroups } from '../../src/correlate/workflows.js';
import { loadInputs } from '../../src/ingest/load.js';
import { SAMPLES } from '../support/samples.js';

/** Each group as its key and its events' ids, in the groups' order. */
const listed = (groups: Map<string, { id: string }[]>) => [...groups].map(([key, events]) => [key, events.map((e) => e.id)]);
const both = (groups: EventGroups) => ({ byWorkflow: listed(groups.byWorkflow), byRecord: listed(groups.byRecord) });

describe('takeEventGroups', () => {
  it("hands over correlation's groups once, equal to grouping the events afresh", async () => {
    const { events } = await loadInputs([join(SAMPLES, 'kestrel-borderline', 'exports')], connectors);
    const correlation = correlate(events);
    const made = takeEventGroups(correlation, events);
    const afresh = takeEventGroups(correlation, events);
    expect(afresh).not.toBe(made);
    expect(made.byWorkflow.size).toBe(correlation.workflows.length);
    expect(made.byRecord.size).toBe(correlation.records.size);
    expect(both(made)).toEqual(both(afresh));
    // every event in its record's group, linked ones in their workflow's
    expect([...made.byRecord.values()].reduce((n, list) => n + list.length, 0)).toBe(events.length);
    expect([...made.byWorkflow.values()].reduce((n, list) => n + list.length, 0)).toBe(events.filter((e) => e.workflow).length);
  });
});
