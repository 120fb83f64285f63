// Lead-time drag: how much longer workflows take when a handoff failed, and how much of lead time is waiting.
import { HANDOFF_FAILURE_CLASSES } from './failure-frequency.js';
import { defineAnalyzer, notMeasurable } from './define-analyzer.js';
import { bootstrapMedianDifference, median, round, wilson } from './stats.js';

export default defineAnalyzer({
  meta: {
    id: 'lead-time-drag',
    description: 'Median lead time of workflows with a handoff failure against those without (bootstrap 95% interval), and the share of lead time spent waiting at handoffs',
    needs: ['state-changed', 'resolved', 'sync-failed'],
    minSample: 10,
  },
  analyze({ evidence }, ctx) {
    const failed = new Set(evidence.failures.filter((f) => f.workflow && (HANDOFF_FAILURE_CLASSES as readonly string[]).includes(f.class)).map((f) => f.workflow!));
    const leadTimes = [...evidence.leadTimes].sort(([a], [b]) => (a < b ? -1 : 1));
    if (leadTimes.length === 0) {
      return notMeasurable('no workflow reached done in every system that tracks it: lead time cannot be measured');
    }
    const withFailure = leadTimes.filter(([id]) => failed.has(id));
    const without = leadTimes.filter(([id]) => !failed.has(id));
    const a = withFailure.map(([, l]) => l.hours);
    const b = without.map(([, l]) => l.hours);
    const ma = median(a);
    const mb = median(b);
    const enough = a.length >= 10 && b.length >= 10;
    const ci = enough ? bootstrapMedianDifference(a, b) : undefined;
    const slowestFailed = [...withFailure].sort((x, y) => y[1].hours - x[1].hours).map(([, l]) => l.end);

    const waits = new Map<string, number>();
    for (const h of evidence.systemHandoffs) waits.set(h.workflow, (waits.get(h.workflow) ?? 0) + Math.max(0, h.latencyHours));
    const waitingShares = leadTimes.filter(([, l]) => l.hours > 0).map(([id, l]) => Math.min(1, (waits.get(id) ?? 0) / l.hours));
    const definition = 'workflow lead time: from the CRM win (or the workflow\'s first event) to the last system saying done';
    const smaller = Math.min(a.length, b.length);
    return {
      status: 'ok',
      measures: {
        leadTimeWithFailureP50: ctx.measure(ma, { unit: 'hours', n: a.length, evidence: slowestFailed, definition: `${definition}; median over workflows with a handoff failure` }),
        leadTimeWithoutFailureP50: ctx.measure(mb, { unit: 'hours', n: b.length, evidence: without.map(([, l]) => l.end), definition: `${definition}; median over workflows without` }),
        medianDifference: ctx.measure(ma !== undefined && mb !== undefined ? ma - mb : undefined, { unit: 'hours', n: smaller, ci, evidence: slowestFailed, definition: 'median(with failure) − median(without), 95% interval from 2,000 seeded bootstrap resamples' }),
        ratio: ctx.measure(ma !== undefined && mb ? ma / mb : undefined, { unit: 'ratio', n: smaller, evidence: slowestFailed, definition: 'median(with failure) ÷ median(without); above 1 means failures lengthen lead time' }),
        affectedShare: ctx.measure(a.length / leadTimes.length, { unit: 'share', n: leadTimes.length, ci: wilson(a.length, leadTimes.length), evidence: slowestFailed, definition: 'finished workflows with a handoff failure ÷ finished workflows' }),
        waitingShareP50: ctx.measure(median(waitingShares), { unit: 'share', n: waitingShares.length, evidence: [...evidence.systemHandoffs].sort((x, y) => y.latencyHours - x.latencyHours).map((h) => h.arrival), definition: 'per workflow, hours waiting between systems (sum of system handoff latencies) ÷ lead time; median over workflows' }),
      },
      series: {},
      tables: {
        groups: [
          { group: 'with handoff failure', workflows: a.length, medianHours: ma === undefined ? null : round(ma, 2) },
          { group: 'without', workflows: b.length, medianHours: mb === undefined ? null : round(mb, 2) },
        ],
        distribution: leadTimes.map(([workflow, l]) => ({ workflow, hours: round(l.hours, 2), failed: failed.has(workflow) })),
      },
    };
  },
});
