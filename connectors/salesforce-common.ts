// Shared helpers of the Salesforce connectors: cells, ids, actors, closed states and link fields.
import type { ConnectorOptions, RowContext } from '../src/ingest/connector.js';
import type { Actor, ActorType, EventDraft, RecordLink } from '../src/model/index.js';
import { perSettings } from './per-settings.js';
import { byRowShape } from './row-shape.js';

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
  return name ? { id: id ?? name, name, type } : { id: id ?? 'unknown', type };
}

const CLOSED_STATUSES = ['Closed', 'Resolved', 'Solved', 'Closed - Resolved', 'Closed - Unresolved', 'Cancelled', 'Canceled'];
const CLOSED_STAGES = ['Closed Won', 'Closed Lost'];

/**
 * What depends only on the settings (closed lists, configured link fields, the verdict on each link
 * field name), worked out once per settings object: rebuilding these per row was a visible share of
 * the connectors' time.
 */
interface OptionsPlan {
  closedStatuses: Set<string>;
  closedStages: Set<string>;
  configuredLinks: Map<string, string | undefined>;
  /** field name → how its values become links (null: never a link field) */
  linkRules: Map<string, LinkRule | null>;
  /** `recordLinks`: per lookup list, the link columns a row shape leaves, sorted */
  recordColumns: Map<string[], (row: object) => string[]>;
}
const plans = perSettings(
  (settings: SalesforceSettings): OptionsPlan => ({
    closedStatuses: new Set([...CLOSED_STATUSES, ...(settings.closedStatuses ?? [])].map((s) => s.toLowerCase())),
    closedStages: new Set([...CLOSED_STAGES, ...(settings.closedStages ?? [])].map((s) => s.toLowerCase())),
    configuredLinks: configuredLinks(settings),
    linkRules: new Map(),
    recordColumns: new Map(),
  }),
);

function planOf(options: ConnectorOptions): OptionsPlan {
  return plans(options.settings);
}

export function isClosedStatus(status: string | undefined, options: ConnectorOptions): boolean {
  if (!status) return false;
  return planOf(options).closedStatuses.has(status.toLowerCase()) || /^closed\b/i.test(status);
}

export function isClosedStage(stage: string | undefined, options: ConnectorOptions): boolean {
  if (!stage) return false;
  return planOf(options).closedStages.has(stage.toLowerCase());
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

function configuredLinks(settings: SalesforceSettings): Map<string, string | undefined> {
  const raw = settings.linkFields;
  const map = new Map<string, string | undefined>();
  if (Array.isArray(raw)) for (const name of raw) map.set(name.toLowerCase(), undefined);
  else if (raw) for (const [name, system] of Object.entries(raw)) map.set(name.toLowerCase(), system ?? undefined);
  return map;
}

/** How the values of one field become links; depends on the field name and the options only. */
interface LinkRule {
  configured: boolean;
  /** the field's name names another system */
  named: boolean;
  /** the system the field's name or configuration gives, else undefined (then told by each value's shape) */
  system: string | undefined;
}

function linkRuleOf(field: string, options: ConnectorOptions): LinkRule | null {
  const plan = planOf(options);
  let rule = plan.linkRules.get(field);
  if (rule === undefined) {
    rule = newLinkRule(field, plan.configuredLinks);
    plan.linkRules.set(field, rule);
  }
  return rule;
}

function newLinkRule(field: string, configured: Map<string, string | undefined>): LinkRule | null {
  const isConfigured = configured.has(field.toLowerCase());
  const custom = /__c$/i.test(field);
  if (!isConfigured && !custom) return null;
  const named = SYSTEM_HINTS.some(([pattern]) => pattern.test(field.replace(/__c$/i, '')));
  if (!isConfigured && !named && !REFERENCE_NAME.test(field)) return null;
  // named by configuration first, else by the field's name (the full name, `__c` included)
  const system = configured.get(field.toLowerCase()) || SYSTEM_HINTS.find(([pattern]) => pattern.test(field))?.[1];
  return { configured: isConfigured, named, system };
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
  const rule = linkRuleOf(field, options);
  if (rule === null) return [];
  const links: RecordLink[] = [];
  for (const part of value.split(/[;,]/)) {
    const id = part.trim();
    if (id === '') continue;
    if (!rule.configured && (/\s/.test(id) || id.length > 100)) continue;
    if (!rule.configured && !rule.named && !JIRA_KEY.test(id) && !SERVICENOW_NUMBER.test(id) && !/\d/.test(id)) continue;
    // the value's shape tells the system only when neither the configuration nor the name does
    const system = rule.system ?? (JIRA_KEY.test(id) ? 'jira' : SERVICENOW_NUMBER.test(id) ? 'servicenow' : undefined);
    links.push(system ? { system, id, via: field } : { id, via: field });
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
  for (const name of linkColumns(row, lookups, options)) {
    const value = cell(row, name);
    if (value) links.push(...linksOf(name, value, options));
  }
  return links;
}

/**
 * The columns of a record that may hold links, sorted: not a lookup, and a link field by name or
 * configuration. Worked out once per row shape (sorting the keys of every row was most of `recordLinks`).
 */
function linkColumns(row: object, lookups: string[], options: ConnectorOptions): string[] {
  const plan = planOf(options);
  let columnsOf = plan.recordColumns.get(lookups);
  if (!columnsOf) {
    columnsOf = byRowShape((keys) => [...keys].sort().filter((name) => !lookups.includes(name) && linkRuleOf(name, options) !== null));
    plan.recordColumns.set(lookups, columnsOf);
  }
  return columnsOf(row);
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
  // plain literals with optional keys set after: spreading `base` and `{}`s cost more than the rest of the row
  const system = 'salesforce';
  const { systemKind, links } = record;
  const recordRef = { type: record.type, id: String(row.Id).trim() };
  const detail = snapshot.filter(Boolean).join('; ');
  const createdEvent: EventDraft = {
    system, systemKind, record: recordRef, at: created, kind: 'created',
    actor: actorOf(ctx, cell(row, 'CreatedById'), cell(row, 'CreatedBy.Name')),
  };
  if (links.length) createdEvent.links = links;
  if (detail) createdEvent.detail = detail;
  const events: EventDraft[] = [createdEvent];
  if (closed) {
    const resolved: EventDraft = {
      system, systemKind, record: recordRef, at: closed.at, kind: 'resolved',
      actor: { id: 'unknown', type: 'unknown' },
      field: closed.field,
    };
    if (links.length) resolved.links = links;
    if (closed.to) resolved.to = closed.to;
    if (closed.detail) resolved.detail = closed.detail;
    if (closed.team) resolved.team = closed.team;
    events.push(resolved);
  }
  return events;
}
