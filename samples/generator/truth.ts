// Ground truth: the planted parameters and the values realised in the generated data, accumulated while streaming.
import type { CompanyPlan } from './companies.js';
import { FLOWS, type Workflow } from './model.js';
import type { Planted } from './output.js';
import { plannedEdits, plannedRate, plannedVolume } from './simulate.js';
import { HOUR, isoWeekLabel, isoWeekStart } from './time.js';

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return round(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo));
}

/** Least-squares slope of log(counts) per week, as a weekly growth rate. */
function growth(series: number[]): number | null {
  const points = series.map((y, x) => [x, Math.log(y + 1)] as const);
  if (points.length < 2) return null;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? null : round(Math.exp(num / den) - 1, 4);
}

export class TruthBuilder {
  private workflows = 0;
  private withFailure = 0;
  private volume = new Map<string, number>();
  private failuresByWeek = new Map<string, number>();
  private runsByWeek = new Map<string, number>();
  private escalations = 0;
  private lags: number[] = [];
  private ownerless = 0;
  private ticketStageFailures = 0;
  private ticketStageOwnerless = 0;
  private paths: Record<string, Record<string, number>> = {};
  private recon = new Map<string, Map<string, number>>();
  private leadWith: number[] = [];
  private leadWithout: number[] = [];
  private disagreement: number[] = [];
  private missingLinks = { ticket: 0, issue: 0 };
  private duplicates = 0;
  private detectorTeams = new Map<string, number>();
  private first = Infinity;
  private last = -Infinity;
  private failureList: unknown[] = [];

  constructor(
    private readonly plan: CompanyPlan,
    private readonly weeks: number,
    private readonly keepList: boolean,
  ) {}

  add(wf: Workflow): void {
    this.workflows++;
    const week = isoWeekLabel(wf.closedWonAt);
    this.volume.set(week, (this.volume.get(week) ?? 0) + 1);
    this.first = Math.min(this.first, wf.closedWonAt);
    this.last = Math.max(this.last, wf.closedWonAt);
    for (const run of wf.runs) if (run.replayOf === undefined) this.runsByWeek.set(isoWeekLabel(run.startedAt), (this.runsByWeek.get(isoWeekLabel(run.startedAt)) ?? 0) + 1);
    if (wf.failures.length) this.withFailure++;
    for (const f of wf.failures) {
      const w = isoWeekLabel(f.at);
      this.failuresByWeek.set(w, (this.failuresByWeek.get(w) ?? 0) + 1);
      if (f.escalated) this.escalations++;
      this.lags.push((f.detectedAt - f.at) / HOUR);
      if (f.ownerless) this.ownerless++;
      if (f.flow !== 'deal-to-ticket') {
        this.ticketStageFailures++;
        if (f.ownerless) this.ticketStageOwnerless++;
      }
      (this.paths[f.flow] ??= {})[f.path] = (this.paths[f.flow]![f.path] ?? 0) + 1;
      this.detectorTeams.set(f.detectedBy.team, (this.detectorTeams.get(f.detectedBy.team) ?? 0) + 1);
      if (this.keepList) {
        this.failureList.push({
          crmId: wf.crmId,
          flow: f.flow,
          failedAt: new Date(f.at).toISOString(),
          detectedAt: new Date(f.detectedAt).toISOString(),
          detectedBy: f.detectedBy.name,
          detectorTeam: f.detectedBy.team,
          lagHours: round((f.detectedAt - f.at) / HOUR),
          path: f.path,
          recoveredAt: new Date(f.recoveredAt).toISOString(),
          ownerless: f.ownerless,
          escalated: f.escalated,
        });
      }
    }
    for (const change of [...wf.crmChanges, ...wf.tickets.flatMap((t) => t.changes), ...(wf.issue?.changes ?? [])]) {
      if (change.cause !== 'reconciliation') continue;
      const byWeek = this.recon.get(change.actor.team) ?? new Map<string, number>();
      const w = isoWeekLabel(change.at);
      byWeek.set(w, (byWeek.get(w) ?? 0) + 1);
      this.recon.set(change.actor.team, byWeek);
    }
    if (wf.doneAt !== undefined) {
      const lead = (wf.doneAt - wf.closedWonAt) / HOUR;
      (wf.failures.length ? this.leadWith : this.leadWithout).push(lead);
    }
    if (wf.failures.some((f) => f.flow === 'issue-to-crm')) this.disagreement.push(wf.disagreementHours);
    if (wf.missingLink) this.missingLinks[wf.missingLink]++;
    this.duplicates += wf.tickets.length - 1;
  }

