// Derived facts every analyzer reads: handoffs, failure incidents with their detection and recovery,
// reconciliation edits, and stage agreement — computed once, each citing the events behind it.
import type { HandoffEvent } from '../model/index.js';
import { findTeamHandoffs, recordKey, type TeamHandoff } from './handoffs.js';
import { canonicalStage, type CanonicalStage, type StageRules } from './stages.js';
import { takeEventGroups, type Correlation, type EventGroups } from './workflows.js';

/** Responsibility moving from one system to another: the first event of a record after the trigger in another system. */
export interface SystemHandoff {
  workflow: string;
  from: string;
  to: string;
  /** the last event in another system before the record appeared */
  trigger: HandoffEvent;
  /** the first event of the receiving record */
  arrival: HandoffEvent;
  latencyHours: number;
}

export type FailureClass = 'sync-failure' | 'silent-miss' | 'ping-pong' | 'reopen';
export type RecoveryPath = 'replay' | 'manual-create' | 'manual-edit' | 'auto-retry' | 'none';

/** One handoff that went wrong, from the first failing event to its recovery. */
export interface FailureIncident {
  id: string;
  class: FailureClass;
  at: string;
  workflow?: string;
  /** the record the failure belongs to (the run, or the record that bounced) */
  record: string;
  /** the integration flow (Zap, recipe) or team route */
  route: string;
  /** every event of the incident: the failing runs, the bounce */
  events: HandoffEvent[];
  /** the first action of a person doing the failed flow's work, else the run that ended the incident */
  detection?: HandoffEvent;
  detectionLagHours?: number;
  /** the customer's ticket (else the delivery issue) had no assignee at detection; absent when the export shows no owners */
  ownerlessAtDetection?: boolean;
  recovery?: HandoffEvent;
  /** the rest of the fix: the same flow's work done by hand right after the recovery (the CRM status after the ticket) */
  followUps: HandoffEvent[];
  recoveryPath: RecoveryPath;
  recoveryHours?: number;
  /** owner or team changes on the workflow's records between failure and recovery */
  reassignments: number;
  escalations: HandoffEvent[];
  customerFacing: boolean;
}

/** A person editing by hand what an integration keeps in sync. */
export interface ReconciliationEdit {
  event: HandoffEvent;
  kind: 'field-edit' | 'manual-create' | 'merge';
  team: string;
  /** `system/type/field`, for repetitiveness */
  target: string;
}

/** A stretch of time in which a workflow's systems disagreed on whether the work is done. */
export interface Disagreement {
  workflow: string;
  /** when the first system said done */
  from: HandoffEvent;
  /** when the last system caught up (absent: still disagreeing at the end of the window) */
  until?: HandoffEvent;
  hours: number;
  systems: string[];
}

export interface Evidence {
  systemHandoffs: SystemHandoff[];
  teamHandoffs: TeamHandoff[];
  pingPongs: { first: TeamHandoff; back: TeamHandoff }[];
  failures: FailureIncident[];
  reconciliation: ReconciliationEdit[];
  disagreements: Disagreement[];
  /** workflows with a stage-carrying record in two or more systems (the base for disagreement shares) */
  comparableWorkflows: number;
  /** fields an integration writes, as `system/type/field` */
  syncedFields: string[];
  /** human actor → team, as inferred or configured */
  actorTeams: Map<string, string>;
  /** workflow → lead time: the CRM win (or the first event) to the delivery tracker saying done */
  leadTimes: Map<string, { start: HandoffEvent; end: HandoffEvent; hours: number }>;
  unmappedStates: { system: string; state: string; count: number }[];
}

export interface EvidenceOptions {
  stages?: StageRules;
  /** actor id or name → team */
  teams?: Record<string, string>;
  /** end of the analysis window: open stretches are measured up to it */
  windowEnd: string;
}

const HUMAN_FIX_KINDS = new Set(['sync-retried', 'sync-succeeded', 'sync-failed', 'created', 'field-changed', 'state-changed', 'resolved', 'merged']);

/**
 * A person, as far as the exports tell: integration accounts are marked by the vendor or the config,
 * the platform's own rules are `system`; an actor nothing marks is taken for a person (Salesforce
 * marks nobody); analysis.json and the reports give how many events rest on such actors.
 */
