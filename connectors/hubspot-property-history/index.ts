// HubSpot property history (CRM v3 `propertiesWithHistory`): every stored value of a property with its source.
import { defineConnector, type RowContext } from '../../src/ingest/connector.js';
import type { ActorType, EventDraft, EventKind, RecordLink } from '../../src/model/index.js';
import { perSettings } from '../per-settings.js';
import { HubspotPropertyHistoryRow, type PropertyVersion } from './row.js';

export interface HubspotPropertyHistorySettings {
  /** record type when the properties do not tell (`deal`, `ticket`, `contact`, `company`, `p_projects`) */
  objectType?: string;
  /** properties holding another system's id, e.g. `{ "sf_case_id": "salesforce" }` */
  linkProperties?: Record<string, string | null> | string[];
  /** stage values that mean closed besides `closedwon` / `closedlost` (deal stages are ids in the API) */
  closedStages?: string[];
}

/** Who made a change, from HubSpot's `sourceType`. Unlisted sources stay `unknown`. */
const SOURCE_ACTOR: Record<string, ActorType> = {
  // a person in HubSpot's own apps
  CRM_UI: 'human',
  CRM_UI_BULK_ACTION: 'human',
  BATCH_UPDATE: 'human',
  MOBILE_IOS: 'human',
  MOBILE_ANDROID: 'human',
  IMPORT: 'human',
  MERGE_OBJECTS: 'human',
  MERGE_CONTACTS: 'human',
  MERGE_COMPANIES: 'human',
  // another system writing through the API or a sync
  API: 'integration',
  INTEGRATION: 'integration',
  INTEGRATIONS_PLATFORM: 'integration',
  INTEGRATIONS_SYNC: 'integration',
  SALESFORCE: 'integration',
  BET_CRM_CONNECTOR: 'integration',
  EXTENSION: 'integration',
  GMAIL_INTEGRATION: 'integration',
  EMAIL_INTEGRATION: 'integration',
  SLACK_INTEGRATION: 'integration',
  PORTAL_OBJECT_SYNC: 'integration',
  FLYWHEEL_PRODUCT_DATA_SYNC: 'integration',
  MARKETPLACE: 'integration',
  // HubSpot itself: workflows, calculated properties, defaults and internal processing
  WORKFLOWS: 'system',
  AUTOMATION_PLATFORM: 'system',
  CALCULATED: 'system',
  DEFAULT: 'system',
  PROPERTY_DEFAULT_VALUE: 'system',
  INTERNAL_PROCESSING: 'system',
  AI_GROUP: 'system',
  BOT: 'system',
  SEQUENCES: 'system',
  DEALS: 'system',
  CONTACTS: 'system',
  COMPANIES: 'system',
  ASSOCIATIONS: 'system',
  ENGAGEMENTS: 'system',
  SALES: 'system',
  ANALYTICS: 'system',
  FORM: 'system',
  MIGRATION: 'system',
  PIPELINE_SETTINGS: 'system',
  PROPERTY_SETTINGS: 'system',
  HEISENBERG: 'system',
};

/** Properties whose changes are stage moves, owner or team changes. */
const STATE_PROPERTIES = new Set(['dealstage', 'hs_pipeline_stage', 'lifecyclestage', 'hs_lead_status']);
const OWNER_PROPERTIES = new Set(['hubspot_owner_id']);
const TEAM_PROPERTIES = new Set(['hubspot_team_id']);
const CLOSED_STAGES = ['closedwon', 'closedlost'];
/** Properties the HubSpot–Salesforce sync and other connectors fill with their record ids. */
const SYSTEM_HINTS: [RegExp, string][] = [
  [/salesforce/i, 'salesforce'],
  [/jira/i, 'jira'],
  [/zendesk/i, 'zendesk'],
  [/servicenow/i, 'servicenow'],
  [/linear/i, 'linear'],
  [/pipedrive/i, 'pipedrive'],
];

function settingsOf(ctx: RowContext<unknown>): HubspotPropertyHistorySettings {
  return (ctx.options.settings ?? {}) as HubspotPropertyHistorySettings;
}

/** What the settings decide, worked out once per settings object rather than per record and property. */
interface SettingsPlan {
  /** lowercased stage values that mean closed */
  closed: Set<string>;
  /** property → whether it holds links, filled as properties are met */
  links: Map<string, { link: boolean; system?: string }>;
}

const plans = perSettings(
  (settings: HubspotPropertyHistorySettings): SettingsPlan => ({ closed: new Set([...CLOSED_STAGES, ...(settings.closedStages ?? [])].map((s) => s.toLowerCase())), links: new Map() }),
);

function planOf(ctx: RowContext<unknown>): SettingsPlan {
  return plans(ctx.options.settings);
}

/** The record type, from the settings or from the properties only one object type has. */
export function objectTypeOf(names: readonly string[], configured?: string): string {
  if (configured) return configured;
  const has = (name: string) => names.includes(name);
  if (has('dealstage') || has('dealname')) return 'deal';
  if (has('hs_pipeline_stage') || has('hs_ticket_priority') || has('subject')) return 'ticket';
  if (has('email') || has('firstname') || has('lastname')) return 'contact';
  if (has('domain')) return 'company';
  return 'object';
}

/**
 * A stable actor id: the HubSpot user (`updatedByUserId`, or `userId:12345` in `sourceId` since 2021,
 * an e-mail before), an app or integration id; per-run ids such as a workflow's
 * `enrollmentId:…;actionExecutionIndex:0` fall back to the sourceType, so one workflow engine is one actor.
 */
