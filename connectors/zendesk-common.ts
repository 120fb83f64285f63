// Zendesk knowledge shared by the Zendesk connectors: via channels → actor types, status and priority
// rules, links to other systems' ids, and the ticket-snapshot mapping used by the CSV and JSON exports.
import { z } from 'zod';
import type { ConnectorOptions, RowContext } from '../src/ingest/connector.js';
import type { ActorType, EventDraft, RecordLink } from '../src/model/index.js';
import { perSettings } from './per-settings.js';

export const SYSTEM = 'zendesk';
export const SYSTEM_KIND = 'support' as const;

/** The Zendesk developer pages the connectors were built from. */
export const DOCS = {
  incremental: 'https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/',
  incrementalGuide: 'https://developer.zendesk.com/documentation/ticketing/managing-tickets/using-the-incremental-export-api',
  metricEvents: 'https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metric_events/',
  metricEventTypes: 'https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-metric-event-types-reference',
  viaTypes: 'https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types',
  viaObject: 'https://developer.zendesk.com/documentation/ticketing/reference-guides/via-object-reference',
  tickets: 'https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/',
  dataExport: 'https://support.zendesk.com/hc/en-us/articles/4408886165402',
} as const;

/**
 * Settings every Zendesk connector reads from `options.settings`.
 *
 * @example
 * { "linkFields": { "360041597112": "salesforce", "Jira issue key": "jira" }, "externalIdSystem": "salesforce" }
 */
export interface ZendeskSettings {
  /** custom field id (JSON) or title (CSV, with or without the `[txt]` suffix) → system of the id it holds (`''` = unknown) */
  linkFields?: Record<string, string>;
  /** system whose ids the ticket `external_id` / `Requester external id` holds */
  externalIdSystem?: string;
  /** tags whose addition counts as an escalation; default {@link DEFAULT_ESCALATION_TAGS} */
  escalationTags?: string[];
}

export const DEFAULT_ESCALATION_TAGS = ['escalated', 'escalation', 'escalate', 'tier2', 'tier_2', 'tier3', 'tier_3', 'l2', 'l3'];

/** One empty settings object, so that per-settings memos below work when there are no settings. */
const NO_SETTINGS: ZendeskSettings = Object.freeze({});

const DEFAULT_ESCALATION_SET: ReadonlySet<string> = new Set(DEFAULT_ESCALATION_TAGS.map((tag) => tag.toLowerCase()));

export function settingsOf(options: ConnectorOptions): ZendeskSettings {
  const settings = (options.settings ?? NO_SETTINGS) as ZendeskSettings;
  return typeof settings === 'object' && settings !== null ? settings : NO_SETTINGS;
}

/** `id` of a JSON number or string; undefined for null, empty or other shapes. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** A changed value as event text: arrays (tags, multi-select) joined by a space, objects as JSON. */
export function valueText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(item) ?? '').join(' ').trim() || undefined : undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

// Via channels (https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types): the
// via type (`api`, `rule`…), the via id (5, 8…) or, in the incremental ticket events, the display label
// (`"Web form"`, `"Web service"`, `"Rule"`…). Channels not listed here say nothing about the actor.
const INTEGRATION_CHANNELS = new Set(['api', 'web_service', 'web service', 'web service (api)', 'any_channel', 'channel integration', 'sample_ticket']);
const SYSTEM_CHANNELS = new Set([
  'rule', 'trigger', 'automation', 'trigger, automation', 'closed_ticket', 'closed ticket', 'merge', 'linked_problem', 'linked problem',
  'group_deletion', 'group deletion', 'user_deletion', 'user deletion', 'delete user', 'group_change', 'change group', 'user_change', 'change user',
  'recovered_from_suspended_tickets', 'recover from suspended ticket', 'automatic_solution_suggestions', 'sla',
]);
const HUMAN_CHANNELS = new Set([
  'web', 'web_form', 'web form', 'email', 'mail', 'mobile', 'mobile_sdk', 'mobile sdk', 'iphone', 'android', 'chat', 'chat_transcript', 'phone',
  'voice', 'voicemail', 'phone_call_inbound', 'phone_call_outbound', 'phone call (inbound)', 'phone call (outbound)', 'text', 'sms',
  'web_widget', 'web widget', 'help_center', 'help center', 'dropbox', 'feedback tab', 'batch', 'twitter', 'facebook', 'native_messaging',
  'messaging', 'whatsapp', 'line', 'wechat',
]);
// via ids of the same table: 5 web_service, 8 rule, 0 web_form, 4 mail
const VIA_IDS: Record<number, ActorType> = { 0: 'human', 4: 'human', 5: 'integration', 8: 'system', 9: 'system', 19: 'system', 20: 'human', 27: 'system' };

