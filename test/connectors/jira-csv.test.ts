// Jira CSV comment cells: `date;author;text`, where the text may hold `;` and line breaks.
import { describe, expect, it } from 'vitest';
import { parseCommentCell } from '../../connectors/jira-csv/index.js';

describe('parseCommentCell', () => {
  it('splits at the first two semicolons only', () => {
    expect(parseCommentCell('04/Mar/26 4:20 PM;5b10ac8d82e05b22cc7d4ef5;Fixed in 4.2.1; needs a re-test')).toEqual({
      date: '04/Mar/26 4:20 PM',
      author: '5b10ac8d82e05b22cc7d4ef5',
      body: 'Fixed in 4.2.1; needs a re-test',
    });
    expect(parseCommentCell('25/Feb/26 4:40 PM;bot;line one\nline two')?.body).toBe('line one\nline two');
  });

  it('gives nothing for a cell without a date and an author', () => {
    expect(parseCommentCell('no separators here')).toBeUndefined();
    expect(parseCommentCell(';author;text')).toBeUndefined();
    expect(parseCommentCell('date;;text')).toBeUndefined();
  });
});
