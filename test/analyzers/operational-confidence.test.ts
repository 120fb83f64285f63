import { describe, expect, it } from 'vitest';
import { analyse, resultOf, valueOf, workflowEvents, type WorkflowPlan } from '../support/events.js';

const plans = (lags: number[]): WorkflowPlan[] => lags.map((writeBackLagHours, i) => ({ i, writeBackLagHours }));

describe('operational-confidence analyzer', () => {
  const cases: [string, WorkflowPlan[], Record<string, number | 'insufficient'>][] = [
    // 20 workflows: the desk catches up with the tracker within minutes, except 5 that lag 10–50 h
    ['disagreements beyond the 4 h tolerance', plans([...Array(15).fill(0.05), 10, 20, 30, 40, 50]), { disagreementShare: 0.25, disagreementHoursP50: 30, disagreementHoursP90: 46, unresolvedDisagreements: 0 }],
    ['propagation within tolerance is agreement', plans(Array(20).fill(2)), { disagreementShare: 0, disagreementHoursP50: 'insufficient' }],
    ['too few comparable workflows', plans([0.05, 30]), { disagreementShare: 'insufficient' }],
  ];
  it.each(cases)('%s', (_name, list, expected) => {
    const run = analyse(list.flatMap(workflowEvents));
    for (const [measure, want] of Object.entries(expected)) expect(valueOf(run, 'operational-confidence', measure), measure).toBe(want);
  });

  it('counts a disagreement still open at the end of the window', () => {
    const events = plans([...Array(12).fill(0.05), 5]).flatMap(workflowEvents);
    const last = events.filter((e) => e.record.id === 'T12' && e.to === 'solved');
    const run = analyse(events.filter((e) => !last.includes(e)));
    expect(valueOf(run, 'operational-confidence', 'unresolvedDisagreements')).toBe(1);
  });

  it('is insufficient when no workflow is tracked in two systems', () => {
    const run = analyse(workflowEvents({ i: 0 }).filter((e) => e.system !== 'desk'));
    expect(resultOf(run, 'operational-confidence').status).toBe('insufficient');
  });
});
