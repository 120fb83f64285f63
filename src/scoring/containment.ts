// The guide's containment path: the handoff routes that cost most, who writes each synced field,
// who owns each failure class, the one workflow to target with recovery criteria, and what to monitor.
import { countPerWeek, pushTo } from '../analyzers/collect.js';
import { median, quantile, round } from '../analyzers/stats.js';
import { HANDOFF_FAILURE_CLASSES } from '../analyzers/failure-frequency.js';
import { fieldKey, isPerson } from '../correlate/evidence.js';
import type { AnalysisRun } from '../pipeline.js';
import type { AxisScore } from './score.js';

export interface RouteRisk {
  route: string;
  failures: number;
  workflows: number;
  /** lead time the route's failures added over the median workflow without failure */
  addedLeadTimeHours: number;
  detectionLagP50Hours: number | null;
  share: number;
  /** the team that most often detected this route's failures, and how often */
  owner: { team: string; share: number } | null;
  evidence: string[];
}

export interface FieldWriters {
  field: string;
  integration: number;
  people: number;
  teams: string[];
  dualWriter: boolean;
}

export interface RecoveryCriterion {
  metric: string;
  now: number;
  target: number;
  unit: string;
  text: string;
}

/** Who handles each class of failure (the escalation ownership of the guide's containment path). */
export interface FailureClassOwner {
  class: string;
  incidents: number;
  /** the team most often acting on this class: the detecting person's team, or the team holding the bounced or reopened record */
  owner: { team: string; share: number } | null;
}

export interface Containment {
  routes: RouteRisk[];
  failureClasses: FailureClassOwner[];
  systemOfRecord: FieldWriters[];
  target: { route: string; why: string; criteria: RecoveryCriterion[] } | null;
  monitoring: { metric: string; keepAt: string; alertAt: string }[];
}

