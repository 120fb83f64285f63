// Incident snapshot mapping: links, placeholders, record keys.
import { describe, expect, it } from 'vitest';
import { tableOf } from '../../connectors/servicenow-incident/index.js';
import { readText } from '../support/read-fixture.js';

const HEADER = 'number,short_description,state,opened_at,assignment_group,reassignment_count,correlation_id,correlation_display,u_jira_key';

describe('servicenow-incident', () => {
  it('names the table from the number prefix', () => {
    expect(tableOf('INC0010001')).toBe('incident');
    expect(tableOf('CHG0030002')).toBe('change_request');
    expect(tableOf('SCTASK0010003')).toBe('sc_task');
    expect(tableOf('XYZ1', 'u_custom')).toBe('u_custom');
  });

  it('links correlation ids and configured columns, and reads ? as no value', async () => {
    const csv = `${HEADER}\nINC0010009,x,New,2026-03-02 08:00:00,?,0,CS-881,Zendesk,"ENG-1, ENG-2"\nINC0010010,y,New,2026-03-02 08:00:00,Network,0,,REF-77,\n`;
    const { events } = await readText('incident.csv', csv, { settings: { linkFields: ['u_jira_key'] } });
    const created = events.filter((e) => e.kind === 'created');
    expect(created.map((e) => e.record.id)).toEqual(['INC0010009', 'INC0010010']);
    expect(created[0]!.team).toBeUndefined();
    expect(created[0]!.links).toEqual([
      { system: 'zendesk', id: 'CS-881', via: 'correlation_id' },
      { system: 'jira', id: 'ENG-1', via: 'u_jira_key' },
      { system: 'jira', id: 'ENG-2', via: 'u_jira_key' },
    ]);
    expect(created[1]!.team).toBe('Network');
    expect(created[1]!.links).toEqual([{ id: 'REF-77', via: 'correlation_display' }]);
  });
});
