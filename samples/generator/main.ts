// `npm run samples`: rebuilds samples/<company>/ byte for byte; `-- --events N --out DIR` writes a big set instead.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { borderline, companies, healthy, troubled, type CompanyPlan } from './companies.js';
import { companyConfig } from './config.js';
import { Exports, prettyJson } from './output.js';
import { buildRoster, simulateCompany } from './simulate.js';
import { TruthBuilder } from './truth.js';
import type { Plant, Writer, WriterContext } from './writers/common.js';
import { fieldHistoryWriter, opportunityHistoryWriter, opportunityWriter } from './writers/salesforce.js';
import { ticketCsvWriter, ticketEventsWriter, ticketJsonWriter } from './writers/zendesk.js';
import { jiraCsvWriter, jiraRestWriter } from './writers/jira.js';
import { syncLogWriter, workatoWriter, zapRunsWriter } from './writers/ipaas.js';
import { hubspotDealsWriter, incidentWriter, linearWriter, sysAuditWriter } from './writers/troubled-tools.js';
import { hubspotPropertyHistoryWriter } from './writers/hubspot.js';

type WriterFactory = (ctx: WriterContext) => Writer;

/**
 * Where a system's go-live edits (the reconciliation field) can be seen: the export holding that field's
 * history, or the export that holds only its current value and why no history is there.
 */
export interface HistorySpec {
  in: string;
  visible: boolean;
  why?: string;
}

export interface ExportSpec {
  writers: WriterFactory[];
  plants: Plant[];
  zones: Record<string, string>;
  history: Record<'crm' | 'support' | 'delivery', HistorySpec>;
}

/** The exports each company hands over, and the malformed rows planted in them. */
export const EXPORTS: Record<string, ExportSpec> = {
  [healthy.id]: {
    writers: [opportunityHistoryWriter, fieldHistoryWriter, opportunityWriter, ticketEventsWriter, ticketJsonWriter, jiraRestWriter, zapRunsWriter],
    plants: [
      { file: 'salesforce/OpportunityFieldHistory.csv', after: 41, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'salesforce/OpportunityFieldHistory.csv', after: 263, kind: 'missing-id', code: 'row/missing-value' },
      { file: 'salesforce/OpportunityHistory.csv', after: 120, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'zendesk/incremental_ticket_events.json', after: 77, kind: 'missing-id', code: 'row/missing-value' },
      { file: 'zendesk/tickets.json', after: 301, kind: 'broken-json', code: 'json/malformed' },
      { file: 'jira/search-changelog.json', after: 190, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'zapier/zap-runs.json', after: 355, kind: 'missing-id', code: 'row/missing-value' },
    ],
    zones: { default: 'UTC' },
    history: {
      crm: { in: 'salesforce/OpportunityFieldHistory.csv', visible: true },
      support: { in: 'zendesk/incremental_ticket_events.json', visible: true },
      delivery: { in: 'jira/search-changelog.json', visible: true },
    },
  },
  [troubled.id]: {
    writers: [hubspotDealsWriter, hubspotPropertyHistoryWriter, incidentWriter, sysAuditWriter, linearWriter, workatoWriter],
    plants: [
      { file: 'hubspot/hubspot-crm-exports-all-deals-2026-05-11.csv', after: 58, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'hubspot/hubspot-crm-exports-all-deals-2026-05-11.csv', after: 402, kind: 'missing-id', code: 'row/missing-value' },
      { file: 'hubspot/deals-property-history-07.json', after: 312, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'servicenow/incident.csv', after: 133, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'servicenow/sys_audit.csv', after: 211, kind: 'missing-id', code: 'row/missing-value' },
      { file: 'linear/linear-export.csv', after: 97, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'workato/jobs-3104552-incident-to-linear.json', after: 250, kind: 'bad-date', code: 'row/invalid-date' },
    ],
    zones: { default: 'UTC', 'hubspot/hubspot-crm-exports-all-deals-2026-05-11.csv': 'Europe/Berlin' },
    history: {
      crm: { in: 'hubspot/deals-property-history-*.json', visible: true },
      support: { in: 'servicenow/sys_audit.csv', visible: true },
      delivery: { in: 'linear/linear-export.csv', visible: false, why: "Linear's CSV export holds each issue's current values only (Due Date), no history: edits of the go-live date in Linear cannot be seen" },
    },
  },
  [borderline.id]: {
    writers: [opportunityHistoryWriter, fieldHistoryWriter, ticketCsvWriter, ticketEventsWriter, jiraCsvWriter, syncLogWriter],
    plants: [
      { file: 'salesforce/OpportunityFieldHistory.csv', after: 88, kind: 'missing-id', code: 'row/missing-value' },
      { file: 'zendesk/export-tickets.csv', after: 150, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'jira/Jira.csv', after: 222, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'sync/sync-log.csv', after: 310, kind: 'bad-date', code: 'row/invalid-date' },
      { file: 'zendesk/incremental_ticket_events.json', after: 19, kind: 'wrong-type', code: 'row/invalid' },
    ],
    zones: { default: 'UTC', 'zendesk/export-tickets.csv': 'Europe/London', 'jira/Jira.csv': 'Europe/London' },
    history: {
      crm: { in: 'salesforce/OpportunityFieldHistory.csv', visible: true },
      support: { in: 'zendesk/incremental_ticket_events.json', visible: true },
      delivery: { in: 'jira/Jira.csv', visible: false, why: "Jira's CSV export holds each issue's current values only, no changelog" },
    },
  },
};

