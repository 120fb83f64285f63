// Shared helpers of the Salesforce connectors: cells, ids, actors, closed states and link fields.
import type { ConnectorOptions, RowContext } from '../src/ingest/connector.js';
import type { Actor, ActorType, EventDraft, RecordLink } from '../src/model/index.js';

/** Settings every Salesforce connector reads from `options.settings`. */
export interface SalesforceSettings {
  /** extra columns (or history `Field` values) holding another system's id, e.g. `{ "Ticket_Ref__c": "zendesk" }` */
  linkFields?: Record<string, string | null> | string[];
  /** Case `Status` values that mean closed, on top of the defaults */
  closedStatuses?: string[];
  /** Opportunity `StageName` values that mean closed, on top of the defaults */
  closedStages?: string[];
  /** history `Field` values that are lookups (written as a name row and an id row) besides `Owner` */
  lookupFields?: string[];
  /** record type for `ParentId` history exports of custom objects, e.g. `Project__c` */
  parentType?: string;
}

export function settingsOf(options: ConnectorOptions): SalesforceSettings {
  return (options.settings ?? {}) as SalesforceSettings;
}

/** The trimmed text of a cell, or undefined when empty. */
export function cell(row: Record<string, unknown>, name: string): string | undefined {
  const value = row[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === null) return undefined;
  const trimmed = String(text).trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Data Loader and Data Export write booleans as `true` / `false`; Excel re-saves give `TRUE` / `1`. */
export function isTrue(text: string | undefined): boolean {
  return text !== undefined && /^(true|1|yes)$/i.test(text);
}

// 15-character case-sensitive or 18-character ids; key prefixes (`005`, `00G`, `500`, `a0B`) and the
// instance part put digits in the first five characters, which names ("IntegrationUser") never have.
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** True when the text has the shape of a Salesforce record id (`0055e000001AbCdAAK`). */
export function isSalesforceId(text: string | undefined): boolean {
  return text !== undefined && SALESFORCE_ID.test(text) && /\d/.test(text.slice(0, 5));
}

/** Queues are `Group` records (key prefix `00G`): an owner that is a queue is a team. */
export function isQueueId(text: string | undefined): boolean {
  return text !== undefined && isSalesforceId(text) && text.startsWith('00G');
}

// Users that are integration or automation accounts by name: Salesforce's own "Automated Process"
// and "Platform Integration User", and the usual connector account names.
const INTEGRATION_NAMES =
  /\b(integration|automated process|api[ _-]?only|connector|sync|mulesoft|zapier|workato|boomi|jitterbit|informatica|celigo|tray\.io|make\.com|hubspot|zendesk|jira|exalate|unito|data loader|etl)\b/i;

/**
 * The actor of a history row or record: `CreatedById` with `CreatedBy.Name` when exported.
 * Integration when the id or name is configured (`integrationActors`) or the name reads like an
 * integration account; human when a user id (`005…`) and nothing says otherwise.
 */
export function actorOf(ctx: RowContext<unknown>, id: string | undefined, name: string | undefined, mark?: ActorType): Actor {
  const vendorMark: ActorType = mark ?? (name && INTEGRATION_NAMES.test(name) ? 'integration' : 'unknown');
  const type = ctx.actorType([id, name], vendorMark);
  return { id: id ?? name ?? 'unknown', ...(name ? { name } : {}), type };
}

const CLOSED_STATUSES = ['Closed', 'Resolved', 'Solved', 'Closed - Resolved', 'Closed - Unresolved', 'Cancelled', 'Canceled'];
const CLOSED_STAGES = ['Closed Won', 'Closed Lost'];

export function isClosedStatus(status: string | undefined, options: ConnectorOptions): boolean {
  if (!status) return false;
  const known = [...CLOSED_STATUSES, ...(settingsOf(options).closedStatuses ?? [])].map((s) => s.toLowerCase());
  return known.includes(status.toLowerCase()) || /^closed\b/i.test(status);
}

export function isClosedStage(stage: string | undefined, options: ConnectorOptions): boolean {
  if (!stage) return false;
  const known = [...CLOSED_STAGES, ...(settingsOf(options).closedStages ?? [])].map((s) => s.toLowerCase());
  return known.includes(stage.toLowerCase());
}

// Which system a link field points at, from its name.
const SYSTEM_HINTS: [RegExp, string][] = [
  [/jira/i, 'jira'],
  [/zendesk|zd_/i, 'zendesk'],
  [/hubspot|hs_/i, 'hubspot'],
  [/servicenow|snow_|\bsn_/i, 'servicenow'],
  [/linear/i, 'linear'],
  [/github/i, 'github'],
  [/freshdesk/i, 'freshdesk'],
  [/intercom/i, 'intercom'],
  [/asana/i, 'asana'],
  [/azure|ado_|devops/i, 'azure-devops'],
  [/pipedrive/i, 'pipedrive'],
];
const JIRA_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;
const SERVICENOW_NUMBER = /^(INC|CHG|PRB|RITM|REQ|TASK|CS)\d{7,}$/;
// a custom field whose name says it holds a reference to something
const REFERENCE_NAME = /(^|_)(ext(ernal)?|ref(erence)?|key|ticket|issue|case|id|number|url|link)(_|$)|id__c$|key__c$/i;

function configuredLinks(options: ConnectorOptions): Map<string, string | undefined> {
  const raw = settingsOf(options).linkFields;
  const map = new Map<string, string | undefined>();
  if (Array.isArray(raw)) for (const name of raw) map.set(name.toLowerCase(), undefined);
  else if (raw) for (const [name, system] of Object.entries(raw)) map.set(name.toLowerCase(), system ?? undefined);
  return map;
}

/** The system a value of a link field belongs to: named by the field, else told by the value's shape. */
function systemOf(field: string, value: string, configured: string | undefined): string | undefined {
  if (configured) return configured;
  for (const [pattern, system] of SYSTEM_HINTS) if (pattern.test(field)) return system;
  if (JIRA_KEY.test(value)) return 'jira';
  if (SERVICENOW_NUMBER.test(value)) return 'servicenow';
  return undefined;
}

/**
 * Links read from one field: configured link fields always; custom fields (`__c`) when their name
 * names another system or says it holds a reference and the value looks like an id (no spaces).
 * Values may list several ids separated by `;` or `,`.
 *
 * @example
 * linksOf('Jira_Issue_Key__c', 'SUP-42', {}) // [{ system: 'jira', id: 'SUP-42', via: 'Jira_Issue_Key__c' }]
 */
export function linksOf(field: string, value: string | undefined, options: ConnectorOptions): RecordLink[] {
  if (!value) return [];
  const configured = configuredLinks(options);
  const isConfigured = configured.has(field.toLowerCase());
  const custom = /__c$/i.test(field);
  if (!isConfigured && !custom) return [];
  const named = SYSTEM_HINTS.some(([pattern]) => pattern.test(field.replace(/__c$/i, '')));
  if (!isConfigured && !named && !REFERENCE_NAME.test(field)) return [];
  const ids = value.split(/[;,]/).map((part) => part.trim()).filter((part) => part !== '');
  const links: RecordLink[] = [];
  for (const id of ids) {
    if (!isConfigured && (/\s/.test(id) || id.length > 100)) continue;
    if (!isConfigured && !named && !JIRA_KEY.test(id) && !SERVICENOW_NUMBER.test(id) && !/\d/.test(id)) continue;
    const system = systemOf(field, id, configured.get(field.toLowerCase()));
    links.push({ ...(system ? { system } : {}), id, via: field });
  }
  return links;
}

/** Links from every column of a record export: custom link fields and the Salesforce lookups named. */
export function recordLinks(row: Record<string, unknown>, lookups: string[], options: ConnectorOptions): RecordLink[] {
  const links: RecordLink[] = [];
  for (const name of lookups) {
    const id = cell(row, name);
    if (id && isSalesforceId(id)) links.push({ system: 'salesforce', id, via: name });
  }
  for (const name of Object.keys(row).sort()) {
    if (lookups.includes(name)) continue;
    links.push(...linksOf(name, cell(row, name), options));
  }
  return links;
}

/**
 * The two events a plain object export gives for one record: `created` (by its creator, with today's
 * snapshot in `detail`) and, once closed, `resolved` at the close time (the export does not say who
 * closed it). Shared by the Opportunity and Case exports.
 */
export function objectExportEvents(
  ctx: RowContext<unknown>,
  row: Record<string, unknown>,
  record: { systemKind: 'crm' | 'support'; type: string; links: RecordLink[] },
  created: string,
  closed: { at: string; field: string; to?: string; detail?: string; team?: string } | undefined,
  snapshot: (string | undefined)[],
): EventDraft[] {
  const base = {
    system: 'salesforce',
    systemKind: record.systemKind,
    record: { type: record.type, id: String(row.Id).trim() },
    ...(record.links.length ? { links: record.links } : {}),
  };
  const detail = snapshot.filter(Boolean).join('; ');
  const events: EventDraft[] = [
    { ...base, at: created, kind: 'created', actor: actorOf(ctx, cell(row, 'CreatedById'), cell(row, 'CreatedBy.Name')), ...(detail ? { detail } : {}) },
  ];
  if (closed) {
    events.push({
      ...base,
      at: closed.at,
      kind: 'resolved',
      actor: { id: 'unknown', type: 'unknown' },
      field: closed.field,
      ...(closed.to ? { to: closed.to } : {}),
      ...(closed.detail ? { detail: closed.detail } : {}),
      ...(closed.team ? { team: closed.team } : {}),
    });
  }
  return events;
}
