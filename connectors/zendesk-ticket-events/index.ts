// Zendesk Incremental Ticket Event Export: each ticket update (a parent event) → one event per meaningful child event.
import { defineConnector, type RowContext } from '../../src/ingest/connector.js';
import { fromEpochSeconds } from '../../src/ingest/timestamps.js';
import type { Actor, EventDraft, EventKind, RecordLink } from '../../src/model/index.js';
import {
  DOCS,
  SYSTEM,
  SYSTEM_KIND,
  escalationTagsIn,
  externalIdLink,
  idText,
  isPriorityEscalation,
  isReopen,
  isResolvedStatus,
  linkFrom,
  settingsOf,
  tagList,
  valueText,
  viaActorType,
  type ZendeskSettings,
} from '../zendesk-common.js';
import { ZendeskTicketEventRow, type ZendeskChildEvent } from './row.js';

/** Keys of a child event that describe it rather than name the changed attribute. */
const CHILD_META = new Set(['id', 'via', 'via_reference_id', 'event_type', 'type', 'previous_value', 'created_at', 'audit_id']);
/** Attribute keys that are markers, not ticket fields: comments (handled apart) and tag deltas (escalation only). */
const NOT_FIELDS = new Set(['comment_present', 'comment_public', 'added_tags', 'removed_tags']);
/** Zendesk's own user for system updates (updater_id -1). */
const SYSTEM_USER = '-1';

function typeOf(child: ZendeskChildEvent): string {
  const type = child.event_type ?? child.type;
  if (type) return type;
  return 'previous_value' in child ? 'Change' : '';
}

/** A sideloaded comment (`include=comment_events`): it carries its author and body. */
function isSideloadedComment(child: ZendeskChildEvent): boolean {
  return typeOf(child) === 'Comment' && ('author_id' in child || 'body' in child);
}

function attributeKeys(child: ZendeskChildEvent): string[] {
  return Object.keys(child).filter((key) => !CHILD_META.has(key));
}

/** What every event of one ticket update starts with. */
interface Head {
  at: string;
  record: { type: string; id: string };
  team: string | undefined;
}

/**
 * A new event with the update's keys (`team` only when the update names a group) and its line; the
 * caller sets kind and actor right after. Built as a literal, keys in the order the output has always
 * had: spreading a shared base into every event was a large share of the per-row time.
 */
function startEvent(head: Head, line: number): EventDraft {
  const event = { at: head.at, system: SYSTEM, systemKind: SYSTEM_KIND, record: head.record } as EventDraft;
  if (head.team) event.team = head.team;
  event.line = line;
  return event;
}

export default defineConnector({
  meta: {
    id: 'zendesk-ticket-events',
    tool: 'Zendesk Support',
    system: SYSTEM,
    systemKind: SYSTEM_KIND,
    description:
      'Incremental Ticket Event Export (GET /api/v2/incremental/ticket_events.json, optionally include=comment_events): one page { ticket_events, next_page, count, end_time, end_of_stream } per file',
    format: 'json',
    recordsKey: 'ticket_events',
    pageKeys: ['next_page', 'count', 'end_time', 'end_of_stream'],
    columns: {
      required: ['ticket_id', 'timestamp', 'child_events'],
      optional: ['id', 'created_at', 'updater_id', 'via', 'event_type', 'system', 'merged_ticket_ids'],
    },
    emits: ['created', 'state-changed', 'resolved', 'reopened', 'owner-changed', 'team-changed', 'field-changed', 'escalated', 'comment'],
    timeZone: '`timestamp` in Unix seconds (UTC); `created_at` ISO 8601 UTC as a fallback',
    docs: [DOCS.incremental, DOCS.incrementalGuide, DOCS.viaTypes, DOCS.viaObject],
  },
  row: ZendeskTicketEventRow,

  toEvents(row, ctx) {
    const settings = settingsOf(ctx.options);
    const ticket = idText(row.ticket_id);
    if (!ticket) {
      ctx.reject('row/missing-value', 'ticket_id', 'ticket_id is empty');
      return [];
    }
    let at: string | undefined;
    if (row.timestamp !== undefined) {
      at = fromEpochSeconds(row.timestamp);
      if (!at) ctx.reject('row/invalid-date', 'timestamp', `timestamp ${row.timestamp} is not Unix seconds`);
    } else {
      at = ctx.time(row.created_at, 'created_at');
    }
    if (!at) return [];

    const updater = idText(row.updater_id);
    const actorFor = (via: unknown): Actor => {
      if (updater === SYSTEM_USER) return { id: SYSTEM_USER, type: 'system' };
      return { id: updater ?? 'unknown', type: ctx.actorType([updater], viaActorType(via)) };
    };
    const children = row.child_events;
    // the group holding the ticket after this update, when the update says: the last child naming one
    let team: string | undefined;
    for (let i = children.length - 1; i >= 0 && team === undefined; i--) team = idText(children[i]!.group_id);
    const head: Head = { at, record: { type: 'ticket', id: ticket }, team };
    const lineOf = (index: number) => ctx.lineOf(['child_events', index]);
    const events: EventDraft[] = [];

    const creates: number[] = [];
    for (let i = 0; i < children.length; i++) if (typeOf(children[i]!) === 'Create') creates.push(i);
    if (creates.length) {
      const first = children[creates[0]!]!;
      let status: string | undefined;
      const links: RecordLink[] = [];
      for (const i of creates) {
        status ||= valueText(children[i]!.status);
        links.push(...childLinks(children[i]!, settings));
      }
      const event = startEvent(head, lineOf(creates[0]!));
      event.kind = 'created';
      event.actor = actorFor(first.via ?? row.via);
      if (status) event.to = status;
      if (links.length) event.links = links;
      events.push(event);
    }

    const sideloaded = children.some(isSideloadedComment);
    children.forEach((child, index) => {
      const type = typeOf(child);
      const line = lineOf(index);
      const via = child.via ?? row.via;
      if (isSideloadedComment(child)) {
        const author = idText(child.author_id);
        const actor: Actor = author ? { id: author, type: ctx.actorType([author], viaActorType(via)) } : actorFor(via);
        const event = startEvent(head, line);
        event.kind = 'comment';
        event.actor = actor;
        event.detail = child.public === false ? 'private' : 'public';
        events.push(event);
        return;
      }
      if (child.comment_present === true && !sideloaded) {
        const event = startEvent(head, line);
        event.kind = 'comment';
        event.actor = actorFor(via);
        event.detail = child.comment_public === false ? 'private' : 'public';
        events.push(event);
      }
      if (type !== 'Change') return;
      for (const key of attributeKeys(child)) {
        const actor = actorFor(via);
        const start = () => {
          const event = startEvent(head, line);
          event.actor = actor;
          return event;
        };
        events.push(...changeEvents(key, child, start, settings, ctx));
      }
    });
    return events;
  },
});

