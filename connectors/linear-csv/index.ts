// Linear workspace CSV export (one row per issue as it is now): created, triaged, started, completed, canceled and the state at last update.
import { defineConnector } from '../../src/ingest/connector.js';
import type { ConnectorOptions } from '../../src/ingest/connector.js';
import type { EventDraft, RecordLink } from '../../src/model/index.js';
import { perSettings } from '../per-settings.js';
import { configuredLinkColumns, readLinkColumnSetting } from '../row-shape.js';
import { LINEAR_OPTIONAL, LINEAR_REQUIRED, LinearCsvRow } from './row.js';

export interface LinearCsvSettings {
  /**
   * Columns that hold another system's record id (the export has none by default; a re-saved file or a
   * merged spreadsheet may add them): a list of column names, or column name → system
   * (`{ "Zendesk Ticket": "zendesk" }`).
   */
  linkColumns?: string[] | Record<string, string>;
}

/** A cell's text, or undefined when empty. */
function cellOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

const KNOWN_SYSTEMS: [RegExp, string][] = [
  [/salesforce|sfdc/i, 'salesforce'],
  [/hubspot/i, 'hubspot'],
  [/zendesk/i, 'zendesk'],
  [/jira/i, 'jira'],
  [/servicenow/i, 'servicenow'],
  [/intercom/i, 'intercom'],
  [/freshdesk/i, 'freshdesk'],
  [/github/i, 'github'],
];

/** The system a column name points at (`Zendesk Ticket ID` → `zendesk`), when it names one. */
function systemOfColumn(column: string): string | undefined {
  return KNOWN_SYSTEMS.find(([pattern]) => pattern.test(column))?.[1];
}

/** The configured link columns. */
const linkColumnsRead = perSettings((settings: LinearCsvSettings) => readLinkColumnSetting(settings.linkColumns));
const linkColumnsOf = (options: ConnectorOptions) => linkColumnsRead(options.settings);

/** Ids of other systems held in the columns the settings name; several ids in one cell split on `,` `;` or a line break. */
export function linksOf(
  row: Record<string, unknown>,
  linkColumns: Map<string, string | undefined>,
  columnsOf = configuredLinkColumns(linkColumns, systemOfColumn),
): RecordLink[] {
  const links: RecordLink[] = [];
  if (linkColumns.size === 0) return links;
  for (const { column, system } of columnsOf(row)) {
    const value = row[column];
    if (typeof value !== 'string') continue;
    for (const part of value.split(/[,;\n]/)) {
      const id = cellOf(part);
      if (id && !links.some((link) => link.via === column && link.id === id)) links.push(system ? { system, id, via: column } : { id, via: column });
    }
  }
  return links;
}

/** An event of the issue; `team` only when the row names one. */
function issueEvent(record: EventDraft['record'], team: string | undefined, at: string, kind: EventDraft['kind'], actor: EventDraft['actor']): EventDraft {
  const event: EventDraft = { system: 'linear', systemKind: 'delivery', record, at, kind, actor };
  if (team) event.team = team;
  return event;
}

/** Adds `key=value` to a `; `-joined detail when the cell holds something. */
function addDetail(parts: string[], key: string, value: unknown): void {
  const text = cellOf(value);
  if (text !== undefined) parts.push(`${key}=${text.replace(/[;\n]/g, ' ')}`);
}

export default defineConnector({
  meta: {
    id: 'linear-csv',
    tool: 'Linear',
    system: 'linear',
    systemKind: 'delivery',
    description:
      'Linear workspace CSV export (Settings → Import/Export → Export CSV): one row per issue with its Created, Triaged, Started, Completed and Canceled times, team, status and assignee',
    format: 'csv',
    columns: { required: [...LINEAR_REQUIRED], optional: [...LINEAR_OPTIONAL] },
    emits: ['created', 'state-changed', 'resolved', 'merged', 'activity'],
    timeZone: 'explicit: JavaScript Date strings with a GMT offset (`Wed May 13 2026 11:21:41 GMT+0000 (GMT+00:00)`) or ISO 8601 with Z',
    docs: [
      'https://linear.app/docs/workspaces',
      'https://github.com/linear/linear/blob/master/packages/import/src/importers/linearCsv/LinearCsvImporter.ts',
      'https://github.com/linear/linear/blob/master/packages/sdk/src/schema.graphql',
    ],
  },
  row: LinearCsvRow,

  // the settings are fixed for a file: its link columns are found once per row shape
  prepare({ options }) {
    return { ok: true, value: configuredLinkColumns(linkColumnsOf(options), systemOfColumn) };
  },

  toEvents(row, ctx) {
    const time = (field: 'Created' | 'Triaged' | 'Started' | 'Completed' | 'Canceled' | 'Updated'): string | undefined => {
      const text = cellOf(row[field]);
      return text === undefined ? undefined : ctx.time(text, field);
    };
    const created = ctx.time(cellOf(row.Created), 'Created');
    const triaged = time('Triaged');
    const started = time('Started');
    const completed = time('Completed');
    const canceled = time('Canceled');
    const updated = time('Updated');
    if (!created) return [];

    const id = row.ID.trim();
    const team = cellOf(row.Team);
    const record = { type: 'issue', id };
    // the export says who created an issue and nobody else: later moves have no actor
    const nobody = { id: 'unknown', type: ctx.actorType([], 'unknown') };
    const creator = cellOf(row.Creator);
    const links = linksOf(row, linkColumnsOf(ctx.options), ctx.prepared);
    const first = issueEvent(record, team, created, 'created', creator ? { id: creator, type: ctx.actorType([creator], 'unknown') } : nobody);
    if (links.length) first.links = links;
    const events: EventDraft[] = [first];
    // Linear names workflow-state *types* for these times; the export does not say which named state was entered
    if (triaged) {
      const event = issueEvent(record, team, triaged, 'state-changed', nobody);
      event.from = 'triage';
      events.push(event);
    }
    if (started) {
      const event = issueEvent(record, team, started, 'state-changed', nobody);
      event.to = 'started';
      events.push(event);
    }
    if (completed) {
      const event = issueEvent(record, team, completed, 'resolved', nobody);
      event.to = 'completed';
      events.push(event);
    }
    if (canceled) {
      const duplicateOf = cellOf(row['Duplicate of']);
      const event = issueEvent(record, team, canceled, duplicateOf ? 'merged' : 'state-changed', nobody);
      event.to = 'canceled';
      if (duplicateOf) {
        event.detail = `duplicate of ${duplicateOf}`;
        event.links = [{ system: 'linear', id: duplicateOf, via: 'Duplicate of' }];
      }
      events.push(event);
    }
    if (updated) {
      const status = cellOf(row.Status);
      const parts: string[] = [];
      addDetail(parts, 'assignee', row.Assignee);
      addDetail(parts, 'priority', row.Priority);
      addDetail(parts, 'sla_status', row['SLA Status']);
      addDetail(parts, 'archived', row.Archived);
      const event = issueEvent(record, team, updated, 'activity', nobody);
      event.activity = 'last-updated';
      if (status) event.to = status;
      if (parts.length) event.detail = parts.join('; ');
      events.push(event);
    }
    return events;
  },
});
