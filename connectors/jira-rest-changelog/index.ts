// Jira REST search results with `expand=changelog`: one issue per record, one event per changelog item.
import { defineConnector } from '../../src/ingest/connector.js';
import type { Actor, EventDraft, EventKind, RecordLink } from '../../src/model/index.js';
import {
  accountTypeMark,
  doneStatusSet,
  jiraSettings,
  linkSystemMemo,
  linkSystemOf,
  linksFrom,
  mergeLinks,
  text,
  type JiraSettings,
} from '../jira-common.js';
import { JiraRestIssue, type ChangeItem, type History, type HistoryMetadata, type JiraUser } from './row.js';

/** Per file: field id → field name, and what depends only on the settings, worked out once rather than per issue. */
export interface JiraRestPrepared {
  /** from the page's `names` (present with `expand=names`) */
  names: Record<string, string>;
  /** {@link linkSystemOf} of a field id and name, memoised */
  linkSystem: (id: string | undefined, name: string | undefined) => string | undefined;
  /** lower-case done statuses of the defaults and the settings */
  done: Set<string>;
  /** lower-case team field names */
  teamFields: Set<string>;
  projectMoveIsTeamChange: boolean;
}

/** Longest from/to value kept on a field change: descriptions are whole documents. */
const VALUE_LIMIT = 200;

/** `fromString`/`toString` read as own properties (see row.ts), falling back to the raw ids. */
export function itemValues(item: ChangeItem): { from?: string; to?: string; fromId?: string; toId?: string } {
  const cells = item as Record<string, unknown>;
  const fromId = text(item.from);
  const toId = text(item.to);
  const from = Object.hasOwn(item, 'fromString') ? text(cells.fromString) : undefined;
  const to = Object.hasOwn(item, 'toString') ? text(cells.toString) : undefined;
  return { from: from ?? fromId, to: to ?? toId, fromId, toId };
}

function clip(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value.length > VALUE_LIMIT ? `${value.slice(0, VALUE_LIMIT)}…` : value;
}

