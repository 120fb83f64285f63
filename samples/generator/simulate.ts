// The world simulation: workflows of one company, week by week, independent of any vendor format.
import type { CompanyPlan } from './companies.js';
import { crmIdOf, issueKeyOf, ticketIdOf } from './ids.js';
import type { Change, DeliveryIssue, Failure, Flow, Person, RecoveryPath, Run, Ticket, Workflow } from './model.js';
import { Random } from './random.js';
import { DAY, HOUR, MINUTE, WEEK, addWorkingHours, nextBusinessTime, wallOf, wallToUtc } from './time.js';

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Maya', 'Nikhil', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoe', 'Arjun', 'Bea', 'Carlos', 'Dana', 'Emil', 'Fatima', 'Gus'];
const LAST = ['Adams', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hall', 'Ivanova', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Quist', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Vogel', 'Weber', 'Young', 'Zhang'];
const ACCOUNTS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka', 'Gringotts', 'Oceanic', 'Aperture', 'Massive Dynamic', 'Prestige', 'Monarch', 'Duff', 'Sirius', 'Nakatomi', 'Virtucon', 'Pied Piper', 'Dunder', 'Bluth', 'Los Pollos', 'Paper Street', 'Weyland', 'Zorg', 'Blue Sun'];
const SUFFIX = ['Inc', 'GmbH', 'Ltd', 'LLC', 'AG', 'SA', 'BV', 'Corp'];
const PRODUCTS = ['Platform', 'Analytics add-on', 'Enterprise tier', 'Data connector', 'Renewal + expansion', 'Pilot', 'Premium support'];
const NOTES = [
  'Kick-off call booked with the customer.',
  'Customer sent the admin contacts, waiting on SSO metadata.',
  'Checked the contract scope against the opportunity.',
  'Shared the onboarding checklist.',
  'Data import template sent, customer to fill in.',
  'Follow-up: customer asked about the go-live date.',
];

export interface Roster {
  people: Person[];
  byTeam: Map<string, Person[]>;
  integration: Person;
}

/** The company's people: a fixed list per team, plus the integration account. */
export function buildRoster(plan: CompanyPlan): Roster {
  const random = new Random(`${plan.seed}/roster`);
  const people: Person[] = [];
  const byTeam = new Map<string, Person[]>();
  const used = new Set<string>();
  let n = 1;
  for (const team of Object.keys(plan.teams).sort()) {
    const members: Person[] = [];
    for (let i = 0; i < plan.teams[team]!; i++) {
      let name: string;
      do name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
      while (used.has(name));
      used.add(name);
      const domain = `${plan.name.split(' ')[0]!.toLowerCase()}.example`;
      const person: Person = { key: `p${n}`, name, email: `${name.toLowerCase().replace(' ', '.')}@${domain}`, team, integration: false, n: n++ };
      members.push(person);
      people.push(person);
    }
    byTeam.set(team, members);
  }
  const integrationName = { zapier: 'Zapier Integration', workato: 'Workato Integration', 'sync-log': 'Sync Service' }[plan.systems.integration] ?? 'Integration User';
  const integration: Person = {
    key: 'integration',
    name: integrationName,
    email: `integration@${plan.name.split(' ')[0]!.toLowerCase()}.example`,
    team: 'Integration',
    integration: true,
    n: 900,
  };
  people.push(integration);
  return { people, byTeam, integration };
}

/** Planted weekly workflow count. */
export function plannedVolume(plan: CompanyPlan, week: number): number {
  return plan.volume.perWeek * Math.pow(1 + plan.volume.growth, week);
}

/** Planted per-run failure probability in a week. */
export function plannedRate(plan: CompanyPlan, week: number): number {
  return Math.min(0.9, plan.failures.rate * Math.pow(1 + plan.failures.trend, week));
}

/** Planted reconciliation edits per week of one team. */
export function plannedEdits(plan: CompanyPlan, team: string, week: number): number {
  const t = plan.reconciliation.find((r) => r.team === team);
  return t ? t.perWeek * Math.pow(1 + t.growth, week) : 0;
}

export interface Counters {
  ticket: number;
  issue: number;
  run: number;
}

/** Closed-won instants of one week: business hours, sorted. */
export function closedWonTimes(plan: CompanyPlan, week: number, startMs: number, count?: number): number[] {
  const random = new Random(`${plan.seed}/week/${week}`);
  const n = count ?? Math.max(1, Math.round(plannedVolume(plan, week) + random.normal() * Math.sqrt(plannedVolume(plan, week)) * 0.5));
  const times: number[] = [];
  const monday = startMs + week * WEEK;
  for (let i = 0; i < n; i++) {
    const day = monday + random.int(0, 4) * DAY;
    const d = new Date(day);
    const minute = random.int(9 * 60, 17 * 60 + 30);
    times.push(wallToUtc(plan.zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(minute / 60), minute % 60) + random.int(0, 59) * 1000);
  }
  return times.sort((a, b) => a - b);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function shiftDate(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);
}

/** Simulates one workflow end to end. */
export function simulateWorkflow(plan: CompanyPlan, roster: Roster, index: number, week: number, t0: number, counters: Counters): Workflow {
  const r = new Random(`${plan.seed}/wf/${index}`);
  const zone = plan.zone;
  const bt = (ms: number) => nextBusinessTime(ms, zone, r);
  const team = (name: string) => roster.byTeam.get(name) ?? [];
  const integ = roster.integration;
  const sys = plan.systems;

  const owner = r.pick(team('Sales'));
  const account = `${r.pick(ACCOUNTS)} ${r.pick(SUFFIX)}`;
  const product = r.pick(PRODUCTS);
  const crmId = crmIdOf(sys.crm, index);
  const dealCreatedAt = bt(t0 - r.uniform(14, 75) * DAY);
  const stageNames = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];
  const stages = stageNames.map((stage, i) => ({
    stage,
    at: i === 0 ? dealCreatedAt : bt(dealCreatedAt + ((t0 - dealCreatedAt) * (i + r.uniform(-0.3, 0.3))) / 4),
    actor: owner,
  }));
  for (let i = 1; i < stages.length; i++) if (stages[i]!.at <= stages[i - 1]!.at) stages[i]!.at = stages[i - 1]!.at + HOUR;
  if (stages[stages.length - 1]!.at >= t0) stages[stages.length - 1]!.at = t0 - 2 * HOUR;
  stages.push({ stage: 'Closed Won', at: t0, actor: owner });

  const wf: Workflow = {
    index,
    crmId,
    dealName: `${account} - ${product}`,
    account,
    amount: Math.round(r.lognormal(24000, 0.7) / 100) * 100,
    owner,
    dealCreatedAt,
    stages,
    closedWonAt: t0,
    crmChanges: [],
    tickets: [],
    runs: [],
    failures: [],
    disagreementHours: 0,
  };
  const goLive = isoDate(t0 + 35 * DAY);
  const missing = r.chance(plan.noise.missingLink) ? (r.chance(0.5) ? 'ticket' : 'issue') : undefined;
  if (missing) wf.missingLink = missing;

  const weekOf = (ms: number) => Math.max(0, Math.floor((ms - (t0 - week * WEEK - ((t0 - Date.parse(`${plan.start}T00:00:00Z`)) % WEEK))) / WEEK));
  const startMs = Date.parse(`${plan.start}T00:00:00Z`);
  const runWeek = (ms: number) => Math.max(0, Math.floor((ms - startMs) / WEEK));
  void weekOf;

  const detectorFor = (ticket: Ticket | undefined): Person => {
    const teamName = r.weighted(plan.failures.detectors);
    if (ticket?.assignee && ticket.assignee.team === teamName) return ticket.assignee;
    return r.pick(team(teamName));
  };

  /**
   * Runs one flow at `at`; on failure plants detection and recovery. Returns when the target was
   * written, who wrote it, and how.
   */
  const runFlow = (flow: Flow, at: number, sourceId: string, targetId: () => string, ticket: Ticket | undefined) => {
    const start = at;
    const seq = counters.run++;
    const failed = r.chance(plannedRate(plan, runWeek(start)));
    const duration = r.uniform(2, 40) * 1000;
    const run: Run = { seq, flow, startedAt: start, endedAt: start + duration, ok: !failed, sourceId };
    wf.runs.push(run);
    if (!failed) return { at: run.endedAt, by: integ, path: undefined as RecoveryPath | undefined, run };
    run.error = r.pick(ERRORS[flow]);
    const lag = r.lognormal(plan.failures.detectionMedianHours, plan.failures.detectionSigma);
    const detectedAt = bt(run.endedAt + lag * HOUR);
    const detector = detectorFor(ticket);
    const path = r.weighted(plan.failures.recovery[flow] as Record<RecoveryPath, number>);
    const ownerless = ticket !== undefined && ticket.assignee === null && flow !== 'deal-to-ticket';
    let recoveredAt = detectedAt;
    if (path === 'replay') {
      const wait = r.lognormal(plan.failures.recoveryMedianHours, 0.6);
      if (wait < 0.5) {
        recoveredAt = detectedAt + wait * HOUR;
        const replay: Run = { seq: counters.run++, flow, startedAt: recoveredAt, endedAt: recoveredAt + duration, ok: true, replayOf: seq, by: detector, sourceId };
        wf.runs.push(replay);
        recoveredAt = replay.endedAt;
      } else {
        // the first replay fails the same way; the one after the fix goes through
        const first: Run = { seq: counters.run++, flow, startedAt: detectedAt, endedAt: detectedAt + duration, ok: false, replayOf: seq, by: detector, sourceId, error: run.error };
        wf.runs.push(first);
        const fixedAt = bt(detectedAt + wait * HOUR);
        const second: Run = { seq: counters.run++, flow, startedAt: fixedAt, endedAt: fixedAt + duration, ok: true, replayOf: seq, by: detector, sourceId };
        wf.runs.push(second);
        recoveredAt = second.endedAt;
      }
    }
    const failure: Failure = {
      flow,
      runSeq: seq,
      at: run.endedAt,
      plantedLagHours: lag,
      detectedAt,
      detectedBy: detector,
      path,
      recoveredAt,
      ownerless,
      escalated: r.chance(plan.failures.escalation),
    };
    wf.failures.push(failure);
    const by = path === 'replay' ? integ : detector;
    void targetId;
    return { at: recoveredAt, by, path: path as RecoveryPath | undefined, run };
  };

  const setCrm = (at: number, actor: Person, field: 'Delivery Status' | 'Go-Live Date', value: string, cause: Change['cause']) => {
    const prev = [...wf.crmChanges].filter((c) => c.field === field && c.at <= at).sort((a, b) => a.at - b.at).pop();
    wf.crmChanges.push({ at, actor, field, old: prev?.new ?? null, new: value, cause });
  };

  // 1. deal → ticket
  const a = runFlow('deal-to-ticket', t0 + r.uniform(1, 8) * MINUTE, crmId, () => '', undefined);
  const ticketNumber = counters.ticket++;
  const ticket: Ticket = {
    number: ticketNumber,
    createdAt: a.at,
    createdBy: a.by,
    via: a.by.integration ? 'api' : 'web',
    subject: `Onboarding: ${wf.dealName}`,
    group: 'Onboarding',
    priority: wf.amount > 40000 ? 'high' : 'normal',
    goLive,
    changes: [],
    comments: [],
    status: 'new',
    assignee: null,
    tags: ['onboarding'],
    updatedAt: a.at,
  };
  if (missing !== 'ticket') ticket.externalId = crmId;
  wf.tickets.push(ticket);
  a.run.targetId = ticketIdOf(sys.support, ticketNumber);
  for (const run of wf.runs) if (run.flow === 'deal-to-ticket' && run.ok) run.targetId = ticketIdOf(sys.support, ticketNumber);
  if (a.by.integration) setCrm(a.at + 2000, integ, 'Delivery Status', 'Onboarding', 'sync');
  if (!a.by.integration) {
    // a person who creates the ticket by hand picks it up at once
    ticket.group = a.by.team === 'Onboarding' || a.by.team === 'Service Desk' ? a.by.team : 'Onboarding';
  }

  const tchange = (at: number, actor: Person, field: Ticket['changes'][number]['field'], value: string | null, cause: Change['cause']) => {
    const old =
      field === 'status' ? ticket.status : field === 'group' ? ticket.group : field === 'assignee' ? (ticket.assignee?.key ?? null) : field === 'priority' ? ticket.priority : field === 'go_live' ? ticket.goLive : ticket.tags.join(' ');
    ticket.changes.push({ at, actor, field, old, new: value, cause });
    if (field === 'status') ticket.status = value as Ticket['status'];
    if (field === 'group') ticket.group = value!;
    if (field === 'assignee') ticket.assignee = value ? roster.people.find((p) => p.key === value)! : null;
    if (field === 'priority') ticket.priority = value as Ticket['priority'];
    if (field === 'go_live') ticket.goLive = value!;
    if (field === 'tags') ticket.tags = value ? value.split(' ') : [];
    ticket.updatedAt = Math.max(ticket.updatedAt, at);
  };

  // 2. onboarding work
  const firstAgent = !a.by.integration && a.by.team === ticket.group ? a.by : r.pick(team(ticket.group));
  const assignAt = bt(ticket.createdAt + r.lognormal(1.5, 0.8) * HOUR);
  tchange(assignAt, firstAgent, 'assignee', firstAgent.key, 'work');
  tchange(assignAt, firstAgent, 'status', 'open', 'work');
  const workHours = r.lognormal(plan.work.onboardingHours, 0.5);
  const workEnd = addWorkingHours(assignAt, workHours, zone, r);
  const comments = r.int(1, 3);
  for (let i = 0; i < comments; i++) {
    const at = bt(assignAt + ((workEnd - assignAt) * (i + 1)) / (comments + 2));
    ticket.comments.push({ at: Math.min(at, workEnd - MINUTE), actor: ticket.assignee ?? firstAgent, body: r.pick(NOTES), public: r.chance(0.4) });
  }
  if (r.chance(plan.work.teamHandoff)) {
    const other = ['Implementation', 'Service Desk'].find((t) => team(t).length > 0) ?? 'Onboarding';
    if (other !== ticket.group) {
      const at = bt(assignAt + (workEnd - assignAt) * r.uniform(0.3, 0.6));
      const agent = r.pick(team(other));
      tchange(at, ticket.assignee ?? firstAgent, 'group', other, 'work');
      tchange(at, ticket.assignee ?? firstAgent, 'assignee', null, 'work');
      tchange(bt(at + r.lognormal(3, 0.7) * HOUR), agent, 'assignee', agent.key, 'work');
    }
  }
  ticket.comments.sort((x, y) => x.at - y.at);
  const handAt = Math.max(workEnd, ticket.updatedAt + MINUTE);
  const handBy = ticket.assignee ?? firstAgent;
  tchange(handAt, handBy, 'status', 'pending', 'work');
  if (r.chance(plan.failures.unassignedWhilePending)) tchange(handAt, handBy, 'assignee', null, 'work');

  // 3. ticket → issue
  const b = runFlow('ticket-to-issue', handAt + r.uniform(1, 6) * MINUTE, ticketIdOf(sys.support, ticketNumber), () => '', ticket);
  const issueNumber = counters.issue++;
  const issue: DeliveryIssue = {
    number: issueNumber,
    createdAt: b.at,
    createdBy: b.by,
    ticketNumber,
    summary: `Deliver ${product} for ${account}`,
    goLive: ticket.goLive,
    changes: [],
    status: 'todo',
    assignee: null,
    updatedAt: b.at,
  };
  if (missing !== 'issue') issue.crmId = crmId;
  wf.issue = issue;
  for (const run of wf.runs) if (run.flow === 'ticket-to-issue' && run.ok) run.targetId = issueKeyOf(sys.delivery, issueNumber);
  if (b.by.integration) {
    setCrm(b.at + 2000, integ, 'Delivery Status', 'In Delivery', 'sync');
    setCrm(b.at + 2000, integ, 'Go-Live Date', issue.goLive, 'sync');
  }
  const ichange = (at: number, actor: Person, field: DeliveryIssue['changes'][number]['field'], value: string | null, cause: Change['cause']) => {
    const old = field === 'status' ? issue.status : field === 'assignee' ? (issue.assignee?.key ?? null) : issue.goLive;
    issue.changes.push({ at, actor, field, old, new: value, cause });
    if (field === 'status') issue.status = value as DeliveryIssue['status'];
    if (field === 'assignee') issue.assignee = value ? roster.people.find((p) => p.key === value)! : null;
    if (field === 'go_live') issue.goLive = value!;
    issue.updatedAt = Math.max(issue.updatedAt, at);
  };

  // 4. delivery work
  const engineer = r.pick(team('Delivery'));
  const lead = team('Delivery')[0]!;
  const iAssign = bt(issue.createdAt + r.lognormal(3, 0.8) * HOUR);
  ichange(iAssign, lead, 'assignee', engineer.key, 'work');
  const iStart = bt(iAssign + r.lognormal(5, 0.8) * HOUR);
  ichange(iStart, engineer, 'status', 'in-progress', 'work');
  issue.startedAt = iStart;
  let worker = engineer;
  const deliveryHours = r.lognormal(plan.work.deliveryHours, 0.5);
  const doneAt = addWorkingHours(iStart, deliveryHours, zone, r);
  if (r.chance(0.12)) {
    const other = r.pick(team('Delivery').filter((p) => p !== engineer));
    ichange(bt(iStart + (doneAt - iStart) * 0.5), lead, 'assignee', other.key, 'work');
    worker = other;
  }
  ichange(doneAt, worker, 'status', 'done', 'work');
  issue.doneAt = doneAt;
  wf.doneAt = doneAt;

  // 5. issue → ticket and CRM
  const c = runFlow('issue-to-crm', doneAt + r.uniform(1, 6) * MINUTE, issueKeyOf(sys.delivery, issueNumber), () => '', ticket);
  for (const run of wf.runs) if (run.flow === 'issue-to-crm' && run.ok) run.targetId = ticketIdOf(sys.support, ticketNumber);
  let settledAt: number;
  if (c.by.integration) {
    tchange(c.at, integ, 'status', 'solved', 'sync');
    setCrm(c.at + 1500, integ, 'Delivery Status', 'Delivered', 'sync');
    settledAt = c.at + 1500;
  } else {
    const editor = c.by;
    const crmFirst = editor.team === 'Sales Ops' || editor.team === 'Delivery PMO';
    const second = c.at + r.uniform(2, 10) * MINUTE;
    tchange(crmFirst ? second : c.at, editor, 'status', 'solved', 'recovery');
    setCrm(crmFirst ? c.at : second, editor, 'Delivery Status', 'Delivered', 'recovery');
    settledAt = second;
  }
  ticket.solvedAt = ticket.changes.find((x) => x.field === 'status' && x.new === 'solved')!.at;
  wf.disagreementHours = (settledAt - doneAt) / HOUR;

  // escalations: a person tags the ticket once the failure is seen
  for (const f of wf.failures) {
    if (!f.escalated) continue;
    const at = Math.max(f.detectedAt, ticket.createdAt) + r.uniform(3, 20) * MINUTE;
    tchange(at, f.detectedBy, 'tags', [...ticket.tags, 'escalated'].join(' '), 'escalation');
  }
  // recovery by hand also takes the ticket when nobody owned it
  for (const f of wf.failures) {
    if (f.ownerless && f.path !== 'replay' && f.flow === 'ticket-to-issue' && (f.detectedBy.team === 'Onboarding' || f.detectedBy.team === 'Service Desk')) {
      tchange(f.detectedAt + MINUTE, f.detectedBy, 'assignee', f.detectedBy.key, 'work');
    }
  }

  // closing: solved tickets close four days later (Zendesk) — a system change
  const windows = wf.failures.map((f) => [f.at - HOUR, f.recoveredAt + 2 * HOUR] as const);
  const free = (at: number) => windows.every(([from, to]) => at < from || at > to);

  // 6. reconciliation edits on fields the integration also writes
  for (const plannedTeam of plan.reconciliation) {
    const mean = plannedEdits(plan, plannedTeam.team, week) / plannedVolume(plan, week);
    const n = r.poisson(mean);
    for (let i = 0; i < n; i++) {
      const person = r.pick(team(plannedTeam.team));
      if (plannedTeam.system === 'crm') {
        const at = bt(issue.createdAt + r.uniform(0.1, 1) * (doneAt - issue.createdAt));
        if (!free(at) || at > doneAt) continue;
        const current = [...wf.crmChanges].filter((x) => x.field === 'Go-Live Date' && x.at <= at).sort((x, y) => x.at - y.at).pop()?.new ?? goLive;
        setCrm(at, person, 'Go-Live Date', shiftDate(current, 7 * r.pick([-2, -1, 1, 1, 2, 3])), 'reconciliation');
      } else if (plannedTeam.system === 'support') {
        const at = bt(ticket.createdAt + r.uniform(0.05, 0.9) * (ticket.solvedAt - ticket.createdAt));
        if (!free(at) || at > ticket.solvedAt) continue;
        tchange(at, person, 'go_live', shiftDate(ticket.goLive, 7 * r.pick([-1, 1, 1, 2])), 'reconciliation');
      } else {
        const at = bt(issue.createdAt + r.uniform(0.05, 0.9) * (doneAt - issue.createdAt));
        if (!free(at) || at > doneAt) continue;
        ichange(at, person, 'go_live', shiftDate(issue.goLive, 7 * r.pick([-1, 1, 1, 2])), 'reconciliation');
      }
    }
  }

  // 7. a duplicate ticket, created by hand and merged within the day
  if (wf.failures.length === 0 && r.chance(plan.noise.duplicate)) {
    const agent = r.pick(team('Onboarding'));
    const at = bt(assignAt + r.uniform(0.5, 4) * HOUR);
    if (at < handAt) {
      const dupNumber = counters.ticket++;
      const dup: Ticket = {
        number: dupNumber,
        createdAt: at,
        createdBy: agent,
        via: 'web',
        externalId: crmId,
        subject: ticket.subject,
        group: 'Onboarding',
        priority: ticket.priority,
        goLive,
        changes: [],
        comments: [],
        status: 'open',
        assignee: agent,
        tags: ['onboarding'],
        mergedInto: ticketNumber,
        updatedAt: at,
      };
      const mergeAt = Math.min(bt(at + r.lognormal(3, 0.6) * HOUR), handAt - MINUTE);
      const merger = ticket.assignee ?? agent;
      dup.changes.push({ at: Math.max(mergeAt, at + MINUTE), actor: merger, field: 'status', old: 'open', new: 'closed', cause: 'merge' });
      dup.changes.push({ at: Math.max(mergeAt, at + MINUTE), actor: merger, field: 'tags', old: 'onboarding', new: 'onboarding closed_by_merge', cause: 'merge' });
      dup.comments.push({ at: Math.max(mergeAt, at + MINUTE), actor: merger, body: `Request #${ticketNumber} "${ticket.subject}" was closed and merged into this request.`, public: false });
      dup.status = 'closed';
      dup.tags = ['onboarding', 'closed_by_merge'];
      dup.updatedAt = Math.max(mergeAt, at + MINUTE);
      ticket.comments.push({ at: dup.updatedAt, actor: merger, body: `Request #${dupNumber} "${dup.subject}" was closed and merged into this request.`, public: false });
      ticket.comments.sort((x, y) => x.at - y.at);
      wf.tickets.push(dup);
    }
  }

  ticket.changes.sort((x, y) => x.at - y.at);
  issue.changes.sort((x, y) => x.at - y.at);
  wf.crmChanges.sort((x, y) => x.at - y.at);
  fixOldValues(wf.crmChanges);
  fixOldValues(ticket.changes);
  fixOldValues(issue.changes);
  wf.runs.sort((x, y) => x.startedAt - y.startedAt || x.seq - y.seq);
  return wf;
}

