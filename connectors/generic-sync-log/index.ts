// Generic sync log: a documented CSV (run id, flow, status, times, error, source and target record ids)
// for integration platforms that have no connector of their own. One row → sync-succeeded / -failed / -retried.
import { resolveColumnRoles, squashName } from '../../src/ingest/column-roles.js';
import { defineConnector, type ConnectorOptions, type InputShape, type Match } from '../../src/ingest/connector.js';
import { inferDateOrder } from '../../src/ingest/timestamps.js';
import type { EventDraft, EventKind } from '../../src/model/index.js';
import { LinkCollector, shortError } from '../ipaas-common.js';
import { GenericSyncLogRow, REQUIRED_SYNC_ROLES, SYNC_COLUMNS, TIME_ROLES, type SyncRole } from './row.js';

/** Which header column plays each role; resolved once per file. */
export type SyncColumnMap = Partial<Record<SyncRole, string>>;

export interface GenericSyncLogSettings {
  /** explicit column names per role, e.g. `{ "run_id": "Execution", "flow": "Scenario name" }` */
  columns?: SyncColumnMap;
  /** the `system` events carry when the file has no platform column; default `sync-log` */
  system?: string;
  /** extra status words, e.g. `{ "COMPLETE_WARN": "succeeded", "DISCARDED": "none" }` */
  statuses?: Record<string, 'succeeded' | 'failed' | 'retried' | 'none'>;
}


const STATUS_WORDS: Record<string, 'succeeded' | 'failed' | 'retried' | 'none'> = {};
for (const word of ['success', 'succeeded', 'successful', 'ok', 'completed', 'complete', 'done', 'passed', 'true', 'yes']) STATUS_WORDS[word] = 'succeeded';
for (const word of ['failed', 'failure', 'fail', 'error', 'errored', 'aborted', 'halted', 'stopped', 'timeout', 'timedout', 'false', 'no']) STATUS_WORDS[word] = 'failed';
for (const word of ['retry', 'retried', 'retrying', 'replay', 'replayed', 'repeat', 'repeated', 'rerun']) STATUS_WORDS[word] = 'retried';
for (const word of ['pending', 'running', 'queued', 'inprogress', 'waiting', 'scheduled', 'skipped', 'filtered', 'cancelled', 'canceled']) STATUS_WORDS[word] = 'none';

const KIND: Record<'succeeded' | 'failed' | 'retried', EventKind> = { succeeded: 'sync-succeeded', failed: 'sync-failed', retried: 'sync-retried' };

/**
 * Resolves each role to a header column: the user's mapping first, then the synonyms, compared without
 * case or punctuation. Needs a run id, a status and at least one time column.
 *
 * @example
 * resolveSyncColumns(['Job ID', 'Recipe name', 'Is successful', 'Started at']).columns.status // 'Is successful'
 */
export function resolveSyncColumns(header: readonly string[], explicit: SyncColumnMap = {}): { columns: SyncColumnMap; missing: string[] } {
  const { columns, missing } = resolveColumnRoles(header, SYNC_COLUMNS, REQUIRED_SYNC_ROLES, explicit);
  if (!TIME_ROLES.some((role) => columns[role])) missing.push('a finished_at, started_at or timestamp column');
  return { columns, missing };
}

function settingsOf(options: ConnectorOptions): GenericSyncLogSettings {
  return (options.settings ?? {}) as GenericSyncLogSettings;
}

/** Reads a status word: `succeeded`, `failed`, `retried`, `none` (no event) or undefined (unknown). */
export function statusOf(text: string, extra: GenericSyncLogSettings['statuses'] = {}): 'succeeded' | 'failed' | 'retried' | 'none' | undefined {
  for (const [word, meaning] of Object.entries(extra)) if (squashName(word) === squashName(text)) return meaning;
  return STATUS_WORDS[squashName(text)];
}

