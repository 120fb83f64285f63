// ServiceNow sys_audit CSV export: every audited field change, as team, owner, state, escalation, comment and field events.
import { defineConnector } from '../../src/ingest/connector.js';
import type { EventDraft, EventKind, RecordLink } from '../../src/model/index.js';
import {
  cellOf,
  classifyIncidentMove,
  incidentStateLabel,
  linkOf,
  serviceNowActorMark,
  serviceNowSettings,
  sniffDateOrder,
  systemNamed,
} from '../servicenow-common.js';
import { SYS_AUDIT_OPTIONAL, SYS_AUDIT_REQUIRED, ServiceNowSysAuditRow } from './row.js';

/** What sys_audit writes as the old value of a journal entry (work notes, comments, approval history). */
const JOURNAL_ADDITION = 'JOURNAL FIELD ADDITION';
/** Journal fields whose entries are conversation: work notes (internal) and additional comments (customer-visible). */
const COMMENT_FIELDS = new Set(['work_notes', 'comments']);
/** The field holding another system's id out of the box (`correlation_display` usually names the system, so it links only when it holds an id). */
const CORRELATION_FIELD = 'correlation_id';
/** Enough of a comment to find ids in it without copying whole conversations into the event stream. */
const COMMENT_LIMIT = 500;

/** How one audited change reads as an event: kind, and from/to in the vendor's terms. */
export function classifyChange(
  table: string,
  field: string,
  from: string | undefined,
  to: string | undefined,
  journal: boolean,
): EventKind {
  if (journal) return COMMENT_FIELDS.has(field) ? 'comment' : 'field-changed';
  switch (field) {
    case 'assignment_group':
      return 'team-changed';
    case 'assigned_to':
      return 'owner-changed';
    case 'state':
      return table === 'incident' ? classifyIncidentMove(from, to) : 'state-changed';
    case 'priority':
      // 1 - Critical … 5 - Planning: a smaller number is a raise
      return isNumber(from) && isNumber(to) && Number(to) < Number(from) ? 'escalated' : 'field-changed';
    case 'escalation':
      // 0 Normal, 1 Moderate, 2 High, 3 Overdue: a larger number is a raise
      return isNumber(from) && isNumber(to) && Number(to) > Number(from) ? 'escalated' : 'field-changed';
    default:
      // `incident_state` mirrors `state` on incidents: reading it as a state change would count every move twice
      return 'field-changed';
  }
}

function isNumber(value: string | undefined): value is string {
  return value !== undefined && /^-?\d+$/.test(value);
}

export default defineConnector({
  meta: {
    id: 'servicenow-sys-audit',
    tool: 'ServiceNow',
    system: 'servicenow',
    systemKind: 'support',
    description:
      'ServiceNow sys_audit list exported as CSV: one row per audited field change (assignment group, assignee, state, priority, escalation, journal entries, any audited field) with the user who made it',
    format: 'csv',
    columns: { required: [...SYS_AUDIT_REQUIRED], optional: [...SYS_AUDIT_OPTIONAL] },
    emits: ['team-changed', 'owner-changed', 'state-changed', 'resolved', 'reopened', 'escalated', 'comment', 'field-changed'],
    timeZone:
      'sys_created_on and date values are UTC as stored (yyyy-MM-dd HH:mm:ss); list exports from instances with a day-first user format write dd-MM-yyyy or dd/MM/yyyy in the user’s zone: set --tz and the date order is read from the file',
    docs: [
      'https://www.servicenow.com/docs/r/australia/platform-security/c_UnderstandingTheSysAuditTable.html',
      'https://www.servicenow.com/docs/r/australia/platform-security/c_TrackingInserts.html',
      'https://www.servicenow.com/docs/r/australia/platform-administration/table-administration-and-data-management/default-values-headers-values.html',
      'https://support.servicenow.com/kb?id=kb_article_view&sysparm_article=KB0869189',
    ],
  },
  row: ServiceNowSysAuditRow,

  prepare({ sample }) {
    return { ok: true, value: undefined, dateOrder: sniffDateOrder(sample, ['sys_created_on']) };
  },

  toEvents(row, ctx) {
    const at = ctx.time(row.sys_created_on, 'sys_created_on');
    if (!at) return [];
    const { linkFields, stateLabels } = serviceNowSettings(ctx.options);
    const table = row.tablename.trim();
    const field = row.fieldname.trim();
    const journal = row.oldvalue.trim() === JOURNAL_ADDITION;
    let from = journal ? undefined : cellOf(row.oldvalue);
    let to = cellOf(row.newvalue);
    const kind = classifyChange(table, field, from, to, journal);
    if (field === 'state' && table === 'incident') {
      from = incidentStateLabel(from, stateLabels);
      to = incidentStateLabel(to, stateLabels);
    }
    const user = cellOf(row.user) ?? cellOf(row.sys_created_by);
    const actor = user ? { id: user, type: ctx.actorType([user], serviceNowActorMark(user)) } : { id: 'unknown', type: ctx.actorType([], 'unknown') };

    const links: RecordLink[] = [];
    const lower = field.toLowerCase();
    const holdsId = lower === CORRELATION_FIELD || linkFields.has(lower) || (lower === 'correlation_display' && /\d/.test(to ?? ''));
    if (to && holdsId) {
      for (const part of to.split(/[,;\n]/)) {
        const id = cellOf(part);
        if (id !== undefined) links.push(linkOf(id, field, linkFields.get(lower) ?? systemNamed(field)));
      }
    }
    const reason = cellOf(row.reason);
    const event: EventDraft = {
      at,
      system: 'servicenow',
      systemKind: 'support',
      record: { type: table, id: row.documentkey.trim() },
      kind,
      actor,
      field,
    };
    if (kind === 'team-changed' && to) event.team = to;
    if (kind === 'comment') {
      if (to) event.detail = to.length > COMMENT_LIMIT ? `${to.slice(0, COMMENT_LIMIT)}…` : to;
    } else {
      if (from !== undefined) event.from = from;
      if (to !== undefined) event.to = journal && to.length > COMMENT_LIMIT ? `${to.slice(0, COMMENT_LIMIT)}…` : to;
      if (reason) event.detail = `reason: ${reason}`;
    }
    if (links.length) event.links = links;
    return [event];
  },
});