function actorIdOf(version: PropertyVersion): string {
  if (version.updatedByUserId !== undefined && version.updatedByUserId !== null && version.updatedByUserId !== '') return String(version.updatedByUserId);
  const source = version.sourceId?.trim();
  const user = source ? /^userId:(\d+)$/.exec(source) : null;
  if (user) return user[1]!;
  if (source && !source.includes(':')) return source;
  return version.sourceType?.trim() || source || 'unknown';
}

function linkSystemOf(property: string, ctx: RowContext<unknown>, plan: SettingsPlan): { link: boolean; system?: string } {
  let known = plan.links.get(property);
  if (!known) plan.links.set(property, (known = readLinkSystem(property, ctx)));
  return known;
}

function readLinkSystem(property: string, ctx: RowContext<unknown>): { link: boolean; system?: string } {
  const raw = settingsOf(ctx).linkProperties;
  if (Array.isArray(raw) && raw.includes(property)) return { link: true };
  if (raw && !Array.isArray(raw) && property in raw) return { link: true, ...(raw[property] ? { system: raw[property]! } : {}) };
  const hinted = SYSTEM_HINTS.find(([pattern]) => pattern.test(property));
  return hinted && /(id|key|number)$/i.test(property) ? { link: true, system: hinted[1] } : { link: false };
}

export default defineConnector({
  meta: {
    id: 'hubspot-property-history',
    tool: 'HubSpot',
    system: 'hubspot',
    systemKind: 'crm',
    description: 'HubSpot CRM v3 records read with propertiesWithHistory (deals, tickets, contacts, companies): every value change with its sourceType',
    format: 'json',
    recordsKey: 'results',
    pageKeys: ['paging'],
    columns: { required: ['id', 'propertiesWithHistory'], optional: ['properties', 'createdAt', 'updatedAt', 'archived'] },
    emits: ['created', 'state-changed', 'owner-changed', 'team-changed', 'field-changed', 'resolved'],
    timeZone: 'UTC: ISO 8601 with Z (`2024-01-15T10:30:00.000Z`)',
    docs: [
      'https://developers.hubspot.com/docs/api/crm/understanding-the-crm',
      'https://developers.hubspot.com/docs/api-reference/crm-deals-v3/basic/get-crm-v3-objects-deals-dealId',
      'https://developers.hubspot.com/changelog/crm-property-change-source-will-show-owner-id-instead-of-owner-email',
      'https://knowledge.hubspot.com/properties/view-a-property-history',
    ],
  },
  row: HubspotPropertyHistoryRow,

  toEvents(row, ctx) {
    const id = String(row.id).trim();
    const histories = row.propertiesWithHistory;
    const settings = settingsOf(ctx);
    const type = objectTypeOf([...Object.keys(histories), ...Object.keys(row.properties ?? {})], settings.objectType);
    const plan = planOf(ctx);
    const closed = plan.closed;
    const record = { type, id };
    const events: EventDraft[] = [];

    if (row.createdAt) {
      const at = ctx.time(row.createdAt, 'createdAt');
      if (at) events.push({ at, system: 'hubspot', systemKind: 'crm', record, kind: 'created', actor: { id: 'unknown', type: 'unknown' } });
    }

    for (const property of Object.keys(histories).sort()) {
      const versions = histories[property]!;
      const link = linkSystemOf(property, ctx, plan);
      versions.forEach((version, index) => {
        const at = ctx.time(version.timestamp, `propertiesWithHistory.${property}[${index}].timestamp`);
        if (!at) return;
        // newest first: the value this one replaced is the next entry; the last entry is the first value set
        const previous = versions[index + 1];
        const to = version.value ?? undefined;
        const from = previous?.value ?? undefined;
        const sourceType = version.sourceType?.trim().toUpperCase();
        const actorId = actorIdOf(version);
        const name = version.sourceLabel?.trim() || undefined;
        const type = ctx.actorType([actorId, name, version.sourceId], sourceType ? SOURCE_ACTOR[sourceType] : undefined);
        const actor = name ? { id: actorId, name, type } : { id: actorId, type };
        let kind: EventKind = 'field-changed';
        if (STATE_PROPERTIES.has(property)) kind = 'state-changed';
        else if (OWNER_PROPERTIES.has(property)) kind = 'owner-changed';
        else if (TEAM_PROPERTIES.has(property)) kind = 'team-changed';
        const links: RecordLink[] = [];
        if (link.link && to) {
          for (const value of to.split(';')) if (value) links.push(link.system ? { system: link.system, id: value.trim(), via: property } : { id: value.trim(), via: property });
        }
        const event: EventDraft = { at, system: 'hubspot', systemKind: 'crm', record, kind, actor, field: property };
        if (from) event.from = from;
        if (to) event.to = to;
        if (kind === 'team-changed' && to) event.team = to;
        if (sourceType) event.detail = `sourceType=${sourceType}`;
        if (links.length) event.links = links;
        event.line = ctx.lineOf(['propertiesWithHistory', property, index]);
        events.push(event);
        if (kind === 'state-changed' && to && closed.has(to.toLowerCase()) && !(from && closed.has(from.toLowerCase()))) {
          events.push({ ...event, kind: 'resolved' });
        }
      });
    }
    return events;
  },
});