// A remote link reads `This issue links to "Case 00001032 (Salesforce)"`: the application is in the
// last parentheses, and the title may carry the other record's number or id.
const REMOTE_LINK = /"(.*)\(([^()]+)\)"\s*$/;
const REMOTE_ID_PATTERNS: readonly { pattern: RegExp; group: number; needsDigit?: boolean }[] = [
  { pattern: /\b(?:INC|RITM|CHG|PRB|REQ|CS)\d{7}\b/, group: 0 }, // ServiceNow numbers
  { pattern: /#(\d+)\b/, group: 1 }, // Zendesk `#1234`
  { pattern: /\b[a-zA-Z0-9]{18}\b|\b[a-zA-Z0-9]{15}\b/, group: 0, needsDigit: true }, // Salesforce ids
  { pattern: /\b(\d{3,})\b/, group: 1 }, // ticket or case numbers
];

/** The other system and record id a `RemoteIssueLink` change names, when its application is a known system. */
export function remoteLinkOf(value: string | undefined, settings: JiraSettings): RecordLink | undefined {
  const match = value ? REMOTE_LINK.exec(value) : null;
  if (!match) return undefined;
  const system = linkSystemOf([match[2]], settings);
  if (!system) return undefined;
  const title = match[1]!.trim();
  for (const { pattern, group, needsDigit } of REMOTE_ID_PATTERNS) {
    const id = pattern.exec(title)?.[group];
    if (id === undefined || (needsDigit && !/\d/.test(id))) continue;
    return { system, id, via: 'RemoteIssueLink' };
  }
  return undefined;
}

export default defineConnector({
  meta: {
    id: 'jira-rest-changelog',
    tool: 'Jira (Cloud and Data Center)',
    system: 'jira',
    systemKind: 'delivery',
    description: 'Jira REST issue search page with expand=changelog ({ startAt, maxResults, total, issues: [{ key, fields, changelog: { histories } }] }): created, status, assignee, team and field history with who made each change',
    format: 'json',
    columns: { required: ['key', 'fields', 'changelog'], optional: ['id', 'self', 'expand'] },
    recordsKey: 'issues',
    pageKeys: ['startAt', 'maxResults', 'total', 'expand', 'names', 'nextPageToken', 'isLast'],
    emits: ['created', 'state-changed', 'resolved', 'reopened', 'owner-changed', 'team-changed', 'field-changed'],
    timeZone: 'ISO 8601 with offset (2026-03-02T10:01:02.123+0000); exact, --tz not used',
    docs: [
      'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-get',
      'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-changelog-get',
      'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-get',
    ],
  },
  row: JiraRestIssue,

  prepare({ shape, options }) {
    const root = shape.format === 'json' && typeof shape.root === 'object' && shape.root !== null ? (shape.root as Record<string, unknown>) : {};
    const names: Record<string, string> = {};
    if (typeof root.names === 'object' && root.names !== null) {
      for (const [id, name] of Object.entries(root.names as Record<string, unknown>)) if (typeof name === 'string') names[id] = name;
    }
    const settings = jiraSettings(options.settings);
    const prepared: JiraRestPrepared = {
      names,
      linkSystem: linkSystemMemo(settings),
      done: doneStatusSet(settings),
      teamFields: new Set((settings.teamFields ?? ['Team']).map((name) => name.toLowerCase())),
      projectMoveIsTeamChange: settings.projectMoveIsTeamChange !== false,
    };
    return { ok: true, value: prepared };
  },

  toEvents(issue, ctx) {
    const settings = jiraSettings(ctx.options.settings);
    const { linkSystem, teamFields } = ctx.prepared;
    const fields = issue.fields as Record<string, unknown> & typeof issue.fields;
    const histories = issue.changelog?.histories ?? [];

    const createdAt = ctx.time(fields.created, 'fields.created');
    const times = histories.map((history, i) => ctx.time(history.created, `changelog.histories[${i}].created`));
    if (!createdAt || times.some((at) => at === undefined)) return [];

    const changelog = issue.changelog;
    if (changelog && typeof changelog.total === 'number' && changelog.total > histories.length) {
      ctx.warn(
        'file/partial-page',
        'changelog',
        `${issue.key}: the changelog holds ${histories.length} of ${changelog.total} histories; page /rest/api/3/issue/${issue.key}/changelog for the rest`,
      );
    }

    // field id → name: the page's `names`, then what the changelog items say (Cloud items carry fieldId)
    const names: Record<string, string> = { ...ctx.prepared.names };
    for (const history of histories) for (const item of history.items) if (item.fieldId && !names[item.fieldId]) names[item.fieldId] = item.field;

    // done statuses: the issue's own current status category is the one Jira tells us outright; the
    // file's set (defaults + settings) is shared, so this issue's addition or removal is kept apart
    const currentStatus = text(fields.status?.name);
    const currentCategory = text(fields.status?.statusCategory?.key);
    const alsoDone = currentCategory === 'done' && currentStatus ? currentStatus.trim().toLowerCase() : undefined;
    const notDone = currentStatus && currentCategory && currentCategory !== 'done' ? currentStatus.toLowerCase() : undefined;
    const isDone = (status: string | undefined) => {
      if (status === undefined) return false;
      const lower = status.toLowerCase();
      return lower === alsoDone || (lower !== notDone && ctx.prepared.done.has(lower));
    };

    const isTeamItem = (item: ChangeItem) => teamFields.has(item.field.toLowerCase()) || (item.fieldId !== undefined && teamFields.has((names[item.fieldId] ?? '').toLowerCase()));
    const teamAt = teamTimeline(histories, times as string[], fields, names, isTeamItem, teamFields);

    const record = { type: 'issue', id: issue.key };
    const base = { system: 'jira', systemKind: 'delivery' as const, record };
    const withTeam = (team: string | undefined) => (team ? { team } : {});
    const drafts: EventDraft[] = [];

    // created: the changelog has no entry for creation; the creator (else reporter) made the issue
    const creator = fields.creator ?? fields.reporter ?? undefined;
    const createdLinks: RecordLink[] = [];
    for (const id in fields) {
      const name = names[id];
      const system = linkSystem(id, name);
      if (system) createdLinks.push(...linksFrom(fields[id], system, name ?? id));
    }
    // events are plain literals with optional keys set in place (no spreads): same keys, same order
    const created: EventDraft = { system: 'jira', systemKind: 'delivery', record, at: createdAt, kind: 'created', actor: actorOf(creator, undefined, ctx.actorType) };
    const issueType = text(fields.issuetype?.name);
    if (issueType) created.detail = `issue type: ${issueType}`;
    const createdTeam = teamAt(createdAt);
    if (createdTeam) created.team = createdTeam;
    if (createdLinks.length) created.links = mergeLinks(createdLinks);
    created.line = ctx.lineOf(['fields', 'created']);
    drafts.push(created);

    // no changelog expanded: the resolution date is the only trace of resolving
    const resolutionDate = text(fields.resolutiondate);
    if (!changelog && resolutionDate) {
      const at = ctx.time(resolutionDate, 'fields.resolutiondate');
      if (!at) return [];
      drafts.push({
        ...base,
        at,
        kind: 'resolved',
        actor: { id: 'unknown', type: 'unknown' },
        ...(currentStatus ? { to: currentStatus } : {}),
        ...(text(fields.resolution?.name) ? { detail: `resolution: ${text(fields.resolution?.name)}` } : {}),
        ...withTeam(teamAt(at)),
        line: ctx.lineOf(['fields', 'resolutiondate']),
      });
    }

    histories.forEach((history, i) => {
      const at = times[i]!;
      const line = ctx.lineOf(['changelog', 'histories', i]);
      const actor = actorOf(history.author, history.historyMetadata ?? undefined, ctx.actorType);
      const team = teamAt(at);
      const head: EventHead = { record, at, actor, line };

      let status: { from?: string; to?: string } | undefined;
      let resolution: { from?: string; to?: string } | undefined;
      for (const item of history.items) {
        const values = itemValues(item);
        const field = item.field;
        const lower = field.toLowerCase();

        if (lower === 'status') {
          status = values;
          drafts.push(itemEvent(head, 'state-changed', field, values, team));
        } else if (lower === 'resolution') {
          resolution = values;
          // a resolution swapped for another while done is an edit, not a resolve or reopen
          if (values.from !== undefined && values.to !== undefined) drafts.push(itemEvent(head, 'field-changed', field, values, team));
        } else if (lower === 'assignee') {
          drafts.push(itemEvent(head, 'owner-changed', field, values, team));
        } else if (isTeamItem(item) || (lower === 'project' && ctx.prepared.projectMoveIsTeamChange)) {
          drafts.push(itemEvent(head, 'team-changed', field, values, values.to));
        } else {
          const system = linkSystem(item.fieldId, field);
          let links: RecordLink[] = [];
          if (system) links = mergeLinks(linksFrom(values.to, system, field), linksFrom(values.from, system, field));
          else if (field === 'RemoteIssueLink') {
            const link = remoteLinkOf(values.to ?? values.from, settings);
            if (link) links = [link];
          }
          const event = itemEvent(head, 'field-changed', field, values, team);
          if (links.length) event.links = links;
          drafts.push(event);
        }
      }

      const intoDone = (status !== undefined && isDone(status.to) && !isDone(status.from)) || (resolution !== undefined && resolution.from === undefined && resolution.to !== undefined);
      const outOfDone = (status !== undefined && isDone(status.from) && !isDone(status.to)) || (resolution !== undefined && resolution.from !== undefined && resolution.to === undefined);
      if (intoDone !== outOfDone) {
        const event: EventDraft = { system: 'jira', systemKind: 'delivery', record, at, actor, line, kind: intoDone ? 'resolved' : 'reopened' };
        if (status?.from !== undefined) event.from = status.from;
        if (status?.to !== undefined) event.to = status.to;
        if (team) event.team = team;
        if (intoDone && resolution?.to) event.detail = `resolution: ${resolution.to}`;
        else if (outOfDone && resolution?.from) event.detail = `resolution cleared: ${resolution.from}`;
        drafts.push(event);
      }
    });
    return drafts;
  },
});

/** What every event of one changelog history shares. */
interface EventHead {
  record: { type: string; id: string };
  at: string;
  actor: Actor;
  line: number;
}

/** The event of one changelog item, its from/to clipped; keys in the order the output has always had. */
function itemEvent(head: EventHead, kind: EventKind, field: string, values: { from?: string; to?: string }, team: string | undefined): EventDraft {
  const event: EventDraft = { system: 'jira', systemKind: 'delivery', record: head.record, at: head.at, actor: head.actor, line: head.line, kind, field };
  if (values.from !== undefined) event.from = clip(values.from);
  if (values.to !== undefined) event.to = clip(values.to);
  if (team) event.team = team;
  return event;
}

/**
 * Who made a change. Jira marks app accounts (`accountType: "app"`) and people (`atlassian`,
 * `customer`); Automation for Jira is the platform's own rule engine. A history without an author
 * was made anonymously or by a deleted account; its `historyMetadata.actor` names the app when an
 * app set one.
 */
export function actorOf(user: JiraUser | null | undefined, metadata: HistoryMetadata | null | undefined, classify: (ids: (string | undefined)[], mark?: Actor['type']) => Actor['type']): Actor {
  if (!user) {
    const metaActor = metadata?.actor;
    const id = text(metaActor?.id) ?? 'anonymous';
    const name = text(metaActor?.displayName);
    const appLike = /app|addon|add-on|connect|integration|bot/i.test(`${metaActor?.type ?? ''} ${metadata?.generator?.type ?? ''}`);
    const type = classify([id, name], appLike ? 'integration' : undefined);
    return name ? { id, name, type } : { id, type };
  }
  const id = text(user.accountId) ?? text(user.key) ?? text(user.name) ?? text(user.emailAddress) ?? text(user.displayName) ?? 'unknown';
  const name = text(user.displayName);
  const mark = accountTypeMark(user.accountType, user.accountId, user.displayName);
  const type = classify([id, name, text(user.emailAddress), text(user.name)], mark);
  return name ? { id, name, type } : { id, type };
}

/**
 * The team holding the issue at a time, from the team field's changes: the value set by the last
 * change at or before that time, the value the first change replaced before it, and the field's
 * current value when it never changed.
 */
function teamTimeline(
  histories: History[],
  times: string[],
  fields: Record<string, unknown>,
  names: Record<string, string>,
  isTeamItem: (item: ChangeItem) => boolean,
  teamFields: Set<string>,
): (at: string) => string | undefined {
  const changes: { at: string; from?: string; to?: string; order: number }[] = [];
  let fieldId: string | undefined;
  histories.forEach((history, i) => {
    history.items.forEach((item, j) => {
      if (!isTeamItem(item)) return;
      fieldId ??= item.fieldId;
      const { from, to } = itemValues(item);
      changes.push({ at: times[i]!, from, to, order: i * 1000 + j });
    });
  });
  changes.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  fieldId ??= Object.keys(names).find((id) => teamFields.has(names[id]!.toLowerCase()));
  const current = fieldId === undefined ? undefined : teamValue(fields[fieldId]);
  return (at) => {
    if (changes.length === 0) return current;
    let value: string | undefined = changes[0]!.from;
    for (const change of changes) if (change.at <= at) value = change.to;
    return value;
  };
}

/** The Atlassian Team field is `{ id, name, title }`; older team fields are plain text or `{ value }`. */
function teamValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    return text(o.name) ?? text(o.title) ?? text(o.value);
  }
  return text(value);
}
