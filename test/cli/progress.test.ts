import { describe, expect, it } from 'vitest';
import { progressLine, progressReporter } from '../../src/cli/io.js';

describe('progress', () => {
  it('draws files done as a bar with the rows read so far', () => {
    expect(progressLine(2, 5, 130000, 'exports/a.csv')).toBe('[########............] 2/5 files  130,000 rows  exports/a.csv');
    expect(progressLine(0, 0, 0, 'x')).toContain('[....................]');
  });

  it('reports nothing when stderr is not a terminal, and running totals across files when it is', () => {
    expect(progressReporter({ out: () => {}, err: () => {} })).toEqual({});
    const lines: string[] = [];
    const reporter = progressReporter({ out: () => {}, err: () => {}, progress: (text) => lines.push(text) });
    reporter.onRows!('a.csv', 20000, 0, 2);
    reporter.onFile!({ file: 'a.csv', rowsRead: 30000 }, 1, 2);
    reporter.onRows!('b.csv', 20000, 1, 2);
    expect(lines.map((l) => l.replace(/^\[[#.]+\] /, ''))).toEqual(['0/2 files  20,000 rows  a.csv', '1/2 files  30,000 rows  a.csv', '1/2 files  50,000 rows  b.csv']);
  });
});