export function isPerson(actor: HandoffEvent['actor']): boolean {
  return actor.type === 'human' || actor.type === 'unknown';
}

/** Hand work on the same flow this soon after a manual recovery is part of that recovery. */
const FOLLOW_UP_MS = 3_600_000;

/** Escalations up to this long after the recovery still belong to the failure. */
const ESCALATION_GRACE_MS = 4 * 3_600_000;

/** A run that succeeds this soon after a failure, with no person in between, is an automatic retry. */
const AUTO_RETRY_MS = 15 * 60_000;

/** Integration work that follows a successful run of a flow within this long is that flow's doing. */
const FLOW_EFFECT_MS = 15 * 60_000;

/** Derives every fact the analyzers need, in one pass per kind of fact. */
export function deriveEvidence(events: readonly HandoffEvent[], correlation: Correlation, options: EvidenceOptions): Evidence {
  const { byWorkflow, eventsOfRecord } = takeEventGroups(correlation, events);
  const syncedFields = findSyncedFields(events);
  const integrationCreates = findIntegrationCreatedTypes(events);
  const actorTeams = inferActorTeams(events, options.teams ?? {});

  const teamHandoffs = findTeamHandoffs(events);
  const pingPongs = findPingPongs(teamHandoffs);
  const systemHandoffs = findSystemHandoffs(byWorkflow);
  const reconciliationCandidates = findReconciliation(events, eventsOfRecord, syncedFields, integrationCreates, actorTeams);
  const syncFailures = findSyncFailures(events, byWorkflow, eventsOfRecord, syncedFields, integrationCreates);
  const failures = [
    ...syncFailures,
    ...findSilentMisses(systemHandoffs, integrationCreates, syncFailures),
    ...pingPongs.map(({ first, back }) => bounceIncident(first, back)),
    ...events.filter((e) => e.kind === 'reopened').map(reopenIncident),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  // fixing a failed handoff is exception handling (measured as lateness), not routine reconciliation
  // events, not their ids: one event per id, and hashing 180,000 long ids cost 120 ms at 5M events
  const recoveryWork = new Set<HandoffEvent>();
  for (const failure of failures) {
    if (failure.detection) recoveryWork.add(failure.detection);
    if (failure.recovery) recoveryWork.add(failure.recovery);
    for (const followUp of failure.followUps) recoveryWork.add(followUp);
  }
  const reconciliation = reconciliationCandidates.filter((edit) => !recoveryWork.has(edit.event));
  const customerFacing = new Set(correlation.workflows.filter((w) => w.systemKinds.includes('support')).map((w) => w.id));
  for (const failure of failures) failure.customerFacing = failure.workflow !== undefined && customerFacing.has(failure.workflow);
  const stages = findDisagreements(byWorkflow, options);
  return {
    systemHandoffs,
    teamHandoffs,
    pingPongs,
    failures,
    reconciliation,
    disagreements: stages.disagreements,
    comparableWorkflows: stages.comparable,
    syncedFields: [...syncedFields].sort(),
    actorTeams,
    leadTimes: stages.leadTimes,
    unmappedStates: stages.unmapped,
  };
}

/** A field as `syncedFields` names it: `system/record type/field`. */
export function fieldKey(event: HandoffEvent): string {
  return `${event.system}/${event.record.type}/${event.field}`;
}

// Passes over all the events index them: run once each, `for…of` made an iterator result per event
// (about 40 MB a pass at 5M events) and took twice as long.

/** Fields some integration account writes: a person editing them is reconciling. */
function findSyncedFields(events: readonly HandoffEvent[]): Set<string> {
  const fields = new Set<string>();
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    if (event.kind === 'field-changed' && event.field && event.actor.type === 'integration') fields.add(fieldKey(event));
  }
  return fields;
}

/** Record types an integration creates (in at least a third of the creations seen): a person creating one is a workaround. */
function findIntegrationCreatedTypes(events: readonly HandoffEvent[]): Set<string> {
  const counts = new Map<string, { integration: number; all: number }>();
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    if (event.kind !== 'created') continue;
    const key = `${event.system}/${event.record.type}`;
    const count = counts.get(key) ?? { integration: 0, all: 0 };
    count.all++;
    if (event.actor.type === 'integration') count.integration++;
    counts.set(key, count);
  }
  return new Set([...counts].filter(([, c]) => c.integration * 3 >= c.all && c.integration > 0).map(([key]) => key));
}

