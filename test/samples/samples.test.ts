// The committed samples: detected by the right connectors, rejects exactly the planted rows, rebuilt byte for byte.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/index.js';
import { readFile } from '../../src/ingest/run-connector.js';
import { fileSource } from '../../src/ingest/source.js';
import { companies } from '../../samples/generator/companies.js';
import { generateCompany } from '../../samples/generator/main.js';

const ROOT = join(import.meta.dirname, '../../samples');

const EXPECTED_CONNECTOR: Record<string, string> = {
  'salesforce/OpportunityHistory.csv': 'salesforce-opportunity-history',
  'salesforce/OpportunityFieldHistory.csv': 'salesforce-field-history',
  'salesforce/Opportunity.csv': 'salesforce-opportunity-export',
  'zendesk/incremental_ticket_events.json': 'zendesk-ticket-events',
  'zendesk/tickets.json': 'zendesk-ticket-ndjson',
  'zendesk/export-tickets.csv': 'zendesk-ticket-csv',
  'jira/search-changelog.json': 'jira-rest-changelog',
  'jira/Jira.csv': 'jira-csv',
  'zapier/zap-runs.json': 'zapier-zap-runs',
  'hubspot/hubspot-crm-exports-all-deals-2026-05-11.csv': 'hubspot-deal-export',
  'servicenow/incident.csv': 'servicenow-incident',
  'servicenow/sys_audit.csv': 'servicenow-sys-audit',
  'linear/linear-export.csv': 'linear-csv',
  'workato/jobs-3104551-deal-to-incident.json': 'workato-jobs',
  'workato/jobs-3104552-incident-to-linear.json': 'workato-jobs',
  'workato/jobs-3104553-linear-done-writeback.json': 'workato-jobs',
  'sync/sync-log.csv': 'generic-sync-log',
};
/** Files written in numbered batches: one connector for every batch. */
const EXPECTED_BY_PATTERN: [RegExp, string][] = [[/^hubspot\/deals-property-history-\d+\.json$/, 'hubspot-property-history']];
const expectedConnector = (name: string) => EXPECTED_CONNECTOR[name] ?? EXPECTED_BY_PATTERN.find(([re]) => re.test(name))?.[1];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

interface Truth {
  files: { file: string; zone: string; bytes: number }[];
  malformedRows: { file: string; line: number; code: string }[];
  workflows: { total: number };
}

describe.each(companies.map((plan) => [plan.id]))('sample %s', (id) => {
  const dir = join(ROOT, id);
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;

  it('reads every export with its connector, and rejects exactly the planted malformed rows', async () => {
    const files = walk(join(dir, 'exports'));
    expect(files.map((f) => relative(join(dir, 'exports'), f))).toEqual(truth.files.map((f) => f.file));
    const rejects: { file: string; line: number; code: string }[] = [];
    for (const path of files) {
      const name = relative(join(dir, 'exports'), path);
      const zone = truth.files.find((f) => f.file === name)!.zone;
      const result = await readFile(fileSource(path, name), connectors, { timeZone: zone, emit: () => {} });
      expect(result.connector, name).toBe(expectedConnector(name));
      expect(result.rowsRead, name).toBe(result.rowsAccepted + result.rowsRejected);
      expect(result.rowsAccepted, name).toBeGreaterThan(0);
      for (const issue of result.issues) if (issue.severity === 'error') rejects.push({ file: name, line: issue.line!, code: issue.code });
    }
    const unique = [...new Map(rejects.map((r) => [`${r.file}:${r.line}`, r])).values()];
    const sort = (list: typeof unique) => [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    expect(sort(unique)).toEqual(sort(truth.malformedRows.map(({ file, line, code }) => ({ file, line, code }))));
  });

  it('plants 3 to 8 malformed rows and spans at least 16 weeks and 300-600 workflows', () => {
    expect(truth.malformedRows.length).toBeGreaterThanOrEqual(3);
    expect(truth.malformedRows.length).toBeLessThanOrEqual(8);
    expect(truth.workflows.total).toBeGreaterThanOrEqual(300);
    expect(truth.workflows.total).toBeLessThanOrEqual(600);
  });
});

describe('generator', () => {
  it('rebuilds the committed samples byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'samples-'));
    for (const plan of companies) {
      generateCompany(plan, { root: out });
      const committed = walk(join(ROOT, plan.id)).filter((f) => !f.includes('/generator/'));
      const rebuilt = walk(join(out, plan.id));
      expect(rebuilt.map((f) => relative(join(out, plan.id), f))).toEqual(committed.map((f) => relative(join(ROOT, plan.id), f)));
      for (const [i, file] of committed.entries()) expect(readFileSync(rebuilt[i]!).equals(readFileSync(file)), file).toBe(true);
    }
  });

  it('keeps the committed samples under 10 MB', () => {
    const total = walk(ROOT).reduce((sum, f) => sum + statSync(f).size, 0);
    // 10 MB as the issue counts it: 10,000,000 bytes, generator and README included
    expect(total).toBeLessThan(10_000_000);
  });
});
