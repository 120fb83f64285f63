// Jira issue search CSV export: one issue per row with its created, resolved and current state, comments and link fields.
import { defineConnector } from '../../src/ingest/connector.js';
import { inferDateOrder } from '../../src/ingest/timestamps.js';
import type { ActorType, EventDraft, RecordLink } from '../../src/model/index.js';
import { customFieldName, isAutomationForJira, jiraSettings, linkSystemOf, linksFrom, mergeLinks, text, type JiraSettings } from '../jira-common.js';
import { JIRA_CSV_COLUMNS, JiraCsvRow } from './row.js';

/** Name and id columns of the same user (Cloud exports add the `… Id` columns). */
const USER_COLUMNS: readonly [string, string][] = [
  ['Assignee', 'Assignee Id'],
  ['Reporter', 'Reporter Id'],
  ['Creator', 'Creator Id'],
  ['Project lead', 'Project lead id'],
];

/** CSV-only settings on top of the shared Jira ones. */
export interface JiraCsvSettings extends JiraSettings {
  /** the column holding the team; default `Custom field (Team)` */
  teamColumn?: string;
}

/** Per file: what depends only on the settings and the header, worked out once rather than per row. */
export interface JiraCsvPrepared {
  teamColumn: string;
  /** the system a column links to (memoised per column name), or undefined */
  systemOf: (column: string) => string | undefined;
}

/** A comment cell: `<date>;<author account id or user name>;<body>` (the body may hold `;` and line breaks). */
export function parseCommentCell(cell: string): { date: string; author: string; body: string } | undefined {
  const first = cell.indexOf(';');
  const second = first < 0 ? -1 : cell.indexOf(';', first + 1);
  if (first <= 0 || second <= first + 1) return undefined;
  return { date: cell.slice(0, first).trim(), author: cell.slice(first + 1, second).trim(), body: cell.slice(second + 1) };
}