/** Builds the containment path from the run's evidence and the axis scores. */
export function planContainment(run: AnalysisRun, axes: readonly AxisScore[]): Containment {
  const { evidence, weeks, events } = run;
  const failures = evidence.failures.filter((f) => (HANDOFF_FAILURE_CLASSES as readonly string[]).includes(f.class));
  const failed = new Set(failures.map((f) => f.workflow));
  const without = [...evidence.leadTimes].filter(([id]) => !failed.has(id)).map(([, l]) => l.hours);
  const baseline = median(without) ?? 0;
  const teams = evidence.actorTeams;

  const byRoute = new Map<string, typeof failures>();
  for (const f of failures) pushTo(byRoute, f.route, f);
  const routes: RouteRisk[] = [...byRoute]
    .map(([route, list]) => {
      const workflows = [...new Set(list.map((f) => f.workflow).filter((w): w is string => w !== undefined))];
      // a failure after the work was delivered (a failed write-back) cannot have lengthened delivery
      const delaying = new Set(list.filter((f) => f.workflow && evidence.leadTimes.has(f.workflow) && f.at <= evidence.leadTimes.get(f.workflow)!.end.at).map((f) => f.workflow!));
      const added = [...delaying].reduce((sum, w) => sum + Math.max(0, evidence.leadTimes.get(w)!.hours - baseline), 0);
      const lags = list.filter((f) => f.detectionLagHours !== undefined).map((f) => f.detectionLagHours!);
      const detectors = new Map<string, number>();
      for (const f of list) {
        if (!f.detection || !isPerson(f.detection.actor)) continue;
        const team = teams.get(f.detection.actor.id) ?? (f.detection.actor.name ? teams.get(f.detection.actor.name) : undefined) ?? 'unknown';
        detectors.set(team, (detectors.get(team) ?? 0) + 1);
      }
      const detected = [...detectors.values()].reduce((a, b) => a + b, 0);
      const top = [...detectors].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      return {
        route,
        failures: list.length,
        workflows: workflows.length,
        addedLeadTimeHours: round(added, 1),
        detectionLagP50Hours: lags.length ? round(median(lags)!, 1) : null,
        share: round(list.length / failures.length, 3),
        owner: top ? { team: top[0], share: round(top[1] / detected, 3) } : null,
        evidence: list.slice(0, 5).map((f) => f.id),
      };
    })
    .sort((a, b) => b.addedLeadTimeHours - a.addedLeadTimeHours || b.failures - a.failures || a.route.localeCompare(b.route));

  // who writes each field that an integration also writes
  const writers = new Map<string, { integration: number; people: number; teams: Set<string> }>();
  const synced = new Set(evidence.syncedFields);
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    if (event.kind !== 'field-changed' || !event.field) continue;
    const key = fieldKey(event);
    if (!synced.has(key)) continue;
    const entry = writers.get(key) ?? { integration: 0, people: 0, teams: new Set<string>() };
    if (event.actor.type === 'integration') entry.integration++;
    else if (isPerson(event.actor)) {
      entry.people++;
      entry.teams.add(teams.get(event.actor.id) ?? (event.actor.name ? teams.get(event.actor.name) : undefined) ?? 'unknown');
    }
    writers.set(key, entry);
  }
  const systemOfRecord = [...writers]
    .map(([field, w]) => ({ field, integration: w.integration, people: w.people, teams: [...w.teams].sort(), dualWriter: w.integration > 0 && w.people > 0 }))
    .sort((a, b) => Number(b.dualWriter) - Number(a.dualWriter) || b.people - a.people || a.field.localeCompare(b.field));

  const teamOf = (actor: { id: string; name?: string | undefined }) => teams.get(actor.id) ?? (actor.name ? teams.get(actor.name) : undefined);
  const classes = new Map<string, Map<string, number>>();
  const classCounts = new Map<string, number>();
  for (const f of evidence.failures) {
    classCounts.set(f.class, (classCounts.get(f.class) ?? 0) + 1);
    const team = f.detection && isPerson(f.detection.actor) ? teamOf(f.detection.actor) : f.events.at(-1)?.team;
    if (!team) continue;
    const tally = classes.get(f.class) ?? new Map<string, number>();
    tally.set(team, (tally.get(team) ?? 0) + 1);
    classes.set(f.class, tally);
  }
  const failureClasses = [...classCounts]
    .map(([failureClass, incidents]) => {
      const tally = classes.get(failureClass);
      const seen = tally ? [...tally.values()].reduce((a, b) => a + b, 0) : 0;
      const top = tally ? [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] : undefined;
      return { class: failureClass, incidents, owner: top ? { team: top[0], share: round(top[1] / seen, 3) } : null };
    })
    .sort((a, b) => b.incidents - a.incidents || a.class.localeCompare(b.class));

  const worst = axes.filter((a) => a.band === 'remediation-sprint' || a.band === 'watch');
  const top = routes[0];
  let target: Containment['target'] = null;
  if (top && worst.length) {
    const list = byRoute.get(top.route)!;
    const active = weeks.filter((week) => run.activeWeeks.has(week));
    // counted in one pass: filtering the route's failures once per week took 0.3 s at 5M events
    const perWeek = countPerWeek(list.map((f) => f.at), active).map((count) => count.value);
    const weekly = median(perWeek) ?? 0;
    const lags = list.filter((f) => f.detectionLagHours !== undefined).map((f) => f.detectionLagHours!);
    const lagP50 = median(lags);
    const owned = list.filter((f) => f.ownerlessAtDetection !== undefined);
    const ownerless = owned.length ? owned.filter((f) => f.ownerlessAtDetection).length / owned.length : undefined;
    const criteria: RecoveryCriterion[] = [];
    const peak = quantile(perWeek, 0.9) ?? weekly;
    criteria.push({
      metric: 'failures per week on this route',
      now: round(Math.max(weekly, 0), 1),
      target: Math.max(0, Math.floor(Math.max(weekly, peak) / 4)),
      unit: 'failures/week',
      text: `weekly failures on ${top.route} ${num(weekly)} (median; p90 ${num(peak)}) → ≤ ${Math.max(0, Math.floor(Math.max(weekly, peak) / 4))} in every week`,
    });
    if (lagP50 !== undefined) {
      const goal = Math.min(4, Math.max(1, Math.floor(lagP50 / 2)));
      criteria.push({ metric: 'median detection lag', now: round(lagP50, 1), target: goal, unit: 'hours', text: `median detection lag ${num(lagP50)} h → ≤ ${goal} h` });
    }
    if (ownerless !== undefined && ownerless > 0) {
      criteria.push({ metric: 'failures found with no owner', now: round(ownerless, 3), target: 0.05, unit: 'share', text: `failures found with no owner ${Math.round(ownerless * 100)}% → ≤ 5%` });
    }
    if (top.addedLeadTimeHours > 0 && top.workflows > 0) {
      const perWorkflow = top.addedLeadTimeHours / top.workflows;
      criteria.push({ metric: 'lead time added per affected workflow', now: round(perWorkflow, 1), target: round(perWorkflow / 4, 1), unit: 'hours', text: `lead time added per affected workflow ${num(perWorkflow)} h → ≤ ${num(perWorkflow / 4)} h` });
    }
    // disagreement is a criterion only where this route's failures fall inside the stretch the tools disagree
    const failedAt = new Map<string, string[]>();
    for (const f of list) if (f.workflow) pushTo(failedAt, f.workflow, f.at);
    const disagreeing = evidence.disagreements
      .filter((d) => d.hours > DISAGREEMENT_TOLERANCE_HOURS && (failedAt.get(d.workflow) ?? []).some((at) => at >= d.from.at && (!d.until || at <= d.until.at)))
      .map((d) => d.hours);
    const disagreementP50 = disagreeing.length >= 5 ? median(disagreeing) : undefined;
    if (disagreementP50 !== undefined) {
      criteria.push({ metric: 'median disagreement between tools', now: round(disagreementP50, 1), target: 8, unit: 'hours', text: `median time the tools disagree on done-ness after a failure here ${num(disagreementP50)} h → ≤ 8 h` });
    }
    target = {
      route: top.route,
      why: `${top.failures} of ${failures.length} handoff failures (${Math.round(top.share * 100)}%), adding ${num(top.addedLeadTimeHours)} h of lead time across ${top.workflows} workflows; ${ownership(top.owner)}`,
      criteria,
    };
  }

  const monitoring = axes.flatMap((axis) =>
    axis.signals.map((signal) => ({
      metric: signal.metric,
      keepAt: `${signal.manageAt < signal.sprintAt ? '≤' : '≥'} ${signal.manageAt}`,
      alertAt: `${signal.manageAt < signal.sprintAt ? '≥' : '≤'} ${signal.sprintAt}`,
    })),
  );
  return { routes, failureClasses, systemOfRecord, target, monitoring };
}

/** Who owns a route's detection, in words: a team that catches most of its failures, or nobody. */
function ownership(owner: RouteRisk['owner']): string {
  if (!owner) return 'no person was seen detecting its failures';
  if (owner.share >= 0.5) return `${owner.team} detects ${Math.round(owner.share * 100)}% of its failures`;
  return `no team owns its detection (the most frequent, ${owner.team}, caught ${Math.round(owner.share * 100)}%)`;
}

/** The tolerance the operational-confidence analyzer uses by default. */
const DISAGREEMENT_TOLERANCE_HOURS = 4;

function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value >= 10 ? 0 : 1);
}