export interface GenerateOptions {
  root: string;
  weeks?: number;
  scale?: number;
  keepFailureList?: boolean;
}

/** Generates one company into `<root>/<id>/exports` and `<root>/<id>/truth.json`; returns the truth. */
export function generateCompany(plan: CompanyPlan, options: GenerateOptions): unknown {
  const dir = join(options.root, plan.id);
  rmSync(join(dir, 'exports'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const out = new Exports(join(dir, 'exports'));
  const roster = buildRoster(plan);
  const spec = EXPORTS[plan.id]!;
  const big = options.scale !== undefined;
  const ctx: WriterContext = { plan, roster, out, plants: spec.plants };
  const writers = spec.writers.map((make) => make(ctx));
  const weeks = options.weeks ?? plan.weeks;
  const truth = new TruthBuilder(plan, weeks, options.keepFailureList ?? !big);
  for (const wf of simulateCompany(plan, roster, { weeks, ...(options.scale ? { scale: options.scale } : {}) })) {
    for (const writer of writers) writer.workflow(wf);
    truth.add(wf);
  }
  for (const writer of writers) writer.end();
  out.close();
  const files = [...out.files.values()]
    .map((f) => ({ file: f.name, rows: f.line - 1, bytes: f.bytes, zone: spec.zones[f.name] ?? spec.zones.default! }))
    .sort((a, b) => a.file.localeCompare(b.file));
  const result = {
    ...(truth.build(files, out.planted, spec.history) as object),
    roster: roster.people.map((p) => ({ name: p.name, email: p.email, team: p.team, integration: p.integration })),
  };
  writeFileSync(join(dir, 'truth.json'), `${prettyJson(result)}\n`);
  writeFileSync(join(dir, 'handoff-risk.json'), companyConfig(plan, roster));
  return result;
}

function parseArgs(argv: string[]) {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) args.set(arg.slice(2), argv[i + 1] && !argv[i + 1]!.startsWith('--') ? argv[++i]! : 'true');
  }
  return args;
}

export function main(argv: string[]): void {
  const args = parseArgs(argv);
  const events = args.get('events') ? Number(args.get('events')) : undefined;
  const only = args.get('company');
  const selected = companies.filter((c) => !only || c.id === only || c.id.startsWith(only));
  if (events !== undefined) {
    if (!Number.isFinite(events) || events <= 0) throw new Error('--events needs a positive number');
    const root = args.get('out') ?? '/tmp/handoff-risk-samples';
    // about 45 events per workflow across the exports; 52 weeks
    const weeks = Number(args.get('weeks') ?? 52);
    for (const plan of selected) {
      const perWeekVolume = Array.from({ length: weeks }, (_, w) => plan.volume.perWeek * Math.pow(1 + plan.volume.growth, w)).reduce((a, b) => a + b, 0);
      const scale = events / selected.length / 45 / perWeekVolume;
      generateCompany(plan, { root, weeks, scale, keepFailureList: false });
      process.stderr.write(`${plan.id}: written to ${join(root, plan.id)}\n`);
    }
    return;
  }
  const root = args.get('out') ?? fileURLToPath(new URL('../../../samples/', import.meta.url));
  for (const plan of selected) generateCompany(plan, { root });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
