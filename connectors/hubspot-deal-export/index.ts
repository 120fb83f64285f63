// HubSpot deal export (CSV): creation, close and per-stage enter/exit times from the stage-tracking columns.
import { defineConnector } from '../../src/ingest/connector.js';
import { inferDateOrder } from '../../src/ingest/timestamps.js';
import type { EventDraft, RecordLink } from '../../src/model/index.js';
import { perSettings } from '../per-settings.js';
import { byRowShape } from '../row-shape.js';
import { ASSOCIATION_COLUMN, HubspotDealExportRow, STAGE_COLUMN } from './row.js';

interface StageColumn {
  column: string;
  move: 'entered' | 'exited';
  stage: string;
  pipeline: string;
}

export interface HubspotDealExportSettings {
  /** `Deal Stage` labels that mean closed besides `Closed Won` / `Closed Lost` */
  closedStages?: string[];
  /** extra columns holding another system's id, e.g. `{ "SF Opportunity": "salesforce" }` */
  linkColumns?: Record<string, string | null> | string[];
}

/** Other systems a column header can name. */
const SYSTEM_HINTS: [RegExp, string][] = [
  [/salesforce|\bsfdc\b/i, 'salesforce'],
  [/jira/i, 'jira'],
  [/zendesk/i, 'zendesk'],
  [/servicenow/i, 'servicenow'],
  [/linear/i, 'linear'],
  [/pipedrive/i, 'pipedrive'],
];
const DATE_COLUMNS = ['Create Date', 'Close Date'];

/** Reads the stage-tracking columns out of the header. */
export function stageColumns(header: readonly string[]): StageColumn[] {
  const columns: StageColumn[] = [];
  for (const raw of header) {
    const match = STAGE_COLUMN.exec(raw.trim());
    if (match) columns.push({ column: raw.trim(), move: match[1] as StageColumn['move'], stage: match[2]!, pipeline: match[3]! });
  }
  return columns;
}

