// Workato recipe jobs (Developer API `GET /api/recipes/:recipe_id/jobs`): one job → sync-succeeded or
// sync-failed, preceded by sync-retried when the job repeats an earlier one.
import { defineConnector, type ConnectorOptions } from '../../src/ingest/connector.js';
import type { EventDraft, EventKind } from '../../src/model/index.js';
import { compilePatterns, ipaasSettingsOf, LinkCollector, shortError, type IpaasSettings, type LinkPattern } from '../ipaas-common.js';
import { WorkatoJobRow } from './row.js';

export interface WorkatoSettings extends IpaasSettings {
  /** the recipe the file was fetched for: the jobs page itself does not name it (it is in the URL) */
  recipe?: { id?: string | number; name?: string } | string;
  /** names of recipes by id, for pages whose jobs carry a `recipe_id` (one config for many recipe files) */
  recipes?: Record<string, string>;
}

interface Prepared {
  patterns: LinkPattern[];
  recipeId?: string;
  recipeName?: string;
}

/** What a job's flags and status say; `none` = still running or a test job. */
export function jobOutcome(job: WorkatoJobRow): { kind: EventKind | 'none'; retried: boolean } {
  const status = (job.status ?? '').trim().toLowerCase();
  const failed = job.is_error === true || job.is_poll_error === true || status === 'failed' || status === 'error';
  const repeatOf = job.master_job_id ?? job.master_job_handle;
  const retried = job.is_repeat === true || (repeatOf !== undefined && repeatOf !== null && String(repeatOf) !== String(job.id) && String(repeatOf) !== String(job.handle ?? ''));
  if (job.is_test === true) return { kind: 'none', retried: false };
  if (failed) return { kind: 'sync-failed', retried };
  if (['pending', 'running', 'processing', 'queued'].includes(status) || !job.completed_at) return { kind: 'none', retried };
  return { kind: 'sync-succeeded', retried };
}

/** `Bad request: Custom field SICCode__c is not present` from `error_parts`, the JSON `error`, or the plain text. */
export function errorMessage(job: WorkatoJobRow): string | undefined {
  const parts = job.error_parts;
  if (parts && (parts.message || parts.error_type)) return [parts.error_type, parts.message].filter(Boolean).join(': ');
  const raw = job.error?.trim();
  if (!raw) return undefined;
  if (raw.startsWith('{')) {
    try {
      const parsed = JSON.parse(raw) as { error_type?: unknown; message?: unknown };
      const pieces = [parsed.error_type, parsed.message].filter((piece): piece is string => typeof piece === 'string' && piece !== '');
      if (pieces.length) return pieces.join(': ');
    } catch {
      // not JSON after all: use the text
    }
  }
  return raw;
}

function recipeOf(options: ConnectorOptions): { recipeId?: string; recipeName?: string } {
  const recipe = (ipaasSettingsOf(options) as WorkatoSettings).recipe;
  if (recipe === undefined || recipe === null) return {};
  if (typeof recipe === 'string') return { recipeName: recipe };
  return { ...(recipe.id !== undefined ? { recipeId: String(recipe.id) } : {}), ...(recipe.name ? { recipeName: recipe.name } : {}) };
}

