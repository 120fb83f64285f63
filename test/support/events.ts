// Builds small event lists for analyzer tables.
import type { HandoffEvent } from '../../src/model/index.js';
import { analyzeEvents, type AnalysisOptions, type AnalysisRun } from '../../src/pipeline.js';

let sequence = 0;

type Shorthand = Partial<Omit<HandoffEvent, 'record' | 'actor'>> & {
  at: string;
  record: string;
  actor?: string;
  actorType?: HandoffEvent['actor']['type'];
  links?: HandoffEvent['links'];
};

const KIND_OF_SYSTEM: Record<string, HandoffEvent['systemKind']> = { crm: 'crm', desk: 'support', tracker: 'delivery', ipaas: 'integration', log: 'other' };

/** `ev({ at: '2026-01-05 09:00', system: 'desk', record: 'T1', kind: 'created' })` */
export function ev(short: Shorthand): HandoffEvent {
  const system = short.system ?? 'desk';
  const at = short.at.length === 16 ? `${short.at.replace(' ', 'T')}:00.000Z` : short.at;
  sequence++;
  const { record, actor, actorType, ...rest } = short;
  return {
    kind: 'activity',
    systemKind: KIND_OF_SYSTEM[system] ?? 'other',
    ...rest,
    system,
    at,
    id: short.id ?? `t.csv:${sequence}#0`,
    record: { type: system === 'ipaas' ? 'run' : 'record', id: record },
    actor: { id: actor ?? 'someone', type: actorType ?? (system === 'ipaas' ? 'integration' : 'human') },
    source: { connector: 'test', file: 't.csv', line: sequence },
  } as HandoffEvent;
}

/** Sorts like the loader and runs the pipeline. */
export function analyse(events: HandoffEvent[], options: AnalysisOptions = {}): AnalysisRun {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.source.line - b.source.line));
  return analyzeEvents(sorted, options)!;
}

export function resultOf(run: AnalysisRun, id: string) {
  const result = run.results.find((r) => r.id === id);
  if (!result) throw new Error(`no analyzer ${id}`);
  return result;
}

/** The value of a measure, or its status when it was not measured. */
export function valueOf(run: AnalysisRun, id: string, measure: string): number | 'insufficient' | 'absent' {
  const m = resultOf(run, id).measures[measure];
  if (!m) return 'absent';
  return m.status === 'ok' ? m.value : 'insufficient';
}

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface WorkflowPlan {
  /** index: ids and start time (one workflow a day from 2026-03-02 09:00 UTC) */
  i: number;
  /** the deal → ticket run fails, and a person fixes it after this many hours */
  ticketFailure?: { lagHours: number; path: 'replay' | 'manual-create'; ownerless?: boolean; escalate?: boolean };
  /** the ticket → issue run fails; a person creates the issue after this many hours */
  issueFailure?: { lagHours: number; ticketUnassigned?: boolean };
  /** hours from ticket to delivery done */
  deliveryHours?: number;
  /** hours the CRM status write-back lags behind delivery done (0 = the integration does it at once) */
  writeBackLagHours?: number;
  /** people editing the synced go-live field: [team, hours after start] */
  edits?: [string, number][];
}

/**
 * A small lead → onboarding → delivery workflow across crm, desk, tracker and ipaas, in the shape the
 * connectors produce: the deal is won, a run creates the ticket, a person takes it, delivery finishes,
 * a run writes the status back.
 */
