// The connector registry: one line per connector folder, sorted by id.
import type { Connector } from '../src/ingest/connector.js';
import genericEventLog from './generic-event-log/index.js';
import genericSyncLog from './generic-sync-log/index.js';
import hubspotDealExport from './hubspot-deal-export/index.js';
import hubspotPropertyHistory from './hubspot-property-history/index.js';
import jiraCsv from './jira-csv/index.js';
import jiraRestChangelog from './jira-rest-changelog/index.js';
import linearCsv from './linear-csv/index.js';
import salesforceCaseExport from './salesforce-case-export/index.js';
import salesforceFieldHistory from './salesforce-field-history/index.js';
import salesforceOpportunityExport from './salesforce-opportunity-export/index.js';
import salesforceOpportunityHistory from './salesforce-opportunity-history/index.js';
import servicenowIncident from './servicenow-incident/index.js';
import servicenowSysAudit from './servicenow-sys-audit/index.js';
import workatoJobs from './workato-jobs/index.js';
import zapierZapRuns from './zapier-zap-runs/index.js';
import zendeskTicketCsv from './zendesk-ticket-csv/index.js';
import zendeskTicketEvents from './zendesk-ticket-events/index.js';
import zendeskTicketJson from './zendesk-ticket-json/index.js';
import zendeskTicketMetricEvents from './zendesk-ticket-metric-events/index.js';
import zendeskTicketNdjson from './zendesk-ticket-ndjson/index.js';

export const connectors: readonly Connector[] = [
  genericEventLog,
  genericSyncLog,
  hubspotDealExport,
  hubspotPropertyHistory,
  jiraCsv,
  jiraRestChangelog,
  linearCsv,
  salesforceCaseExport,
  salesforceFieldHistory,
  salesforceOpportunityExport,
  salesforceOpportunityHistory,
  servicenowIncident,
  servicenowSysAudit,
  workatoJobs,
  zapierZapRuns,
  zendeskTicketCsv,
  zendeskTicketEvents,
  zendeskTicketJson,
  zendeskTicketMetricEvents,
  zendeskTicketNdjson,
].map((connector) => connector as Connector).sort((a, b) => a.meta.id.localeCompare(b.meta.id));