/** Recomputes each change's old value from the previous change of the same field (edits are planted out of order). */
function fixOldValues(changes: Change[]): void {
  const last = new Map<string, string | null>();
  for (const change of changes) {
    if (last.has(change.field)) change.old = last.get(change.field)!;
    last.set(change.field, change.new);
  }
}

const ERRORS: Record<Flow, string[]> = {
  'deal-to-ticket': ['422 Unprocessable Entity: requester email is invalid', '429 Too Many Requests: rate limit exceeded', 'Required field "Subject" is missing', 'Timeout after 30000 ms waiting for the support API'],
  'ticket-to-issue': ['400 Bad Request: Field "Team" is required', '401 Unauthorized: connection token expired', 'Timeout after 30000 ms waiting for the delivery API', 'Lookup failed: no project matches the ticket form'],
  'issue-to-crm': ['INVALID_FIELD_FOR_INSERT_UPDATE: Delivery Status is read-only for this profile', '409 Conflict: record was modified by another user', 'Lookup failed: no CRM record matches the issue', '503 Service Unavailable'],
};

/** Every workflow of a company, in closed-won order. `scale` multiplies the weekly volume (big sets). */
export function* simulateCompany(plan: CompanyPlan, roster: Roster, options: { weeks?: number; scale?: number } = {}): Generator<Workflow> {
  const weeks = options.weeks ?? plan.weeks;
  const startMs = Date.parse(`${plan.start}T00:00:00Z`);
  const counters: Counters = { ticket: 4100, issue: 101, run: 1 };
  let index = 0;
  for (let week = 0; week < weeks; week++) {
    const count = options.scale ? Math.round(plannedVolume(plan, week) * options.scale) : undefined;
    for (const t0 of closedWonTimes(plan, week, startMs, count)) {
      yield simulateWorkflow(plan, roster, index++, week, t0, counters);
    }
  }
}

/** The wall-clock hour of an instant in the company zone, for business-hours checks in tests. */
export function localHour(plan: CompanyPlan, ms: number): number {
  return wallOf(ms, plan.zone).hour;
}