/**
 * The events one changed attribute of a `Change` child makes. `start` gives a new event holding the
 * update's keys, line and actor; kind, field, from, to, detail and links follow in that order.
 */
function changeEvents(key: string, child: ZendeskChildEvent, start: () => EventDraft, settings: ZendeskSettings, ctx: RowContext<unknown>): EventDraft[] {
  const value = child[key];
  const previous = child.previous_value;
  const from = valueText(previous);
  const to = valueText(value);
  const change = (kind: EventKind, field: string | undefined, fromText: string | undefined, toText: string | undefined, detail?: string): EventDraft => {
    const event = start();
    event.kind = kind;
    if (field !== undefined) event.field = field;
    if (fromText !== undefined) event.from = fromText;
    if (toText !== undefined) event.to = toText;
    if (detail !== undefined) event.detail = detail;
    return event;
  };
  switch (key) {
    case 'status': {
      const events: EventDraft[] = [change('state-changed', undefined, from, to)];
      if (isResolvedStatus(to) && !isResolvedStatus(from)) events.push(change('resolved', undefined, from, to));
      if (isReopen(from, to)) events.push(change('reopened', undefined, from, to));
      return events;
    }
    case 'assignee_id':
      return [change('owner-changed', undefined, idText(previous), idText(value))];
    case 'group_id':
      return [change('team-changed', undefined, idText(previous), idText(value))];
    case 'priority': {
      const events: EventDraft[] = [change('field-changed', 'priority', from, to)];
      if (isPriorityEscalation(from, to)) events.push(change('escalated', 'priority', from, to, `priority raised to ${to}`));
      return events;
    }
    case 'tags': {
      const before = new Set(tagList(previous).map((tag) => tag.toLowerCase()));
      const added = escalationTagsIn(tagList(value).filter((tag) => !before.has(tag.toLowerCase())), settings);
      const events: EventDraft[] = [change('field-changed', 'tags', from, to)];
      if (added.length) events.push(change('escalated', 'tags', undefined, undefined, `tag ${added.join(' ')} added`));
      return events;
    }
    case 'added_tags': {
      const added = escalationTagsIn(tagList(value), settings);
      return added.length ? [change('escalated', 'tags', undefined, undefined, `tag ${added.join(' ')} added`)] : [];
    }
    case 'external_id': {
      const link = externalIdLink('external_id', value, settings);
      const event = change('field-changed', 'external_id', from, to);
      if (link) event.links = [link];
      return [event];
    }
    case 'custom_ticket_fields': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        ctx.warn('row/invalid', 'custom_ticket_fields', 'custom_ticket_fields is not an object of field id → value; the change is skipped');
        return [];
      }
      return Object.entries(value as Record<string, unknown>).map(([fieldId, fieldValue]) => {
        const field = `custom_fields.${fieldId}`;
        const link = linkFrom(fieldId, fieldValue, settings, field);
        const event = change('field-changed', field, from, valueText(fieldValue));
        if (link) event.links = [link];
        return event;
      });
    }
    default:
      if (NOT_FIELDS.has(key)) return [];
      return [change('field-changed', key, from, to)];
  }
}

/** Links a `Create` child sets: the ticket's external id and custom fields holding other systems' ids. */
function childLinks(child: ZendeskChildEvent, settings: ZendeskSettings): RecordLink[] {
  const links: RecordLink[] = [];
  if ('external_id' in child) {
    const link = externalIdLink('external_id', child.external_id, settings);
    if (link) links.push(link);
  }
  const custom = child.custom_ticket_fields;
  if (typeof custom === 'object' && custom !== null && !Array.isArray(custom)) {
    for (const [fieldId, value] of Object.entries(custom as Record<string, unknown>)) {
      const link = linkFrom(fieldId, value, settings, `custom_fields.${fieldId}`);
      if (link) links.push(link);
    }
  }
  return links;
}
