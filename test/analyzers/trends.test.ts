import { describe, expect, it } from 'vitest';
import { analyse, resultOf, valueOf, workflowEvents, type WorkflowPlan } from '../support/events.js';

/** `perWeek[w]` workflows started in week w (Monday 2026-03-02 on), spread over the weekdays. */
function series(perWeek: number[], failing: (week: number, k: number) => boolean = () => false): WorkflowPlan[] {
  const plans: WorkflowPlan[] = [];
  perWeek.forEach((count, week) => {
    // workflowEvents starts workflow i on day i: pick an i on a weekday of this week
    for (let k = 0; k < count; k++) plans.push({ i: week * 7 + (k % 5), ...(failing(week, k) ? { ticketFailure: { lagHours: 1, path: 'replay' as const } } : {}) });
  });
  return plans;
}

/** Workflows sharing a start day get their own record ids. */
const distinct = (plans: WorkflowPlan[]) =>
  plans.flatMap((plan, n) => workflowEvents(plan).map((e) => ({ ...e, id: `${e.id}-${n}`, record: { ...e.record, id: `${e.record.id}-${n}` }, links: e.links?.map((l) => ({ ...l, id: `${l.id}-${n}` })) })));

describe('trends analyzer', () => {
  it('measures growing volume, and flat volume as no growth', () => {
    const growing = analyse(distinct(series([4, 4, 5, 6, 7, 8, 9, 10, 11, 12])));
    expect(valueOf(growing, 'trends', 'volumeGrowth')).toBeGreaterThan(0.1);
    const run = analyse(distinct(series(Array(10).fill(5))));
    expect(valueOf(run, 'trends', 'volumeGrowth')).toBe(0);
  });

  it('is insufficient on fewer than six weeks, and for growth of rare failures', () => {
    const short = analyse(series([5, 5, 5]).flatMap(workflowEvents));
    expect(resultOf(short, 'trends').status).toBe('insufficient');
    const rare = analyse(distinct(series(Array(10).fill(5), (week, k) => week === 4 && k === 0)));
    expect(valueOf(rare, 'trends', 'failureGrowth')).toBe('insufficient');
    expect(valueOf(rare, 'trends', 'failureGrowthOverVolume')).toBe('insufficient');
  });
});
