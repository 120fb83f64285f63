// HubSpot deal export, ServiceNow incident and sys_audit CSVs, and the Linear CSV export.
import { hexOf, issueKeyOf, ticketIdOf } from '../ids.js';
import type { Person, Ticket, Workflow } from '../model.js';
import { csvLine } from '../output.js';
import { isoZ, pad, wallOf } from '../time.js';
import { plantsFor, type Writer, type WriterContext } from './common.js';

/** HubSpot export dates: `1/10/2026 21:52` in the portal zone (month first). */
function hubspotDate(ms: number | undefined, zone: string): string {
  if (ms === undefined) return '';
  const w = wallOf(ms, zone);
  return `${w.month}/${w.day}/${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

export function hubspotDealsWriter(ctx: WriterContext): Writer {
  const zone = ctx.plan.zone;
  const file = ctx.out.file('hubspot/hubspot-crm-exports-all-deals-2026-05-11.csv');
  file.write(csvLine(['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Create Date', 'Close Date', 'Deal owner', 'Amount', 'Associated Company IDs', 'Onboarding Status', 'Go-live date', 'Date entered "Closed won (Sales Pipeline)"', 'Last Activity Date'], true));
  return {
    workflow(wf) {
      const last = (field: string) => [...wf.crmChanges].filter((c) => c.field === field).pop();
      const activity = Math.max(wf.closedWonAt, ...wf.crmChanges.map((c) => c.at));
      const row = (id: string, created: string) =>
        csvLine([id, wf.dealName, 'Closed won', 'Sales Pipeline', created, hubspotDate(wf.closedWonAt, zone), `${wf.owner.name} (${wf.owner.email})`, wf.amount, String(9_800_000_000 + (wf.index % 400) * 11), last('Delivery Status')?.new ?? '', last('Go-Live Date')?.new ?? '', hubspotDate(wf.closedWonAt, zone), hubspotDate(activity, zone)], true);
      file.write(row(wf.crmId, hubspotDate(wf.dealCreatedAt, zone)));
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        file.write(plant.kind === 'missing-id' ? row('', hubspotDate(wf.dealCreatedAt, zone)) : row(`${wf.crmId}9`, '13/45/2026 25:61'));
      }
    },
    end() {},
  };
}

const snDate = (ms: number | undefined) => (ms === undefined ? '' : isoZ(ms).slice(0, 19).replace('T', ' '));
const STATE: Record<Ticket['status'], string> = { new: 'New', open: 'In Progress', pending: 'On Hold', solved: 'Resolved', closed: 'Canceled' };
const STATE_CODE: Record<Ticket['status'], string> = { new: '1', open: '2', pending: '3', solved: '6', closed: '8' };
export const userName = (p: Person) => (p.integration ? 'workato.integration' : p.email.split('@')[0]!);
const sysId = (ticket: Ticket, seed: string) => hexOf(`${seed}/incident/${ticket.number}`, 32);

export function incidentWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('servicenow/incident.csv');
  file.write(csvLine(['sys_id', 'number', 'short_description', 'state', 'priority', 'assignment_group', 'assigned_to', 'opened_at', 'opened_by', 'resolved_at', 'closed_at', 'correlation_id', 'correlation_display', 'reassignment_count', 'escalation', 'u_go_live_date', 'close_notes', 'sys_created_by', 'sys_updated_on', 'sys_updated_by']));
  return {
    workflow(wf) {
      for (const t of wf.tickets) {
        const lastChange = t.changes[t.changes.length - 1];
        const reassign = t.changes.filter((c) => (c.field === 'group' || c.field === 'assignee') && c.new).length - 1;
        file.write(
          csvLine([
            sysId(t, ctx.plan.seed), ticketIdOf('servicenow', t.number), t.subject, STATE[t.status], t.priority === 'high' ? '2 - High' : t.priority === 'urgent' ? '1 - Critical' : '3 - Moderate', t.group, t.assignee?.name ?? '', snDate(t.createdAt), t.createdBy.name, snDate(t.solvedAt), t.mergedInto ? snDate(t.updatedAt) : '', t.externalId ?? '', t.externalId ? 'HubSpot' : '', Math.max(0, reassign), t.tags.includes('escalated') ? 'Overdue' : 'Normal', t.goLive, t.mergedInto ? `Duplicate of ${ticketIdOf('servicenow', t.mergedInto)}` : '', userName(t.createdBy), snDate(t.updatedAt), userName(lastChange?.actor ?? t.createdBy),
          ]),
        );
      }
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        const t = wf.tickets[0]!;
        file.write(csvLine([hexOf(`bad/${wf.index}`, 32), plant.kind === 'missing-id' ? '' : ticketIdOf('servicenow', t.number + 900_000), t.subject, 'New', '3 - Moderate', 'Service Desk', '', plant.kind === 'bad-date' ? '2026-02-30 09:00:00' : snDate(t.createdAt), 'Guest', '', '', '', '', 0, 'Normal', '', '', 'guest', snDate(t.createdAt), 'guest']));
      }
    },
    end() {},
  };
}

export function sysAuditWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('servicenow/sys_audit.csv');
  file.write(csvLine(['sys_id', 'tablename', 'documentkey', 'fieldname', 'oldvalue', 'newvalue', 'user', 'sys_created_on', 'record_checkpoint', 'reason']));
  let seq = 1;
  const person = (key: string | null) => (key ? ctx.roster.people.find((p) => p.key === key)!.name : '');
  return {
    workflow(wf) {
      for (const t of wf.tickets) {
        const doc = sysId(t, ctx.plan.seed);
        let checkpoint = 0;
        const row = (field: string, old: string, value: string, actor: Person, at: number) =>
          file.write(csvLine([hexOf(`${ctx.plan.seed}/audit/${seq++}`, 32), 'incident', doc, field, old, value, userName(actor), snDate(at), checkpoint++, '']));
        row('state', '', '1', t.createdBy, t.createdAt);
        row('assignment_group', '', t.changes.find((c) => c.field === 'group')?.old ?? t.group, t.createdBy, t.createdAt);
        if (t.externalId) row('correlation_id', '', t.externalId, t.createdBy, t.createdAt);
        row('u_go_live_date', '', t.changes.find((c) => c.field === 'go_live')?.old ?? t.goLive, t.createdBy, t.createdAt);
        for (const c of t.changes) {
          if (c.field === 'status') row('state', STATE_CODE[c.old as Ticket['status']] ?? '', STATE_CODE[c.new as Ticket['status']]!, c.actor, c.at);
          else if (c.field === 'assignee') row('assigned_to', person(c.old), person(c.new), c.actor, c.at);
          else if (c.field === 'group') row('assignment_group', c.old ?? '', c.new ?? '', c.actor, c.at);
          else if (c.field === 'go_live') row('u_go_live_date', c.old ?? '', c.new ?? '', c.actor, c.at);
          else if (c.field === 'tags' && c.cause === 'escalation') row('escalation', '0', '3', c.actor, c.at);
        }
        for (const comment of t.comments) file.write(csvLine([hexOf(`${ctx.plan.seed}/audit/${seq++}`, 32), 'incident', doc, comment.public ? 'comments' : 'work_notes', '', comment.body, userName(comment.actor), snDate(comment.at), checkpoint++, '']));
      }
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        const t = wf.tickets[0]!;
        file.write(csvLine([hexOf(`bad-audit/${wf.index}`, 32), 'incident', plant.kind === 'missing-id' ? '' : sysId(t, ctx.plan.seed), 'state', '2', '3', 'admin', plant.kind === 'bad-date' ? '2026-02-30 09:00:00' : snDate(t.createdAt), 0, '']));
      }
    },
    end() {},
  };
}

/** `Wed May 13 2026 11:21:41 GMT+0000 (Coordinated Universal Time)` */
function jsDate(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
}

export function linearWriter(ctx: WriterContext): Writer {
  const file = ctx.out.file('linear/linear-export.csv');
  file.write(csvLine(['ID', 'Team', 'Title', 'Description', 'Status', 'Estimate', 'Priority', 'Project ID', 'Project', 'Creator', 'Assignee', 'Labels', 'Cycle Number', 'Cycle Name', 'Cycle Start', 'Cycle End', 'Created', 'Updated', 'Started', 'Triaged', 'Completed', 'Canceled', 'Archived', 'Due Date', 'Parent issue', 'Initiatives', 'Project Milestone ID', 'Project Milestone', 'SLA Status', 'Roadmaps'], true));
  const start = Date.parse(`${ctx.plan.start}T00:00:00Z`);
  return {
    workflow(wf: Workflow) {
      const issue = wf.issue;
      if (!issue) return;
      const cycle = Math.floor((issue.createdAt - start) / (14 * 86_400_000)) + 1;
      const cycleStart = start + (cycle - 1) * 14 * 86_400_000;
      const status = issue.status === 'done' ? 'Done' : issue.status === 'in-progress' ? 'In Progress' : 'Todo';
      const row = (id: string, created: string) =>
        csvLine([id, 'Delivery', issue.summary, `Onboarding incident ${ticketIdOf('servicenow', issue.ticketNumber)}.\nCustomer: ${wf.account}.`, status, '', wf.amount > 40_000 ? 'High' : 'Medium', hexOf('project', 8), 'Customer Delivery', issue.createdBy.email, issue.assignee?.email ?? '', issue.crmId ? `Onboarding, ${issue.crmId}` : 'Onboarding', cycle, `Cycle ${cycle}`, jsDate(cycleStart), jsDate(cycleStart + 14 * 86_400_000), created, jsDate(issue.updatedAt), jsDate(issue.startedAt), '', jsDate(issue.doneAt), '', '', issue.goLive, '', '', '', '', '', ''], true);
      file.write(row(issueKeyOf('linear', issue.number), jsDate(issue.createdAt)));
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        file.write(row(plant.kind === 'missing-id' ? '' : `DEL-${90_000 + wf.index}`, plant.kind === 'bad-date' ? 'Mon Feb 30 2026 25:00:00 GMT+0000 (Coordinated Universal Time)' : jsDate(issue.createdAt)));
      }
    },
    end() {},
  };
}
