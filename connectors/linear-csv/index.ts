// Linear workspace CSV export (one row per issue as it is now): created, triaged, started, completed, canceled and the state at last update.
import { defineConnector } from '../../src/ingest/connector.js';
import type { ConnectorOptions } from '../../src/ingest/connector.js';
import type { EventDraft, RecordLink } from '../../src/model/index.js';
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

/** The system a column name points at (`Zendesk Ticket ID` → `zendesk`), when it names one. */
function systemOfColumn(column: string): string | undefined {
  const known: [RegExp, string][] = [
    [/salesforce|sfdc/i, 'salesforce'],
    [/hubspot/i, 'hubspot'],
    [/zendesk/i, 'zendesk'],
    [/jira/i, 'jira'],
    [/servicenow/i, 'servicenow'],
    [/intercom/i, 'intercom'],
    [/freshdesk/i, 'freshdesk'],
    [/github/i, 'github'],
  ];
  return known.find(([pattern]) => pattern.test(column))?.[1];
}

function linkColumnsOf(options: ConnectorOptions): Map<string, string | undefined> {
  const raw = ((options.settings ?? {}) as LinearCsvSettings).linkColumns;
  const columns = new Map<string, string | undefined>();
  if (Array.isArray(raw)) {
    for (const name of raw) if (typeof name === 'string') columns.set(name.trim().toLowerCase(), undefined);
  } else if (raw && typeof raw === 'object') {
    for (const [name, system] of Object.entries(raw)) columns.set(name.trim().toLowerCase(), typeof system === 'string' && system ? system : undefined);
  }
  return columns;
}

/** Ids of other systems held in the columns the settings name; several ids in one cell split on `,` `;` or a line break. */
export function linksOf(row: Record<string, unknown>, linkColumns: Map<string, string | undefined>): RecordLink[] {
  const links: RecordLink[] = [];
  for (const [column, value] of Object.entries(row)) {
    const key = column.trim().toLowerCase();
    if (!linkColumns.has(key) || typeof value !== 'string') continue;
    const system = linkColumns.get(key) ?? systemOfColumn(column);
    for (const part of value.split(/[,;\n]/)) {
      const id = cellOf(part);
      if (id && !links.some((link) => link.via === column && link.id === id)) links.push({ ...(system ? { system } : {}), id, via: column });
    }
  }
  return links;
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
    const base = {
      system: 'linear',
      systemKind: 'delivery' as const,
      record: { type: 'issue', id },
      ...(team ? { team } : {}),
    };
    // the export says who created an issue and nobody else: later moves have no actor
    const nobody = { id: 'unknown', type: ctx.actorType([], 'unknown') };
    const creator = cellOf(row.Creator);
    const links = linksOf(row, linkColumnsOf(ctx.options));
    const events: EventDraft[] = [
      {
        ...base,
        at: created,
        kind: 'created',
        actor: creator ? { id: creator, type: ctx.actorType([creator], 'unknown') } : nobody,
        ...(links.length ? { links } : {}),
      },
    ];
    // Linear names workflow-state *types* for these times; the export does not say which named state was entered
    if (triaged) events.push({ ...base, at: triaged, kind: 'state-changed', actor: nobody, from: 'triage' });
    if (started) events.push({ ...base, at: started, kind: 'state-changed', actor: nobody, to: 'started' });
    if (completed) events.push({ ...base, at: completed, kind: 'resolved', actor: nobody, to: 'completed' });
    if (canceled) {
      const duplicateOf = cellOf(row['Duplicate of']);
      events.push(
        duplicateOf
          ? { ...base, at: canceled, kind: 'merged', actor: nobody, to: 'canceled', detail: `duplicate of ${duplicateOf}`, links: [{ system: 'linear', id: duplicateOf, via: 'Duplicate of' }] }
          : { ...base, at: canceled, kind: 'state-changed', actor: nobody, to: 'canceled' },
      );
    }
    if (updated) {
      const status = cellOf(row.Status);
      const detail = [
        ['assignee', cellOf(row.Assignee)],
        ['priority', cellOf(row.Priority)],
        ['sla_status', cellOf(row['SLA Status'])],
        ['archived', cellOf(row.Archived)],
      ]
        .filter((pair): pair is [string, string] => pair[1] !== undefined)
        .map(([key, value]) => `${key}=${value.replace(/[;\n]/g, ' ')}`)
        .join('; ');
      events.push({
        ...base,
        at: updated,
        kind: 'activity',
        activity: 'last-updated',
        actor: nobody,
        ...(status ? { to: status } : {}),
        ...(detail ? { detail } : {}),
      });
    }
    return events;
  },
});
