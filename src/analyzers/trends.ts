// Trends: weekly volume, failures and manual work; which grows faster; how unstable the weeks are.
import { coefficientOfVariation, linearRegression, mean } from 'simple-statistics';
import type { HandoffEvent } from '../model/index.js';
import { countPerWeek } from './collect.js';
import { defineAnalyzer, type MeasureResult } from './define-analyzer.js';
import { HANDOFF_FAILURE_CLASSES } from './failure-frequency.js';
import { WEEKS_FOR_CONFIDENCE } from './weeks.js';

/** Weekly mean below which a growth rate is not fitted. */
const MIN_WEEKLY_MEAN = 3;

export default defineAnalyzer({
  meta: {
    id: 'trends',
    description: 'Weekly series of volume, throughput, failures and manual work; growth of failures against volume and of manual work against throughput; week-to-week variability',
    needs: ['created', 'sync-failed', 'field-changed'],
    minSample: 6,
  },
  analyze({ evidence, correlation, weeks, activeWeeks: active }, ctx) {
    // a workflow enters the handoff chain when it is won (or first handed to another system), not when its deal was opened
    const firstHandoff = new Map<string, string>();
    for (const h of evidence.systemHandoffs) if (!firstHandoff.has(h.workflow) || h.trigger.at < firstHandoff.get(h.workflow)!) firstHandoff.set(h.workflow, h.trigger.at);
    const volume = countPerWeek(correlation.workflows.map((w) => evidence.leadTimes.get(w.id)?.start.at ?? firstHandoff.get(w.id) ?? w.start), weeks);
    const throughput = countPerWeek([...evidence.leadTimes.values()].map((l) => l.end.at), weeks);
    const failures = countPerWeek(evidence.failures.filter((f) => (HANDOFF_FAILURE_CLASSES as readonly string[]).includes(f.class)).map((f) => f.at), weeks);
    const manual = countPerWeek(evidence.reconciliation.map((r) => r.event.at), weeks);
    // growth is fitted on the weeks handoffs were flowing, without the first and last (usually partial)
    const activeList = weeks.filter((week) => active.has(week)).slice(1, -1);
    const full = (series: { week: string; value: number }[]) => series.filter((p) => activeList.includes(p.week));
    const growth = (series: { week: string; value: number }[], label: string, evidence: readonly (HandoffEvent | string)[]): MeasureResult => {
      const points = full(series);
      const average = points.length ? mean(points.map((p) => p.value)) : 0;
      const definition = `weekly growth of ${label}: least-squares slope ÷ mean, over the active weeks less the first and last`;
      if (points.length < 6) return ctx.insufficient('fewer than 6 active weeks', { unit: 'share/week', definition });
      // below three a week a count's spread exceeds half its mean: a fitted growth rate would be noise
      if (average < MIN_WEEKLY_MEAN) return ctx.insufficient(`${label} average ${average.toFixed(2)} a week; a growth rate needs at least ${MIN_WEEKLY_MEAN}`, { unit: 'share/week', definition });
      const { m } = linearRegression(points.map((p, i) => [i, p.value]));
      return ctx.measure(m / average, { unit: 'share/week', n: points.length, evidence, definition, minSample: 6, confidentFrom: WEEKS_FOR_CONFIDENCE });
    };
    const failureEvidence = evidence.failures.map((f) => f.id);
    const manualEvidence = evidence.reconciliation.map((r) => r.event);
    const volumeGrowth = growth(volume, 'workflows started', []);
    const failureGrowth = growth(failures, 'failures', failureEvidence);
    const throughputGrowth = growth(throughput, 'workflows finished', []);
    const manualGrowth = growth(manual, 'manual edits', manualEvidence);
    const fullFailures = full(failures).map((p) => p.value);
    const variability = fullFailures.length >= 6 && mean(fullFailures) > 0 ? coefficientOfVariation(fullFailures) : undefined;
    const excess = (a: MeasureResult, b: MeasureResult, label: string, evidence: readonly (HandoffEvent | string)[]) =>
      a.status === 'ok' && b.status === 'ok'
        ? ctx.measure(a.value - b.value, { unit: 'share/week', n: Math.min(a.n, b.n), evidence, definition: label, minSample: 6, confidentFrom: WEEKS_FOR_CONFIDENCE })
        : ctx.insufficient('one of the two growth rates could not be measured', { unit: 'share/week', definition: label });
    return {
      status: weeks.length >= 6 ? 'ok' : 'insufficient',
      ...(weeks.length >= 6 ? {} : { reason: `the inputs span ${weeks.length} weeks; trends need 6` }),
      measures: {
        volumeGrowth,
        failureGrowth,
        throughputGrowth,
        manualWorkGrowth: manualGrowth,
        failureGrowthOverVolume: excess(failureGrowth, volumeGrowth, 'failure growth − volume growth (per week); above 0: failures grow faster than volume', failureEvidence),
        manualGrowthOverThroughput: excess(manualGrowth, throughputGrowth, 'manual-work growth − throughput growth (per week); above 0: workarounds grow faster than output', manualEvidence),
        failureVariability: ctx.measure(variability, { unit: 'cv', n: fullFailures.length, evidence: failureEvidence, definition: 'coefficient of variation of weekly failure counts over the active weeks (standard deviation ÷ mean)', minSample: 6, confidentFrom: WEEKS_FOR_CONFIDENCE }),
      },
      series: {
        workflowsStartedPerWeek: { unit: 'workflows', points: volume },
        workflowsFinishedPerWeek: { unit: 'workflows', points: throughput },
        failuresPerWeek: { unit: 'failures', points: failures },
        manualEditsPerWeek: { unit: 'edits', points: manual },
      },
      tables: {},
    };
  },
});
