// Plain-language findings that quote the numbers behind each axis.
import type { AnalyzerResult, Measure, MeasureResult } from '../analyzers/define-analyzer.js';
import type { AxisId } from './matrix.js';

function measure(results: readonly AnalyzerResult[], analyzer: string, name: string): Measure | undefined {
  const m: MeasureResult | undefined = results.find((r) => r.id === analyzer)?.measures[name];
  return m?.status === 'ok' ? m : undefined;
}

/** `12.5%` */
export function percent(value: number): string {
  return `${(value * 100).toFixed(value < 0.1 && value > 0 ? 1 : 0)}%`;
}

/** `2.3` (at most one decimal, none for whole numbers) */
export function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 10 ? 0 : 1);
}

function hours(value: number): string {
  return value >= 48 ? `${num(value)} h (${num(value / 24)} days)` : `${num(value)} h`;
}

const ciText = (m: Measure, unit: (v: number) => string) => (m.ci ? `, 95% interval ${unit(m.ci[0])}–${unit(m.ci[1])}` : '');

/** Sentences for one axis; each names its numbers and how many observations they rest on. */
export function describeAxis(axis: AxisId, results: readonly AnalyzerResult[]): string[] {
  const get = (analyzer: string, name: string) => measure(results, analyzer, name);
  const lines: string[] = [];
  if (axis === 'failureFrequency') {
    const weeks = get('failure-frequency', 'weeksWithFailuresShare');
    const perWeek = get('failure-frequency', 'failuresPerWeekMedian');
    const total = get('failure-frequency', 'failures');
    if (weeks && total) lines.push(`handoff failures in ${Math.round(weeks.value * weeks.n)} of ${weeks.n} active weeks (${percent(weeks.value)}); ${num(total.value)} in all${perWeek ? `, median ${num(perWeek.value)} per week` : ''}`);
    const runs = get('failure-frequency', 'failedRunShare');
    if (runs) lines.push(`${percent(runs.value)} of ${runs.n} integration runs failed${ciText(runs, percent)}`);
    const escalations = get('failure-frequency', 'escalationsPerFailure');
    if (escalations) lines.push(`${num(escalations.value)} escalations per failure (n=${escalations.n})`);
    const growth = get('trends', 'failureGrowthOverVolume');
    if (growth) lines.push(growth.value > 0 ? `failures grow ${num(growth.value * 100)} points a week faster than volume` : `failures do not grow faster than volume (${num(growth.value * 100)} points a week)`);
  } else if (axis === 'reconciliationLoad') {
    const teams = get('reconciliation-load', 'teamsInvolved');
    const table = results.find((r) => r.id === 'reconciliation-load')?.tables.teams as { team: string; involved: boolean }[] | undefined;
    const edits = get('reconciliation-load', 'edits');
    if (teams && edits) lines.push(`${num(teams.value)} team${teams.value === 1 ? '' : 's'} reconcile synced records by hand in a quarter of the weeks or more${table ? ` (${table.filter((t) => t.involved).map((t) => t.team).join(', ') || 'none'})` : ''}; ${num(edits.value)} manual edits, creations and merges in all`);
    const busiest = get('reconciliation-load', 'busiestTeamEditsPerWeek');
    if (busiest) lines.push(`the busiest team makes a median ${num(busiest.value)} hand edits a week`);
    const repetitive = get('reconciliation-load', 'repetitiveShare');
    if (repetitive) lines.push(`${percent(repetitive.value)} of the edits hit a field corrected three or more times`);
    const growth = get('trends', 'manualGrowthOverThroughput');
    if (growth) lines.push(growth.value > 0 ? `manual work grows ${num(growth.value * 100)} points a week faster than finished workflows` : `manual work does not outgrow throughput (${num(growth.value * 100)} points a week)`);
  } else if (axis === 'exceptionVisibility') {
    const p50 = get('exception-lateness', 'detectionLagP50');
    const p90 = get('exception-lateness', 'detectionLagP90');
    if (p50) lines.push(`median detection lag ${hours(p50.value)}${p90 ? `, p90 ${hours(p90.value)}` : ''} (n=${p50.n} failures)`);
    const late = get('exception-lateness', 'lateShare');
    if (late) lines.push(`${percent(late.value)} detected after 24 h${ciText(late, percent)}`);
    const ownerless = get('exception-lateness', 'ownerlessShare');
    if (ownerless) lines.push(`${percent(ownerless.value)} found with nobody assigned on the customer's ticket (n=${ownerless.n})`);
    const consistency = get('exception-lateness', 'recoveryConsistency');
    if (consistency) lines.push(`${percent(consistency.value)} of recoveries took their flow's usual path`);
    const undetected = get('exception-lateness', 'undetectedShare');
    if (undetected && undetected.value > 0) lines.push(`${percent(undetected.value)} never acted on within the export window`);
  } else if (axis === 'leadTimeImpact') {
    const withF = get('lead-time-drag', 'leadTimeWithFailureP50');
    const without = get('lead-time-drag', 'leadTimeWithoutFailureP50');
    const diff = get('lead-time-drag', 'medianDifference');
    if (withF && without) lines.push(`workflows with a handoff failure take a median ${hours(withF.value)} against ${hours(without.value)} without (n=${withF.n} and ${without.n})`);
    if (diff) lines.push(`difference ${diff.value >= 0 ? '+' : ''}${num(diff.value)} h${ciText(diff, num)}${diff.ci && diff.ci[0] <= 0 ? ' — the interval includes no difference' : ''}`);
    const affected = get('lead-time-drag', 'affectedShare');
    if (affected) lines.push(`${percent(affected.value)} of ${affected.n} finished workflows were hit by a failure`);
  } else {
    const share = get('operational-confidence', 'disagreementShare');
    const p50 = get('operational-confidence', 'disagreementHoursP50');
    const open = get('operational-confidence', 'unresolvedDisagreements');
    if (share) lines.push(`tools disagreed on whether the work is done in ${percent(share.value)} of ${share.n} workflows tracked in two or more systems`);
    if (p50) lines.push(`a disagreement lasts a median ${hours(p50.value)} (n=${p50.n})`);
    if (open && open.value > 0) lines.push(`${num(open.value)} workflows still disagree at the end of the window`);
    const manual = get('operational-confidence', 'manualVerifications');
    if (manual && manual.value > 0) lines.push(`${num(manual.value)} status fields set by hand where the integration should have`);
  }
  return lines;
}
