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
import { configuredLinkColumns } from '../row-shape.js';
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
export function linksOf(
  row: ServiceNowIncidentRow,
  linkFields: ReadonlyMap<string, string | undefined>,
  keyedBySysId: boolean,
  fieldsOf = configuredLinkColumns(linkFields, systemNamed),
): RecordLink[] {
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
  if (linkFields.size === 0) return links;
  for (const { column, system } of fieldsOf(row)) {
    const value = (row as Record<string, unknown>)[column];
    if (typeof value !== 'string') continue;
    for (const part of value.split(/[,;\n]/)) {
      const id = cellOf(part);
      if (id !== undefined) add(linkOf(id, column, system));
    }
  }
  return links;
}

/** An event of the incident (or task) record. */
function recordEvent(record: EventDraft['record'], at: string, kind: EventDraft['kind'], actor: Actor): EventDraft {
  return { system: 'servicenow', systemKind: 'support', record, at, kind, actor };
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

  // the settings are fixed for a file: its link fields are found once per row shape
  prepare({ sample, options }) {
    return { ok: true, value: configuredLinkColumns(serviceNowSettings(options).linkFields, systemNamed), dateOrder: sniffDateOrder(sample, DATE_FIELDS) };
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

    const links = linksOf(row, linkFields, sysId !== undefined, ctx.prepared);
    const events: EventDraft[] = [];
    // `reassignment_count` 0 means the group never changed, so the current group held it from the start
    const neverReassigned = cellOf(row.reassignment_count) === '0';
    const created = recordEvent(record, opened, 'created', actorOf(ctx, cellOf(row.opened_by) ?? cellOf(row.sys_created_by)));
    if (neverReassigned && group) created.team = group;
    if (links.length) created.links = links;
    events.push(created);
    if (reopenedAt) {
      const count = cellOf(row.reopen_count);
      const event = recordEvent(record, reopenedAt, 'reopened', actorOf(ctx, cellOf(row.reopened_by)));
      if (count) event.detail = `last of reopen_count=${count}`;
      events.push(event);
    }
    if (resolvedAt) {
      const event = recordEvent(record, resolvedAt, 'resolved', actorOf(ctx, cellOf(row.resolved_by)));
      if (group) event.team = group;
      event.to = table === 'incident' ? incidentStateLabel('6', stateLabels)! : 'Resolved';
      events.push(event);
    }
    if (closedAt) {
      const canceled = table === 'incident' && isCanceledState(rawState);
      const closedLabel = canceled ? state! : table === 'incident' ? incidentStateLabel('7', stateLabels)! : (state ?? 'Closed');
      // closed without a resolution time: the close is the resolution
      const event = recordEvent(record, closedAt, !canceled && !resolvedAt ? 'resolved' : 'state-changed', actorOf(ctx, cellOf(row.closed_by)));
      if (group) event.team = group;
      event.to = closedLabel;
      events.push(event);
    }
    if (updatedAt) {
      const event = recordEvent(record, updatedAt, 'activity', actorOf(ctx, cellOf(row.sys_updated_by)));
      event.activity = 'last-updated';
      if (group) event.team = group;
      if (state) event.to = state;
      const detail = snapshotDetail(row, table);
      if (detail) event.detail = detail;
      events.push(event);
    }
    return events;
  },
});

/** What the snapshot knows but cannot date: owner, counts, SLA, priority, escalation; `key=value; …`. */
function snapshotDetail(row: ServiceNowIncidentRow, table: string): string | undefined {
  const parts: string[] = [];
  const add = (key: string, value: string | undefined) => {
    const text = cellOf(value);
    // most cells hold neither separator: skip the regex replace for them
    if (text !== undefined) parts.push(`${key}=${text.includes(';') || text.includes('\n') ? text.replace(/[;\n]/g, ' ') : text}`);
  };
  add('table', table === 'incident' ? undefined : table);
  add('assigned_to', row.assigned_to);
  add('priority', row.priority);
  add('escalation', row.escalation);
  add('reassignment_count', row.reassignment_count);
  add('reopen_count', row.reopen_count);
  add('made_sla', row.made_sla);
  return parts.length ? parts.join('; ') : undefined;
}
