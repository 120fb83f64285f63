import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, readPath } from '../support/read-fixture.js';
import { analyse, ev, resultOf, valueOf } from '../support/events.js';
import { recordKey } from '../../src/correlate/handoffs.js';

describe('handoffs on a generic event log, against a hand count', () => {
  // Hand count of test/fixtures/analyzers/handoff-count.csv (group changes between consecutive events of a case):
  //   A: L1→L2, L2→L1, L1→L2, L2→L3          = 4 handoffs; bounces: (L1→L2, L2→L1), (L2→L1, L1→L2) = 2
  //   B: L1→L2 (the group-less note is skipped) = 1 handoff; no bounce
  //   C: none
  //   D: L1→L2, L2→L3, L3→L2, L2→L3          = 4 handoffs; bounces: (L2→L3, L3→L2), (L3→L2, L2→L3) = 2
  //   total 9 handoffs, 4 ping-pongs; routes L1→L2: 4 (A twice, B, D), L2→L3: 3, L2→L1: 1, L3→L2: 1
  it('counts handoffs, ping-pongs and routes exactly', async () => {
    const { events } = await readPath(join(FIXTURES, 'analyzers', 'handoff-count.csv'), 'handoff-count.csv');
    const run = analyse(events);
    expect(valueOf(run, 'handoffs', 'teamHandoffs')).toBe(9);
    expect(valueOf(run, 'handoffs', 'pingPongs')).toBe(4);
    expect(valueOf(run, 'handoffs', 'systemHandoffs')).toBe(0);
    const routes = resultOf(run, 'handoffs').tables.teamRoutes!.map((r) => [r.from, r.to, r.handoffs, r.pingPongs]);
    expect(routes).toEqual([
      ['L1', 'L2', 4, 1],
      ['L2', 'L3', 3, 1],
      ['L2', 'L1', 1, 1],
      ['L3', 'L2', 1, 1],
    ]);
  });
});

describe('handoffs analyzer', () => {
  const cases: [string, Parameters<typeof ev>[0][], Record<string, number | 'insufficient'>][] = [
    [
      'a cross-system handoff with its latency',
      [
        { at: '2026-03-02 09:00', system: 'crm', record: 'D1', kind: 'state-changed', to: 'Closed Won' },
        { at: '2026-03-02 11:30', system: 'desk', record: 'T1', kind: 'created', links: [{ system: 'crm', id: 'D1', via: 'external_id' }] },
      ],
      { systemHandoffs: 1, teamHandoffs: 0, pingPongs: 0, systemHandoffLatencyP50: 'insufficient' },
    ],
    [
      'a self-succession is no handoff',
      [
        { at: '2026-03-02 09:00', record: 'T1', team: 'L1' },
        { at: '2026-03-02 10:00', record: 'T1', team: 'L1' },
      ],
      { teamHandoffs: 0, pingPongs: 0 },
    ],
  ];
  it.each(cases)('%s', (_name, shorthand, expected) => {
    const run = analyse(shorthand.map(ev));
    for (const [measure, value] of Object.entries(expected)) expect(valueOf(run, 'handoffs', measure), measure).toBe(value);
  });

  it('is insufficient, not zero, when nothing moves between teams or systems', () => {
    const run = analyse([ev({ at: '2026-03-02 09:00', record: 'T1' })]);
    expect(resultOf(run, 'handoffs').status).toBe('insufficient');
  });

  it('measures median latency once ten handoffs exist', () => {
    const events = Array.from({ length: 10 }, (_, i) => [
      ev({ at: `2026-03-${String(i + 2).padStart(2, '0')} 09:00`, system: 'crm', record: `D${i}`, kind: 'state-changed', to: 'Closed Won' }),
      ev({ at: `2026-03-${String(i + 2).padStart(2, '0')} ${String(10 + i).padStart(2, '0')}:00`, system: 'desk', record: `T${i}`, kind: 'created', links: [{ system: 'crm', id: `D${i}`, via: 'x' }] }),
    ]).flat();
    const run = analyse(events);
    // latencies 1..10 h: median 5.5, p90 (type 7) 9.1
    expect(valueOf(run, 'handoffs', 'systemHandoffLatencyP50')).toBe(5.5);
    expect(valueOf(run, 'handoffs', 'systemHandoffLatencyP90')).toBe(9.1);
  });
});

describe('record keys', () => {
  it('tells apart records of two systems that share one record object', () => {
    const record = { type: 'record', id: '7' };
    const desk = { ...ev({ at: '2026-01-05 09:00', system: 'desk', record: '7' }), record };
    const tracker = { ...ev({ at: '2026-01-05 10:00', system: 'tracker', record: '7' }), record };
    expect(recordKey(desk)).toBe('desk/record/7');
    expect(recordKey(tracker)).toBe('tracker/record/7');
    expect(recordKey(desk)).toBe('desk/record/7');
  });
});