/**
 * A person's team: configured first, else the team most often holding the records they take
 * ownership of or act on (ties broken by name), else `unknown`.
 */
function inferActorTeams(events: readonly HandoffEvent[], configured: Record<string, string>): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    if (!isPerson(event.actor)) continue;
    if (!event.team) continue;
    // an owner change names the new owner's team most reliably; any other action is a weaker vote
    const weight = event.kind === 'owner-changed' ? 3 : 1;
    const voter = event.kind === 'owner-changed' && event.to ? event.to : event.actor.id;
    const tally = votes.get(voter) ?? new Map<string, number>();
    tally.set(event.team, (tally.get(event.team) ?? 0) + weight);
    votes.set(voter, tally);
  }
  const teams = new Map<string, string>();
  for (const [actor, tally] of votes) {
    const best = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best) teams.set(actor, best[0]);
  }
  for (const [actor, team] of Object.entries(configured)) teams.set(actor, team);
  return teams;
}

function teamOf(event: HandoffEvent, teams: Map<string, string>): string {
  return teams.get(event.actor.id) ?? (event.actor.name ? teams.get(event.actor.name) : undefined) ?? 'unknown';
}

function findReconciliation(
  events: readonly HandoffEvent[],
  eventsOfRecord: EventGroups['eventsOfRecord'],
  synced: Set<string>,
  integrationCreates: Set<string>,
  teams: Map<string, string>,
): ReconciliationEdit[] {
  const edits: ReconciliationEdit[] = [];
  // fields a person fills while creating a record are part of the creation, not separate corrections;
  // the record's last creation is found in its own events (a map of every record's cost 30 MB at 5M)
  const atCreation = (event: HandoffEvent) => {
    const created = lastCreation(eventsOfRecord(recordKey(event)));
    // exports name one person differently (ServiceNow's list shows names, its audit user ids): any person will do
    return created !== undefined && isPerson(created.actor) && Math.abs(Date.parse(event.at) - Date.parse(created.at)) <= 60_000;
  };
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    if (!isPerson(event.actor)) continue;
    if (event.kind === 'field-changed' && event.field && synced.has(fieldKey(event)) && !atCreation(event)) {
      edits.push({ event, kind: 'field-edit', team: teamOf(event, teams), target: fieldKey(event) });
    } else if (event.kind === 'created' && integrationCreates.has(`${event.system}/${event.record.type}`)) {
      edits.push({ event, kind: 'manual-create', team: teamOf(event, teams), target: `${event.system}/${event.record.type}` });
    } else if (event.kind === 'merged') {
      edits.push({ event, kind: 'merge', team: teamOf(event, teams), target: `${event.system}/${event.record.type}` });
    }
  }
  return edits;
}

function lastCreation(events: readonly HandoffEvent[] | undefined): HandoffEvent | undefined {
  if (events === undefined) return undefined;
  for (let at = events.length - 1; at >= 0; at--) if (events[at]!.kind === 'created') return events[at];
  return undefined;
}

function findPingPongs(handoffs: readonly TeamHandoff[]): { first: TeamHandoff; back: TeamHandoff }[] {
  const byRecord = groupBy(handoffs, (h) => h.record);
  const bounces: { first: TeamHandoff; back: TeamHandoff }[] = [];
  for (const list of byRecord.values()) {
    for (let i = 1; i < list.length; i++) {
      const previous = list[i - 1]!;
      const current = list[i]!;
      if (current.from === previous.to && current.to === previous.from) bounces.push({ first: previous, back: current });
    }
  }
  return bounces;
}

function findSystemHandoffs(byWorkflow: Map<string, HandoffEvent[]>): SystemHandoff[] {
  const handoffs: SystemHandoff[] = [];
  for (const [workflow, list] of byWorkflow) {
    const seen = new Set<string>();
    let lastOther: HandoffEvent | undefined;
    const lastBySystem = new Map<string, HandoffEvent>();
    for (const event of list) {
      if (event.systemKind === 'integration') continue;
      const key = recordKey(event);
      if (!seen.has(key)) {
        seen.add(key);
        // the trigger: the latest event in any other system so far
        lastOther = undefined;
        for (const [system, last] of lastBySystem) if (system !== event.system && (!lastOther || last.at > lastOther.at)) lastOther = last;
        if (lastOther) {
          handoffs.push({
            workflow,
            from: lastOther.system,
            to: event.system,
            trigger: lastOther,
            arrival: event,
            latencyHours: (Date.parse(event.at) - Date.parse(lastOther.at)) / 3_600_000,
          });
        }
      }
      lastBySystem.set(event.system, event);
    }
  }
  return handoffs;
}

