// truth.json against the files themselves: a few values recounted cheaply from the committed exports,
// independently of the generator, must equal what truth.json says exactly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../samples');

interface Truth {
  workflows: { total: number };
  volume: { weeks: string[] };
  failures: { realisedPerWeek: number[]; total: number };
  reconciliation: {
    planted: { team: string; system: string; in: string; visible: boolean; why?: string }[];
    teams: string[];
    visibleTeams: string[];
    realisedPerTeamPerWeek: Record<string, number[]>;
  };
  files: { file: string }[];
  malformedRows: { file: string; line: number }[];
}

interface Config {
  teams: Record<string, string>;
}

/** ISO week label (`2026-W02`) of an instant, computed here rather than borrowed from the generator. */
function isoWeek(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${at}`);
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3));
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 604_800_000);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function load(id: string) {
  const dir = join(ROOT, id);
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as Truth;
  const config = JSON.parse(readFileSync(join(dir, 'handoff-risk.json'), 'utf8')) as Config;
  const planted = (file: string) => new Set(truth.malformedRows.filter((m) => m.file === file).map((m) => m.line));
  const text = (file: string) => readFileSync(join(dir, 'exports', file), 'utf8');
  /** CSV rows with the line each ends on, without the planted malformed rows. */
  const csv = (file: string) => {
    const bad = planted(file);
    const rows = parse(text(file), { columns: true, info: true, relax_column_count: true }) as { record: Record<string, string>; info: { lines: number } }[];
    return rows.filter((r) => !bad.has(r.info.lines)).map((r) => r.record);
  };
  /** Records of a JSON page written one record per line, without the planted malformed rows. */
  const json = (file: string) => {
    const bad = planted(file);
    return text(file)
      .split('\n')
      .map((line, i) => ({ line: i + 1, body: line.replace(/,$/, '') }))
      // line 1 opens the page, the last line closes it
      .filter(({ line, body }) => line > 1 && body.startsWith('{') && !bad.has(line))
      .map(({ body }) => JSON.parse(body) as Record<string, unknown>);
  };
  /** A per-week series over the truth weeks. */
  const series = (weeks: string[]) => {
    const counts = new Map<string, number>();
    for (const week of weeks) counts.set(week, (counts.get(week) ?? 0) + 1);
    return truth.volume.weeks.map((week) => counts.get(week) ?? 0);
  };
  return { dir, truth, config, csv, json, series };
}

type Sample = ReturnType<typeof load>;

/** Deals in the CRM export: distinct record ids, planted malformed rows left out. */
const WORKFLOWS: Record<string, (s: Sample) => number> = {
  'northwind-healthy': (s) => new Set(s.csv('salesforce/Opportunity.csv').map((r) => r.Id)).size,
  'kestrel-borderline': (s) => new Set(s.csv('salesforce/OpportunityHistory.csv').map((r) => r.OpportunityId)).size,
  'brightpath-troubled': (s) => new Set(s.csv('hubspot/hubspot-crm-exports-all-deals-2026-05-11.csv').map((r) => r['Record ID'])).size,
};

/** The end time of every failed first attempt in the iPaaS export (replays and their failures left out). */
const FAILED_RUNS: Record<string, (s: Sample) => string[]> = {
  // Zapier marks no replay: a failure is the first errored run of a zap for one source record
  'northwind-healthy': (s) => {
    const first = new Map<string, string>();
    for (const run of s.json('zapier/zap-runs.json')) {
      if (run.status !== 'error') continue;
      const key = `${String(run.zap_id)}/${String(Object.values(run.data_in as Record<string, string>)[0])}`;
      const end = run.end_time as string;
      if (!first.has(key) || first.get(key)! > end) first.set(key, end);
    }
    return [...first.values()];
  },
  'kestrel-borderline': (s) => s.csv('sync/sync-log.csv').filter((r) => r.status === 'failed' && r.attempt === '1').map((r) => r.finished_at!),
  'brightpath-troubled': (s) =>
    readdirSync(join(s.dir, 'exports/workato'))
      .flatMap((f) => s.json(`workato/${f}`))
      .filter((job) => job.is_error === true && job.is_repeat === false)
      .map((job) => job.completed_at as string),
};

/** Human edits of the go-live field per team in the export that holds its history: the week of each. */
function goLiveEdits(s: Sample, file: string, team: string): string[] {
  const teamOf = (id: unknown) => s.config.teams[String(id)];
  if (file === 'salesforce/OpportunityFieldHistory.csv') {
    return s.csv(file).filter((r) => r.Field === 'Go_Live_Date__c' && teamOf(r.CreatedById) === team).map((r) => r.CreatedDate!);
  }
  if (file === 'servicenow/sys_audit.csv') {
    // the value set at creation has no old value; every later change of it is an edit
    return s.csv(file).filter((r) => r.fieldname === 'u_go_live_date' && r.oldvalue !== '' && teamOf(r.user) === team).map((r) => r.sys_created_on!.replace(' ', 'T') + 'Z');
  }
  if (file === 'hubspot/deals-property-history-*.json') {
    const files = readdirSync(join(s.dir, 'exports/hubspot')).filter((f) => /^deals-property-history-\d+\.json$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    return files
      .flatMap((f) => s.json(`hubspot/${f}`))
      .flatMap((deal) => ((deal.propertiesWithHistory as Record<string, { timestamp: string; sourceType: string; updatedByUserId?: number }[]>).go_live_date ?? []))
      .filter((v) => v.sourceType === 'CRM_UI' && teamOf(v.updatedByUserId) === team)
      .map((v) => v.timestamp);
  }
  throw new Error(`no recount for ${file}`);
}

describe.each(Object.keys(WORKFLOWS).map((id) => [id]))('truth of %s recounted from its exports', (id) => {
  const s = load(id);

  it('workflows total = distinct deals in the CRM export', () => {
    expect(WORKFLOWS[id]!(s)).toBe(s.truth.workflows.total);
  });

  it('failures per ISO week = failed first runs in the iPaaS export', () => {
    const ends = FAILED_RUNS[id]!(s);
    expect(ends.length).toBe(s.truth.failures.total);
    expect(s.series(ends.map(isoWeek))).toEqual(s.truth.failures.realisedPerWeek);
  });

  it('every planted reconciliation team says where its edits are visible, and the visible ones recount exactly', () => {
    const { planted, realisedPerTeamPerWeek, visibleTeams, teams } = s.truth.reconciliation;
    for (const team of planted) {
      expect(typeof team.visible, team.team).toBe('boolean');
      expect(team.in, team.team).toBeTruthy();
      if (!team.visible) expect(team.why, team.team).toBeTruthy();
      else expect(s.truth.files.some((f) => new RegExp(`^${team.in.replace(/[.]/g, '\\.').replace('*', '.*')}$`).test(f.file)), team.in).toBe(true);
    }
    expect(visibleTeams).toEqual(teams.filter((t) => planted.find((p) => p.team === t)?.visible));
    for (const team of planted.filter((p) => p.visible)) {
      const edits = goLiveEdits(s, team.in, team.team);
      expect(s.series(edits.map(isoWeek)), team.team).toEqual(realisedPerTeamPerWeek[team.team] ?? s.truth.volume.weeks.map(() => 0));
    }
  });
});
