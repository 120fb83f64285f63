// The connector registry: one line per connector folder, sorted by id.
import type { Connector } from '../src/ingest/connector.js';
import genericEventLog from './generic-event-log/index.js';
import jiraCsv from './jira-csv/index.js';
import jiraRestChangelog from './jira-rest-changelog/index.js';
import linearCsv from './linear-csv/index.js';
import servicenowIncident from './servicenow-incident/index.js';
import servicenowSysAudit from './servicenow-sys-audit/index.js';

export const connectors: readonly Connector[] = [genericEventLog as Connector, jiraCsv as Connector, jiraRestChangelog as Connector, linearCsv as Connector, servicenowIncident as Connector, servicenowSysAudit as Connector].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