/** Current owner of a record at a time: the last owner change at or before it. */
function ownerAt(recordEvents: readonly HandoffEvent[], at: string): string | undefined {
  let owner: string | undefined;
  for (const event of recordEvents) {
    if (event.at > at) break;
    if (event.kind === 'owner-changed') owner = event.to || undefined;
  }
  return owner;
}

/** A new incident starting at `first`: nothing detected or recovered yet. */
function newIncident(first: HandoffEvent, failureClass: FailureClass, route: string, fields: Partial<FailureIncident> = {}): FailureIncident {
  return {
    id: first.id,
    class: failureClass,
    at: first.at,
    ...(first.workflow ? { workflow: first.workflow } : {}),
    record: recordKey(first),
    route,
    events: [first],
    followUps: [],
    recoveryPath: 'none',
    reassignments: 0,
    escalations: [],
    customerFacing: false,
    ...fields,
  };
}

/**
 * What each integration flow does when it works: the records it creates and the fields it writes,
 * learned from integration events that follow a successful run of the flow in the same workflow.
 * A person doing one of these things after the flow failed is doing the flow's work by hand.
 */
function learnFlowEffects(byWorkflow: Map<string, HandoffEvent[]>): Map<string, Set<string>> {
  const effects = new Map<string, Set<string>>();
  for (const list of byWorkflow.values()) {
    const runs = list.filter((e) => e.systemKind === 'integration' && e.kind === 'sync-succeeded' && e.activity);
    if (runs.length === 0) continue;
    const runTimes = runs.map((run) => Date.parse(run.at));
    for (const event of list) {
      if (event.systemKind === 'integration' || event.actor.type !== 'integration') continue;
      const effect = effectOf(event);
      if (!effect) continue;
      // a run's writes are stamped while it runs, and the run when it ends: take the nearest run either side
      const at = Date.parse(event.at);
      let nearest: HandoffEvent | undefined;
      let distance = FLOW_EFFECT_MS;
      for (let index = 0; index < runs.length; index++) {
        const d = Math.abs(runTimes[index]! - at);
        if (d <= distance) {
          nearest = runs[index];
          distance = d;
        }
      }
      if (!nearest) continue;
      const set = effects.get(nearest.activity!) ?? new Set<string>();
      set.add(effect);
      effects.set(nearest.activity!, set);
    }
  }
  return effects;
}

/** `create:system/type` or `system/type/field` for events that can be a flow's effect. */
function effectOf(event: HandoffEvent): string | undefined {
  if (event.kind === 'created') return `create:${event.system}/${event.record.type}`;
  if ((event.kind === 'field-changed' || event.kind === 'state-changed' || event.kind === 'resolved') && event.field) return fieldKey(event);
  if (event.kind === 'state-changed' || event.kind === 'resolved') return `${event.system}/${event.record.type}/state`;
  return undefined;
}

/**
 * Failed runs of one flow for one workflow (or one run record when unlinked) form an incident until a
 * run of that flow succeeds. Detection is the first action of a person on the workflow after the first
 * failure that does the flow's work: re-running the flow, creating a record the flow creates, or
 * setting a field the flow writes. When no person shows, the run that finally succeeded is the
 * detection (a replay whose operator the platform does not export, or an automatic retry).
 */
