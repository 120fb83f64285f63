// Zendesk mapping rules that the golden fixtures do not pin one by one: via channels, links, escalations, SLA pairing.
import { describe, expect, it } from 'vitest';
import { isPriorityEscalation, isReopen, linkFrom, viaActorType } from '../../connectors/zendesk-common.js';
import { readText } from '../support/read-fixture.js';

const page = (events: unknown[]) => JSON.stringify({ ticket_events: events, next_page: null, count: events.length, end_of_stream: true }, null, 2);
const parent = (children: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 1,
  ticket_id: 35436,
  timestamp: 1601280000,
  updater_id: 235323,
  via: 'Web form',
  child_events: children,
  ...extra,
});

describe('viaActorType', () => {
  it.each([
    ['Web form', 'human'],
    ['Mail', 'human'],
    ['Web service', 'integration'],
    ['Rule', 'system'],
    [{ channel: 'api', source: { rel: null } }, 'integration'],
    [{ channel: 'rule', source: { rel: 'trigger' } }, 'system'],
    [{ channel: 'web' }, 'human'],
    [5, 'integration'],
    [8, 'system'],
    ['Something new', undefined],
    [undefined, undefined],
  ])('reads %j as %s', (via, expected) => {
    expect(viaActorType(via)).toBe(expected);
  });
});

describe('status and priority rules', () => {
  it('counts only solved/closed back to an open status as a reopen', () => {
    expect(isReopen('solved', 'open')).toBe(true);
    expect(isReopen('closed', 'pending')).toBe(true);
    expect(isReopen('solved', 'closed')).toBe(false);
    expect(isReopen('open', 'pending')).toBe(false);
  });

  it('counts a priority raised to high or urgent as an escalation, not a lowering', () => {
    expect(isPriorityEscalation('normal', 'high')).toBe(true);
    expect(isPriorityEscalation(undefined, 'urgent')).toBe(true);
    expect(isPriorityEscalation('urgent', 'high')).toBe(false);
    expect(isPriorityEscalation('low', 'normal')).toBe(false);
  });
});

describe('linkFrom', () => {
  it('links configured fields, id-like field names and system-shaped values, and nothing else', () => {
    expect(linkFrom('27650', 'SUP-1', { linkFields: { '27650': 'jira' } })).toEqual({ system: 'jira', id: 'SUP-1', via: '27650' });
    expect(linkFrom('Jira issue key [txt]', 'SUP-1', {})).toEqual({ system: 'jira', id: 'SUP-1', via: 'Jira issue key [txt]' });
    expect(linkFrom('Notes [txt]', 'https://acme.atlassian.net/browse/SUP-9', {})).toEqual({ system: 'jira', id: 'SUP-9', via: 'Notes [txt]' });
    expect(linkFrom('Ref [txt]', 'INC0012345', {})).toEqual({ system: 'servicenow', id: 'INC0012345', via: 'Ref [txt]' });
    expect(linkFrom('Jira status [list]', 'In Progress', {})).toBeUndefined();
    expect(linkFrom('Product [list]', 'SUP-1', {})).toBeUndefined();
    expect(linkFrom('Salesforce Id [txt]', '1.03006E+13', {})).toBeUndefined();
    expect(linkFrom('Escalated [flag]', true, { linkFields: { Escalated: 'jira' } })).toBeUndefined();
  });
});

