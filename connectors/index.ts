// The connector registry: one line per connector folder, sorted by id.
import type { Connector } from '../src/ingest/connector.js';
import genericEventLog from './generic-event-log/index.js';
import genericSyncLog from './generic-sync-log/index.js';
import jiraCsv from './jira-csv/index.js';
import jiraRestChangelog from './jira-rest-changelog/index.js';
import linearCsv from './linear-csv/index.js';
import servicenowIncident from './servicenow-incident/index.js';
import servicenowSysAudit from './servicenow-sys-audit/index.js';
import workatoJobs from './workato-jobs/index.js';
import zapierZapRuns from './zapier-zap-runs/index.js';

export const connectors: readonly Connector[] = [
  genericEventLog,
  genericSyncLog,
  jiraCsv,
  jiraRestChangelog,
  linearCsv,
  servicenowIncident,
  servicenowSysAudit,
  workatoJobs,
  zapierZapRuns,
].map((connector) => connector as Connector).sort((a, b) => a.meta.id.localeCompare(b.meta.id));