function findSyncFailures(
  events: readonly HandoffEvent[],
  byWorkflow: Map<string, HandoffEvent[]>,
  eventsOfRecord: EventGroups['eventsOfRecord'],
  synced: Set<string>,
  integrationCreates: Set<string>,
): FailureIncident[] {
  const effects = learnFlowEffects(byWorkflow);
  const ownerTracked = new Set(events.filter((e) => e.kind === 'owner-changed').map((e) => e.system));
  // the open incident per scope and route, in nested maps: a joined key string per integration event
  // cost a third of this function at 5M events
  const open = new Map<string, Map<string, FailureIncident>>();
  const incidents: FailureIncident[] = [];
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    if (event.systemKind !== 'integration') continue;
    const scope = event.workflow ?? recordKey(event);
    const route = event.activity ?? event.record.type;
    let routes = open.get(scope);
    const current = routes?.get(route);
    if (event.kind === 'sync-failed') {
      if (current) current.events.push(event);
      else {
        const incident = newIncident(event, 'sync-failure', route);
        if (!routes) open.set(scope, (routes = new Map()));
        routes.set(route, incident);
        incidents.push(incident);
      }
    } else if (event.kind === 'sync-succeeded' && current) {
      current.recovery = event;
      current.recoveryPath = 'replay';
      routes!.delete(route);
    }
  }

  // each scope's records' event lists, in order of first event: the same for every incident of the scope
  const scopeRecords = new Map<readonly HandoffEvent[], HandoffEvent[][]>();
  for (const incident of incidents) {
    const scopeEvents = incident.workflow ? byWorkflow.get(incident.workflow)! : eventsOfRecord(incident.record)!;
    const flowEffects = effects.get(incident.route);
    const doesFlowWork = (event: HandoffEvent): boolean => {
      if (event.systemKind === 'integration') return (event.activity ?? event.record.type) === incident.route;
      const effect = effectOf(event);
      if (flowEffects && flowEffects.size > 0) return effect !== undefined && flowEffects.has(effect);
      // nothing learned about this flow: any manual stand-in for integration work will do
      if (event.kind === 'created') return integrationCreates.has(`${event.system}/${event.record.type}`);
      return event.kind === 'field-changed' && event.field !== undefined && synced.has(fieldKey(event));
    };
    // the scope's events are in time order: each walk starts where the incident does, found by bisection
    const from = firstAtOrAfter(scopeEvents, incident.at);
    for (let i = from; i < scopeEvents.length; i++) {
      const event = scopeEvents[i]!;
      if (event === incident.events[0]) continue;
      if (incident.detection) break;
      if (isPerson(event.actor) && HUMAN_FIX_KINDS.has(event.kind) && doesFlowWork(event)) incident.detection = event;
      if (incident.recovery && event.at > incident.recovery.at) break;
    }
    const manual = incident.detection && (!incident.recovery || incident.detection.at <= incident.recovery.at) ? incident.detection : undefined;
    if (manual && manual.systemKind !== 'integration') {
      // the person did the flow's work by hand: that is the recovery
      incident.recovery = manual;
      incident.recoveryPath = manual.kind === 'created' ? 'manual-create' : 'manual-edit';
    } else if (!incident.detection && incident.recovery) {
      // most platforms do not export who replayed a run: a success soon after the failure is the
      // platform's own retry, a later one a replay someone started
      incident.detection = incident.recovery;
      const automatic = !isPerson(incident.recovery.actor) && Date.parse(incident.recovery.at) - Date.parse(incident.at) <= AUTO_RETRY_MS;
      incident.recoveryPath = automatic ? 'auto-retry' : 'replay';
    }
    if (incident.recovery && incident.recoveryPath !== 'auto-retry') {
      const until = Date.parse(incident.recovery.at) + FOLLOW_UP_MS;
      for (let i = firstAtOrAfter(scopeEvents, incident.recovery.at); i < scopeEvents.length; i++) {
        const event = scopeEvents[i]!;
        if (Date.parse(event.at) > until) break;
        if (event !== incident.recovery && isPerson(event.actor) && HUMAN_FIX_KINDS.has(event.kind) && doesFlowWork(event)) incident.followUps.push(event);
      }
    }
    const end = incident.recovery?.at;
    // people escalate when they see the failure, often just after fixing it: a few hours' grace
    const escalationEnd = end ? new Date(Date.parse(end) + ESCALATION_GRACE_MS).toISOString() : undefined;
    for (let i = from; i < scopeEvents.length; i++) {
      const event = scopeEvents[i]!;
      if (escalationEnd && event.at > escalationEnd) break;
      if (event.kind === 'escalated') incident.escalations.push(event);
      if ((event.kind === 'owner-changed' || event.kind === 'team-changed') && (!end || event.at <= end)) incident.reassignments++;
    }
    if (incident.detection) {
      incident.detectionLagHours = hours(incident.at, incident.detection.at);
      let records = scopeRecords.get(scopeEvents);
      if (!records) scopeRecords.set(scopeEvents, (records = [...new Set(scopeEvents.map(recordKey))].map((key) => eventsOfRecord(key)!)));
      const ownerless = ownerlessAt(records, ownerTracked, incident.detection.at);
      if (ownerless !== undefined) incident.ownerlessAtDetection = ownerless;
    }
    if (incident.recovery) incident.recoveryHours = hours(incident.at, incident.recovery.at);
  }
  return incidents;
}

