// The config a consultant would write for each sample company: who the integration accounts are,
// which team each person is in (the roster, keyed by every id the exports show), the zone of each
// zone-less export, and where the ids hide in titles and labels.
import type { CompanyPlan } from './companies.js';
import { FLOWS, type Person } from './model.js';
import { flowTitle, RECIPE } from './writers/ipaas.js';
import type { WriterContext } from './writers/common.js';
import type { Roster } from './simulate.js';
import { hubspotOwnerId, hubspotUserId, WORKATO_APP } from './writers/hubspot.js';
import { jiraUser } from './writers/jira.js';
import { userId as salesforceUserId } from './writers/salesforce.js';
import { userName as servicenowUserName } from './writers/troubled-tools.js';
import { GROUPS as ZENDESK_GROUPS, zendeskUserId } from './writers/zendesk.js';

/** Every identifier under which `person` appears in the exports of `plan`'s systems. */
function identifiers(plan: CompanyPlan, person: Person): string[] {
  const ids = [person.name, person.email];
  const { crm, support, delivery } = plan.systems;
  if (crm === 'salesforce') ids.push(salesforceUserId(person));
  // HubSpot names a person by user id when they edit and by owner id when they own; the integration by its app
  if (crm === 'hubspot') ids.push(...(person.integration ? [WORKATO_APP.sourceId, WORKATO_APP.sourceLabel] : [String(hubspotUserId(person)), hubspotOwnerId(person)]));
  if (support === 'zendesk') ids.push(String(zendeskUserId(person)));
  if (support === 'servicenow') ids.push(servicenowUserName(person));
  if (delivery === 'jira') ids.push(jiraUser(person, plan.zone).accountId);
  return [...new Set(ids)];
}

/** Per-connector settings: zones of zone-less exports and link patterns the defaults do not cover. */
const CONNECTORS: Record<string, Record<string, Record<string, unknown>>> = {
  'northwind-healthy': {},
  'kestrel-borderline': {
    'jira-csv': { timeZone: 'Europe/London' },
    'zendesk-ticket-csv': { timeZone: 'Europe/London' },
  },
  'brightpath-troubled': {
    'hubspot-deal-export': { timeZone: 'Europe/Berlin' },
    'linear-csv': { linkColumns: { Labels: 'hubspot' } },
    'workato-jobs': {
      keepDefaultPatterns: true,
      linkPatterns: [
        { system: 'hubspot', pattern: '\\bdeal (\\d{8,})\\b' },
        { system: 'linear', pattern: '\\b(DEL-\\d+)\\b' },
      ],
    },
  },
};

/** The config file text for one company. */
export function companyConfig(plan: CompanyPlan, roster: Roster): string {
  const connectors = structuredClone(CONNECTORS[plan.id] ?? {});
  // a Workato jobs page names its recipe only by id: the consultant names them in the config
  if (plan.systems.integration === 'workato') {
    connectors['workato-jobs'] = { recipes: Object.fromEntries(FLOWS.map((flow) => [String(RECIPE[flow].id), flowTitle({ plan } as WriterContext, flow)])), ...connectors['workato-jobs'] };
  }
  const people = [...roster.people].sort((a, b) => a.key.localeCompare(b.key));
  const integration = people.filter((p) => p.integration);
  const teams: Record<string, string> = {};
  for (const person of people) if (!person.integration) for (const id of identifiers(plan, person)) teams[id] = person.team;
  const config = {
    integrationActors: integration.flatMap((p) => identifiers(plan, p)),
    teams: Object.fromEntries(Object.entries(teams).sort(([a], [b]) => a.localeCompare(b))),
    // Zendesk's event export names groups by id, its CSV by name (a groups export gives the map)
    ...(plan.systems.support === 'zendesk' ? { groups: Object.fromEntries(Object.entries(ZENDESK_GROUPS).map(([name, id]) => [String(id), name])) } : {}),
    connectors,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
