// Stage-column pairing and date handling of the HubSpot deal export.
import { describe, expect, it } from 'vitest';
import { stageColumns } from '../../connectors/hubspot-deal-export/index.js';
import { readText } from '../support/read-fixture.js';

const HEADER =
  '"Record ID","Deal Name","Deal Stage","Create Date","Date entered ""New (P)""","Date exited ""New (P)""","Date entered ""Won (P)"""';

describe('hubspot-deal-export', () => {
  it('reads stage and pipeline from the header, the last parenthesised group being the pipeline', () => {
    expect(stageColumns(['Date entered "Closed (pending) (Partners)"', 'Date exited "New (Sales Pipeline)"', 'Date entered current stage'])).toEqual([
      { column: 'Date entered "Closed (pending) (Partners)"', move: 'entered', stage: 'Closed (pending)', pipeline: 'Partners' },
      { column: 'Date exited "New (Sales Pipeline)"', move: 'exited', stage: 'New', pipeline: 'Sales Pipeline' },
    ]);
  });

  it('makes one transition of an exit and an entry at the same instant, and keeps unmatched ones apart', async () => {
    const csv = [HEADER, '"1","A","Won","1/2/2026 9:00","1/2/2026 9:00","1/20/2026 10:00","1/20/2026 10:00"', '"2","B","New","1/3/2026 9:00","1/3/2026 9:00","1/21/2026 10:00",""'].join('\n');
    const { result, events } = await readText('deals.csv', csv, { connector: 'hubspot-deal-export' });
    expect(result.rowsRejected).toBe(0);
    const moves = events.filter((e) => e.kind === 'state-changed').map((e) => [e.record.id, e.from, e.to]);
    expect(moves).toEqual([
      ['1', undefined, 'New'],
      ['2', undefined, 'New'],
      ['1', 'New', 'Won'],
      ['2', 'New', undefined],
    ]);
  });

  it('reads day-first dates when the file shows a day above 12', async () => {
    const csv = [HEADER, '"1","A","New","13/2/2026 9:00","13/2/2026 9:00","",""', '"2","B","New","1/2/2026 9:00","","",""'].join('\n');
    const { events } = await readText('deals.csv', csv, { connector: 'hubspot-deal-export', timeZone: 'UTC' });
    expect(events.filter((e) => e.kind === 'created').map((e) => e.at)).toEqual(['2026-02-01T09:00:00.000Z', '2026-02-13T09:00:00.000Z']);
  });
});