export default defineConnector({
  meta: {
    id: 'generic-sync-log',
    tool: 'any integration platform (documented CSV)',
    system: 'sync-log',
    systemKind: 'integration',
    description: 'Generic sync log CSV: run_id, flow, status, started_at, finished_at, error, source_system, source_id, target_system, target_id, attempt (header synonyms accepted)',
    format: 'csv',
    // names vary: `detect` and `prepare` resolve them from the synonyms in row.ts
    columns: { required: [] },
    emits: ['sync-succeeded', 'sync-failed', 'sync-retried'],
    timeZone: 'ISO 8601 offsets are honoured; zone-less values are read in --tz (default UTC)',
    docs: [
      'https://docs.workato.com/en/insights/data-sources.html',
      'https://help.zapier.com/hc/en-us/articles/20505304170637-Review-Zap-run-statuses',
      'https://developers.make.com/api-documentation/api-reference/scenarios-greater-than-logs',
    ],
  },
  row: GenericSyncLogRow,

  detect(shape: InputShape, options: ConnectorOptions): Match {
    if (shape.format !== 'csv') return { matched: false, score: 0, missing: ['a CSV header'] };
    const { columns, missing } = resolveSyncColumns(shape.header, settingsOf(options).columns);
    return { matched: missing.length === 0, score: Object.keys(columns).length, missing };
  },

  prepare({ shape, sample, options }) {
    if (shape.format !== 'csv') return { ok: false, code: 'file/unrecognised', message: 'the generic sync log reads CSV only' };
    const { columns, missing } = resolveSyncColumns(shape.header, settingsOf(options).columns);
    if (missing.length) return { ok: false, code: 'file/missing-columns', message: `sync log needs ${missing.join('; ')}` };
    const times = sample.flatMap((row) => TIME_ROLES.map((role) => (columns[role] ? String((row as Record<string, unknown>)[columns[role]!] ?? '') : '')));
    return { ok: true, value: columns, dateOrder: inferDateOrder(times) };
  },

  toEvents(row, ctx) {
    const columns = ctx.prepared;
    const settings = settingsOf(ctx.options);
    const cell = (role: SyncRole): string | undefined => {
      const name = columns[role];
      const value = name === undefined ? undefined : row[name];
      const text = Array.isArray(value) ? value[0] : value;
      return text === undefined || text.trim() === '' ? undefined : text.trim();
    };

    const runId = cell('run_id');
    if (!runId) {
      ctx.reject('row/missing-value', columns.run_id, `${columns.run_id} (run id) is empty`);
      return [];
    }
    const statusText = cell('status');
    if (!statusText) {
      ctx.reject('row/missing-value', columns.status, `${columns.status} (status) is empty`);
      return [];
    }
    const status = statusOf(statusText, settings.statuses);
    if (!status) {
      ctx.reject('row/invalid', columns.status, `${columns.status} "${statusText.slice(0, 40)}" is not a status this connector knows (success/ok, failed/error, retry/retried, pending/running)`);
      return [];
    }
    const attemptText = cell('attempt');
    const attempt = attemptText === undefined ? undefined : Number(attemptText);
    if (attempt !== undefined && (!Number.isInteger(attempt) || attempt < 0)) {
      ctx.reject('row/invalid', columns.attempt, `${columns.attempt} "${attemptText!.slice(0, 20)}" is not a whole number`);
      return [];
    }
    const retryOf = cell('retry_of');
    // a test run is not a production handoff (Workato Insights marks them `Is test`)
    if (/^(true|yes|1)$/i.test(cell('is_test') ?? '')) return [];
    const retried = status === 'retried' || (attempt !== undefined && attempt > 1) || retryOf !== undefined;
    if (status === 'none' && !retried) return [];

    // every time the row gives must be a time, even the one the events do not use
    const times = new Map<SyncRole, string | undefined>();
    for (const role of TIME_ROLES) if (cell(role) !== undefined) times.set(role, ctx.time(cell(role), columns[role]!));
    if ([...times.values()].some((at) => at === undefined)) return [];
    // the outcome happened when the run finished; a retry began when the run started. A time read
    // above is not read again: each reading counts as a zone-less value in the file's summary
    const timeOf = (order: SyncRole[]) => {
      const role = order.find((candidate) => cell(candidate) !== undefined) ?? order.find((candidate) => columns[candidate]);
      if (role && times.has(role)) return times.get(role);
      return ctx.time(role ? cell(role) : undefined, role ? columns[role]! : 'finished_at');
    };
    const outcomeAt = status === 'succeeded' || status === 'failed' ? timeOf(['finished_at', 'timestamp', 'started_at']) : undefined;
    const retryAt = retried ? timeOf(['started_at', 'timestamp', 'finished_at']) : undefined;
    if ((retried && !retryAt) || ((status === 'succeeded' || status === 'failed') && !outcomeAt)) return [];

    const system = cell('platform')?.toLowerCase() ?? settings.system ?? 'sync-log';
    const flow = cell('flow');
    const links = new LinkCollector();
    links.add(cell('source_id'), columns.source_id ?? 'source_id', cell('source_system')?.toLowerCase());
    links.add(cell('target_id'), columns.target_id ?? 'target_id', cell('target_system')?.toLowerCase());
    links.add(retryOf, columns.retry_of ?? 'retry_of', system);

    // plain literals with the optional keys set after: spreading `base` and `{}`s cost more than the rest of the row
    const record = { type: 'run', id: runId };
    const actor = actorOf(cell('triggered_by'), flow, system, ctx);
    const draft = (at: string, kind: EventKind, detail: string | undefined): EventDraft => {
      const event: EventDraft = { system, systemKind: 'integration', record, actor, at, kind };
      if (flow) event.activity = flow;
      if (links.links.length) event.links = links.links;
      if (detail) event.detail = detail;
      return event;
    };
    const drafts: EventDraft[] = [];
    if (retried) {
      const detail = [attempt !== undefined ? `attempt ${attempt}` : undefined, retryOf ? `retry of ${retryOf}` : undefined, status === 'retried' ? shortError(cell('error')) : undefined]
        .filter(Boolean)
        .join('; ');
      drafts.push(draft(retryAt!, 'sync-retried', detail));
    }
    if (status === 'succeeded' || status === 'failed') {
      const detail = status === 'failed' ? [cell('error_type'), shortError(cell('error'))].filter(Boolean).join(': ') : undefined;
      drafts.push(draft(outcomeAt!, KIND[status], detail));
    }
    return drafts;
  },
});

/** Words platforms write when no person started a run. */
const AUTOMATIC = /^(scheduler|schedule[d]?|system|auto(matic)?|trigger(ed)?|polling|webhook|cron|-)$/i;

/** Who ran it: the person in `triggered_by` (a manual replay), else the flow itself as the integration. */
function actorOf(triggeredBy: string | undefined, flow: string | undefined, system: string, ctx: { actorType: (ids: (string | undefined)[], mark?: 'human' | 'integration') => EventDraft['actor']['type'] }): EventDraft['actor'] {
  if (triggeredBy && !AUTOMATIC.test(triggeredBy)) return { id: triggeredBy, name: triggeredBy, type: ctx.actorType([triggeredBy], 'human') };
  const type = ctx.actorType([flow], 'integration');
  return flow ? { id: `flow:${flow}`, name: flow, type } : { id: system, type };
}
