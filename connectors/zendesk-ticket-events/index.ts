// Zendesk Incremental Ticket Event Export: each ticket update (a parent event) → one event per meaningful child event.
import { defineConnector, type RowContext } from '../../src/ingest/connector.js';
import { fromEpochSeconds } from '../../src/ingest/timestamps.js';
import type { Actor, EventDraft, RecordLink } from '../../src/model/index.js';
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
    // the group holding the ticket after this update, when the update says
    const team = children.map((child) => idText(child.group_id)).filter((group) => group !== undefined).at(-1);
    const base = { at, system: SYSTEM, systemKind: SYSTEM_KIND, record: { type: 'ticket', id: ticket }, ...(team ? { team } : {}) };
    const lineOf = (index: number) => ctx.lineOf(['child_events', index]);
    const events: EventDraft[] = [];

    const creates = children.map((child, index) => ({ child, index })).filter(({ child }) => typeOf(child) === 'Create');
    if (creates.length) {
      const first = creates[0]!;
      const status = creates.map(({ child }) => valueText(child.status)).find(Boolean);
      const links = creates.flatMap(({ child }) => childLinks(child, settings));
      events.push({
        ...base,
        line: lineOf(first.index),
        kind: 'created',
        actor: actorFor(first.child.via ?? row.via),
        ...(status ? { to: status } : {}),
        ...(links.length ? { links } : {}),
      });
    }

    const sideloaded = children.some(isSideloadedComment);
    children.forEach((child, index) => {
      const type = typeOf(child);
      const line = lineOf(index);
      const via = child.via ?? row.via;
      if (isSideloadedComment(child)) {
        const author = idText(child.author_id);
        const actor: Actor = author ? { id: author, type: ctx.actorType([author], viaActorType(via)) } : actorFor(via);
        events.push({ ...base, line, kind: 'comment', actor, detail: child.public === false ? 'private' : 'public' });
        return;
      }
      if (child.comment_present === true && !sideloaded) {
        events.push({ ...base, line, kind: 'comment', actor: actorFor(via), detail: child.comment_public === false ? 'private' : 'public' });
      }
      if (type !== 'Change') return;
      for (const key of attributeKeys(child)) events.push(...changeEvents(key, child, { ...base, line, actor: actorFor(via) }, settings, ctx));
    });
    return events;
  },
});

type Base = Pick<EventDraft, 'at' | 'system' | 'systemKind' | 'record' | 'team' | 'line' | 'actor'>;

/** The events one changed attribute of a `Change` child makes. */
function changeEvents(key: string, child: ZendeskChildEvent, base: Base, settings: ZendeskSettings, ctx: RowContext<unknown>): EventDraft[] {
  const value = child[key];
  const previous = child.previous_value;
  const from = valueText(previous);
  const to = valueText(value);
  const transition = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  switch (key) {
    case 'status': {
      const events: EventDraft[] = [{ ...base, kind: 'state-changed', ...transition }];
      if (isResolvedStatus(to) && !isResolvedStatus(from)) events.push({ ...base, kind: 'resolved', ...transition });
      if (isReopen(from, to)) events.push({ ...base, kind: 'reopened', ...transition });
      return events;
    }
    case 'assignee_id':
      return [{ ...base, kind: 'owner-changed', ...idTransition(previous, value) }];
    case 'group_id':
      return [{ ...base, kind: 'team-changed', ...idTransition(previous, value) }];
    case 'priority': {
      const events: EventDraft[] = [{ ...base, kind: 'field-changed', field: 'priority', ...transition }];
      if (isPriorityEscalation(from, to)) events.push({ ...base, kind: 'escalated', field: 'priority', ...transition, detail: `priority raised to ${to}` });
      return events;
    }
    case 'tags': {
      const before = new Set(tagList(previous).map((tag) => tag.toLowerCase()));
      const added = escalationTagsIn(tagList(value).filter((tag) => !before.has(tag.toLowerCase())), settings);
      const events: EventDraft[] = [{ ...base, kind: 'field-changed', field: 'tags', ...transition }];
      if (added.length) events.push({ ...base, kind: 'escalated', field: 'tags', detail: `tag ${added.join(' ')} added` });
      return events;
    }
    case 'added_tags': {
      const added = escalationTagsIn(tagList(value), settings);
      return added.length ? [{ ...base, kind: 'escalated', field: 'tags', detail: `tag ${added.join(' ')} added` }] : [];
    }
    case 'external_id': {
      const link = externalIdLink('external_id', value, settings);
      return [{ ...base, kind: 'field-changed', field: 'external_id', ...transition, ...(link ? { links: [link] } : {}) }];
    }
    case 'custom_ticket_fields': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        ctx.warn('row/invalid', 'custom_ticket_fields', 'custom_ticket_fields is not an object of field id → value; the change is skipped');
        return [];
      }
      return Object.entries(value as Record<string, unknown>).map(([fieldId, fieldValue]) => {
        const field = `custom_fields.${fieldId}`;
        const link = linkFrom(fieldId, fieldValue, settings, field);
        const next = valueText(fieldValue);
        return { ...base, kind: 'field-changed', field, ...(from !== undefined ? { from } : {}), ...(next !== undefined ? { to: next } : {}), ...(link ? { links: [link] } : {}) };
      });
    }
    default:
      if (NOT_FIELDS.has(key)) return [];
      return [{ ...base, kind: 'field-changed', field: key, ...transition }];
  }
}

function idTransition(previous: unknown, value: unknown): { from?: string; to?: string } {
  const from = idText(previous);
  const to = idText(value);
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
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
