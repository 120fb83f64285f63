// Mapping rules of the Salesforce connectors that golden files show only by example.
import { describe, expect, it } from 'vitest';
import { isSalesforceId, linksOf } from '../../connectors/salesforce-common.js';
import { readText } from '../support/read-fixture.js';

const HEADER = 'Id,CaseId,CreatedById,CreatedDate,Field,DataType,OldValue,NewValue';
const row = (field: string, dataType: string, from: string, to: string, id = '0170000000000A1') =>
  `${id},5003000000D8cuIAAR,0053000000A1b2CAAR,2023-01-05T10:12:33.000Z,${field},${dataType},${from},${to}`;

async function read(lines: string[], options = {}) {
  return readText('CaseHistory.csv', [HEADER, ...lines].join('\n'), { connector: 'salesforce-field-history', ...options });
}

describe('salesforce-field-history', () => {
  it.each([
    ['name row first', [row('Owner', 'EntityId', 'Jane Doe', 'Tier 2'), row('Owner', 'EntityId', '0053000000A1b2CAAR', '00G3000000Q7abCEAR')]],
    ['id row first', [row('Owner', 'EntityId', '0053000000A1b2CAAR', '00G3000000Q7abCEAR'), row('Owner', 'EntityId', 'Jane Doe', 'Tier 2')]],
  ])('turns a lookup change written as two rows into one owner change with ids (%s)', async (_, lines) => {
    const { result, events } = await read(lines);
    expect(result.rowsAccepted).toBe(2);
    expect(events.map((e) => [e.kind, e.from, e.to, e.team])).toEqual([['owner-changed', '0053000000A1b2CAAR', '00G3000000Q7abCEAR', '00G3000000Q7abCEAR']]);
  });

  it('drops the name row of a custom lookup marked EntityId but keeps a text field with the same values', async () => {
    const { events } = await read([row('Partner__c', 'EntityId', 'Acme', 'Globex'), row('Region__c', 'Text', 'EMEA', 'APAC')]);
    expect(events.map((e) => [e.kind, e.field, e.to])).toEqual([['field-changed', 'Region__c', 'APAC']]);
  });

  it('drops the name row of a lookup named in settings.lookupFields when the export has no DataType', async () => {
    const { events } = await read([row('Partner__c', '', 'Acme', 'Globex')], { settings: { lookupFields: ['Partner__c'] } });
    expect(events).toEqual([]);
  });

  it('emits resolved only when a status enters a closed value, and reopened when it leaves one', async () => {
    const { events } = await read([row('Status', 'DynamicEnum', 'Closed', 'Closed - Unresolved'), row('Status', 'DynamicEnum', 'Closed', 'New', '0170000000000A2')]);
    expect(events.map((e) => e.kind)).toEqual(['state-changed', 'state-changed', 'reopened']);
  });

  it('classifies an actor listed in integrationActors as an integration', async () => {
    const { events } = await read([row('Priority', 'DynamicEnum', 'Low', 'High')], { integrationActors: ['0053000000A1b2CAAR'] });
    expect(events[0]?.actor.type).toBe('integration');
  });
});

describe('salesforce-common', () => {
  it.each([
    ['0053000000A1b2CAAR', true],
    ['0053000000A1b2C', true],
    ['a0B5e00000XyZabEAC', true],
    ['IntegrationUsers', false],
    ['Tier 2 Support', false],
    ['SUP-1423', false],
  ])('tells whether %s is a Salesforce id', (text, expected) => {
    expect(isSalesforceId(text)).toBe(expected);
  });

  it.each([
    ['Jira_Issue_Key__c', 'SUP-1;SUP-2', {}, [{ system: 'jira', id: 'SUP-1', via: 'Jira_Issue_Key__c' }, { system: 'jira', id: 'SUP-2', via: 'Jira_Issue_Key__c' }]],
    ['Zendesk_Ticket_Id__c', '48213', {}, [{ system: 'zendesk', id: '48213', via: 'Zendesk_Ticket_Id__c' }]],
    ['External_Ref__c', 'INC0012345', {}, [{ system: 'servicenow', id: 'INC0012345', via: 'External_Ref__c' }]],
    ['Delivery_Region__c', 'EMEA', {}, []],
    ['Description', 'SUP-1', {}, []],
    ['Ticket__c', 'Printer on fire', {}, []],
    ['Partner_Code__c', 'X-77', { settings: { linkFields: { Partner_Code__c: 'pipedrive' } } }, [{ system: 'pipedrive', id: 'X-77', via: 'Partner_Code__c' }]],
  ])('reads links from %s = %s', (field, value, options, expected) => {
    expect(linksOf(field, value, options)).toEqual(expected);
  });
});