export function workflowEvents(plan: WorkflowPlan): HandoffEvent[] {
  const t0 = Date.parse('2026-03-02T09:00:00Z') + plan.i * 24 * H;
  const deal = `D${plan.i}`;
  const ticket = `T${plan.i}`;
  const issue = `I${plan.i}`;
  const link = (system: string, id: string) => [{ system, id, via: 'test' }];
  const events: HandoffEvent[] = [];
  const add = (short: Parameters<typeof ev>[0]) => events.push(ev(short));
  add({ at: iso(t0), system: 'crm', record: deal, kind: 'state-changed', to: 'Closed Won' });
  let ticketAt = t0 + 0.1 * H;
  const failure = plan.ticketFailure;
  if (failure) {
    add({ at: iso(t0 + 0.05 * H), system: 'ipaas', record: `R${plan.i}a`, kind: 'sync-failed', activity: 'deal-to-ticket', links: link('crm', deal) });
    ticketAt = t0 + failure.lagHours * H;
    if (failure.path === 'replay') {
      add({ at: iso(ticketAt - 60_000), system: 'desk', record: ticket, kind: 'created', actorType: 'integration', links: link('crm', deal) });
      add({ at: iso(ticketAt), system: 'ipaas', record: `R${plan.i}b`, kind: 'sync-succeeded', activity: 'deal-to-ticket', links: link('crm', deal) });
    } else {
      add({ at: iso(ticketAt), system: 'desk', record: ticket, kind: 'created', actor: 'fixer', links: link('crm', deal) });
    }
    if (failure.escalate) add({ at: iso(ticketAt + 0.2 * H), system: 'desk', record: ticket, kind: 'escalated', actor: 'fixer' });
  } else {
    add({ at: iso(ticketAt - 60_000), system: 'desk', record: ticket, kind: 'created', actorType: 'integration', links: link('crm', deal) });
    add({ at: iso(ticketAt), system: 'ipaas', record: `R${plan.i}a`, kind: 'sync-succeeded', activity: 'deal-to-ticket', links: link('crm', deal) });
  }
  if (!failure?.ownerless) add({ at: iso(ticketAt + 0.5 * H), system: 'desk', record: ticket, kind: 'owner-changed', to: 'ann', team: 'Onboarding' });
  // ready for delivery: the ticket waits (and, when planned so, is left without an assignee)
  add({ at: iso(ticketAt + 1.9 * H), system: 'desk', record: ticket, kind: 'state-changed', to: 'pending', actor: 'ann' });
  if (plan.issueFailure?.ticketUnassigned) add({ at: iso(ticketAt + 1.9 * H + 1000), system: 'desk', record: ticket, kind: 'owner-changed', from: 'ann', to: '', actor: 'ann' });
  let issueAt = ticketAt + 2 * H;
  if (plan.issueFailure) {
    add({ at: iso(issueAt), system: 'ipaas', record: `R${plan.i}i`, kind: 'sync-failed', activity: 'ticket-to-issue', links: link('crm', deal) });
    issueAt += plan.issueFailure.lagHours * H;
    add({ at: iso(issueAt), system: 'tracker', record: issue, kind: 'created', actor: 'fixer', links: link('crm', deal) });
  } else {
    add({ at: iso(issueAt), system: 'tracker', record: issue, kind: 'created', actorType: 'integration', links: link('crm', deal) });
    add({ at: iso(issueAt + 1000), system: 'ipaas', record: `R${plan.i}i`, kind: 'sync-succeeded', activity: 'ticket-to-issue', links: link('crm', deal) });
  }
  const doneAt = issueAt + (plan.deliveryHours ?? 48) * H;
  add({ at: iso(doneAt), system: 'tracker', record: issue, kind: 'state-changed', to: 'Done', actor: 'dev' });
  const backAt = doneAt + (plan.writeBackLagHours ?? 0.05) * H;
  add({ at: iso(backAt), system: 'desk', record: ticket, kind: 'state-changed', to: 'solved', actorType: 'integration' });
  add({ at: iso(backAt + 1000), system: 'ipaas', record: `R${plan.i}c`, kind: 'sync-succeeded', activity: 'issue-to-crm', links: link('crm', deal) });
  for (const [team, hours] of plan.edits ?? []) {
    add({ at: iso(t0 + hours * H), system: 'crm', record: deal, kind: 'field-changed', field: 'Go-Live', to: 'later', actor: `${team.toLowerCase()}-person` });
  }
  // the integration writes the go-live field too, so a person editing it is reconciling
  add({ at: iso(ticketAt + 1000), system: 'crm', record: deal, kind: 'field-changed', field: 'Go-Live', to: 'planned', actorType: 'integration' });
  return events;
}
