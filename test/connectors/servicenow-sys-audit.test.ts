// sys_audit mapping: which audited changes are handoffs, resolutions, reopens and escalations.
import { describe, expect, it } from 'vitest';
import { classifyChange } from '../../connectors/servicenow-sys-audit/index.js';
import { readText } from '../support/read-fixture.js';

const HEADER = 'tablename,fieldname,documentkey,user,oldvalue,newvalue,sys_created_on';

describe('servicenow-sys-audit classifyChange', () => {
  it.each([
    ['incident', 'state', '2', '6', 'resolved'],
    ['incident', 'state', '3', '7', 'resolved'],
    ['incident', 'state', '6', '7', 'state-changed'],
    ['incident', 'state', '8', '7', 'state-changed'],
    ['incident', 'state', '6', '2', 'reopened'],
    ['incident', 'state', '7', '1', 'reopened'],
    ['incident', 'state', '1', '2', 'state-changed'],
    ['change_request', 'state', '-1', '3', 'state-changed'],
    ['incident', 'incident_state', '2', '6', 'field-changed'],
    ['incident', 'priority', '3', '1', 'escalated'],
    ['incident', 'priority', '1', '3', 'field-changed'],
    ['incident', 'priority', undefined, '1', 'field-changed'],
    ['incident', 'escalation', '1', '3', 'escalated'],
    ['incident', 'escalation', '2', '0', 'field-changed'],
    ['incident', 'assignment_group', 'a', 'b', 'team-changed'],
    ['incident', 'assigned_to', undefined, 'b', 'owner-changed'],
  ] as const)('%s.%s %s → %s is %s', (table, field, from, to, kind) => {
    expect(classifyChange(table, field, from, to, false)).toBe(kind);
  });

  it('reads journal additions to work notes and comments as comments, other journals as field changes', () => {
    expect(classifyChange('incident', 'work_notes', undefined, 'x', true)).toBe('comment');
    expect(classifyChange('incident', 'comments', undefined, 'x', true)).toBe('comment');
    expect(classifyChange('incident', 'approval_history', undefined, 'x', true)).toBe('field-changed');
  });
});

describe('servicenow-sys-audit rows', () => {
  it('links a custom link field named in settings, with its system', async () => {
    const csv = `${HEADER}\nincident,u_sfdc_case,abc,svc.sf,,5003000000D8cuIAAR,2026-03-02 10:00:00\nincident,u_other,abc,svc.sf,,123,2026-03-02 10:00:01\n`;
    const { events } = await readText('audit.csv', csv, { settings: { linkFields: { u_sfdc_case: 'salesforce' } }, integrationActors: ['svc.sf'] });
    expect(events.map((e) => e.links)).toEqual([[{ system: 'salesforce', id: '5003000000D8cuIAAR', via: 'u_sfdc_case' }], undefined]);
    expect(events[0]!.actor.type).toBe('integration');
  });

  it('reads day-first dates in the given zone once the sample shows a day above 12', async () => {
    const csv = `${HEADER}\nincident,state,abc,itil,1,2,02/04/2026 09:00:00\nincident,state,abc,itil,2,6,13/04/2026 17:00:00\n`;
    const { events, result } = await readText('audit.csv', csv, { timeZone: 'Europe/Berlin' });
    expect(result.rowsRejected).toBe(0);
    expect(events.map((e) => e.at)).toEqual(['2026-04-02T07:00:00.000Z', '2026-04-13T15:00:00.000Z']);
  });
});