export default defineConnector({
  meta: {
    id: 'jira-csv',
    tool: 'Jira (Cloud and Data Center)',
    system: 'jira',
    systemKind: 'delivery',
    description: 'Jira issue search CSV export (Export > Export CSV, all or current fields): created, resolved, current status and assignee, comments, and ids of other systems held in custom fields',
    format: 'csv',
    columns: {
      required: [...JIRA_CSV_COLUMNS.required],
      optional: [...JIRA_CSV_COLUMNS.optional],
      repeated: [...JIRA_CSV_COLUMNS.repeated],
    },
    emits: ['created', 'resolved', 'state-changed', 'owner-changed', 'comment'],
    timeZone: "zone-less (14/Jul/25 3:42 PM) in the exporting user's profile zone: pass it with --tz (default UTC)",
    docs: [
      'https://support.atlassian.com/jira-software-cloud/docs/export-issues/',
    ],
  },
  row: JiraCsvRow,

  prepare({ sample, options }) {
    const settings = jiraSettings(options.settings) as JiraCsvSettings;
    // a column's link system depends only on its name and the settings: work it out once per column
    const systems = new Map<string, string | undefined>();
    const prepared: JiraCsvPrepared = {
      teamColumn: settings.teamColumn ?? 'Custom field (Team)',
      systemOf(column) {
        if (!systems.has(column)) systems.set(column, linkSystemOf([column, customFieldName(column)], settings));
        return systems.get(column);
      },
    };
    // Excel re-saves turn `14/Jul/25 3:42 PM` into `7/14/2025 15:42`; the sample tells which order
    const created = sample.map((row) => String((row as Record<string, unknown>).Created ?? ''));
    return { ok: true, value: prepared, dateOrder: inferDateOrder(created) };
  },

  toEvents(row, ctx) {
    const { teamColumn, systemOf } = ctx.prepared as JiraCsvPrepared;
    const cells = row as Record<string, unknown>;
    const key = row['Issue key'].trim();
    const record = { type: 'issue', id: key };
    const unknownActor = { id: 'unknown', type: ctx.actorType([]) };

    const team = text(cells[teamColumn]);
    const status = text(row.Status);

    const createdAt = ctx.time(row.Created, 'Created');
    const resolvedText = text(row.Resolved);
    const resolvedAt = resolvedText === undefined ? undefined : ctx.time(resolvedText, 'Resolved');
    const categoryText = text(row['Status Category Changed']);
    const categoryAt = categoryText === undefined ? undefined : ctx.time(categoryText, 'Status Category Changed');
    const updatedText = text(row.Updated);
    const updatedAt = updatedText === undefined ? undefined : ctx.time(updatedText, 'Updated');
    const comments = (row.Comment ?? []).map((cell) => ({ cell, parsed: parseCommentCell(cell) }));
    const commentTimes = comments.map(({ parsed }) => (parsed ? ctx.time(parsed.date, 'Comment') : undefined));
    if (!createdAt || (resolvedText && !resolvedAt) || (categoryText && !categoryAt) || (updatedText && !updatedAt)) return [];
    if (comments.some(({ parsed }, i) => parsed && !commentTimes[i])) return [];

    // every column naming another system (by the user's linkFields or by its name) is a link
    const links: RecordLink[] = [];
    for (const column in cells) {
      const system = systemOf(column);
      if (system) links.push(...linksFrom(cells[column], system, column));
    }

    const creatorId = text(row['Creator Id']) ?? text(row['Reporter Id']);
    const creatorName = text(row.Creator) ?? text(row.Reporter);
    // events are plain literals, optional keys set in place (no spreads): same keys, same order
    const created: EventDraft = { system: 'jira', systemKind: 'delivery', record, at: createdAt, kind: 'created', actor: personActor(creatorId, creatorName, ctx.actorType) };
    const issueType = text(row['Issue Type']);
    if (issueType) created.detail = `issue type: ${issueType}`;
    if (team) created.team = team;
    if (links.length) created.links = mergeLinks(links);
    const drafts: EventDraft[] = [created];

    // the export keeps only the time the issue entered its current status category
    if (categoryAt && status) {
      const category = text(row['Status Category']);
      const event: EventDraft = { system: 'jira', systemKind: 'delivery', record, at: categoryAt, kind: 'state-changed', field: 'Status', to: status, actor: unknownActor };
      if (category) event.detail = `entered status category ${category}`;
      if (team) event.team = team;
      drafts.push(event);
    }

    if (resolvedAt) {
      const resolution = text(row.Resolution);
      const event: EventDraft = status
        ? { system: 'jira', systemKind: 'delivery', record, at: resolvedAt, kind: 'resolved', to: status, actor: unknownActor }
        : { system: 'jira', systemKind: 'delivery', record, at: resolvedAt, kind: 'resolved', actor: unknownActor };
      if (resolution) event.detail = `resolution: ${resolution}`;
      if (team) event.team = team;
      drafts.push(event);
    }

    // the assignee at export time; the export does not say when it was assigned, so it is a snapshot at Updated
    const assignee = text(row.Assignee) ?? text(row['Assignee Id']);
    if (assignee && updatedAt) {
      const event: EventDraft = {
        system: 'jira',
        systemKind: 'delivery',
        record,
        at: updatedAt,
        kind: 'owner-changed',
        field: 'Assignee',
        to: assignee,
        actor: unknownActor,
        detail: 'snapshot: assignee at export; the time of assignment is not exported',
      };
      if (team) event.team = team;
      drafts.push(event);
    }

    // comment cells carry only the author's id (Cloud); the row's own user columns may name it
    const namesById = new Map<string, string>();
    for (const [nameColumn, idColumn] of USER_COLUMNS) {
      const id = text(cells[idColumn]);
      const name = text(cells[nameColumn]);
      if (id && name) namesById.set(id, name);
    }
    comments.forEach(({ cell, parsed }, i) => {
      if (!parsed) {
        ctx.warn('row/invalid', 'Comment', `a Comment cell is not "date;author;text" and is skipped: "${cell.slice(0, 40)}"`);
        return;
      }
      const event: EventDraft = { system: 'jira', systemKind: 'delivery', record, at: commentTimes[i]!, kind: 'comment', actor: personActor(parsed.author, namesById.get(parsed.author), ctx.actorType) };
      if (team) event.team = team;
      drafts.push(event);
    });
    return drafts;
  },
});

/** A person named by account id and/or display name; Automation for Jira is the platform's rule engine. */
function personActor(id: string | undefined, name: string | undefined, classify: (ids: (string | undefined)[], mark?: ActorType) => ActorType) {
  const actorId = id ?? name ?? 'unknown';
  const mark: ActorType | undefined = isAutomationForJira(id, name) ? 'system' : undefined;
  const type = classify([id, name], mark);
  return name && name !== actorId ? { id: actorId, name, type } : { id: actorId, type };
}
