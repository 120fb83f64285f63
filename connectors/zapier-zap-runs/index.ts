// Zapier Zap runs (Partner API `GET /v2/zap-runs`): one run → sync-succeeded, sync-failed or sync-retried.
import { defineConnector, normaliseHeader, type ConnectorOptions, type InputShape, type Match, type RowContext } from '../../src/ingest/connector.js';
import { parseTimestamp } from '../../src/ingest/timestamps.js';
import type { EventDraft, EventKind, IssueCode } from '../../src/model/index.js';
import {
  collectPayloadLinks,
  compilePatterns,
  ipaasSettingsOf,
  LinkCollector,
  linkFieldsOf,
  shortError,
  zodProblem,
  type IpaasSettings,
  type LinkPattern,
} from '../ipaas-common.js';
import { ZapierZapRunsRow, ZapRun, ZapRunsPage } from './row.js';

export interface ZapierSettings extends IpaasSettings {
  /** `ignore` (default): a Filtered run is no handoff and yields no event; `succeeded`: count it as a successful sync */
  filtered?: 'ignore' | 'succeeded';
}

interface Prepared {
  patterns: LinkPattern[];
  fields: Map<string, string | undefined>;
  filtered: 'ignore' | 'succeeded';
}

/** What a run status means for the handoff; `none` = no event (in progress, filtered, skipped). */
export type ZapOutcome = { kind: EventKind | 'none'; label: string };

const REQUIRED = ['id', 'zap_id', 'status'];
const OPTIONAL = ['zap_title', 'start_time', 'end_time', 'steps', 'data_in', 'data_out'];

/**
 * Maps a Zap run status to an outcome. The API writes lower-case codes (`success`, `error`,
 * `error_handled`, `halted`, `held`, `throttled`, `scheduled`, `delayed`, `pending`, `filtered`,
 * `skipped`); the Zap history UI says `Success`, `Stopped (Errored)`, `Waiting`, `Playing`…
 *
 * @example
 * outcomeOf('error_handled') // { kind: 'sync-failed', label: 'error_handled' }
 */
export function outcomeOf(status: string, filtered: 'ignore' | 'succeeded' = 'ignore'): ZapOutcome | undefined {
  const words = status.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  const has = (word: string) => ` ${words} `.includes(` ${word} `);
  if (has('handled')) return { kind: 'sync-failed', label: 'error_handled' };
  if (has('halted')) return { kind: 'sync-failed', label: 'halted' };
  if (has('error') || has('errored') || has('stopped')) return { kind: 'sync-failed', label: 'error' };
  if (has('held') || has('holding')) return { kind: 'sync-failed', label: 'held' };
  // autoreplay keeps a stopped run `scheduled` until its retries finish; throttled runs are run again later
  if (has('scheduled') || has('autoreplay')) return { kind: 'sync-retried', label: 'scheduled' };
  if (has('throttled')) return { kind: 'sync-retried', label: 'throttled' };
  if (has('success') || has('successful')) return { kind: 'sync-succeeded', label: 'success' };
  if (has('filtered')) return filtered === 'succeeded' ? { kind: 'sync-succeeded', label: 'filtered' } : { kind: 'none', label: 'filtered' };
  if (has('skipped')) return { kind: 'none', label: 'skipped' };
  if (['playing', 'pending', 'delayed', 'waiting', 'running'].some(has)) return { kind: 'none', label: words };
  return undefined;
}

const FAILED_STEP = /error|halted|held|stopped|handled/i;

/** `step 2 of 3` for the first step whose status is a failure, when the run lists its steps. */
function failedStep(run: ZapRun): string | undefined {
  const steps = run.steps ?? [];
  const index = steps.findIndex((step) => FAILED_STEP.test(step.status ?? ''));
  return index < 0 ? undefined : `step ${index + 1} of ${steps.length}`;
}