/** The channel a via (string label, via type, via id or `{ channel, source }` object) names, lower-case. */
export function viaChannel(via: unknown): string | undefined {
  if (via === null || via === undefined) return undefined;
  if (typeof via === 'object' && !Array.isArray(via)) return viaChannel((via as Record<string, unknown>).channel);
  const text = String(via).trim().toLowerCase();
  return text === '' ? undefined : text;
}

/**
 * What a via says about who acted: `integration` for the API (`Web service`), `system` for business
 * rules (triggers, automations) and platform housekeeping, `human` for agent and customer channels.
 *
 * @example
 * viaActorType('Web form') // 'human'
 * viaActorType({ channel: 'api', source: { rel: null } }) // 'integration'
 * viaActorType({ channel: 'rule', source: { rel: 'trigger' } }) // 'system'
 */
export function viaActorType(via: unknown): ActorType | undefined {
  if (typeof via === 'object' && via !== null && !Array.isArray(via)) {
    const rel = viaChannel((via as { source?: { rel?: unknown } }).source?.rel);
    if (rel === 'trigger' || rel === 'automation') return 'system';
  }
  const channel = viaChannel(via);
  if (channel === undefined) return undefined;
  if (/^\d+$/.test(channel)) return VIA_IDS[Number(channel)];
  if (INTEGRATION_CHANNELS.has(channel)) return 'integration';
  if (SYSTEM_CHANNELS.has(channel)) return 'system';
  if (HUMAN_CHANNELS.has(channel)) return 'human';
  if (/\bapi\b|web service|integration/.test(channel)) return 'integration';
  if (/trigger|automation|\brule\b/.test(channel)) return 'system';
  return undefined;
}

const RESOLVED = new Set(['solved', 'closed']);
const OPEN = new Set(['new', 'open', 'pending', 'hold', 'on-hold']);

export function isResolvedStatus(status: string | undefined): boolean {
  return status !== undefined && RESOLVED.has(status.trim().toLowerCase());
}

/** solved/closed → new/open/pending/hold: the requester or an agent reopened a solved ticket. */
export function isReopen(from: string | undefined, to: string | undefined): boolean {
  return isResolvedStatus(from) && to !== undefined && OPEN.has(to.trim().toLowerCase());
}

const PRIORITY_RANK: Record<string, number> = { low: 1, normal: 2, high: 3, urgent: 4 };

/** A priority raised to `high` or `urgent` from something lower (or from none). */
export function isPriorityEscalation(from: string | undefined, to: string | undefined): boolean {
  const next = PRIORITY_RANK[to?.trim().toLowerCase() ?? ''];
  const before = PRIORITY_RANK[from?.trim().toLowerCase() ?? ''] ?? 0;
  return next !== undefined && next >= PRIORITY_RANK.high! && next > before;
}

/** The escalation tags among `tags`, compared without case. */
export function escalationTagsIn(tags: readonly string[], settings: ZendeskSettings): string[] {
  const wanted = settings.escalationTags ? new Set(settings.escalationTags.map((tag) => tag.toLowerCase())) : DEFAULT_ESCALATION_SET;
  return tags.filter((tag) => wanted.has(tag.toLowerCase()));
}

