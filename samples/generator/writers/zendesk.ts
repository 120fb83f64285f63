// Zendesk: Incremental Ticket Event Export pages, the full JSON export (one ticket per line) and the ticket CSV export.
import type { Change, Person, Ticket, Workflow } from '../model.js';
import { csvLine } from '../output.js';
import { pad, wallOf } from '../time.js';
import { JsonPage, auditsOf, plantsFor, type Writer, type WriterContext } from './common.js';

export const GO_LIVE_FIELD = 360_011_000_041;
export const CRM_FIELD = 360_011_000_042;

export function zendeskUserId(person: Person): number {
  return person.integration ? 366_000_000_001 : 366_100_000_000 + person.n * 1_013;
}

export const GROUPS: Record<string, number> = { Onboarding: 360_004_000_011, Implementation: 360_004_000_012, 'Service Desk': 360_004_000_013 };
export const groupId = (name: string) => GROUPS[name] ?? 360_004_000_099;
const requesterId = (wf: Workflow) => 367_000_000_000 + wf.index * 7;
const via = (actor: Person) => (actor.integration ? 'Web service' : 'Web form');
const secs = (ms: number) => Math.floor(ms / 1000);

function childValue(ctx: WriterContext, change: Change): Record<string, unknown> {
  switch (change.field) {
    case 'assignee':
      return { assignee_id: change.new ? zendeskUserId(ctx.roster.people.find((p) => p.key === change.new)!) : null, previous_value: change.old ? String(zendeskUserId(ctx.roster.people.find((p) => p.key === change.old)!)) : null };
    case 'group':
      return { group_id: groupId(change.new!), previous_value: change.old ? String(groupId(change.old)) : null };
    case 'go_live':
      return { custom_ticket_fields: { [GO_LIVE_FIELD]: change.new }, previous_value: change.old };
    case 'tags':
      return { tags: change.new ? change.new.split(' ') : [], previous_value: change.old ? change.old.split(' ') : [] };
    default:
      return { [change.field]: change.new, previous_value: change.old };
  }
}

export function ticketEventsWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('zendesk/incremental_ticket_events.json');
  const page = new JsonPage(file, 'ticket_events');
  let seq = 1;
  let child = 1;
  let last = 0;
  const add = (record: Record<string, unknown>) => page.add(record);
  const ticketEvents = (wf: Workflow, ticket: Ticket) => {
    const creator = ticket.createdBy;
    const created: Record<string, unknown>[] = [
      { status: 'new' },
      { subject: ticket.subject },
      { priority: ticket.priority },
      { group_id: groupId(creator.integration ? 'Onboarding' : ticket.group) },
      { requester_id: requesterId(wf) },
      { tags: ['onboarding'] },
      { custom_ticket_fields: { [GO_LIVE_FIELD]: ticket.goLive } },
      ...(ticket.externalId ? [{ external_id: ticket.externalId }] : []),
    ];
    add({
      id: 9_100_000_000 + seq++,
      ticket_id: ticket.number,
      timestamp: secs(ticket.createdAt),
      created_at: new Date(secs(ticket.createdAt) * 1000).toISOString().replace('.000', ''),
      updater_id: zendeskUserId(creator),
      via: via(creator),
      event_type: 'Audit',
      child_events: created.map((value) => ({ id: 9_200_000_000 + child++, via: via(creator), via_reference_id: null, ...value, event_type: 'Create', previous_value: null })),
    });
    last = Math.max(last, ticket.createdAt);
    const items: { at: number; actor: Person; change?: Change; comment?: Ticket['comments'][number] }[] = [
      ...ticket.changes.map((change) => ({ at: change.at, actor: change.actor, change })),
      ...ticket.comments.map((comment) => ({ at: comment.at, actor: comment.actor, comment })),
    ];
    for (const audit of auditsOf(items)) {
      const actor = audit[0]!.actor;
      const at = audit[0]!.at;
      last = Math.max(last, at);
      add({
        id: 9_100_000_000 + seq++,
        ticket_id: ticket.number,
        timestamp: secs(at),
        created_at: new Date(secs(at) * 1000).toISOString().replace('.000', ''),
        updater_id: zendeskUserId(actor),
        via: via(actor),
        event_type: 'Audit',
        child_events: audit.map((item) =>
          item.change
            ? { id: 9_200_000_000 + child++, via: via(actor), via_reference_id: null, ...childValue(ctx, item.change), event_type: 'Change' }
            : { id: 9_200_000_000 + child++, via: via(actor), via_reference_id: null, event_type: 'Comment', author_id: zendeskUserId(actor), body: item.comment!.body, public: item.comment!.public },
        ),
      });
    }
  };
  return {
    workflow(wf) {
      for (const ticket of wf.tickets) ticketEvents(wf, ticket);
      for (const plant of plantsFor(ctx, file, wf.index)) {
        const record =
          plant.kind === 'missing-id'
            ? { id: 9_100_000_000 + seq++, ticket_id: '', timestamp: secs(wf.closedWonAt), updater_id: null, via: 'Web form', event_type: 'Audit', child_events: [] }
            : { id: 9_100_000_000 + seq++, ticket_id: wf.tickets[0]!.number, timestamp: 'yesterday', updater_id: null, via: 'Web form', event_type: 'Audit', child_events: [] };
        const line = page.add(record);
        ctx.out.planted.push({ file: file.name, line, code: plant.code, what: plant.kind });
      }
    },
    end() {
      page.end({ next_page: null, count: seq - 1, end_time: secs(last) + 1, end_of_stream: true });
    },
  };
}