/** Error text when the run carries one; the documented ZapRun has no error field, so these are tolerated extras. */
function errorText(run: ZapRun): string | undefined {
  const record = run as Record<string, unknown>;
  for (const key of ['error', 'error_message', 'message']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value;
    if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') return (value as { message: string }).message;
  }
  for (const step of run.steps ?? []) {
    const value = (step as Record<string, unknown>).error;
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

type TimeOf = (text: string | null | undefined, field: string) => string | undefined;

/** One run → at most one event; `undefined` when the run must be rejected (the reason was already reported). */
function runEvents(
  run: ZapRun,
  prepared: Prepared,
  ctx: RowContext<Prepared>,
  time: TimeOf,
  problem: (code: IssueCode, field: string, message: string) => void,
  line?: number,
): EventDraft[] | undefined {
  const outcome = outcomeOf(run.status, prepared.filtered);
  if (!outcome) {
    problem('row/invalid', 'status', `status "${run.status.slice(0, 40)}" is not a Zap run status this connector knows`);
    return undefined;
  }
  if (outcome.kind === 'none') return [];
  const retried = outcome.kind === 'sync-retried';
  const first = retried ? 'start_time' : 'end_time';
  const second = retried ? 'end_time' : 'start_time';
  const text = run[first] ?? run[second];
  if (!text) {
    problem('row/missing-value', first, `${first} and ${second} are both empty`);
    return undefined;
  }
  const at = time(text, run[first] ? first : second);
  if (!at) return undefined;

  const title = run.zap_title?.trim() || undefined;
  const links = new LinkCollector();
  collectPayloadLinks(run.data_in, 'data_in', prepared.fields, [], links);
  collectPayloadLinks(run.data_out, 'data_out', prepared.fields, [], links);
  links.scan(title, 'zap_title', prepared.patterns);
  collectPayloadLinks(run.data_in, 'data_in', new Map(), prepared.patterns, links);
  collectPayloadLinks(run.data_out, 'data_out', new Map(), prepared.patterns, links);

  const zapId = String(run.zap_id);
  const detail =
    outcome.kind === 'sync-succeeded' && outcome.label === 'success'
      ? undefined
      : [outcome.label, failedStep(run), shortError(errorText(run))].filter(Boolean).join('; ');
  // a literal with the optional keys set after, not spreads of `{}`s: cheaper per run, same keys in the same order
  const actor: EventDraft['actor'] = title
    ? { id: `zap:${zapId}`, name: title, type: ctx.actorType([zapId, title], 'integration') }
    : { id: `zap:${zapId}`, type: ctx.actorType([zapId, title], 'integration') };
  const event: EventDraft = { at, system: 'zapier', systemKind: 'integration', record: { type: 'run', id: run.id.trim() }, kind: outcome.kind, actor };
  if (title) event.activity = title;
  if (detail) event.detail = detail;
  if (links.links.length) event.links = links.links;
  if (line !== undefined) event.line = line;
  return [event];
}

/** The run fields detection looks at: the first run of a page, of a bare array, or of an array of pages. */
function firstRunFields(shape: InputShape): string[] {
  if (shape.format !== 'json') return [];
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  let node: unknown = shape.root;
  if (Array.isArray(node)) node = node[0];
  if (isObject(node) && Array.isArray(node.data)) node = node.data[0];
  return isObject(node) ? Object.keys(node) : [];
}

export default defineConnector({
  meta: {
    id: 'zapier-zap-runs',
    tool: 'Zapier',
    system: 'zapier',
    systemKind: 'integration',
    description: 'Zapier Zap runs from the Partner API `GET /v2/zap-runs` (`{ links, meta, data: [ZapRun] }`): success, error, halted, held, autoreplay',
    format: 'json',
    columns: { required: REQUIRED, optional: OPTIONAL },
    recordsKey: 'data',
    pageKeys: ['links', 'meta'],
    emits: ['sync-succeeded', 'sync-failed', 'sync-retried'],
    timeZone: 'UTC: ISO 8601 with Z and microseconds (2024-10-16T06:29:10.360000Z)',
    docs: [
      'https://docs.zapier.com/powered-by-zapier/api-reference/experimental/get-zap-runs',
      'https://help.zapier.com/hc/en-us/articles/20505304170637-Review-Zap-run-statuses',
      'https://help.zapier.com/hc/en-us/articles/19220226086797-What-is-replay',
      'https://help.zapier.com/hc/en-us/articles/8496289406349-Export-or-delete-your-Zapier-account-data',
    ],
  },
  row: ZapierZapRunsRow,

  detect(shape: InputShape): Match {
    if (shape.format !== 'json') return { matched: false, score: 0, missing: ['a JSON file'] };
    const present = new Set(firstRunFields(shape).map(normaliseHeader));
    const missing = REQUIRED.filter((name) => !present.has(name));
    const score = [...REQUIRED, ...OPTIONAL].filter((name) => present.has(name)).length;
    return { matched: missing.length === 0, score, missing };
  },

  prepare({ options }: { options: ConnectorOptions }) {
    const settings = ipaasSettingsOf(options) as ZapierSettings;
    const compiled = compilePatterns(settings);
    if (!compiled.ok) return { ok: false, code: 'file/unrecognised', message: compiled.message };
    const value: Prepared = { patterns: compiled.patterns, fields: linkFieldsOf(settings), filtered: settings.filtered === 'succeeded' ? 'succeeded' : 'ignore' };
    return { ok: true, value };
  },

  toEvents(row, ctx) {
    const prepared = ctx.prepared;
    // the documented example wraps pages in an array: such a row is a whole page of runs
    if (!('id' in row) && Array.isArray(row.data)) {
      const page = ZapRunsPage.parse(row);
      const events: EventDraft[] = [];
      page.data.forEach((item, index) => {
        const line = ctx.lineOf(['data', index]);
        const where = `data[${index}] (line ${line})`;
        const skip = (code: IssueCode, field: string | undefined, message: string) => ctx.warn(code, field, `${where} skipped: ${message}`);
        if (typeof item !== 'object' || item === null || Array.isArray(item)) return skip('json/not-an-object', undefined, 'not a JSON object');
        const parsed = ZapRun.safeParse(item);
        if (!parsed.success) {
          const found = zodProblem(parsed.error.issues, item as Record<string, unknown>);
          return skip(found.code, found.field, found.message);
        }
        // a bad time skips that run only, not the page; same parser as ctx.time
        const time: TimeOf = (text, field) => {
          const result = parseTimestamp(String(text ?? ''), ctx.options);
          if (result.ok) return result.at;
          skip('row/invalid-date', field, `${field} "${String(text).slice(0, 40)}" is not a date and time`);
          return undefined;
        };
        events.push(...(runEvents(parsed.data, prepared, ctx, time, skip, line) ?? []));
      });
      return events;
    }
    const parsed = ZapRun.safeParse(row);
    if (!parsed.success) {
      const found = zodProblem(parsed.error.issues, row);
      ctx.reject(found.code, found.field, found.message);
      return [];
    }
    return runEvents(parsed.data, prepared, ctx, (text, field) => ctx.time(text, field), (code, field, message) => ctx.reject(code, field, message)) ?? [];
  },
});
