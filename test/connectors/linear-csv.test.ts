// Linear export mapping: custom link columns from settings.
import { describe, expect, it } from 'vitest';
import { linksOf } from '../../connectors/linear-csv/index.js';

describe('linear-csv linksOf', () => {
  it('reads only the columns named in settings, guessing the system from the column name', () => {
    const row = { ID: 'ENG-1', 'Zendesk Ticket': '4711; 4712', 'SF Case': '5003000000D8cuIAAR', Description: 'see 4713' };
    const columns = new Map<string, string | undefined>([['zendesk ticket', undefined], ['sf case', 'salesforce']]);
    expect(linksOf(row, columns)).toEqual([
      { system: 'zendesk', id: '4711', via: 'Zendesk Ticket' },
      { system: 'zendesk', id: '4712', via: 'Zendesk Ticket' },
      { system: 'salesforce', id: '5003000000D8cuIAAR', via: 'SF Case' },
    ]);
    expect(linksOf(row, new Map())).toEqual([]);
  });
});
