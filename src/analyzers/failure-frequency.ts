// Failure frequency: handoff failures per week, how many weeks have one, escalations, customer impact.
import { z } from 'zod';
import { byKey, countPerWeek } from './collect.js';
import { WEEKS_FOR_CONFIDENCE } from './weeks.js';
import { defineAnalyzer } from './define-analyzer.js';
import { median, round, wilson } from './stats.js';

/** Classes that count as integration handoff failures; bounces and reopens are reported beside them. */
export const HANDOFF_FAILURE_CLASSES = ['sync-failure', 'silent-miss'] as const;

export default defineAnalyzer({
  meta: {
    id: 'failure-frequency',
    description: 'Integration handoff failures (failed or silently skipped syncs) per week, their recurrence, escalations and customer impact',
    needs: ['sync-failed', 'sync-succeeded', 'created', 'escalated'],
    minSample: 4,
  },
  options: z.object({}),
  analyze({ evidence, runs, weeks, activeWeeks: active }, ctx) {
    const failures = evidence.failures.filter((f) => (HANDOFF_FAILURE_CLASSES as readonly string[]).includes(f.class));
    const failedRuns = runs.filter((e) => e.kind === 'sync-failed');
    const runsPerWeek = countPerWeek(runs.map((e) => e.at), weeks);
    const allWeeks = countPerWeek(failures.map((f) => f.at), weeks);
    const perWeek = allWeeks.filter((p) => active.has(p.week));
    const weeksWithFailures = perWeek.filter((p) => p.value > 0).length;
    const escalated = failures.filter((f) => f.escalations.length > 0);
    const customerFacing = failures.filter((f) => f.customerFacing);
    const ids = failures.map((f) => f.id);
    const fullWeeks = perWeek.length;
    const runRate = runs.length ? failedRuns.length / runs.length : undefined;
    const classes = new Map<string, number>();
    for (const f of evidence.failures) classes.set(f.class, (classes.get(f.class) ?? 0) + 1);
    const routes = new Map<string, { failures: number; escalated: number; customerFacing: number }>();
    for (const f of failures) {
      const route = routes.get(f.route) ?? { failures: 0, escalated: 0, customerFacing: 0 };
      route.failures++;
      if (f.escalations.length) route.escalated++;
      if (f.customerFacing) route.customerFacing++;
      routes.set(f.route, route);
    }
    const noFailures = failures.length === 0;
    return {
      status: runs.length === 0 && noFailures ? 'insufficient' : 'ok',
      ...(runs.length === 0 && noFailures ? { reason: 'no integration runs and no manual workarounds in the inputs: nothing tells whether handoffs fail' } : {}),
      measures: {
        failures: ctx.measure(failures.length, { unit: 'failures', n: fullWeeks, evidence: ids, definition: 'failure incidents: failed runs of one flow for one workflow until a run succeeds, plus records a person created where the integration should have', minSample: 0 }),
        failuresPerWeekMedian: ctx.measure(median(perWeek.map((p) => p.value)), { unit: 'failures/week', n: fullWeeks, evidence: ids, definition: 'median of weekly failure counts over the active weeks (weeks without failures count as 0)', minSample: 4, confidentFrom: WEEKS_FOR_CONFIDENCE }),
        weeksWithFailuresShare: ctx.measure(fullWeeks ? weeksWithFailures / fullWeeks : undefined, { unit: 'share', n: fullWeeks, evidence: ids, ci: wilson(weeksWithFailures, fullWeeks), definition: 'active weeks with at least one failure ÷ active weeks (recurrence); a week is active when it carries at least half the median weekly run volume', minSample: 4, confidentFrom: WEEKS_FOR_CONFIDENCE }),
        failedRunShare: ctx.measure(runRate, { unit: 'share', n: runs.length, evidence: failedRuns, ci: wilson(failedRuns.length, runs.length), definition: 'failed integration runs ÷ all runs that ended (retries included)' }),
        escalationsPerFailure: ctx.measure(failures.length ? failures.reduce((sum, f) => sum + f.escalations.length, 0) / failures.length : undefined, { unit: 'escalations/failure', n: failures.length, evidence: escalated.flatMap((f) => f.escalations), definition: 'escalation events on the workflow between failure and recovery, per failure', minSample: 3 }),
        customerFacingShare: ctx.measure(failures.length ? customerFacing.length / failures.length : undefined, { unit: 'share', n: failures.length, evidence: customerFacing.map((f) => f.id), ci: wilson(customerFacing.length, failures.length), definition: 'failures on workflows that include a customer-facing support ticket', minSample: 3 }),
      },
      series: {
        failuresPerWeek: { unit: 'failures', points: allWeeks },
        failedRunsPerWeek: { unit: 'runs', points: countPerWeek(failedRuns.map((e) => e.at), weeks) },
        runsPerWeek: { unit: 'runs', points: runsPerWeek },
      },
      tables: {
        classes: [...classes].map(([failureClass, count]) => ({ class: failureClass, incidents: count, countsAsHandoffFailure: (HANDOFF_FAILURE_CLASSES as readonly string[]).includes(failureClass) })).sort(byKey((r) => r.class)),
        routes: [...routes].map(([route, r]) => ({ route, ...r, share: round(r.failures / failures.length, 4) })).sort((a, b) => b.failures - a.failures || a.route.localeCompare(b.route)),
      },
    };
  },
});