/**
 * Nobody owns a failure when the workflow's customer-facing ticket exists and has no assignee at
 * detection; with no ticket yet, its delivery issue decides; with neither, the CRM record's owner holds
 * it (CRM records always have one). Undefined when the deciding record's system exports no ownership at all (Linear's
 * CSV): the share is then computed without that failure, not guessed.
 */
function ownerlessAt(scopeRecords: readonly (readonly HandoffEvent[])[], ownerTracked: ReadonlySet<string>, at: string): boolean | undefined {
  // records that appeared with the fix (created by it, or by the run it replayed) were nobody's before it
  const before = new Date(Date.parse(at) - FLOW_EFFECT_MS).toISOString();
  const records = scopeRecords.filter((list) => list[0]!.at < before);
  for (const kind of ['support', 'delivery'] as const) {
    const held = records.filter((list) => list[0]!.systemKind === kind);
    if (held.length === 0) continue;
    if (!ownerTracked.has(held[0]![0]!.system)) return undefined;
    return !held.some((list) => ownerAt(list, at) !== undefined);
  }
  return false;
}

/**
 * A person created, in a workflow, the first record of a system where the integration creates that
 * kind of record, with no failed run before it in the workflow: the run never happened.
 */
function findSilentMisses(handoffs: readonly SystemHandoff[], integrationCreates: Set<string>, failed: readonly FailureIncident[]): FailureIncident[] {
  const firstFailure = new Map<string, string>();
  for (const f of failed) if (f.workflow && !(firstFailure.get(f.workflow)! <= f.at)) firstFailure.set(f.workflow, f.at);
  const seenSystem = new Set<string>();
  const misses: FailureIncident[] = [];
  for (const h of handoffs) {
    const key = `${h.workflow}|${h.to}`;
    const first = !seenSystem.has(key);
    seenSystem.add(key);
    if (!first || h.arrival.kind !== 'created' || !isPerson(h.arrival.actor)) continue;
    if (!integrationCreates.has(`${h.arrival.system}/${h.arrival.record.type}`)) continue;
    const failure = firstFailure.get(h.workflow);
    if (failure !== undefined && failure <= h.arrival.at) continue;
    misses.push(
      newIncident(h.arrival, 'silent-miss', `${h.from} → ${h.to}`, {
        at: h.trigger.at,
        events: [h.trigger, h.arrival],
        detection: h.arrival,
        detectionLagHours: h.latencyHours,
        recovery: h.arrival,
        recoveryPath: 'manual-create',
        recoveryHours: h.latencyHours,
      }),
    );
  }
  return misses;
}

function bounceIncident(first: TeamHandoff, back: TeamHandoff): FailureIncident {
  return newIncident(back.toEvent, 'ping-pong', `${first.from} → ${first.to} → ${back.to}`, { events: [first.toEvent, back.toEvent], reassignments: 2 });
}

function reopenIncident(event: HandoffEvent): FailureIncident {
  return newIncident(event, 'reopen', `${event.system} reopen`);
}

/**
 * Stage agreement: for each workflow, each support or delivery record (and each CRM field that
 * carries delivery status) is mapped to a canonical stage. From the first moment one of them says
 * done until the last one does, the systems disagree. Lead time runs from the CRM win (or the
 * workflow's first event) to the delivery tracker saying done (or, with no delivery record, the last done).
 */
