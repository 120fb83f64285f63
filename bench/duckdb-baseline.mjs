// Baseline (b) of `npm run bench`: DuckDB computes the core aggregates from one company's exports.
// Run as its own process so the bench can time it and read its peak RSS:
//   node bench/duckdb-baseline.mjs <exports dir> <handoff-risk.json> [threads] [--scope all|history]
// Teams come from the company's config (`teams`: person id → team, `groups`: group id → team), as in the tool.
// --scope history (default, what `npm run bench` measures): the four audit/history kinds (ServiceNow
// sys_audit.csv, Zendesk incremental_ticket_events.json, Salesforce Opportunity(Field)History.csv,
// sync/sync-log.csv).
// --scope all: every export kind the tool reads that carries cases (records with times), as an analyst
// loading all the same exports would. `npm run bench` measures it too, as baseline (b′), and reports
// the ratios to it next to those to (b); the targets are judged against (b), the narrower and faster.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const USAGE = 'usage: node bench/duckdb-baseline.mjs <exports dir> <handoff-risk.json> [threads] [--scope all|history]\n';
const positional = [];
let scope = 'history';
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--scope') scope = process.argv[++i];
  else if (arg.startsWith('--scope=')) scope = arg.slice('--scope='.length);
  else positional.push(arg);
}
const [root, configPath, threads] = positional;
if (!root || !configPath || (scope !== 'all' && scope !== 'history')) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const config = JSON.parse(readFileSync(configPath, 'utf8'));

