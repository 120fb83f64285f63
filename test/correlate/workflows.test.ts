// Correlation's linking rules on hand-made events: which records join, what a workflow is named
// after, what counts as dangling or as a category, and what each record carries.
import { describe, expect, it } from 'vitest';
import { correlate } from '../../src/correlate/workflows.js';
import type { HandoffEvent, RecordLink, SystemKind } from '../../src/model/index.js';

let line = 1;
/** One event of a record; events must be built in time order. */
function event(system: string, systemKind: SystemKind, type: string, id: string, at: string, links?: RecordLink[]): HandoffEvent {
  line++;
  return {
    id: `test.csv:${line}#0`,
    at: `2026-01-${at}:00.000Z`,
    system,
    systemKind,
    record: { type, id },
    kind: 'field-changed',
    actor: { id: 'u1', type: 'human' },
    ...(links ? { links } : {}),
    source: { connector: 'test', file: 'test.csv', line },
  };
}

describe('correlate', () => {
  it('joins records of different systems through the ids they carry, and names the workflow after the CRM record', () => {
    const events = [
      // an 18-character Salesforce id, named by its 15-character form
      event('salesforce', 'crm', 'Opportunity', '006Dn000000AbCdIAK', '05T10:00'),
      event('jira', 'delivery', 'issue', 'DLV-1', '05T11:00', [{ system: 'salesforce', id: '006Dn000000AbCd', via: 'Salesforce Id' }]),
      // a link without a system matches the id in any other system
      event('zendesk', 'support', 'ticket', '4100', '05T12:00', [{ id: 'DLV-1', via: 'external_id' }]),
      // a record no other carries, and carrying nothing, stays on its own
      event('jira', 'delivery', 'issue', 'DLV-2', '05T13:00'),
    ];
    const correlation = correlate(events);
    expect(correlation.workflows).toHaveLength(1);
    const [workflow] = correlation.workflows;
    expect(workflow!.id).toBe('wf:salesforce/Opportunity/006Dn000000AbCdIAK');
    expect(workflow!.records).toEqual(['jira/issue/DLV-1', 'salesforce/Opportunity/006Dn000000AbCdIAK', 'zendesk/ticket/4100']);
    expect(workflow!.systems).toEqual(['jira', 'salesforce', 'zendesk']);
    expect(events.slice(0, 3).map((e) => e.workflow)).toEqual([workflow!.id, workflow!.id, workflow!.id]);
    expect(events[3]!.workflow).toBeUndefined();
    // each record: its number in order of first event, its workflow, its links as tags
    const records = [...correlation.records.values()];
    expect(records.map((r) => [r.key, r.number, r.workflow])).toEqual([
      ['salesforce/Opportunity/006Dn000000AbCdIAK', 0, workflow!.id],
      ['jira/issue/DLV-1', 1, workflow!.id],
      ['zendesk/ticket/4100', 2, workflow!.id],
      ['jira/issue/DLV-2', 3, undefined],
    ]);
    expect(correlation.records.get('jira/issue/DLV-1')!.links).toEqual(['salesforce:006Dn000000AbCd']);
    expect(correlation.records.get('salesforce/Opportunity/006Dn000000AbCdIAK')!.links).toEqual([]);
    expect(correlation.unlinked).toEqual([{ system: 'jira', type: 'issue', count: 1, examples: [events[3]!.id] }]);
    expect(correlation.danglingLinks).toBe(0);
  });

  it("falls back to the id alone when the named system has no such record, and reads a link to a record's own system as another id of it", () => {
    const events = [
      // ServiceNow carries its number beside its sys_id
      event('servicenow', 'support', 'incident', 'a1b2c3', '05T10:00', [{ system: 'servicenow', id: 'INC0010001', via: 'number' }]),
      // a link to the number joins the incident
      event('jira', 'delivery', 'issue', 'DLV-7', '05T11:00', [{ system: 'servicenow', id: 'INC0010001', via: 'ServiceNow' }]),
      // a Linear key named as a Jira one: no Jira record has it, the Linear one does
      event('linear', 'delivery', 'issue', 'DEL-12', '05T12:00'),
      event('hubspot', 'crm', 'deal', '9001', '05T13:00', [{ system: 'jira', id: 'DEL-12', via: 'delivery_key' }]),
      // a link nothing in the inputs has
      event('hubspot', 'crm', 'deal', '9002', '05T14:00', [{ system: 'jira', id: 'DLV-404', via: 'delivery_key' }]),
      // a record never joins one of its own system: the parent's id finds only another Jira issue
      event('jira', 'delivery', 'issue', 'DLV-10', '05T15:00'),
      event('jira', 'delivery', 'issue', 'DLV-11', '05T16:00', [{ id: 'DLV-10', via: 'Parent' }]),
    ];
    const correlation = correlate(events);
    expect(correlation.workflows.map((w) => w.records)).toEqual([
      ['hubspot/deal/9001', 'linear/issue/DEL-12'],
      ['jira/issue/DLV-7', 'servicenow/incident/a1b2c3'],
    ]);
    expect(correlation.danglingLinks).toBe(2);
    expect(correlation.records.get('hubspot/deal/9002')!.workflow).toBeUndefined();
    expect(correlation.records.get('jira/issue/DLV-11')!.workflow).toBeUndefined();
  });

  it('joins records naming the same foreign id even without that record, and ignores an id named by very many records', () => {
    const events = [
      event('zendesk', 'support', 'ticket', '1', '05T10:00', [{ system: 'salesforce', id: '006000000000001', via: 'crm_id' }]),
      event('jira', 'delivery', 'issue', 'DLV-1', '05T11:00', [{ system: 'salesforce', id: '006000000000001', via: 'Salesforce Id' }]),
    ];
    // 101 tickets and 101 issues all naming one label: a category, not a key
    for (let n = 0; n < 101; n++) events.push(event('zendesk', 'support', 'ticket', `c${n}`, '06T10:00', [{ id: 'onboarding', via: 'tags' }]));
    for (let n = 0; n < 101; n++) events.push(event('jira', 'delivery', 'issue', `C-${n}`, '06T11:00', [{ id: 'onboarding', via: 'labels' }]));
    const correlation = correlate(events);
    expect(correlation.categories).toEqual(['onboarding']);
    expect(correlation.workflows.map((w) => w.records)).toEqual([['jira/issue/DLV-1', 'zendesk/ticket/1']]);
    // the missing Salesforce record makes both links dangling; without a CRM record, the workflow is
    // named after its first record (by key) that is not an integration run
    expect(correlation.danglingLinks).toBe(2);
    expect(correlation.workflows[0]!.id).toBe('wf:jira/issue/DLV-1');
  });

  it('numbers records afresh in each correlation, even when the events share record objects with an earlier one', () => {
    // events of one file share their record object, which carries the record's number for one
    // correlation: a later correlation over other events must not read the earlier number
    const shared = { type: 'issue', id: 'DLV-9' };
    const first = [event('salesforce', 'crm', 'Opportunity', '006A', '05T10:00'), { ...event('jira', 'delivery', 'issue', 'DLV-9', '05T11:00', [{ system: 'salesforce', id: '006A', via: 'Salesforce Id' }]), record: shared }];
    const before = correlate(first);
    expect(before.records.get('jira/issue/DLV-9')!.number).toBe(1);
    const second = [
      event('zendesk', 'support', 'ticket', '77', '06T09:00', [{ id: 'DLV-9', via: 'external_id' }]),
      event('zendesk', 'support', 'ticket', '78', '06T09:30'),
      { ...event('jira', 'delivery', 'issue', 'DLV-9', '06T10:00'), record: shared },
      { ...event('jira', 'delivery', 'issue', 'DLV-9', '06T11:00'), record: shared },
    ];
    const after = correlate(second);
    expect([...after.records.values()].map((r) => [r.key, r.number, r.events])).toEqual([
      ['zendesk/ticket/77', 0, 1],
      ['zendesk/ticket/78', 1, 1],
      ['jira/issue/DLV-9', 2, 2],
    ]);
    expect(after.workflows.map((w) => w.records)).toEqual([['jira/issue/DLV-9', 'zendesk/ticket/77']]);
    // the first correlation's records are as they were
    expect(before.records.get('jira/issue/DLV-9')!.events).toBe(1);
  });
});
