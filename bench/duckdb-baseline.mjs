// Baseline (b) of `npm run bench`: DuckDB computes the core aggregates from one company's exports.
// Run as its own process so the bench can time it and read its peak RSS:
//   node bench/duckdb-baseline.mjs <exports dir> <handoff-risk.json> [threads]
// Teams come from the company's config (`teams`: person id → team, `groups`: group id → team), as in the tool.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [root, configPath, threads] = process.argv.slice(2);
if (!root || !configPath) {
  process.stderr.write('usage: node bench/duckdb-baseline.mjs <exports dir> <handoff-risk.json> [threads]\n');
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
// named in the export itself (ServiceNow assignment group, Zendesk group). Only these files are read: they are where per-case handoffs, routes and
// durations are defined. The SQL is documented in bench/README.md.
const parts = [];
for (const path of files) {
  const name = relative(root, path).split('\\').join('/');
  const f = sql(path);
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
  }
}
if (parts.length === 0) {
  process.stderr.write(`${root}: no export the DuckDB baseline reads\n`);
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
  SELECT r.case_id, r.ts, coalesce(p.team, g.team, r.team) AS team
  FROM (${parts.map((p) => `(${p})`).join('\nUNION ALL\n')}) r
  LEFT JOIN names p ON p.id = r.person LEFT JOIN names g ON g.id = r.team`);
await db.run(`CREATE TEMP TABLE changes AS
  SELECT case_id, lag(team) OVER (PARTITION BY case_id ORDER BY ts) AS from_team, team AS to_team
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
process.stdout.write(`${JSON.stringify({ ...totals, ...handoffs, ...routeCount, ...durations, topRoutes: routes, queryMs: Math.round(performance.now() - started) })}\n`);
