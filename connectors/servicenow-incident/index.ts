// ServiceNow incident list CSV export (a snapshot per incident): opened, reopened, resolved, closed and the state at last update.
import { defineConnector, type RowContext } from '../../src/ingest/connector.js';
import type { Actor, EventDraft, RecordLink } from '../../src/model/index.js';
import {
  cellOf,
  incidentStateLabel,
  isCanceledState,
  linkOf,
  serviceNowActorMark,
  serviceNowSettings,
  sniffDateOrder,
  systemNamed,
} from '../servicenow-common.js';
import { INCIDENT_FIELDS, ServiceNowIncidentRow } from './row.js';

const DATE_FIELDS = ['opened_at', 'resolved_at', 'closed_at', 'reopened_time', 'sys_created_on', 'sys_updated_on', 'sys_updated_at'] as const;

/** Task tables by number prefix (out-of-the-box prefixes); the record type must equal sys_audit's `tablename`. */
const TABLE_OF_PREFIX: Readonly<Record<string, string>> = {
  INC: 'incident',
  PRB: 'problem',
  PTASK: 'problem_task',
  CHG: 'change_request',
  CTASK: 'change_task',
  RITM: 'sc_req_item',
  REQ: 'sc_request',
  SCTASK: 'sc_task',
};

interface IncidentSettings {
  /** the table the list was exported from, when the number prefix does not say it */
  table?: string;
}

/** The table a record number belongs to: the setting, then the number's prefix, then `incident`. */
export function tableOf(number: string, explicit?: string): string {
  if (explicit) return explicit;
  const prefix = /^([A-Z]+)\d/.exec(number)?.[1];
  return (prefix && TABLE_OF_PREFIX[prefix]) || 'incident';
}

/** The ids of other systems this incident carries, plus its number when the record is keyed by sys_id. */
export function linksOf(row: ServiceNowIncidentRow, linkFields: Map<string, string | undefined>, keyedBySysId: boolean): RecordLink[] {
  const links: RecordLink[] = [];
  const seen = new Set<string>();
  const add = (link: RecordLink) => {
    const key = `${link.via}\u0000${link.id}`;
    if (!seen.has(key)) {
      seen.add(key);
      links.push(link);
    }
  };
  // the incident's own number: how e-mails, Jira fields and Salesforce cases usually cite it
  if (keyedBySysId) add(linkOf(row.number.trim(), 'number', 'servicenow'));
  const correlationId = cellOf(row.correlation_id);
  const display = cellOf(row.correlation_display);
  // `correlation_display` usually names the other system (`JIRA`); when it holds an id instead, it is a link too
  if (correlationId) add(linkOf(correlationId, 'correlation_id', systemNamed(display)));
  if (display && display !== correlationId && /\d/.test(display)) add(linkOf(display, 'correlation_display'));
  for (const [column, value] of Object.entries(row)) {
    const wanted = linkFields.get(column.trim().toLowerCase());
    if (!linkFields.has(column.trim().toLowerCase()) || typeof value !== 'string') continue;
    for (const id of value.split(/[,;\n]/).map((part) => cellOf(part)).filter((part): part is string => part !== undefined)) {
      add(linkOf(id, column, wanted ?? systemNamed(column)));
    }
  }
  return links;
}

function actorOf(ctx: RowContext<unknown>, name: string | undefined): Actor {
  if (!name) return { id: 'unknown', type: ctx.actorType([], 'unknown') };
  return { id: name, type: ctx.actorType([name], serviceNowActorMark(name)) };
}