const STATUS_AT_END = (t: Ticket) => t.status;

/** The full JSON export: one API-shaped ticket per line (NDJSON in a `.json` file). */
export function ticketJsonWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('zendesk/tickets.json');
  return {
    workflow(wf) {
      for (const ticket of wf.tickets) {
        const record = {
          id: ticket.number,
          url: `https://${ctx.plan.id.split('-')[0]}.zendesk.com/api/v2/tickets/${ticket.number}.json`,
          external_id: ticket.externalId ?? null,
          via: { channel: ticket.createdBy.integration ? 'api' : 'web', source: { from: {}, to: {}, rel: null } },
          created_at: new Date(secs(ticket.createdAt) * 1000).toISOString().replace('.000', ''),
          updated_at: new Date(secs(ticket.updatedAt) * 1000).toISOString().replace('.000', ''),
          type: 'task',
          subject: ticket.subject,
          priority: ticket.priority,
          status: STATUS_AT_END(ticket),
          requester_id: requesterId(wf),
          submitter_id: zendeskUserId(ticket.createdBy),
          assignee_id: ticket.assignee ? zendeskUserId(ticket.assignee) : null,
          group_id: groupId(ticket.group),
          tags: ticket.tags,
          custom_fields: [{ id: GO_LIVE_FIELD, value: ticket.goLive }],
        };
        file.write(`${JSON.stringify(record)}\n`);
      }
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        const t = wf.tickets[0]!;
        file.write(`{"id":${t.number + 900000},"external_id":"${wf.crmId}","created_at":"2026-02-11T10:00:00Z","status":"open","subject":"Onboarding: ${wf.dealName.replace(/"/g, '')}\n`);
      }
    },
    end() {},
  };
}

function local(ms: number | undefined, zone: string): string {
  if (ms === undefined) return '';
  const w = wallOf(ms, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Admin Center ticket CSV export: zone-less account-time-zone dates, custom fields as `<Title> [txt]`. */
export function ticketCsvWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('zendesk/export-tickets.csv');
  const zone = ctx.plan.zone;
  file.write(
    csvLine([
      'Summation column', 'Id', 'Requester', 'Requester id', 'Requester external id', 'Requester email', 'Requester domain', 'Submitter', 'Assignee', 'Group', 'Subject', 'Tags', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at', 'Assigned at', 'Organization', 'Due date', 'Initially assigned at', 'Solved at', 'Resolution time', 'Satisfaction Score', 'Group stations', 'Assignee stations', 'Reopens', 'Replies', 'First reply time in minutes', 'Full resolution time in minutes', 'Salesforce Opportunity Id [txt]', 'Go-live date [txt]',
    ]),
  );
  return {
    workflow(wf) {
      for (const t of wf.tickets) {
        const assigns = t.changes.filter((c) => c.field === 'assignee' && c.new);
        const groups = 1 + t.changes.filter((c) => c.field === 'group').length;
        const domain = `${wf.account.split(' ')[0]!.toLowerCase()}.example`;
        const full = t.solvedAt ? Math.round((t.solvedAt - t.createdAt) / 60_000) : '';
        file.write(
          csvLine([
            '', t.number, `${wf.account} admin`, requesterId(wf), '', `admin@${domain}`, domain, t.createdBy.name, t.assignee?.name ?? '', t.group, t.subject, t.tags.join(' '), t.status === 'closed' ? 'Closed' : t.status[0]!.toUpperCase() + t.status.slice(1), t.priority[0]!.toUpperCase() + t.priority.slice(1), t.createdBy.integration ? 'Web service' : 'Web form', 'Task',
            local(t.createdAt, zone), local(t.updatedAt, zone), local(assigns[assigns.length - 1]?.at, zone), wf.account, '', local(assigns[0]?.at, zone), local(t.solvedAt, zone), t.solvedAt ? Math.round((t.solvedAt - t.createdAt) / 3_600_000) : '', 'Not Offered', groups, assigns.length, 0, t.comments.filter((c) => c.public).length, '', full, t.externalId ?? '', t.goLive,
          ]),
        );
      }
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        const t = wf.tickets[0]!;
        file.write(csvLine(['', t.number + 800000, 'Unknown', '', '', '', '', 'Unknown', '', 'Onboarding', t.subject, '', 'Open', 'Normal', 'Email', 'Task', plant.kind === 'bad-date' ? '2026-02-31 25:00' : '', '', '', '', '', '', '', '', '', 1, 0, 0, 0, '', '', wf.crmId, t.goLive]));
      }
    },
    end() {},
  };
}