/** Every file under `dir`, relative to it, sorted. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const sql = (text) => `'${text.replace(/'/g, "''")}'`;
const files = walk(root).filter((path) => statSync(path).isFile());
// A whole-file JSON page is one object to DuckDB: allow objects as large as the biggest file.
const maxObject = Math.max(16 << 20, ...files.map((path) => statSync(path).size + 1024));

// One SELECT per export that carries case, time and (where the export has it) team, all to
// (case_id, ts, person, team): `person` is mapped to a team through the config, `team` is a team
// named in the export itself (ServiceNow assignment group, Zendesk group, Linear team). Case ids are
// `<system>:<record id>`, so one record seen in two files of its system is one case. Exports that
// carry no case are not read. The SQL is documented in bench/README.md.
//
// Zone-less times are read in the zone the config gives the connector (`connectors.<id>.timeZone`,
// as the tool's --tz), else UTC; zoned times are converted to UTC (`SET TimeZone = 'UTC'`).
const zoneOf = (connector) => config.connectors?.[connector]?.timeZone ?? 'UTC';
const local = (ts, connector) => (zoneOf(connector) === 'UTC' ? ts : `(${ts} AT TIME ZONE ${sql(zoneOf(connector))})::TIMESTAMP`);
const csv = (f) => `read_csv(${f}, header = true, all_varchar = true, ignore_errors = true)`;

const parts = [];
let read = 0;
for (const path of files) {
  const name = relative(root, path).split('\\').join('/');
  const f = sql(path);
  const before = parts.length;
  // --- the history kinds (both scopes; SQL unchanged from the first version) ---
  if (name.endsWith('servicenow/sys_audit.csv')) {
    parts.push(`SELECT 'servicenow:' || documentkey AS case_id, TRY_CAST(sys_created_on AS TIMESTAMP) AS ts,
      CASE WHEN fieldname = 'assigned_to' THEN newvalue END AS person,
      CASE WHEN fieldname = 'assignment_group' THEN newvalue END AS team
      FROM read_csv(${f}, header = true, all_varchar = true, ignore_errors = true)`);
  } else if (name.endsWith('zendesk/incremental_ticket_events.json')) {
    parts.push(`SELECT 'zendesk:' || (e->>'ticket_id') AS case_id, TRY_CAST(e->>'created_at' AS TIMESTAMPTZ)::TIMESTAMP AS ts,
      list_filter(json_extract_string(e, '$.child_events[*].assignee_id'), x -> x IS NOT NULL)[-1] AS person,
      list_filter(json_extract_string(e, '$.child_events[*].group_id'), x -> x IS NOT NULL)[-1] AS team
      FROM (SELECT unnest(ticket_events) AS e FROM read_json(${f}, columns = {ticket_events: 'JSON[]'}, maximum_object_size = ${maxObject}))`);
  } else if (/salesforce\/Opportunity(Field)?History\.csv$/.test(name)) {
    parts.push(`SELECT 'salesforce:' || OpportunityId AS case_id, TRY_CAST(CreatedDate AS TIMESTAMPTZ)::TIMESTAMP AS ts, NULL AS person, NULL AS team
      FROM read_csv(${f}, header = true, all_varchar = true, ignore_errors = true)`);
  } else if (name.endsWith('sync/sync-log.csv')) {
    parts.push(`SELECT source_system || ':' || source_id AS case_id, TRY_CAST(started_at AS TIMESTAMPTZ)::TIMESTAMP AS ts, NULL AS person, NULL AS team
      FROM read_csv(${f}, header = true, all_varchar = true, ignore_errors = true)`);
  } else if (scope === 'history') {
    continue;
  // --- the other kinds (--scope all). A snapshot row (one row per record, as it is at export time)
  // gives one event per time column it fills, each with the row's current person and team. ---
  } else if (name.endsWith('jira/search-changelog.json')) {
    // Jira REST search with expand=changelog (connectors/jira-rest-changelog): the issue's creation,
    // then one event per changelog item at its history's `created`; an `assignee` item names the new assignee
    // (the page is read once, for both)
    parts.push(`WITH issues AS MATERIALIZED (SELECT unnest(issues) AS i FROM read_json(${f}, columns = {issues: 'JSON[]'}, maximum_object_size = ${maxObject}))
      SELECT 'jira:' || (i->>'key') AS case_id, TRY_CAST(i->'fields'->>'created' AS TIMESTAMPTZ)::TIMESTAMP AS ts, NULL AS person, NULL AS team FROM issues
      UNION ALL
      SELECT 'jira:' || key AS case_id, TRY_CAST(h->>'created' AS TIMESTAMPTZ)::TIMESTAMP AS ts,
        CASE WHEN item->>'field' = 'assignee' THEN item->>'toString' END AS person, NULL AS team
      FROM (SELECT key, h, unnest((h->'items')::JSON[]) AS item
        FROM (SELECT i->>'key' AS key, unnest((i->'changelog'->'histories')::JSON[]) AS h FROM issues))`);
  } else if (/jira\/[^/]*\.csv$/.test(name)) {
    // Jira issue navigator CSV (connectors/jira-csv): Created, Updated, Resolved as `25/Feb/26 10:17 PM` in the exporting user's zone
    const t = (column) => local(`try_strptime("${column}", '%d/%b/%y %I:%M %p')`, 'jira-csv');
    parts.push(`SELECT * FROM (SELECT 'jira:' || "Issue key" AS case_id, unnest([${t('Created')}, ${t('Updated')}, ${t('Resolved')}]) AS ts,
      Assignee AS person, NULL AS team
      FROM ${csv(f)}) WHERE ts IS NOT NULL`);
  } else if (name.endsWith('zendesk/export-tickets.csv')) {
    // Zendesk admin CSV export (connectors/zendesk-ticket-csv): `2024-03-04 09:15` in the account's zone
    const t = (column) => local(`TRY_CAST("${column}" AS TIMESTAMP)`, 'zendesk-ticket-csv');
    parts.push(`SELECT * FROM (SELECT 'zendesk:' || Id AS case_id,
      unnest([${t('Created at')}, ${t('Initially assigned at')}, ${t('Assigned at')}, ${t('Updated at')}, ${t('Solved at')}]) AS ts,
      Assignee AS person, "Group" AS team
      FROM ${csv(f)}) WHERE ts IS NOT NULL`);
  } else if (name.endsWith('zendesk/tickets.json')) {
    // Zendesk full JSON export, one ticket per line (connectors/zendesk-ticket-ndjson); a broken line is skipped
    parts.push(`SELECT * FROM (SELECT 'zendesk:' || id AS case_id,
      unnest([TRY_CAST(created_at AS TIMESTAMPTZ)::TIMESTAMP, TRY_CAST(updated_at AS TIMESTAMPTZ)::TIMESTAMP]) AS ts,
      assignee_id AS person, group_id AS team
      FROM read_ndjson(${f}, columns = {id: 'VARCHAR', created_at: 'VARCHAR', updated_at: 'VARCHAR', assignee_id: 'VARCHAR', group_id: 'VARCHAR'}, ignore_errors = true))
      WHERE ts IS NOT NULL`);
  } else if (name.endsWith('zapier/zap-runs.json')) {
    // Zapier Partner API zap runs page (connectors/zapier-zap-runs): a run counts on the record it
    // carries in `data_in` (as sync-log.csv's source_system:source_id), else on the run itself
    parts.push(`SELECT coalesce('salesforce:' || (r->'data_in'->>'Opportunity ID'), 'zendesk:' || (r->'data_in'->>'Ticket ID'),
        'jira:' || (r->'data_in'->>'Issue Key'), 'zapier:' || (r->>'id')) AS case_id,
      TRY_CAST(r->>'start_time' AS TIMESTAMPTZ)::TIMESTAMP AS ts, NULL AS person, NULL AS team
      FROM (SELECT unnest(data) AS r FROM read_json(${f}, columns = {data: 'JSON[]'}, maximum_object_size = ${maxObject}))`);
  } else if (/workato\/jobs-[^/]*\.json$/.test(name)) {
    // Workato recipe jobs page (connectors/workato-jobs): the page carries no record id field, so a job
    // counts on the record its `title` starts with (deal, incident number, Linear issue), else on the job itself
    parts.push(`SELECT coalesce('hubspot:' || nullif(regexp_extract(j->>'title', '^New closed won deal (\\d+)', 1), ''),
        'servicenow:' || nullif(regexp_extract(j->>'title', '^Incident (INC\\d+)', 1), ''),
        'linear:' || nullif(regexp_extract(j->>'title', '^Linear issue ([A-Z]+-\\d+)', 1), ''), 'workato:' || (j->>'id')) AS case_id,
      TRY_CAST(j->>'started_at' AS TIMESTAMPTZ)::TIMESTAMP AS ts, NULL AS person, NULL AS team
      FROM (SELECT unnest(items) AS j FROM read_json(${f}, columns = {items: 'JSON[]'}, maximum_object_size = ${maxObject}))`);
  } else if (/hubspot\/[^/]*deals[^/]*\.csv$/.test(name)) {
    // HubSpot deals export (connectors/hubspot-deal-export): `1/10/2026 21:52` in the portal's zone;
    // `Deal owner` is `Name (e-mail)`
    const t = (column) => local(`try_strptime("${column}", '%m/%d/%Y %H:%M')`, 'hubspot-deal-export');
    parts.push(`SELECT * FROM (SELECT 'hubspot:' || "Record ID" AS case_id, unnest([${t('Create Date')}, ${t('Close Date')}]) AS ts,
      split_part("Deal owner", ' (', 1) AS person, NULL AS team
      FROM ${csv(f)}) WHERE ts IS NOT NULL`);
  } else if (name.endsWith('linear/linear-export.csv')) {
    // Linear workspace CSV (connectors/linear-csv): JavaScript Date.toString() times with their offset
    const t = (column) => `try_strptime(split_part("${column}", ' (', 1), '%a %b %d %Y %H:%M:%S GMT%z')::TIMESTAMP`;
    parts.push(`SELECT * FROM (SELECT 'linear:' || ID AS case_id,
      unnest([${t('Created')}, ${t('Triaged')}, ${t('Started')}, ${t('Completed')}, ${t('Canceled')}, ${t('Updated')}]) AS ts,
      Assignee AS person, Team AS team
      FROM ${csv(f)}) WHERE ts IS NOT NULL`);
  } else if (name.endsWith('servicenow/incident.csv')) {
    // ServiceNow incident list CSV (connectors/servicenow-incident): keyed by sys_id like sys_audit's documentkey; UTC
    parts.push(`SELECT * FROM (SELECT 'servicenow:' || sys_id AS case_id,
      unnest([TRY_CAST(opened_at AS TIMESTAMP), TRY_CAST(resolved_at AS TIMESTAMP), TRY_CAST(closed_at AS TIMESTAMP), TRY_CAST(sys_updated_on AS TIMESTAMP)]) AS ts,
      assigned_to AS person, assignment_group AS team
      FROM ${csv(f)}) WHERE ts IS NOT NULL`);
  } else if (name.endsWith('salesforce/Opportunity.csv')) {
    // Salesforce Opportunity export (connectors/salesforce-opportunity-export): CreatedDate, and CloseDate
    // (a date) once the deal is closed — an open deal's CloseDate is a forecast
    parts.push(`SELECT * FROM (SELECT 'salesforce:' || Id AS case_id,
      unnest([TRY_CAST(CreatedDate AS TIMESTAMPTZ)::TIMESTAMP, CASE WHEN IsClosed = 'true' THEN TRY_CAST(CloseDate AS TIMESTAMP) END]) AS ts,
      OwnerId AS person, NULL AS team
      FROM ${csv(f)}) WHERE ts IS NOT NULL`);
  }
  if (parts.length > before) read++;
}
if (parts.length === 0) {
  process.stderr.write(`${root}: no export the DuckDB baseline reads (--scope ${scope})\n`);
  process.exit(2);
}

const started = performance.now();
const instance = await DuckDBInstance.create(':memory:', threads ? { threads } : {});
const db = await instance.connect();
await db.run("SET TimeZone = 'UTC'");
const names = [...Object.entries(config.teams ?? {}), ...Object.entries(config.groups ?? {})];
await db.run('CREATE TEMP TABLE names (id VARCHAR PRIMARY KEY, team VARCHAR)');
if (names.length) await db.run(`INSERT INTO names VALUES ${names.map(([id, team]) => `(${sql(id)}, ${sql(team)})`).join(', ')}`);
await db.run(`CREATE TEMP TABLE events AS
  SELECT r.case_id, r.ts, r.source, coalesce(p.team, g.team, r.team) AS team
  FROM (${parts.map((p, source) => `(SELECT case_id, ts, person, team, ${source} AS source FROM (${p}))`).join('\nUNION ALL\n')}) r
  LEFT JOIN names p ON p.id = r.person LEFT JOIN names g ON g.id = r.team`);
// Rows of one case at one instant are ordered by the export they come from (the files in name order),
// then by team: without that the order of a tie is DuckDB's to choose and the handoff count can vary
// from run to run (it did with --scope all, where a snapshot row shares its instants with history rows).
await db.run(`CREATE TEMP TABLE changes AS
  SELECT case_id, lag(team) OVER (PARTITION BY case_id ORDER BY ts, source, team) AS from_team, team AS to_team
  FROM events WHERE team IS NOT NULL AND ts IS NOT NULL`);
const rows = async (text) => (await db.runAndReadAll(text)).getRowObjectsJson();
const [totals] = await rows(`SELECT count(*) AS events, count(DISTINCT case_id) AS cases FROM events`);
const [handoffs] = await rows(`SELECT count(*) AS cases_with_team, sum(n) AS handoffs, max(n) AS max_per_case FROM (
  SELECT case_id, count(*) FILTER (WHERE from_team IS NOT NULL AND from_team <> to_team) AS n FROM changes GROUP BY case_id)`);
const routes = await rows(`SELECT from_team, to_team, count(*) AS n FROM changes
  WHERE from_team IS NOT NULL AND from_team <> to_team GROUP BY ALL ORDER BY n DESC, from_team, to_team LIMIT 5`);
const [durations] = await rows(`SELECT quantile_cont(h, 0.5) AS p50_hours, quantile_cont(h, 0.9) AS p90_hours FROM (
  SELECT case_id, epoch(max(ts) - min(ts)) / 3600 AS h FROM events WHERE ts IS NOT NULL GROUP BY case_id)`);
const [routeCount] = await rows(`SELECT count(*) AS routes FROM (SELECT DISTINCT from_team, to_team FROM changes WHERE from_team IS NOT NULL AND from_team <> to_team)`);
db.closeSync();
process.stdout.write(`${JSON.stringify({ ...totals, ...handoffs, ...routeCount, ...durations, topRoutes: routes, scope, files: read, queryMs: Math.round(performance.now() - started) })}\n`);
