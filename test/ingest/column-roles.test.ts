import { describe, expect, it } from 'vitest';
import { resolveColumnRoles, squashName } from '../../src/ingest/column-roles.js';

const synonyms = { case: ['case:concept:name', 'CaseID', 'Case ID'], activity: ['concept:name', 'Activity'], team: ['org:group', 'Group'] };

describe('resolveColumnRoles', () => {
  it('matches synonyms without case or punctuation, one column per role', () => {
    expect(squashName(' Case-ID ')).toBe('caseid');
    const { columns, missing } = resolveColumnRoles(['case id', 'ACTIVITY', 'group'], synonyms, ['case', 'activity']);
    expect(columns).toEqual({ case: 'case id', activity: 'ACTIVITY', team: 'group' });
    expect(missing).toEqual([]);
  });

  it('prefers the name the user gives and reports what it cannot find', () => {
    const { columns, missing } = resolveColumnRoles(['Ticket', 'Step'], synonyms, ['case', 'activity'], { case: 'ticket', team: 'Squad' });
    expect(columns).toEqual({ case: 'Ticket' });
    expect(missing).toEqual(['an activity column (e.g. concept:name, Activity)', 'Squad (set for team)']);
  });
});
