// Ground truth: on every sample company, the analyzers recover what the generator planted
// (samples/<company>/truth.json), within the tolerances stated beside each assertion.
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/analyzers/define-analyzer.js';
import { median } from '../../src/analyzers/stats.js';
import { weekOf } from '../../src/analyzers/weeks.js';
import { findMeasure } from '../../src/scoring/score.js';
import { analyseSample, COMPANIES, truthWeeks } from '../support/samples.js';

const value = (run: Awaited<ReturnType<typeof analyseSample>>['run'], metric: string) => {
  const m = findMeasure(run.results, metric);
  if (m?.status !== 'ok') throw new Error(`${metric} was not measured: ${m && 'reason' in m ? m.reason : 'absent'}`);
  return (m as Measure).value;
};

/** |a − b| ≤ max(absolute, relative × |b|) */
const near = (actual: number, expected: number, relative: number, absolute = 0) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.max(absolute, relative * Math.abs(expected)));

describe.each(COMPANIES)('ground truth of %s', (company) => {
  it('counts the failed handoffs of every planted week exactly', async () => {
    const { truth, run } = await analyseSample(company);
    const weeks = truthWeeks(truth);
    const incidents = run.evidence.failures.filter((f) => f.class === 'sync-failure');
    const perWeek = weeks.map((week) => incidents.filter((f) => weekOf(f.at) === week).length);
    // tolerance: none — every planted failure is one failed run of one flow for one workflow
    expect(perWeek).toEqual(truth.failures.realisedPerWeek);
    // failures after the planted weeks (write-backs of the last workflows) may or may not reach the exports
    expect(incidents.length).toBeGreaterThanOrEqual(truth.failures.total);
    expect(incidents.length).toBeLessThanOrEqual(truth.failures.total + (truth.failures.failuresAfterSpan ?? 0));
    expect(perWeek.filter((n: number) => n > 0).length).toBe(truth.failures.weeksWithFailures);
  });

  it('links every planted workflow across systems', async () => {
    const { truth, run } = await analyseSample(company);
    // tolerance: ±1 % (a duplicate or a missing link may split or fold one workflow)
    near(run.correlation.workflows.length, truth.workflows.total, 0.01, 1);
  });

  it('recovers the detection-lag distribution', async () => {
    const { truth, run } = await analyseSample(company);
    // tolerance: 15 % or 0.5 h — a replay's operator is not exported, so a replayed failure is
    // detected when the replay lands, after the planted detection
    near(value(run, 'exception-lateness.detectionLagP50'), truth.detectionLag.realised.p50Hours, 0.15, 0.5);
    near(value(run, 'exception-lateness.detectionLagP90'), truth.detectionLag.realised.p90Hours, 0.15, 0.5);
  });

  it('recovers the share of failures found with no owner', async () => {
    const { truth, run } = await analyseSample(company);
    // tolerance: ±5 points
    near(value(run, 'exception-lateness.ownerlessShare'), truth.ownerlessAtDetection.realised.share, 0, 0.05);
  });

  it('recovers the lead time of workflows with and without a failure', async () => {
    const { truth, run } = await analyseSample(company);
    const realised = truth.leadTime.realised;
    const withFailure = [...run.evidence.leadTimes].filter(([id]) => run.evidence.failures.some((f) => f.class === 'sync-failure' && f.workflow === id));
    const without = [...run.evidence.leadTimes].filter(([id]) => !withFailure.some(([w]) => w === id));
    // tolerance: 2 % of the median, and the group sizes within 2 workflows
    near(median(without.map(([, l]) => l.hours))!, realised.medianWithoutFailure, 0.02);
    near(without.length, realised.withoutFailure, 0, 2);
    near(withFailure.length, realised.withFailure, 0, 2);
    if (realised.withFailure >= 10) near(value(run, 'lead-time-drag.leadTimeWithFailureP50'), realised.medianWithFailure, 0.02);
  });

  it('recovers the reconciliation edits of every visible team, week by week', async () => {
    const { truth, run } = await analyseSample(company);
    const weeks = truthWeeks(truth);
    const planted = truth.reconciliation.planted as { team: string; visible?: boolean }[];
    for (const [team, series] of Object.entries(truth.reconciliation.realisedPerTeamPerWeek as Record<string, number[]>)) {
      if (planted.find((p) => p.team === team)?.visible === false) continue;
      const ours = weeks.map((week) => run.evidence.reconciliation.filter((r) => r.kind === 'field-edit' && r.team === team && weekOf(r.event.at) === week).length);
      // tolerance: total within 5 %, each week within 2 edits
      near(ours.reduce((a, b) => a + b, 0), series.reduce((a, b) => a + b, 0), 0.05, 1);
      ours.forEach((n, i) => near(n, series[i]!, 0, 2));
    }
  });

  it('recovers how long the tools disagree after a failed write-back', async () => {
    const { truth, run } = await analyseSample(company);
    const realised = truth.stageDisagreement.realised;
    // a healthy write-back lands within minutes: what lasts over half an hour is a disagreement
    const all = run.evidence.disagreements.filter((d) => d.hours > 0.5);
    // tolerance: count within 2 workflows; median within 25 % or 1 h (with several disagreements)
    near(all.length, realised.workflows, 0, 2);
    if (realised.workflows >= 5) near(median(all.map((d) => d.hours))!, realised.medianHours, 0.25, 1);
  });

  it('recovers escalations per failure', async () => {
    const { truth, run } = await analyseSample(company);
    const escalations = run.evidence.failures.filter((f) => f.class === 'sync-failure').reduce((sum, f) => sum + f.escalations.length, 0);
    // tolerance: ±10 % or 1
    near(escalations, truth.failures.escalations, 0.1, 1);
  });

  it('recovers volume growth and failure growth', async () => {
    const { truth, run } = await analyseSample(company);
    // tolerance: ±2.5 points a week (weekly growth fitted on 16–18 noisy weeks)
    near(value(run, 'trends.volumeGrowth'), truth.volume.realisedGrowth, 0, 0.025);
    if (truth.failures.total / truth.span.weeks >= 3) near(value(run, 'trends.failureGrowth'), truth.failures.realisedGrowth, 0, 0.025);
  });

  it('scores each axis in the band the company was built for', async () => {
    const { truth, scorecard } = await analyseSample(company);
    const bands = Object.fromEntries(scorecard.axes.map((axis) => [axis.id, axis.band]));
    expect(bands).toEqual(truth.intendedBands);
  });
});
