import { describe, expect, it } from 'vitest';
import { analyse, resultOf, valueOf, workflowEvents, type WorkflowPlan } from '../support/events.js';

// healthy workflows beside the failing ones show what the flow does when it works (a run creates the ticket)
const healthy: WorkflowPlan[] = [20, 21, 22, 23, 24].map((i) => ({ i }));
const failing = (lags: number[], extra: Partial<NonNullable<WorkflowPlan['ticketFailure']>> = {}, path: 'replay' | 'manual-create' = 'manual-create'): WorkflowPlan[] => [
  ...healthy,
  ...lags.map((lagHours, i) => ({ i, ticketFailure: { lagHours, path, ...extra } })),
];

describe('exception-lateness analyzer', () => {
  const cases: [string, WorkflowPlan[], Record<string, number | 'insufficient'>][] = [
    // lags 1..10 h: median 5.5, p90 (type 7) 9.1; none later than 24 h
    ['detection lags measured from the failed run to the manual creation', failing([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), { detectionLagP50: 5.45, detectionLagP90: 9.05, lateShare: 0 }],
    ['late detection beyond 24 h', failing([30, 40, 50, 2]), { lateShare: 0.75, detectionLagP50: 34.95 }],
    ['failures found with nobody on the ticket: the ticket appeared with the fix, so the CRM owner holds them', failing([3, 4, 5], { ownerless: true }), { ownerlessShare: 0 }],
    ['one recovery path per flow is fully consistent', failing([3, 4, 5]), { recoveryConsistency: 1 }],
    ['two failures are too few to time', failing([3, 4]), { detectionLagP50: 'insufficient', lateShare: 'insufficient' }],
  ];
  it.each(cases)('%s', (_name, plans, expected) => {
    const run = analyse(plans.flatMap(workflowEvents));
    for (const [measure, want] of Object.entries(expected)) expect(valueOf(run, 'exception-lateness', measure), measure).toBe(want);
  });

  it('finds failures with nobody assigned on the waiting ticket', () => {
    const plans: WorkflowPlan[] = [...healthy, ...[0, 1, 2, 3].map((i) => ({ i, issueFailure: { lagHours: 30, ticketUnassigned: i < 3 } }))];
    const run = analyse(plans.flatMap(workflowEvents));
    expect(valueOf(run, 'exception-lateness', 'ownerlessShare')).toBe(0.75);
    expect(valueOf(run, 'exception-lateness', 'detectionLagP50')).toBe(30);
  });

  it('takes the replay that lands as the detection when the platform does not say who replayed', () => {
    const run = analyse(failing([6, 6, 6], {}, 'replay').flatMap(workflowEvents));
    const incidents = run.evidence.failures.filter((f) => f.class === 'sync-failure');
    expect(incidents.map((f) => f.recoveryPath)).toEqual(['replay', 'replay', 'replay']);
    expect(valueOf(run, 'exception-lateness', 'detectionLagP50')).toBe(5.95);
  });

  it('mixes of recovery paths lower the consistency', () => {
    const plans = [...failing([3, 4, 5]), ...failing([3, 4], {}, 'replay').filter((p) => p.ticketFailure).map((p) => ({ ...p, i: p.i + 3 }))];
    const run = analyse(plans.flatMap(workflowEvents));
    expect(valueOf(run, 'exception-lateness', 'recoveryConsistency')).toBe(0.6);
  });

  it('is insufficient, not zero, with no failed runs', () => {
    const run = analyse([0, 1, 2].flatMap((i) => workflowEvents({ i })));
    expect(resultOf(run, 'exception-lateness').status).toBe('insufficient');
  });
});