/** Tags as a list: JSON arrays, or the CSV export's space-separated cell. */
export function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((tag) => String(tag).trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

// ---------------------------------------------------------------------------------------------------
// Links: ids of other systems held in external ids and custom fields.

/** What a field name says about the system of the ids it holds; only names that look like id fields. */
function systemFromFieldName(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (!/\b(id|ids|key|keys|number|no|url|link|links|ref|reference|record)\b|_id\b|id$/.test(lower)) return undefined;
  if (/salesforce|sfdc|\bsf\b/.test(lower)) return 'salesforce';
  if (/hubspot/.test(lower)) return 'hubspot';
  if (/jira/.test(lower)) return 'jira';
  if (/servicenow|service now|\bsnow\b/.test(lower)) return 'servicenow';
  if (/linear/.test(lower)) return 'linear';
  if (/pipedrive/.test(lower)) return 'pipedrive';
  if (/freshdesk/.test(lower)) return 'freshdesk';
  if (/github/.test(lower)) return 'github';
  if (/asana/.test(lower)) return 'asana';
  return undefined;
}

const SALESFORCE_PREFIXES = '(?:500|006|001|003|00Q|005|00T|00U|0Q0|a0\\w|a1\\w)';
const VALUE_PATTERNS: { system: string; pattern: RegExp }[] = [
  // record URLs first: they name their system unambiguously
  { system: 'jira', pattern: /atlassian\.net\/browse\/([A-Z][A-Z0-9_]+-\d+)/ },
  { system: 'jira', pattern: /\/browse\/([A-Z][A-Z0-9_]+-\d+)\b/ },
  { system: 'linear', pattern: /linear\.app\/[^/]+\/issue\/([A-Z][A-Z0-9]+-\d+)/ },
  { system: 'salesforce', pattern: /(?:force\.com|salesforce\.com)\/(?:lightning\/r\/\w+\/)?([a-zA-Z0-9]{18}|[a-zA-Z0-9]{15})\b/ },
  { system: 'hubspot', pattern: /app\.hubspot\.com\/contacts\/\d+\/(?:record\/[\d-]+|deal|company|contact|ticket)\/(\d+)/ },
  { system: 'servicenow', pattern: /service-now\.com\/.*[?&]sys_id=([0-9a-f]{32})/ },
  { system: 'github', pattern: /github\.com\/([\w.-]+\/[\w.-]+\/(?:issues|pull)\/\d+)/ },
  // bare ids with a shape only one system uses
  { system: 'salesforce', pattern: new RegExp(`^(${SALESFORCE_PREFIXES}[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)$`) },
  { system: 'servicenow', pattern: /^((?:INC|CHG|PRB|RITM|REQ|SCTASK|TASK)\d{7})$/ },
];

/** Excel turned a long number into `1.03006E+13`: the digits are gone. */
export function isExcelDamagedId(text: string): boolean {
  return /^\d(?:[.,]\d+)?E\+\d+$/i.test(text.trim());
}

function configuredSystem(field: string, settings: ZendeskSettings): string | undefined {
  const table = settings.linkFields ?? {};
  const bare = field.replace(/\s*\[[a-z]+\]$/i, '').trim();
  for (const [name, system] of Object.entries(table)) {
    if (name.trim().toLowerCase() === field.trim().toLowerCase() || name.trim().toLowerCase() === bare.toLowerCase()) return system;
  }
  return undefined;
}

/**
 * What a field's name says about its system, configured and by name. Both depend only on the field
 * name and the settings, and a file asks about the same few fields on every row: kept per settings.
 */
const fieldSystems = perSettings((_: ZendeskSettings) => new Map<string, { configured: string | undefined; named: string | undefined }>());
function fieldSystemOf(field: string, settings: ZendeskSettings): { configured: string | undefined; named: string | undefined } {
  const memo = fieldSystems(settings);
  let found = memo.get(field);
  if (!found) {
    const configured = configuredSystem(field, settings);
    found = { configured, named: configured ?? systemFromFieldName(field) };
    memo.set(field, found);
  }
  return found;
}

/**
 * The link a field value makes to another system's record, if any: configured link fields first, then
 * field names that name a system and look like id fields, then values whose shape only one system uses
 * (record URLs, Salesforce ids with a known key prefix, ServiceNow numbers).
 *
 * @example
 * linkFrom('Salesforce Case Id [txt]', '5003000000D8cuIAAR', {}) // { system: 'salesforce', id: '5003000000D8cuIAAR', via: 'Salesforce Case Id [txt]' }
 * linkFrom('Product [list]', 'widget', {}) // undefined
 */
export function linkFrom(field: string, value: unknown, settings: ZendeskSettings, via = field): RecordLink | undefined {
  if (typeof value === 'boolean') return undefined;
  const text = valueText(value);
  if (text === undefined || isExcelDamagedId(text)) return undefined;
  const { configured, named } = fieldSystemOf(field, settings);
  for (const { system, pattern } of VALUE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { system: configured || system, id: match[1]!, via };
  }
  if (configured !== undefined) return { ...(configured ? { system: configured } : {}), id: text, via };
  if (named !== undefined && !/\s/.test(text)) return { system: named, id: text, via };
  return undefined;
}

/** The link an external id makes: its system from settings or its shape, else unnamed. */
export function externalIdLink(field: string, value: unknown, settings: ZendeskSettings): RecordLink | undefined {
  const text = valueText(value);
  if (text === undefined || isExcelDamagedId(text)) return undefined;
  const shaped = linkFrom(field, text, NO_SETTINGS);
  const system = settings.externalIdSystem || shaped?.system;
  return { ...(system ? { system } : {}), id: shaped?.id ?? text, via: field };
}

/** Links without repeats, in first-seen order. */
export function uniqueLinks(links: (RecordLink | undefined)[]): RecordLink[] {
  const seen = new Set<string>();
  const out: RecordLink[] = [];
  for (const link of links) {
    if (!link) continue;
    const key = `${link.system ?? ''}|${link.id}|${link.via}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(link);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Ticket snapshots (CSV export, tickets API page, full JSON export): what one current ticket row proves.

/** One ticket as a snapshot export shows it, already read into plain values. */
export interface TicketSnapshot {
  id: string;
  /** the cell or field each value came from, for reject messages */
  fields: { created: string; solved: string; initiallyAssigned: string; assigned: string };
  createdAt: string | undefined;
  solvedAt?: string;
  initiallyAssignedAt?: string;
  assignedAt?: string;
  status?: string;
  group?: string;
  assignee?: string;
  creator?: string;
  via?: unknown;
  groupStations?: number;
  assigneeStations?: number;
  reopens?: number;
  links: RecordLink[];
}

/** A count cell (`Group stations`, `group_stations`) as a number; undefined when empty or not a count. */
export function countOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * Events a ticket snapshot proves: `created` (by the submitter, through its via channel), the first
 * and the latest assignment (`owner-changed`), and `resolved` at the solve time. The current group
 * is the team only where the row shows it held the ticket then: on `created` when the ticket never
 * changed group (`Group stations` ≤ 1), on `resolved` while the ticket is still solved or closed.
 * Reopens have no time in a snapshot, so they stay in `detail`.
 */
export function snapshotEvents(ticket: TicketSnapshot, ctx: RowContext<unknown>): EventDraft[] {
  const record = { type: 'ticket', id: ticket.id };
  const links = ticket.links.length ? ticket.links : undefined;
  const unknownActor = { id: 'unknown', type: 'unknown' as const };
  const createdAt = ctx.time(ticket.createdAt, ticket.fields.created);
  const solvedAt = optionalTime(ticket.solvedAt, ticket.fields.solved, ctx);
  const initiallyAssignedAt = optionalTime(ticket.initiallyAssignedAt, ticket.fields.initiallyAssigned, ctx);
  const assignedAt = optionalTime(ticket.assignedAt, ticket.fields.assigned, ctx);
  if (!createdAt) return [];
  if ((ticket.solvedAt && !solvedAt) || (ticket.initiallyAssignedAt && !initiallyAssignedAt) || (ticket.assignedAt && !assignedAt)) return [];

  // events are plain literals with optional keys set in place (no spreads): same keys, same order
  const created: EventDraft = {
    system: SYSTEM,
    systemKind: SYSTEM_KIND,
    record,
    at: createdAt,
    kind: 'created',
    actor: ticket.creator ? { id: ticket.creator, type: ctx.actorType([ticket.creator], viaActorType(ticket.via)) } : { id: 'unknown', type: ctx.actorType([], viaActorType(ticket.via)) },
  };
  if (ticket.group && (ticket.groupStations ?? 2) <= 1) created.team = ticket.group;
  // the export's own label (`Web form`) where it has one, else the API channel (`web`)
  const channel = typeof ticket.via === 'string' && ticket.via.trim() ? ticket.via.trim() : viaChannel(ticket.via);
  const detail: string[] = [];
  if (channel) detail.push(`via ${channel}`);
  if (ticket.groupStations !== undefined) detail.push(`group stations ${ticket.groupStations}`);
  if (ticket.assigneeStations !== undefined) detail.push(`assignee stations ${ticket.assigneeStations}`);
  if (ticket.reopens !== undefined) detail.push(`reopens ${ticket.reopens}`);
  if (detail.length) created.detail = detail.join('; ');
  if (links) created.links = links;
  const events: EventDraft[] = [created];

  const onlyAssignee = (ticket.assigneeStations ?? 2) <= 1;
  if (initiallyAssignedAt) {
    const event: EventDraft = { system: SYSTEM, systemKind: SYSTEM_KIND, record, at: initiallyAssignedAt, kind: 'owner-changed', actor: unknownActor };
    if (onlyAssignee && ticket.assignee) event.to = ticket.assignee;
    event.detail = 'first assignment';
    if (links) event.links = links;
    events.push(event);
  }
  if (assignedAt && assignedAt !== initiallyAssignedAt && ticket.assignee) {
    const event: EventDraft = { system: SYSTEM, systemKind: SYSTEM_KIND, record, at: assignedAt, kind: 'owner-changed', actor: unknownActor, to: ticket.assignee, detail: 'latest assignment' };
    if (links) event.links = links;
    events.push(event);
  }
  if (solvedAt) {
    // the snapshot does not say who solved the ticket
    const event: EventDraft = { system: SYSTEM, systemKind: SYSTEM_KIND, record, at: solvedAt, kind: 'resolved', actor: unknownActor };
    if (ticket.status) event.to = ticket.status;
    if (ticket.group && isResolvedStatus(ticket.status)) event.team = ticket.group;
    if (links) event.links = links;
    events.push(event);
  }
  return events;
}

/** A snapshot time that may be empty: undefined when empty, else read (a bad one rejects the row). */
function optionalTime(text: string | undefined, field: string, ctx: RowContext<unknown>): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : ctx.time(text, field);
}

// ---------------------------------------------------------------------------------------------------
// The ticket object of the Tickets API, the incremental ticket export and the full JSON export.

const Id = z.union([z.number(), z.string().min(1)]);
const OptionalId = z.union([z.number(), z.string()]).nullable().optional();
const OptionalTime = z.string().nullable().optional();

/** A ticket in the API's own keys; only what the mapping reads is typed, the rest passes through. */
export const ZendeskTicket = z
  .object({
    id: Id,
    external_id: z.union([z.string(), z.number()]).nullable().optional(),
    via: z.unknown().optional(),
    created_at: z.string(),
    updated_at: OptionalTime,
    status: z.string().nullable().optional(),
    assignee_id: OptionalId,
    group_id: OptionalId,
    submitter_id: OptionalId,
    requester_id: OptionalId,
    custom_fields: z.array(z.object({ id: Id, value: z.unknown() }).passthrough()).nullable().optional(),
    tags: z.array(z.string()).nullable().optional(),
    /** ticket metrics, when the export embeds them ([A] full JSON export) */
    metric_set: z
      .object({
        solved_at: OptionalTime,
        assigned_at: OptionalTime,
        initially_assigned_at: OptionalTime,
        group_stations: z.number().nullable().optional(),
        assignee_stations: z.number().nullable().optional(),
        reopens: z.number().nullable().optional(),
      })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();
export type ZendeskTicket = z.infer<typeof ZendeskTicket>;

/** Fields detection needs to tell a Zendesk ticket from other JSON records. */
export const TICKET_REQUIRED_FIELDS = ['id', 'created_at', 'updated_at', 'status', 'via', 'requester_id', 'submitter_id'];
export const TICKET_OPTIONAL_FIELDS = ['external_id', 'assignee_id', 'group_id', 'custom_fields', 'tags', 'subject', 'raw_subject', 'priority', 'type', 'organization_id', 'brand_id', 'metric_set', 'url'];

/** A ticket object → the events its current state proves (see {@link snapshotEvents}). */
export function ticketEvents(ticket: ZendeskTicket, ctx: RowContext<unknown>): EventDraft[] {
  const settings = settingsOf(ctx.options);
  const id = idText(ticket.id);
  if (!id) {
    ctx.reject('row/missing-value', 'id', 'id is empty');
    return [];
  }
  const found: (RecordLink | undefined)[] = [externalIdLink('external_id', ticket.external_id, settings)];
  for (const field of ticket.custom_fields ?? []) found.push(linkFrom(String(field.id), field.value, settings, `custom_fields.${field.id}`));
  const links = uniqueLinks(found);
  const metrics = ticket.metric_set ?? undefined;
  const text = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === '' ? undefined : value);
  const snapshot: TicketSnapshot = {
    id,
    fields: { created: 'created_at', solved: 'metric_set.solved_at', initiallyAssigned: 'metric_set.initially_assigned_at', assigned: 'metric_set.assigned_at' },
    createdAt: ticket.created_at,
    links,
  };
  // snapshotEvents reads each field by name: undefined ones may as well be set
  snapshot.solvedAt = text(metrics?.solved_at);
  snapshot.initiallyAssignedAt = text(metrics?.initially_assigned_at);
  snapshot.assignedAt = text(metrics?.assigned_at);
  snapshot.status = text(ticket.status);
  snapshot.group = idText(ticket.group_id);
  snapshot.assignee = idText(ticket.assignee_id);
  snapshot.creator = idText(ticket.submitter_id) ?? idText(ticket.requester_id);
  snapshot.via = ticket.via;
  snapshot.groupStations = metrics?.group_stations ?? undefined;
  snapshot.assigneeStations = metrics?.assignee_stations ?? undefined;
  snapshot.reopens = metrics?.reopens ?? undefined;
  return snapshotEvents(snapshot, ctx);
}
