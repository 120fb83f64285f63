// HubSpot deal export (CSV): creation, close and per-stage enter/exit times from the stage-tracking columns.
import { defineConnector } from '../../src/ingest/connector.js';
import { inferDateOrder } from '../../src/ingest/timestamps.js';
import type { EventDraft, RecordLink } from '../../src/model/index.js';
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

function settingsOf(options: { settings?: Record<string, unknown> }): HubspotDealExportSettings {
  return (options.settings ?? {}) as HubspotDealExportSettings;
}

function linksOf(row: Record<string, unknown>, settings: HubspotDealExportSettings): RecordLink[] {
  const configured = new Map<string, string | undefined>();
  const raw = settings.linkColumns;
  if (Array.isArray(raw)) for (const name of raw) configured.set(name.toLowerCase(), undefined);
  else if (raw) for (const [name, system] of Object.entries(raw)) configured.set(name.toLowerCase(), system ?? undefined);
  const links: RecordLink[] = [];
  for (const column of Object.keys(row).sort()) {
    const value = text(row, column);
    if (!value) continue;
    let system: string | undefined;
    if (ASSOCIATION_COLUMN.test(column)) system = 'hubspot';
    else if (configured.has(column.toLowerCase())) system = configured.get(column.toLowerCase());
    else if (/\b(id|ids|key|number|ref)\b/i.test(column)) system = SYSTEM_HINTS.find(([pattern]) => pattern.test(column))?.[1];
    if (system === undefined && !configured.has(column.toLowerCase())) continue;
    for (const id of value.split(';').map((part) => part.trim()).filter(Boolean)) links.push({ ...(system ? { system } : {}), id, via: column });
  }
  return links;
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

  prepare({ shape, sample }) {
    if (shape.format !== 'csv') return { ok: false, code: 'file/unrecognised', message: 'the HubSpot deal export is read as CSV' };
    const columns = stageColumns(shape.header);
    const dates = sample.flatMap((row) =>
      [...DATE_COLUMNS, ...columns.map((c) => c.column)].map((name) => text(row as Record<string, unknown>, name) ?? ''),
    );
    return { ok: true, value: columns, dateOrder: inferDateOrder(dates) };
  },

  toEvents(row, ctx) {
    const id = row['Record ID'].trim();
    const stage = text(row, 'Deal Stage');
    const pipeline = text(row, 'Pipeline');
    const settings = settingsOf(ctx.options);
    const created = row['Create Date'] === undefined ? undefined : ctx.time(row['Create Date'], 'Create Date');
    const closedStages = ['closed won', 'closed lost', ...(settings.closedStages ?? []).map((s) => s.toLowerCase())];
    const isClosed = stage !== undefined && closedStages.includes(stage.toLowerCase());
    const closed = isClosed && row['Close Date'] !== undefined ? ctx.time(row['Close Date'], 'Close Date') : undefined;

    const moves: (StageColumn & { at: string })[] = [];
    for (const column of ctx.prepared) {
      const value = text(row, column.column);
      if (!value) continue;
      const at = ctx.time(value, column.column);
      if (at) moves.push({ ...column, at });
    }
    // a date that did not parse has rejected the row already: the runtime drops whatever follows

    const links = linksOf(row, settings);
    const base = { system: 'hubspot', systemKind: 'crm' as const, record: { type: 'deal', id }, ...(links.length ? { links } : {}) };
    // the export does not say who did anything: every actor is unknown
    const nobody = { id: 'unknown', type: 'unknown' as const };
    const events: EventDraft[] = [];
    if (created) {
      const owner = text(row, 'Deal owner');
      const snapshot = [owner ? `owner=${owner}` : undefined, stage ? `stage=${stage}` : undefined, pipeline ? `pipeline=${pipeline}` : undefined];
      const detail = snapshot.filter(Boolean).join('; ');
      events.push({ ...base, at: created, kind: 'created', actor: nobody, ...(detail ? { detail } : {}) });
    }

    // leaving one stage and entering the next share a timestamp: pair them into one transition
    const exits = moves.filter((m) => m.move === 'exited');
    const entries = moves.filter((m) => m.move === 'entered');
    const paired = new Set<StageColumn>();
    const transitions: { at: string; pipeline: string; from?: string; to?: string }[] = [];
    for (const exit of exits) {
      const entry = entries.find((e) => !paired.has(e) && e.pipeline === exit.pipeline && e.at === exit.at && e.stage !== exit.stage);
      if (entry) paired.add(entry);
      transitions.push({ at: exit.at, pipeline: exit.pipeline, from: exit.stage, ...(entry ? { to: entry.stage } : {}) });
    }
    for (const entry of entries) if (!paired.has(entry)) transitions.push({ at: entry.at, pipeline: entry.pipeline, to: entry.stage });
    transitions.sort((a, b) => a.at.localeCompare(b.at) || (a.from ?? '').localeCompare(b.from ?? '') || (a.to ?? '').localeCompare(b.to ?? ''));
    for (const t of transitions) {
      events.push({
        ...base,
        at: t.at,
        kind: 'state-changed',
        actor: nobody,
        field: 'Deal Stage',
        ...(t.from ? { from: t.from } : {}),
        ...(t.to ? { to: t.to } : {}),
        detail: `pipeline=${t.pipeline}`,
      });
    }

    if (closed) events.push({ ...base, at: closed, kind: 'resolved', actor: nobody, field: 'Deal Stage', to: stage! });
    return events;
  },
});
