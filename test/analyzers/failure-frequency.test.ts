import { describe, expect, it } from 'vitest';
import { analyse, resultOf, valueOf, workflowEvents, type WorkflowPlan } from '../support/events.js';

const weeksOf = (n: number, failing: (i: number) => boolean): WorkflowPlan[] =>
  Array.from({ length: n }, (_, i) => ({ i, ...(failing(i) ? { ticketFailure: { lagHours: 2, path: 'replay' as const, escalate: i % 2 === 0 } } : {}) }));

describe('failure-frequency analyzer', () => {
  const cases: [string, WorkflowPlan[], Record<string, number | 'insufficient'>][] = [
    // 56 workflows, one a day (8 weeks); the first of every week fails
    ['a failure every week', weeksOf(56, (i) => i % 7 === 0), { failures: 8, weeksWithFailuresShare: 1, failuresPerWeekMedian: 1, escalationsPerFailure: 0.5 }],
    ['failures in two weeks of eight', weeksOf(56, (i) => i === 3 || i === 30), { failures: 2, weeksWithFailuresShare: 0.25, failuresPerWeekMedian: 0, escalationsPerFailure: 'insufficient' }],
    ['no failures at all: zero failures, measured', weeksOf(56, () => false), { failures: 0, weeksWithFailuresShare: 0, escalationsPerFailure: 'insufficient', customerFacingShare: 'insufficient' }],
    ['too few weeks for a weekly median', weeksOf(14, (i) => i === 3), { failures: 1, failuresPerWeekMedian: 'insufficient' }],
  ];
  it.each(cases)('%s', (_name, plans, expected) => {
    const run = analyse(plans.flatMap(workflowEvents));
    for (const [measure, want] of Object.entries(expected)) expect(valueOf(run, 'failure-frequency', measure), measure).toBe(want);
  });

  it('counts consecutive failed runs of one flow for one workflow as one failure until a run succeeds', () => {
    const events = workflowEvents({ i: 0, ticketFailure: { lagHours: 5, path: 'replay' } });
    const repeat = { ...events.find((e) => e.kind === 'sync-failed')! };
    const run = analyse([...events, { ...repeat, id: 'again', at: '2026-03-02T10:00:00.000Z', record: { type: 'run', id: 'R0x' }, source: { ...repeat.source, line: 999 } }]);
    expect(run.evidence.failures.filter((f) => f.class === 'sync-failure')).toHaveLength(1);
    expect(valueOf(run, 'failure-frequency', 'failedRunShare')).toBe('insufficient');
  });

  it('is insufficient, not zero, when the inputs have no integration runs', () => {
    const run = analyse(workflowEvents({ i: 0 }).filter((e) => e.system !== 'ipaas'));
    expect(resultOf(run, 'failure-frequency').status).toBe('insufficient');
  });
});
