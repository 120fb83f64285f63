// Exception lateness: how long failures wait for a person, who owns them, how consistently they are fixed.
import { z } from 'zod';
import { pushTo } from './collect.js';
import { defineAnalyzer, notMeasurable } from './define-analyzer.js';
import { median, quantile, round, wilson } from './stats.js';

export default defineAnalyzer({
  meta: {
    id: 'exception-lateness',
    description: 'Detection lag of failed syncs, share detected late or never, ownership at detection, reassignments before recovery, consistency of recovery paths',
    needs: ['sync-failed', 'sync-succeeded', 'owner-changed', 'field-changed', 'created'],
    // failures are rare by nature: from three on, the lags are shown (flagged low-confidence under 30)
    minSample: 3,
  },
  options: z.object({ lateAfterHours: z.number().positive().default(24) }),
  analyze({ evidence }, ctx) {
    const incidents = evidence.failures.filter((f) => f.class === 'sync-failure');
    if (incidents.length === 0) {
      return notMeasurable('no failed integration runs in the inputs: there are no exceptions to time');
    }
    const late = ctx.options.lateAfterHours;
    const detected = incidents.filter((f) => f.detectionLagHours !== undefined);
    const lags = detected.map((f) => f.detectionLagHours!);
    const slowest = [...detected].sort((a, b) => b.detectionLagHours! - a.detectionLagHours! || (a.id < b.id ? -1 : 1));
    const lateOnes = detected.filter((f) => f.detectionLagHours! > late);
    const undetected = incidents.filter((f) => f.detectionLagHours === undefined && f.recoveryPath !== 'auto-retry');
    // ownership is only known where the handed-over record's system exports its owners
    const owned = detected.filter((f) => f.ownerlessAtDetection !== undefined);
    const ownerless = owned.filter((f) => f.ownerlessAtDetection);
    const humanHandled = incidents.filter((f) => f.recoveryPath !== 'auto-retry');

    // recovery consistency: per route, the share of incidents that took the route's most common path
    const paths = new Map<string, string[]>();
    for (const f of humanHandled) if (f.recoveryPath !== 'none') pushTo(paths, f.route, f.recoveryPath);
    const consistencyRows = [...paths].map(([route, list]) => {
      const counts = new Map<string, number>();
      for (const p of list) counts.set(p, (counts.get(p) ?? 0) + 1);
      const [modal, modalCount] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
      return { route, incidents: list.length, modalPath: modal, modalShare: round(modalCount / list.length, 4), paths: Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))) };
    });
    const recovered = consistencyRows.reduce((sum, r) => sum + r.incidents, 0);
    const consistent = consistencyRows.reduce((sum, r) => sum + Math.round(r.modalShare * r.incidents), 0);
    const recoveryHours = humanHandled.filter((f) => f.recoveryHours !== undefined).map((f) => f.recoveryHours!);
    const reassignments = humanHandled.map((f) => f.reassignments);

    return {
      status: 'ok',
      measures: {
        detectionLagP50: ctx.measure(quantile(lags, 0.5), { unit: 'hours', n: lags.length, evidence: slowest.map((f) => f.detection!), definition: 'hours from the first failed run to the first action of a person doing the flow\'s work (re-running it, creating what it creates, setting what it writes), else to the run that ended the incident', minSample: 3 }),
        detectionLagP90: ctx.measure(quantile(lags, 0.9), { unit: 'hours', n: lags.length, evidence: slowest.map((f) => f.detection!), definition: '90th percentile (type 7) of the same lags', minSample: 3 }),
        lateShare: ctx.measure(detected.length ? lateOnes.length / detected.length : undefined, { unit: 'share', n: detected.length, ci: wilson(lateOnes.length, detected.length), evidence: lateOnes.map((f) => f.id), definition: `detected failures whose detection lag exceeds ${late} h`, minSample: 3 }),
        undetectedShare: ctx.measure(humanHandled.length ? undetected.length / humanHandled.length : undefined, { unit: 'share', n: humanHandled.length, ci: wilson(undetected.length, humanHandled.length), evidence: undetected.map((f) => f.id), definition: 'failures no person had acted on by the end of the window (automatic retries excluded)', minSample: 3 }),
        ownerlessShare: ctx.measure(owned.length ? ownerless.length / owned.length : undefined, { unit: 'share', n: owned.length, ci: wilson(ownerless.length, owned.length), evidence: ownerless.map((f) => f.detection!), definition: 'detected failures whose handed-over record (the last one touched before the failed run) had no owner at detection; CRM records always have one; records of systems that export no owners are left out', minSample: 3 }),
        reassignmentsMedian: ctx.measure(median(reassignments), { unit: 'reassignments', n: reassignments.length, evidence: humanHandled.filter((f) => f.reassignments > 0).map((f) => f.id), definition: 'owner or team changes on the workflow between failure and recovery, median per failure', minSample: 3 }),
        recoveryConsistency: ctx.measure(recovered ? consistent / recovered : undefined, { unit: 'share', n: recovered, evidence: humanHandled.filter((f) => f.recovery).map((f) => f.recovery!), definition: 'share of recovered failures that took the most common recovery path of their flow (replay, manual creation, manual edit)', minSample: 3 }),
        recoveryHoursP50: ctx.measure(quantile(recoveryHours, 0.5), { unit: 'hours', n: recoveryHours.length, evidence: humanHandled.filter((f) => f.recovery).map((f) => f.recovery!), definition: 'median hours from the first failed run to the recovery', minSample: 3 }),
      },
      series: {},
      tables: {
        recoveryPaths: consistencyRows.sort((a, b) => b.incidents - a.incidents || a.route.localeCompare(b.route)),
        lagHistogram: histogram(lags),
      },
    };
  },
});

const BUCKETS = [1, 4, 8, 24, 48, 72, 168];

/** Detection lags in buckets people read: under 1 h, 1–4 h, … over a week. */
function histogram(lags: readonly number[]): { bucket: string; failures: number }[] {
  const rows = [...BUCKETS.map((upper, i) => ({ bucket: `${i === 0 ? 0 : BUCKETS[i - 1]}–${upper} h`, failures: 0 })), { bucket: `> ${BUCKETS.at(-1)} h`, failures: 0 }];
  for (const lag of lags) {
    const index = BUCKETS.findIndex((upper) => lag <= upper);
    rows[index === -1 ? rows.length - 1 : index]!.failures++;
  }
  return rows;
}
