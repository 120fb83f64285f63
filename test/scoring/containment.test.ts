import { describe, expect, it } from 'vitest';
import { defaultMatrix } from '../../src/scoring/matrix.js';
import { buildScorecard } from '../../src/scoring/scorecard.js';
import { analyse, workflowEvents, type WorkflowPlan } from '../support/events.js';

// 40 workflows a day apart; 12 lose their ticket for 30 h (a person creates it), 10 lose the write-back for 20 h
const plans: WorkflowPlan[] = Array.from({ length: 40 }, (_, i) => ({
  i,
  ...(i % 3 === 0 ? { ticketFailure: { lagHours: 30, path: 'manual-create' as const } } : {}),
  ...(i % 4 === 1 ? { writeBackLagHours: 20 } : {}),
}));

describe('the containment path', () => {
  const run = analyse(plans.flatMap(workflowEvents), { teams: { fixer: 'Onboarding' } });
  const { containment } = buildScorecard(run, defaultMatrix());

  it('ranks the routes by the lead time their failures added', () => {
    expect(containment.routes.map((r) => [r.route, r.failures])).toEqual([['deal-to-ticket', 14]]);
    expect(containment.routes[0]!.addedLeadTimeHours).toBeGreaterThan(14 * 29);
    expect(containment.routes[0]!.owner).toEqual({ team: 'Onboarding', share: 1 });
  });

  it('targets the costliest route with criteria computed from its baseline', () => {
    expect(containment.target?.route).toBe('deal-to-ticket');
    expect(containment.target?.why).toContain('Onboarding detects 100% of its failures');
    const lag = containment.target!.criteria.find((c) => c.metric === 'median detection lag')!;
    expect(lag).toMatchObject({ now: 30, target: 4 });
  });

  it('names who handles each failure class and which synced fields people also write', () => {
    expect(containment.failureClasses).toEqual([{ class: 'sync-failure', incidents: 14, owner: { team: 'Onboarding', share: 1 } }]);
    expect(containment.systemOfRecord.map((f) => f.field)).toContain('crm/record/Go-Live');
    expect(containment.monitoring.length).toBeGreaterThan(10);
  });
});
