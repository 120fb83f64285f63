import { describe, expect, it } from 'vitest';
import { analyse, resultOf, valueOf, workflowEvents, type WorkflowPlan } from '../support/events.js';

// one workflow a day for 8 weeks; `edits(i)` lists the hand edits of the synced Go-Live field on day i
const weeks = (edits: (i: number) => [string, number][]): WorkflowPlan[] => Array.from({ length: 56 }, (_, i) => ({ i, edits: edits(i) }));
const teams = { 'salesops-person': 'Sales Ops', 'onboarding-person': 'Onboarding', 'delivery-person': 'Delivery' };

describe('reconciliation-load analyzer', () => {
  const cases: [string, WorkflowPlan[], Record<string, number | 'insufficient'>][] = [
    ['one team, one edit a week', weeks((i) => (i % 7 === 1 ? [['SalesOps', 3]] : [])), { edits: 8, teamsInvolved: 1, editsPerWeekMedian: 1, busiestTeamEditsPerWeek: 1 }],
    ['three teams editing every week', weeks((i) => (i % 7 < 3 ? [['SalesOps', 3], ['Onboarding', 4], ['Delivery', 5]] : [])), { teamsInvolved: 3, editsPerWeekMedian: 9, busiestTeamEditsPerWeek: 3 }],
    ['a team fixing things once is not involved', weeks((i) => (i === 10 ? [['Onboarding', 3]] : i % 7 === 1 ? [['SalesOps', 3]] : [])), { teamsInvolved: 1 }],
  ];
  it.each(cases)('%s', (_name, plans, expected) => {
    const run = analyse(plans.flatMap(workflowEvents), { teams });
    for (const [measure, want] of Object.entries(expected)) expect(valueOf(run, 'reconciliation-load', measure), measure).toBe(want);
  });

  it('does not count the integration writing its own field', () => {
    const run = analyse(weeks(() => []).flatMap(workflowEvents), { teams });
    expect(valueOf(run, 'reconciliation-load', 'edits')).toBe(0);
  });

  it('is insufficient when no integration writes a field or creates records', () => {
    const run = analyse(weeks(() => []).flatMap(workflowEvents).filter((e) => e.actor.type !== 'integration' || e.system === 'ipaas'));
    expect(resultOf(run, 'reconciliation-load').status).toBe('insufficient');
  });
});