export default defineConnector({
  meta: {
    id: 'workato-jobs',
    tool: 'Workato',
    system: 'workato',
    systemKind: 'integration',
    description: 'Workato recipe jobs from the Developer API `GET /api/recipes/:recipe_id/jobs` (`{ job_succeeded_count, job_failed_count, job_count, items }`)',
    format: 'json',
    columns: {
      required: ['id', 'started_at', 'is_error'],
      optional: ['flow_run_id', 'completed_at', 'title', 'is_poll_error', 'error', 'error_parts', 'lines', 'handle', 'recipe_id', 'status', 'is_repeat', 'master_job_id', 'calling_job_id'],
    },
    recordsKey: 'items',
    pageKeys: ['job_succeeded_count', 'job_failed_count', 'job_count', 'job_scope_count'],
    emits: ['sync-succeeded', 'sync-failed', 'sync-retried'],
    timeZone: 'UTC: ISO 8601 with milliseconds and Z (2015-01-02T01:02:03.000Z); explicit offsets are honoured',
    docs: [
      'https://docs.workato.com/workato-api/jobs.html',
      'https://api-docs.workato.com/workato-api/resources/jobs/get-recipes-recipe-id-jobs-handle-line-details',
      'https://docs.workato.com/recipes/jobs.html',
      'https://docs.workato.com/connectors/recipeops/triggers/new-failed-job',
    ],
  },
  row: WorkatoJobRow,

  prepare({ options }) {
    const compiled = compilePatterns(ipaasSettingsOf(options));
    if (!compiled.ok) return { ok: false, code: 'file/unrecognised', message: compiled.message };
    const value: Prepared = { patterns: compiled.patterns, ...recipeOf(options) };
    return { ok: true, value };
  },

  toEvents(job, ctx) {
    const { patterns } = ctx.prepared;
    const recipeId = ctx.prepared.recipeId ?? (job.recipe_id !== undefined && job.recipe_id !== null ? String(job.recipe_id) : undefined);
    const recipeName = ctx.prepared.recipeName ?? (recipeId ? (ipaasSettingsOf(ctx.options) as WorkatoSettings).recipes?.[recipeId] : undefined);
    const outcome = jobOutcome(job);
    if (outcome.kind === 'none' && !outcome.retried) return [];

    const drafts: EventDraft[] = [];
    const started = outcome.retried ? ctx.time(job.started_at, 'started_at') : undefined;
    const ended = outcome.kind !== 'none' ? ctx.time(job.completed_at ?? job.started_at, job.completed_at ? 'completed_at' : 'started_at') : undefined;
    if ((outcome.retried && !started) || (outcome.kind !== 'none' && !ended)) return [];

    const links = new LinkCollector();
    links.scan(job.title, 'title', patterns);
    links.scan(job.error, 'error', patterns);
    if (outcome.retried) links.add(job.master_job_id ?? job.master_job_handle, job.master_job_id ? 'master_job_id' : 'master_job_handle', 'workato');
    links.add(job.calling_job_id ?? job.calling_job_handle, job.calling_job_id ? 'calling_job_id' : 'calling_job_handle', 'workato');

    // plain literals with the optional keys set after: spreading `base` and `{}`s cost more than the rest of the job
    const record = { type: 'job', id: String(job.id).trim() };
    const type = ctx.actorType([recipeId, recipeName], 'integration');
    const actorId = recipeId ? `recipe:${recipeId}` : 'workato';
    const actor: EventDraft['actor'] = recipeName ? { id: actorId, name: recipeName, type } : { id: actorId, type };
    const activity = recipeName ? recipeName : recipeId ? `recipe ${recipeId}` : undefined;
    const draft = (at: string, kind: EventKind, detail: string | undefined): EventDraft => {
      const event: EventDraft = { system: 'workato', systemKind: 'integration', record, actor, at, kind };
      if (activity) event.activity = activity;
      if (links.links.length) event.links = links.links;
      if (detail) event.detail = detail;
      return event;
    };
    if (outcome.retried) {
      const of = job.master_job_id ?? job.master_job_handle;
      drafts.push(draft(started!, 'sync-retried', of ? `repeat of job ${of}` : 'repeat'));
    }
    if (outcome.kind === 'sync-failed') {
      const detail = [job.is_poll_error ? 'poll error' : undefined, shortError(errorMessage(job))].filter(Boolean).join('; ');
      drafts.push(draft(ended!, 'sync-failed', detail));
    } else if (outcome.kind === 'sync-succeeded') {
      drafts.push(draft(ended!, 'sync-succeeded', undefined));
    }
    return drafts;
  },
});
