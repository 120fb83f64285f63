// Jira: REST search pages with `expand=changelog,names` and the "Export Excel CSV (all fields)" file.
import { hexOf, issueKeyOf, ticketIdOf } from '../ids.js';
import type { DeliveryIssue, Person, Workflow } from '../model.js';
import { csvLine } from '../output.js';
import { isoOffset, pad, wallOf } from '../time.js';
import { JsonPage, plantsFor, type Writer, type WriterContext } from './common.js';

const FIELD_CRM = 'customfield_10071';
const FIELD_TICKET = 'customfield_10072';
const FIELD_GO_LIVE = 'customfield_10073';
const STATUS: Record<DeliveryIssue['status'], { id: string; name: string; category: string }> = {
  todo: { id: '10000', name: 'To Do', category: 'new' },
  'in-progress': { id: '3', name: 'In Progress', category: 'indeterminate' },
  done: { id: '10001', name: 'Done', category: 'done' },
};

export function jiraUser(person: Person, zone: string) {
  return {
    accountId: person.integration ? `557058:${hexOf('zapier-app', 8)}-${hexOf('app', 4)}` : `712020:${hexOf(person.email, 8)}-${hexOf(person.name, 4)}-${hexOf(person.key, 12)}`,
    accountType: person.integration ? 'app' : 'atlassian',
    displayName: person.name,
    active: true,
    timeZone: zone,
  };
}

export function jiraRestWriter(ctx: WriterContext): Writer {
  const { plan, roster } = ctx;
  const zone = plan.zone;
  const crmName = plan.systems.crm === 'salesforce' ? 'Salesforce Opportunity Id' : 'HubSpot Deal ID';
  const file = ctx.out.file('jira/search-changelog.json');
  const page = new JsonPage(file, 'issues', { expand: 'schema,names', startAt: 0, maxResults: 5000 });
  let total = 0;
  let history = 1;
  const at = (ms: number) => isoOffset(Math.floor(ms / 1000) * 1000, zone, false);
  return {
    workflow(wf) {
      const issue = wf.issue;
      if (!issue) return;
      const key = issueKeyOf(plan.systems.delivery, issue.number);
      const histories = issue.changes.map((change) => {
        const item =
          change.field === 'status'
            ? { field: 'status', fieldtype: 'jira', fieldId: 'status', from: STATUS[change.old as DeliveryIssue['status']].id, fromString: STATUS[change.old as DeliveryIssue['status']].name, to: STATUS[change.new as DeliveryIssue['status']].id, toString: STATUS[change.new as DeliveryIssue['status']].name }
            : change.field === 'assignee'
              ? (() => {
                  const from = change.old ? roster.people.find((p) => p.key === change.old)! : null;
                  const to = change.new ? roster.people.find((p) => p.key === change.new)! : null;
                  return { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: from ? jiraUser(from, zone).accountId : null, fromString: from?.name ?? null, to: to ? jiraUser(to, zone).accountId : null, toString: to?.name ?? null };
                })()
              : { field: 'Go-live date', fieldtype: 'custom', fieldId: FIELD_GO_LIVE, from: change.old, fromString: change.old, to: change.new, toString: change.new };
        const items = [item];
        if (change.field === 'status' && change.new === 'done') items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' });
        return { id: String(100_000 + history++), author: jiraUser(change.actor, zone), created: at(change.at), items };
      });
      const record = {
        expand: 'operations,changelog',
        id: String(10_000 + issue.number),
        key,
        fields: {
          summary: issue.summary,
          issuetype: { name: 'Task' },
          project: { key: key.split('-')[0], name: 'Customer Delivery' },
          created: at(issue.createdAt),
          updated: at(issue.updatedAt),
          status: { name: STATUS[issue.status].name, statusCategory: { key: STATUS[issue.status].category } },
          resolution: issue.doneAt ? { name: 'Done' } : null,
          resolutiondate: issue.doneAt ? at(issue.doneAt) : null,
          assignee: issue.assignee ? jiraUser(issue.assignee, zone) : null,
          reporter: jiraUser(issue.createdBy, zone),
          creator: jiraUser(issue.createdBy, zone),
          [FIELD_CRM]: issue.crmId ?? null,
          [FIELD_TICKET]: ticketIdOf(plan.systems.support, issue.ticketNumber),
          [FIELD_GO_LIVE]: issue.goLive,
        },
        changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
      };
      page.add(record);
      total++;
      for (const plant of plantsFor(ctx, file, wf.index)) {
        const bad = { ...record, key: `${key.split('-')[0]}-${90_000 + wf.index}`, id: String(90_000 + wf.index), fields: { ...record.fields, created: '2026-02-30T10:00:00.000+0000' } };
        const line = page.add(bad);
        total++;
        ctx.out.planted.push({ file: file.name, line, code: plant.code, what: plant.kind });
      }
    },
    end() {
      page.end({ total, names: { [FIELD_CRM]: crmName, [FIELD_TICKET]: plan.systems.support === 'zendesk' ? 'Zendesk Ticket ID' : 'ServiceNow Incident', [FIELD_GO_LIVE]: 'Go-live date' } });
    },
  };
}

/** Jira CSV: `dd/MMM/yy h:mm a` in the exporting user's zone, no offset. */
function jiraCsvDate(ms: number | undefined, zone: string): string {
  if (ms === undefined) return '';
  const w = wallOf(ms, zone);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const h = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return `${pad(w.day)}/${months[w.month - 1]}/${pad(w.year % 100)} ${h}:${pad(w.minute)} ${w.hour < 12 ? 'AM' : 'PM'}`;
}

export function jiraCsvWriter(ctx: WriterContext): Writer {
  const { plan } = ctx;
  const zone = plan.zone;
  const file = ctx.out.file('jira/Jira.csv');
  const crmName = plan.systems.crm === 'salesforce' ? 'Salesforce Opportunity Id' : 'HubSpot Deal ID';
  file.write(csvLine(['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Project key', 'Project name', 'Priority', 'Resolution', 'Assignee', 'Reporter', 'Creator', 'Created', 'Updated', 'Resolved', 'Labels', 'Labels', `Custom field (${crmName})`, 'Custom field (Zendesk Ticket ID)', 'Custom field (Go-live date)', 'Status Category']));
  return {
    workflow(wf: Workflow) {
      const issue = wf.issue;
      if (!issue) return;
      const key = issueKeyOf(plan.systems.delivery, issue.number);
      const st = STATUS[issue.status];
      const row = (created: string, k = key, id = String(10_000 + issue.number)) =>
        csvLine([issue.summary, k, id, 'Task', st.name, 'DLV', 'Customer Delivery', 'Medium', issue.doneAt ? 'Done' : '', issue.assignee?.name ?? '', issue.createdBy.name, issue.createdBy.name, created, jiraCsvDate(issue.updatedAt, zone), jiraCsvDate(issue.doneAt, zone), 'onboarding', wf.amount > 40_000 ? 'key-account' : '', issue.crmId ?? '', String(issue.ticketNumber), issue.goLive, st.name === 'Done' ? 'Done' : st.name === 'To Do' ? 'To Do' : 'In Progress']);
      file.write(row(jiraCsvDate(issue.createdAt, zone)));
      for (const plant of plantsFor(ctx, file, wf.index)) {
        ctx.out.plant(file, plant.code, plant.kind);
        file.write(row('31/Feb/26 9:00 AM', `DLV-${90_000 + wf.index}`, String(90_000 + wf.index)));
      }
    },
    end() {},
  };
}