function findDisagreements(byWorkflow: Map<string, HandoffEvent[]>, options: EvidenceOptions) {
  const disagreements: Disagreement[] = [];
  const leadTimes = new Map<string, { start: HandoffEvent; end: HandoffEvent; hours: number }>();
  const unmapped = new Map<string, { system: string; state: string; count: number }>();
  let comparable = 0;
  for (const [workflow, list] of byWorkflow) {
    const primary = primaryRecords(list);
    let firstDone: HandoffEvent | undefined;
    let lastDone: HandoffEvent | undefined;
    let start: HandoffEvent | undefined;
    // replay the carriers in time order to find the disagreement window
    const carriers = new Map<string, CanonicalStage>();
    const systemsByCarrier = new Map<string, string>();
    let done = 0;
    let delivered: HandoffEvent | undefined;
    for (const event of list) {
      if (event.systemKind === 'integration') continue;
      if (!start) start = event;
      if (event.systemKind === 'crm' && event.kind === 'state-changed' && canonicalStage(event.to, options.stages) === 'won') start = event;
      const carrier = stageCarrier(event, options.stages, primary);
      if (!carrier) continue;
      const stage = canonicalStage(carrier.value, options.stages);
      if (stage === undefined) {
        const key = `${event.system}|${carrier.value}`;
        const entry = unmapped.get(key) ?? { system: event.system, state: carrier.value, count: 0 };
        entry.count++;
        unmapped.set(key, entry);
        continue;
      }
      if (carriers.get(carrier.key) === 'done') done--;
      if (stage === 'done') done++;
      carriers.set(carrier.key, stage);
      systemsByCarrier.set(carrier.key, event.system);
      if (done > 0 && !firstDone) firstDone = event;
      if (stage === 'done' && event.systemKind === 'delivery' && !delivered) delivered = event;
      if (done === carriers.size && firstDone && !lastDone && carriers.size > 1) lastDone = event;
      if (done < carriers.size && lastDone) lastDone = undefined; // reopened: disagreement resumes
    }
    if (new Set(systemsByCarrier.values()).size >= 2) {
      comparable++;
      if (firstDone) {
        const until = lastDone;
        const endAt = until?.at ?? options.windowEnd;
        disagreements.push({
          workflow,
          from: firstDone,
          ...(until ? { until } : {}),
          hours: hours(firstDone.at, endAt),
          systems: [...new Set(systemsByCarrier.values())].sort(),
        });
      }
    }
    // delivery lead time ends when the delivery tracker says done; catching up elsewhere is agreement, measured above
    const end = delivered ?? lastDone ?? firstDone;
    if (start && end && end.at >= start.at && (delivered || done === carriers.size)) {
      leadTimes.set(workflow, { start, end, hours: hours(start.at, end.at) });
    }
  }
  return {
    disagreements: disagreements.sort((a, b) => (a.workflow < b.workflow ? -1 : 1)),
    leadTimes,
    comparable,
    unmapped: [...unmapped.values()].sort((a, b) => b.count - a.count || a.system.localeCompare(b.system) || a.state.localeCompare(b.state)),
  };
}

/** The value an event gives to a stage-carrying slot: a record's state, or a CRM status field. */
function stageCarrier(event: HandoffEvent, rules: StageRules | undefined, primary: ReadonlyMap<string, string>): { key: string; value: string } | undefined {
  if (event.systemKind === 'integration') return undefined;
  // a system speaks through its first record in the workflow: a duplicate ticket merged away is not its voice
  if (primary.get(event.system) !== recordKey(event)) return undefined;
  if ((event.kind === 'state-changed' || event.kind === 'resolved' || event.kind === 'reopened') && event.to && event.systemKind !== 'crm') {
    return { key: event.system, value: event.to };
  }
  const statusField = rules?.crmStatusField ?? /(delivery|onboarding|implementation).?status/i;
  if (event.systemKind === 'crm' && event.kind === 'field-changed' && event.field && statusField.test(event.field) && event.to) {
    return { key: `${event.system}#${event.field}`, value: event.to };
  }
  return undefined;
}

/** The first record of each system in a workflow's time-ordered events. */
function primaryRecords(list: readonly HandoffEvent[]): Map<string, string> {
  const primary = new Map<string, string>();
  for (const event of list) if (!primary.has(event.system)) primary.set(event.system, recordKey(event));
  return primary;
}

/** Index of the first event at or after `at` in a list in time order (the list's length when none is). */
function firstAtOrAfter(list: readonly HandoffEvent[], at: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

function hours(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 3_600_000;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
