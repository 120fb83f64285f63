// Tricky mapping rules of the Jira connectors: link fields, ids in values, remote links, actor marks.
import { describe, expect, it } from 'vitest';
import { accountTypeMark, idsIn, linkSystemOf } from '../../connectors/jira-common.js';
import { actorOf, itemValues, remoteLinkOf } from '../../connectors/jira-rest-changelog/index.js';
import type { ActorType } from '../../src/model/index.js';

const vendorMark = (_ids: (string | undefined)[], mark?: ActorType): ActorType => mark ?? 'unknown';

describe('linkSystemOf', () => {
  it.each([
    [['customfield_10050', 'Zendesk Ticket IDs'], {}, 'zendesk'],
    [['Custom field (Salesforce Case)'], {}, 'salesforce'],
    [['SFDC Opportunity'], {}, 'salesforce'],
    [['Zendesk Ticket Count'], {}, undefined],
    [['Story Points'], {}, undefined],
    [['customfield_10070'], { linkFields: { customfield_10070: 'salesforce' } }, 'salesforce'],
    [['Custom field (Customer Ticket)'], { linkFields: { 'Customer Ticket': 'zendesk' } }, 'zendesk'],
  ] as const)('%j with %j links to %s', (names, settings, expected) => {
    expect(linkSystemOf([...names], settings)).toBe(expected);
  });
});

describe('idsIn', () => {
  it('splits lists and takes record ids out of URLs', () => {
    expect(idsIn('1234, 5678')).toEqual(['1234', '5678']);
    expect(idsIn('https://acme.zendesk.com/agent/tickets/5678')).toEqual(['5678']);
    expect(idsIn('https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view')).toEqual(['0065g00000XyZ12AAB']);
    expect(idsIn(['1234', { value: '99' }])).toEqual(['1234', '99']);
    expect(idsIn(null)).toEqual([]);
  });
});

describe('remoteLinkOf', () => {
  it('reads the system from the application and the id from the title', () => {
    expect(remoteLinkOf('This issue links to "Case 00001032 (Salesforce)"', {})).toEqual({ system: 'salesforce', id: '00001032', via: 'RemoteIssueLink' });
    expect(remoteLinkOf('This issue links to "Ticket #4821 (Zendesk)"', {})).toEqual({ system: 'zendesk', id: '4821', via: 'RemoteIssueLink' });
    expect(remoteLinkOf('This issue links to "INC0012345 (ServiceNow)"', {})?.id).toBe('INC0012345');
  });

  it('gives nothing for pages of other applications or titles without an id', () => {
    expect(remoteLinkOf('This issue links to "Page (Care.com Wiki)"', {})).toBeUndefined();
    expect(remoteLinkOf('This issue links to "Renewal (Salesforce)"', {})).toBeUndefined();
  });
});

describe('actorOf', () => {
  it('marks apps as integrations, Automation for Jira as the system and portal customers as people', () => {
    expect(actorOf({ accountId: 'a', accountType: 'app', displayName: 'Zendesk Support for Jira' }, undefined, vendorMark).type).toBe('integration');
    expect(actorOf({ accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', accountType: 'app', displayName: 'Automation for Jira' }, undefined, vendorMark).type).toBe('system');
    expect(actorOf({ accountId: 'qm:1', accountType: 'customer' }, undefined, vendorMark).type).toBe('human');
    expect(actorOf({ name: 'nicole.taylor', key: 'nicole.taylor' }, undefined, vendorMark)).toEqual({ id: 'nicole.taylor', type: 'unknown' });
  });

  it('names an authorless change after the app in its history metadata', () => {
    const actor = actorOf(undefined, { actor: { id: 'exalate', displayName: 'Exalate', type: 'connect-app' } }, vendorMark);
    expect(actor).toEqual({ id: 'exalate', name: 'Exalate', type: 'integration' });
    expect(actorOf(null, undefined, vendorMark)).toEqual({ id: 'anonymous', type: 'unknown' });
  });

  it('leaves a Data Center account without accountType unclassified', () => {
    expect(accountTypeMark(undefined, undefined, 'Dev Ops')).toBeUndefined();
  });
});

describe('itemValues', () => {
  it('never mistakes a missing toString for Object.prototype.toString', () => {
    expect(itemValues({ field: 'summary', from: null, to: null })).toEqual({ from: undefined, to: undefined, fromId: undefined, toId: undefined });
    expect(itemValues({ field: 'status', from: '3', to: '10001', toString: 'Done' } as never)).toMatchObject({ from: '3', to: 'Done' });
  });
});