describe('zendesk-ticket-events', () => {
  it('makes one created event for all Create children of an update, with the initial status and group', async () => {
    const children = [
      { id: 2, via: 'Web form', subject: 'Printer', event_type: 'Create' },
      { id: 3, via: 'Web form', status: 'new', event_type: 'Create' },
      { id: 4, via: 'Web form', group_id: 98738, event_type: 'Create' },
    ];
    const { events } = await readText('events.json', page([parent(children)]));
    expect(events.map((e) => [e.kind, e.to, e.team])).toEqual([['created', 'new', '98738']]);
  });

  it('escalates on an added escalation tag, using the configured tags', async () => {
    const children = [{ id: 2, via: 'Rule', added_tags: ['vip_l2'], event_type: 'Change', previous_value: null }];
    const text = page([parent(children, { updater_id: -1, via: 'Rule' })]);
    const configured = await readText('events.json', text, { settings: { escalationTags: ['vip_l2'] } });
    expect(configured.events.map((e) => [e.kind, e.actor.type])).toEqual([['escalated', 'system']]);
    const defaults = await readText('events.json', text);
    expect(defaults.events).toEqual([]);
    expect(defaults.result.rowsAccepted).toBe(1);
  });

  it('does not count a comment twice when the update has a sideloaded comment and comment_present', async () => {
    const children = [
      { id: 2, via: { channel: 'api' }, type: 'Comment', author_id: 5031726587, body: 'Hi', public: false, event_type: 'Comment' },
      { id: 3, via: 'Web service', comment_present: true, comment_public: false, event_type: 'Change', previous_value: null },
    ];
    const { events } = await readText('events.json', page([parent(children, { via: 'Web service' })]));
    expect(events.map((e) => [e.kind, e.actor.id, e.actor.type, e.detail])).toEqual([['comment', '5031726587', 'integration', 'private']]);
  });

  it('classifies an updater in integrationActors as an integration whatever the via says', async () => {
    const children = [{ id: 2, via: 'Web form', assignee_id: 7, event_type: 'Change', previous_value: 6 }];
    const { events } = await readText('events.json', page([parent(children)]), { integrationActors: ['235323'] });
    expect(events.map((e) => [e.kind, e.from, e.to, e.actor.type])).toEqual([['owner-changed', '6', '7', 'integration']]);
  });

  it('cites each child event on its own line of the page', async () => {
    const children = [
      { id: 2, via: 'Web form', status: 'solved', event_type: 'Change', previous_value: 'open' },
      { id: 3, via: 'Web form', group_id: 2, event_type: 'Change', previous_value: 1 },
    ];
    const text = page([parent(children)]);
    const lines = text.split('\n');
    const { events } = await readText('events.json', text);
    // a child starts on the `{` line just above its `"id"` line: the 0-based index of the id line is that 1-based line
    const statusLine = lines.findIndex((line) => line.includes('"id": 2,'));
    const groupLine = lines.findIndex((line) => line.includes('"id": 3,'));
    expect(events.map((e) => [e.kind, e.source.line])).toEqual([
      ['state-changed', statusLine],
      ['resolved', statusLine],
      ['team-changed', groupLine],
    ]);
    expect(events.every((e) => e.team === '2')).toBe(true);
  });
});

describe('zendesk-ticket-events: a compact page, as the API returns it', () => {
  it('tells its records apart by the column each starts at, in ids and in rejects', async () => {
    const change = (id: number) => [{ id, via: 'Web form', status: 'solved', event_type: 'Change', previous_value: 'open' }];
    const records = [parent(change(2)), parent(change(3), { id: 4, ticket_id: 35437 }), parent(change(5), { id: 6, timestamp: 'yesterday' })];
    const text = JSON.stringify({ ticket_events: records, next_page: null, count: 3, end_of_stream: true });
    const { events, result } = await readText('events.json', text);
    const columnOf = (index: number) => text.indexOf(JSON.stringify(records[index])) + 1;
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // the first record names its line alone, as in an indented page; later ones on that line add the column
    expect(new Set(events.map((e) => e.id.replace(/#\d+$/, '')))).toEqual(new Set(['events.json:1', `events.json:1:${columnOf(1)}`]));
    // and so do their sources, which the reports cite
    expect([...new Set(events.map((e) => `${e.source.line}:${e.source.column}`))].sort()).toEqual([`1:${columnOf(1)}`, '1:undefined']);
    expect(result.rowsRejected).toBe(1);
    expect(result.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.line, issue.column])).toEqual([[1, columnOf(2)]]);
  });
});

describe('zendesk-ticket-metric-events', () => {
  const metricPage = (rows: unknown[]) => JSON.stringify({ ticket_metric_events: rows, next_page: null, count: rows.length }, null, 1);
  const row = (id: number, type: string, time: string, instance = 1, extra: Record<string, unknown> = {}) => ({
    id,
    ticket_id: 987,
    metric: 'reply_time',
    instance_id: instance,
    type,
    time,
    ...extra,
  });

  it('resolves a breach only with the fulfilment of the same metric instance', async () => {
    const { events } = await readText(
      'metrics.json',
      metricPage([
        row(1, 'breach', '2015-08-27T09:00:00Z', 1),
        row(2, 'fulfill', '2015-08-27T09:10:00Z', 2),
        row(3, 'fulfill', '2015-08-27T09:30:00Z', 1),
        row(4, 'fulfill', '2015-08-27T09:40:00Z', 1),
      ]),
    );
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['exception-opened', '2015-08-27T09:00:00.000Z'],
      ['exception-resolved', '2015-08-27T09:30:00.000Z'],
    ]);
  });

  it('ignores deleted breaches, so their fulfilment is no resolution', async () => {
    const { events, result } = await readText(
      'metrics.json',
      metricPage([row(1, 'breach', '2015-08-27T09:00:00Z', 1, { deleted: true }), row(2, 'fulfill', '2015-08-27T08:30:00Z', 1)]),
    );
    expect(events).toEqual([]);
    expect(result.rowsAccepted).toBe(2);
  });
});