  build(files: { file: string; rows: number; bytes: number; zone: string }[], planted: Planted[], history: Record<string, { in: string; visible: boolean; why?: string }>): unknown {
    const plan = this.plan;
    const start = Date.parse(`${plan.start}T00:00:00Z`);
    const weekLabels = Array.from({ length: this.weeks }, (_, i) => isoWeekLabel(start + i * 7 * 86_400_000));
    const series = (map: Map<string, number>) => weekLabels.map((w) => map.get(w) ?? 0);
    const failures = series(this.failuresByWeek);
    const volume = series(this.volume);
    const allFailures = [...this.failuresByWeek.values()].reduce((a, b) => a + b, 0);
    const reconTeams = [...this.recon.keys()].sort();
    const reconSeries = Object.fromEntries(reconTeams.map((t) => [t, series(this.recon.get(t)!)]));
    const reconTotal = weekLabels.map((_, i) => reconTeams.reduce((s, t) => s + reconSeries[t]![i]!, 0));
    const lateOutside = [...this.failuresByWeek.keys()].filter((w) => !weekLabels.includes(w)).length;
    return {
      company: { id: plan.id, name: plan.name, description: plan.description, zone: plan.zone, systems: plan.systems },
      span: {
        firstClosedWon: new Date(this.first).toISOString(),
        lastClosedWon: new Date(this.last).toISOString(),
        weeks: this.weeks,
        weekStarts: 'ISO weeks starting Monday 00:00 UTC',
        firstWeek: weekLabels[0],
        firstWeekStart: new Date(isoWeekStart(start)).toISOString(),
      },
      workflows: { total: this.workflows, withFailure: this.withFailure, missingLinks: this.missingLinks, duplicateTickets: this.duplicates },
      volume: { planted: { perWeek: plan.volume.perWeek, growth: plan.volume.growth }, weeks: weekLabels, realisedPerWeek: volume, realisedGrowth: growth(volume) },
      failures: {
        planted: { perRunRate: plan.failures.rate, weeklyTrend: plan.failures.trend, ratePerWeek: weekLabels.map((_, i) => round(plannedRate(plan, i), 4)), flowMix: plan.failures.flowMix },
        realisedPerWeek: failures,
        failuresAfterSpan: lateOutside,
        total: allFailures,
        firstRunsPerWeek: series(this.runsByWeek),
        weeksWithFailures: failures.filter((n) => n > 0).length,
        realisedGrowth: growth(failures),
        escalations: this.escalations,
        plantedEscalationShare: plan.failures.escalation,
      },
      detectionLag: {
        planted: { medianHours: plan.failures.detectionMedianHours, sigma: plan.failures.detectionSigma, note: 'lognormal lag, then moved to the next business moment (Mon–Fri 8–18 local) when it lands outside hours' },
        realised: { p50Hours: quantile(this.lags, 0.5), p90Hours: quantile(this.lags, 0.9), count: this.lags.length },
        detectorTeams: Object.fromEntries([...this.detectorTeams].sort()),
      },
      ownerlessAtDetection: {
        definition: 'the workflow ticket exists and has no assignee when the failure is detected; deal→ticket failures (no ticket yet) count as owned by the deal owner',
        planted: { unassignedWhilePending: plan.failures.unassignedWhilePending },
        realised: { share: this.lags.length ? round(this.ownerless / this.lags.length, 3) : null, ticketStageShare: this.ticketStageFailures ? round(this.ticketStageOwnerless / this.ticketStageFailures, 3) : null, count: this.ownerless },
      },
      recoveryPaths: { planted: plan.failures.recovery, realised: this.paths },
      reconciliation: {
        // whether the exports can show a team's edits: the export holding the edited field's history (or only its current value)
        planted: plan.reconciliation.map((team) => ({ ...team, ...history[team.system]! })),
        teams: reconTeams,
        visibleTeams: reconTeams.filter((t) => plan.reconciliation.some((p) => p.team === t && history[p.system]!.visible)),
        realisedPerTeamPerWeek: reconSeries,
        realisedTotalPerWeek: reconTotal,
        realisedGrowth: growth(reconTotal),
        note: 'human edits of the go-live date, a field the integration also writes (CRM Go-Live Date, ticket go-live field, issue go-live field)',
      },
      teams: plan.teams,
      leadTime: {
        definition: 'closed won → delivery issue done, hours',
        planted: { addedHours: `detection lag (median ${plan.failures.detectionMedianHours} h) + recovery (median ${plan.failures.recoveryMedianHours} h) on deal→ticket and ticket→issue failures; none on write-back failures` },
        realised: { medianWithFailure: quantile(this.leadWith, 0.5), medianWithoutFailure: quantile(this.leadWithout, 0.5), withFailure: this.leadWith.length, withoutFailure: this.leadWithout.length },
      },
      stageDisagreement: {
        definition: 'hours from issue done until both the ticket is solved and the CRM says Delivered, on workflows whose write-back failed',
        realised: { workflows: this.disagreement.length, totalHours: round(this.disagreement.reduce((a, b) => a + b, 0)), medianHours: quantile(this.disagreement, 0.5) },
      },
      volumeVsFailureGrowth: { volume: growth(volume), failures: growth(failures), manualWork: growth(reconTotal) },
      intendedBands: plan.intended,
      rationale: plan.rationale,
      files,
      malformedRows: planted.map((p) => ({ file: p.file, line: p.line, code: p.code, what: p.what })).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line),
      ...(this.keepList ? { failureList: this.failureList } : {}),
    };
  }
}

export { FLOWS, plannedEdits, plannedVolume };