function text(row: Record<string, unknown>, name: string): string | undefined {
  const value = row[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = typeof first === 'string' ? first.trim() : undefined;
  return trimmed ? trimmed : undefined;
}

/** What the settings say, read once per settings object instead of once per row. */
interface SettingsPlan {
  /** lowercased `Deal Stage` labels that mean closed */
  closedStages: Set<string>;
  /** lowercased configured link column → its system as configured */
  configured: Map<string, string | undefined>;
}

const plans = perSettings((settings: HubspotDealExportSettings): SettingsPlan => {
  const configured = new Map<string, string | undefined>();
  const raw = settings.linkColumns;
  if (Array.isArray(raw)) for (const name of raw) configured.set(name.toLowerCase(), undefined);
  else if (raw) for (const [name, system] of Object.entries(raw)) configured.set(name.toLowerCase(), system ?? undefined);
  const closedStages = new Set(['closed won', 'closed lost', ...(settings.closedStages ?? []).map((s) => s.toLowerCase())]);
  return { closedStages, configured };
});

function planOf(options: { settings?: Record<string, unknown> }): SettingsPlan {
  return plans(options.settings);
}

/** A column whose cells become links, and the system they point at (none when falsy). */
interface LinkColumn {
  column: string;
  system: string | undefined;
}

/** The link columns among `columns`, in sorted column order: the decision depends only on the name and the settings. */
function linkColumns(columns: readonly string[], configured: Map<string, string | undefined>): LinkColumn[] {
  const found: LinkColumn[] = [];
  for (const column of [...columns].sort()) {
    let system: string | undefined;
    if (ASSOCIATION_COLUMN.test(column)) system = 'hubspot';
    else if (configured.has(column.toLowerCase())) system = configured.get(column.toLowerCase());
    else if (/\b(id|ids|key|number|ref)\b/i.test(column)) system = SYSTEM_HINTS.find(([pattern]) => pattern.test(column))?.[1];
    if (system === undefined && !configured.has(column.toLowerCase())) continue;
    found.push({ column, system });
  }
  return found;
}

/** Cell ids from a row's link columns (`columnsOf`: the file's, found once per row shape). */
function linksOf(row: Record<string, unknown>, columnsOf: (row: object) => LinkColumn[]): RecordLink[] {
  const links: RecordLink[] = [];
  for (const { column, system } of columnsOf(row)) {
    const value = text(row, column);
    if (!value) continue;
    for (const part of value.split(';')) {
      const id = part.trim();
      if (id) links.push(system ? { system, id, via: column } : { id, via: column });
    }
  }
  return links;
}

interface Prepared {
  stages: StageColumn[];
  links: (row: object) => LinkColumn[];
}

// the export does not say who did anything: every actor is unknown (the runtime copies actors, so one object serves)
const NOBODY = { id: 'unknown', type: 'unknown' as const };

/** An event of the deal with the row's links (one array shared by the row's events, as before). */
function dealEvent(record: EventDraft['record'], links: RecordLink[], at: string, kind: EventDraft['kind']): EventDraft {
  const event: EventDraft = { system: 'hubspot', systemKind: 'crm', record, at, kind, actor: NOBODY };
  if (links.length) event.links = links;
  return event;
}

export default defineConnector({
  meta: {
    id: 'hubspot-deal-export',
    tool: 'HubSpot',
    system: 'hubspot',
    systemKind: 'crm',
    description: 'HubSpot deal export (CSV) with property labels as headers; `Date entered/exited "<Stage> (<Pipeline>)"` columns give stage transitions',
    format: 'csv',
    columns: {
      required: ['Record ID', 'Deal Name', 'Deal Stage'],
      optional: ['Pipeline', 'Close Date', 'Create Date', 'Deal owner', 'Amount', 'Associated Company IDs', 'Associated Contact IDs', 'Last Activity Date'],
    },
    emits: ['created', 'state-changed', 'resolved'],
    timeZone: 'zone-less, in the portal time zone: set --tz; `1/10/2026 21:52` day/month order read from the file or --date-order',
    docs: [
      'https://knowledge.hubspot.com/import-and-export/export-records',
      'https://knowledge.hubspot.com/object-settings/set-up-and-customize-pipelines',
      'https://knowledge.hubspot.com/properties/hubspots-default-deal-properties',
    ],
  },
  row: HubspotDealExportRow,

  prepare({ shape, sample, options }) {
    if (shape.format !== 'csv') return { ok: false, code: 'file/unrecognised', message: 'the HubSpot deal export is read as CSV' };
    const columns = stageColumns(shape.header);
    const dates = sample.flatMap((row) =>
      [...DATE_COLUMNS, ...columns.map((c) => c.column)].map((name) => text(row as Record<string, unknown>, name) ?? ''),
    );
    // the settings are fixed for a file: its link columns are found once per row shape
    const configured = planOf(options).configured;
    const value: Prepared = { stages: columns, links: byRowShape((keys) => linkColumns(keys, configured)) };
    return { ok: true, value, dateOrder: inferDateOrder(dates) };
  },

  toEvents(row, ctx) {
    const id = row['Record ID'].trim();
    const stage = text(row, 'Deal Stage');
    const pipeline = text(row, 'Pipeline');
    const plan = planOf(ctx.options);
    const created = row['Create Date'] === undefined ? undefined : ctx.time(row['Create Date'], 'Create Date');
    const isClosed = stage !== undefined && plan.closedStages.has(stage.toLowerCase());
    const closed = isClosed && row['Close Date'] !== undefined ? ctx.time(row['Close Date'], 'Close Date') : undefined;

    const moves: { column: StageColumn; at: string }[] = [];
    for (const column of ctx.prepared.stages) {
      const value = text(row, column.column);
      if (!value) continue;
      const at = ctx.time(value, column.column);
      if (at) moves.push({ column, at });
    }
    // a date that did not parse has rejected the row already: the runtime drops whatever follows

    const links = linksOf(row, ctx.prepared.links);
    const record = { type: 'deal', id };
    const events: EventDraft[] = [];
    if (created) {
      const owner = text(row, 'Deal owner');
      const snapshot: string[] = [];
      if (owner) snapshot.push(`owner=${owner}`);
      if (stage) snapshot.push(`stage=${stage}`);
      if (pipeline) snapshot.push(`pipeline=${pipeline}`);
      const event = dealEvent(record, links, created, 'created');
      if (snapshot.length) event.detail = snapshot.join('; ');
      events.push(event);
    }

    // leaving one stage and entering the next share a timestamp: pair them into one transition
    if (moves.length) {
      const exits = moves.filter((m) => m.column.move === 'exited');
      const entries = moves.filter((m) => m.column.move === 'entered');
      const paired = new Set<(typeof moves)[number]>();
      const transitions: { at: string; pipeline: string; from?: string; to?: string }[] = [];
      for (const exit of exits) {
        const entry = entries.find((e) => !paired.has(e) && e.column.pipeline === exit.column.pipeline && e.at === exit.at && e.column.stage !== exit.column.stage);
        if (entry) paired.add(entry);
        transitions.push({ at: exit.at, pipeline: exit.column.pipeline, from: exit.column.stage, to: entry?.column.stage });
      }
      for (const entry of entries) if (!paired.has(entry)) transitions.push({ at: entry.at, pipeline: entry.column.pipeline, to: entry.column.stage });
      transitions.sort((a, b) => a.at.localeCompare(b.at) || (a.from ?? '').localeCompare(b.from ?? '') || (a.to ?? '').localeCompare(b.to ?? ''));
      for (const t of transitions) {
        const event = dealEvent(record, links, t.at, 'state-changed');
        event.field = 'Deal Stage';
        if (t.from) event.from = t.from;
        if (t.to) event.to = t.to;
        event.detail = `pipeline=${t.pipeline}`;
        events.push(event);
      }
    }

    if (closed) {
      const event = dealEvent(record, links, closed, 'resolved');
      event.field = 'Deal Stage';
      event.to = stage!;
      events.push(event);
    }
    return events;
  },
});