export default defineConnector({
  meta: {
    id: 'servicenow-incident',
    tool: 'ServiceNow',
    system: 'servicenow',
    systemKind: 'support',
    description:
      'ServiceNow incident list exported as CSV (field names as headers; display values or raw codes): opened, reopened, resolved and closed times, and the state, group and owner at the last update',
    format: 'csv',
    columns: {
      required: ['number', 'short_description', 'state', 'opened_at'],
      optional: INCIDENT_FIELDS.filter((name) => !['number', 'short_description', 'state', 'opened_at'].includes(name)),
    },
    emits: ['created', 'reopened', 'resolved', 'state-changed', 'activity'],
    timeZone:
      'CSV writes date/time values as stored (UTC, yyyy-MM-dd HH:mm:ss); list exports from instances with a day-first user format write dd-MM-yyyy or dd/MM/yyyy in the user’s zone: set --tz and the date order is read from the file',
    docs: [
      'https://www.servicenow.com/docs/r/australia/platform-administration/table-administration-and-data-management/default-values-headers-values.html',
      'https://www.servicenow.com/docs/r/australia/platform-administration/table-administration-and-data-management/system-properties-display-value-header.html',
      'https://www.servicenow.com/docs/r/platform-administration/time-configuration/c_ExportDateAndTimeInformation.html',
    ],
  },
  row: ServiceNowIncidentRow,

  prepare({ sample }) {
    return { ok: true, value: undefined, dateOrder: sniffDateOrder(sample, DATE_FIELDS) };
  },

  toEvents(row, ctx) {
    const { linkFields, stateLabels } = serviceNowSettings(ctx.options);
    const number = row.number.trim();
    const table = tableOf(number, ((ctx.options.settings ?? {}) as IncidentSettings).table);
    const sysId = cellOf(row.sys_id);
    const record = { type: table, id: sysId ?? number };
    const rawState = cellOf(row.state) ?? cellOf(row.incident_state);
    // incident codes and labels are known; other tables' states stay as exported
    const state = table === 'incident' ? incidentStateLabel(rawState, stateLabels) : rawState;
    const group = cellOf(row.assignment_group);

    const time = (field: (typeof DATE_FIELDS)[number]): string | undefined => {
      const text = cellOf(row[field]);
      return text === undefined ? undefined : ctx.time(text, field);
    };
    // `opened_at` is the business open time; `sys_created_on` stands in when the list left it empty
    const openedField = cellOf(row.opened_at) === undefined && cellOf(row.sys_created_on) !== undefined ? 'sys_created_on' : 'opened_at';
    const opened = ctx.time(cellOf(row[openedField]), openedField);
    const resolvedAt = time('resolved_at');
    const closedAt = time('closed_at');
    const reopenedAt = time('reopened_time');
    const updatedField = cellOf(row.sys_updated_on) ? 'sys_updated_on' : 'sys_updated_at';
    const updatedAt = time(updatedField);
    if (!opened) return [];

    const base = { system: 'servicenow', systemKind: 'support' as const, record };
    const links = linksOf(row, linkFields, sysId !== undefined);
    const events: EventDraft[] = [];
    // `reassignment_count` 0 means the group never changed, so the current group held it from the start
    const neverReassigned = cellOf(row.reassignment_count) === '0';
    events.push({
      ...base,
      at: opened,
      kind: 'created',
      actor: actorOf(ctx, cellOf(row.opened_by) ?? cellOf(row.sys_created_by)),
      ...(neverReassigned && group ? { team: group } : {}),
      ...(links.length ? { links } : {}),
    });
    if (reopenedAt) {
      const count = cellOf(row.reopen_count);
      events.push({
        ...base,
        at: reopenedAt,
        kind: 'reopened',
        actor: actorOf(ctx, cellOf(row.reopened_by)),
        ...(count ? { detail: `last of reopen_count=${count}` } : {}),
      });
    }
    if (resolvedAt) {
      events.push({
        ...base,
        at: resolvedAt,
        kind: 'resolved',
        actor: actorOf(ctx, cellOf(row.resolved_by)),
        ...(group ? { team: group } : {}),
        to: table === 'incident' ? incidentStateLabel('6', stateLabels)! : 'Resolved',
      });
    }
    if (closedAt) {
      const canceled = table === 'incident' && isCanceledState(rawState);
      const closedLabel = canceled ? state! : table === 'incident' ? incidentStateLabel('7', stateLabels)! : (state ?? 'Closed');
      events.push({
        ...base,
        at: closedAt,
        // closed without a resolution time: the close is the resolution
        kind: !canceled && !resolvedAt ? 'resolved' : 'state-changed',
        actor: actorOf(ctx, cellOf(row.closed_by)),
        ...(group ? { team: group } : {}),
        to: closedLabel,
      });
    }
    if (updatedAt) {
      events.push({
        ...base,
        at: updatedAt,
        kind: 'activity',
        activity: 'last-updated',
        actor: actorOf(ctx, cellOf(row.sys_updated_by)),
        ...(group ? { team: group } : {}),
        ...(state ? { to: state } : {}),
        ...snapshotDetail(row, table),
      });
    }
    return events;
  },
});

/** What the snapshot knows but cannot date: owner, counts, SLA, priority, escalation; `key=value; …`. */
function snapshotDetail(row: ServiceNowIncidentRow, table: string): { detail?: string } {
  const parts: string[] = [];
  const add = (key: string, value: string | undefined) => {
    const text = cellOf(value);
    if (text !== undefined) parts.push(`${key}=${text.replace(/[;\n]/g, ' ')}`);
  };
  add('table', table === 'incident' ? undefined : table);
  add('assigned_to', row.assigned_to);
  add('priority', row.priority);
  add('escalation', row.escalation);
  add('reassignment_count', row.reassignment_count);
  add('reopen_count', row.reopen_count);
  add('made_sla', row.made_sla);
  return parts.length ? { detail: parts.join('; ') } : {};
}
