// Generic sync log: column synonyms, status words and what detection refuses.
import { describe, expect, it } from 'vitest';
import { resolveSyncColumns, statusOf } from '../../connectors/generic-sync-log/index.js';
import { readText } from '../support/read-fixture.js';

describe('resolveSyncColumns', () => {
  it('resolves the documented names and the Workato Insights names', () => {
    expect(resolveSyncColumns(['run_id', 'flow', 'status', 'finished_at']).columns).toEqual({ run_id: 'run_id', flow: 'flow', status: 'status', finished_at: 'finished_at' });
    expect(resolveSyncColumns(['Job ID', 'Recipe name', 'Is successful', 'Started at']).columns).toEqual({
      run_id: 'Job ID',
      flow: 'Recipe name',
      status: 'Is successful',
      started_at: 'Started at',
    });
  });

  it('misses a file without a run id, a status or any time', () => {
    expect(resolveSyncColumns(['flow', 'status', 'finished_at']).missing).toHaveLength(1);
    expect(resolveSyncColumns(['run_id', 'status']).missing).toEqual(['a finished_at, started_at or timestamp column']);
  });

  it('takes an explicit column for a role', () => {
    expect(resolveSyncColumns(['Execution', 'Result', 'When'], { run_id: 'Execution', timestamp: 'when' }).columns).toMatchObject({ run_id: 'Execution', status: 'Result', timestamp: 'When' });
  });
});

describe('statusOf', () => {
  it.each([
    ['OK', 'succeeded'],
    ['Timed out', 'failed'],
    ['false', 'failed'],
    ['Retried', 'retried'],
    ['In progress', 'none'],
    ['exploded', undefined],
  ])('reads %s as %s', (word, meaning) => {
    expect(statusOf(word)).toBe(meaning);
  });

  it('lets settings add words', () => {
    expect(statusOf('COMPLETE_WARN', { COMPLETE_WARN: 'succeeded' })).toBe('succeeded');
  });
});

describe('the generic sync log connector', () => {
  it('emits a retry and then the success for a second attempt that succeeded', async () => {
    const csv = 'run_id,flow,status,started_at,finished_at,attempt\nr-1,F,success,2026-03-02T09:00:00Z,2026-03-02T09:00:05Z,2\n';
    const { events } = await readText('log.csv', csv);
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['sync-retried', '2026-03-02T09:00:00.000Z'],
      ['sync-succeeded', '2026-03-02T09:00:05.000Z'],
    ]);
  });

  it('counts each zone-less time once, however many events use it', async () => {
    // both times are used by an event and both are checked as times: four readings, two values
    const csv = 'run_id,flow,status,started_at,finished_at,attempt\nr-1,F,success,2026-03-02 09:00:00,2026-03-02 09:00:05,2\n';
    const { events, result } = await readText('log.csv', csv, { timeZone: 'Europe/Berlin' });
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['sync-retried', '2026-03-02T08:00:00.000Z'],
      ['sync-succeeded', '2026-03-02T08:00:05.000Z'],
    ]);
    expect(result.zoneless).toEqual({ count: 2, readIn: 'Europe/Berlin' });
  });
});
