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

  prepare({ sample }) {
    // Excel re-saves turn `14/Jul/25 3:42 PM` into `7/14/2025 15:42`; the sample tells which order
    const created = sample.map((row) => String((row as Record<string, unknown>).Created ?? ''));
    return { ok: true, value: undefined, dateOrder: inferDateOrder(created) };
  },

  toEvents(row, ctx) {
    const settings = jiraSettings(ctx.options.settings) as JiraCsvSettings;
    const cells = row as Record<string, unknown>;
    const key = row['Issue key'].trim();
    const record = { type: 'issue', id: key };
    const base = { system: 'jira', systemKind: 'delivery' as const, record };
    const unknownActor = { id: 'unknown', type: ctx.actorType([]) };

    const teamColumn = settings.teamColumn ?? 'Custom field (Team)';
    const team = text(cells[teamColumn]);
    const withTeam = team ? { team } : {};
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
    for (const [column, value] of Object.entries(cells)) {
      const system = linkSystemOf([column, customFieldName(column)], settings);
      if (system) links.push(...linksFrom(value, system, column));
    }

    const creatorId = text(row['Creator Id']) ?? text(row['Reporter Id']);
    const creatorName = text(row.Creator) ?? text(row.Reporter);
    const drafts: EventDraft[] = [
      {
        ...base,
        at: createdAt,
        kind: 'created',
        actor: personActor(creatorId, creatorName, ctx.actorType),
        ...(text(row['Issue Type']) ? { detail: `issue type: ${text(row['Issue Type'])}` } : {}),
        ...withTeam,
        ...(links.length ? { links: mergeLinks(links) } : {}),
      },
    ];

    // the export keeps only the time the issue entered its current status category
    if (categoryAt && status) {
      const category = text(row['Status Category']);
      drafts.push({
        ...base,
        at: categoryAt,
        kind: 'state-changed',
        field: 'Status',
        to: status,
        actor: unknownActor,
        ...(category ? { detail: `entered status category ${category}` } : {}),
        ...withTeam,
      });
    }

    if (resolvedAt) {
      const resolution = text(row.Resolution);
      drafts.push({
        ...base,
        at: resolvedAt,
        kind: 'resolved',
        ...(status ? { to: status } : {}),
        actor: unknownActor,
        ...(resolution ? { detail: `resolution: ${resolution}` } : {}),
        ...withTeam,
      });
    }

    // the assignee at export time; the export does not say when it was assigned, so it is a snapshot at Updated
    const assignee = text(row.Assignee) ?? text(row['Assignee Id']);
    if (assignee && updatedAt) {
      drafts.push({
        ...base,
        at: updatedAt,
        kind: 'owner-changed',
        field: 'Assignee',
        to: assignee,
        actor: unknownActor,
        detail: 'snapshot: assignee at export; the time of assignment is not exported',
        ...withTeam,
      });
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
      drafts.push({ ...base, at: commentTimes[i]!, kind: 'comment', actor: personActor(parsed.author, namesById.get(parsed.author), ctx.actorType), ...withTeam });
    });
    return drafts;
  },
});

/** A person named by account id and/or display name; Automation for Jira is the platform's rule engine. */
function personActor(id: string | undefined, name: string | undefined, classify: (ids: (string | undefined)[], mark?: ActorType) => ActorType) {
  const actorId = id ?? name ?? 'unknown';
  const mark: ActorType | undefined = isAutomationForJira(id, name) ? 'system' : undefined;
  return { id: actorId, ...(name && name !== actorId ? { name } : {}), type: classify([id, name], mark) };
}
