import { describe, expect, it } from 'vitest';
import { analyse, resultOf, valueOf, workflowEvents, type WorkflowPlan } from '../support/events.js';

// lead time = won → delivery done = 0.1 h to the ticket + 2 h to the issue + deliveryHours (48 by default)
const healthy = (n: number, from = 100): WorkflowPlan[] => Array.from({ length: n }, (_, k) => ({ i: from + k }));
const failed = (n: number, lagHours: number): WorkflowPlan[] => Array.from({ length: n }, (_, i) => ({ i, issueFailure: { lagHours } }));

describe('lead-time-drag analyzer', () => {
  const cases: [string, WorkflowPlan[], Record<string, number | 'insufficient'>][] = [
    ['a day lost on every failed workflow', [...healthy(20), ...failed(10, 24)], { leadTimeWithoutFailureP50: 50.1, leadTimeWithFailureP50: 74.1, medianDifference: 24, ratio: 1.479, affectedShare: 0.3333 }],
    ['failures that cost nothing', [...healthy(20), ...failed(10, 0)], { medianDifference: 0, ratio: 1 }],
    ['too few failed workflows to compare', [...healthy(20), ...failed(3, 24)], { leadTimeWithFailureP50: 'insufficient', medianDifference: 'insufficient', affectedShare: 0.1304 }],
  ];
  it.each(cases)('%s', (_name, plans, expected) => {
    const run = analyse(plans.flatMap(workflowEvents));
    for (const [measure, want] of Object.entries(expected)) expect(valueOf(run, 'lead-time-drag', measure), measure).toBe(want);
  });

  it('gives a bootstrap interval that excludes zero for a clear drag and repeats exactly', () => {
    const plans = [...healthy(20).map((p, k) => ({ ...p, deliveryHours: 40 + k })), ...failed(12, 24).map((p, k) => ({ ...p, deliveryHours: 40 + k }))];
    const first = resultOf(analyse(plans.flatMap(workflowEvents)), 'lead-time-drag').measures.medianDifference!;
    const second = resultOf(analyse(plans.flatMap(workflowEvents)), 'lead-time-drag').measures.medianDifference!;
    expect(first.status === 'ok' && first.ci![0]).toBeGreaterThan(0);
    // evidence ids differ between the two lists (fresh ids); the figures do not
    expect(second.status === 'ok' && [second.value, second.ci]).toEqual(first.status === 'ok' && [first.value, first.ci]);
  });

  it('is insufficient when no workflow reached done', () => {
    const run = analyse(workflowEvents({ i: 0 }).filter((e) => e.to !== 'Done' && e.to !== 'solved'));
    expect(resultOf(run, 'lead-time-drag').status).toBe('insufficient');
  });
});
