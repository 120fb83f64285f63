import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../src/reporters/analysis-json.js';
import { renderReports, renderSummary } from '../../src/reporters/index.js';

describe('reports of a run that read no events', () => {
  const analysis = buildAnalysis({
    run: undefined,
    files: [{ file: 'empty.csv', connector: undefined, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, eventCount: 0, issues: [{ severity: 'error', code: 'file/empty', file: 'empty.csv', message: 'the file is empty' }] } as never],
  });

  it('still renders every output, with the inputs and the reject', () => {
    const reports = renderReports(analysis);
    expect(Object.keys(reports)).toEqual(['analysis.json', 'evidence.csv', 'rejects.csv', 'report.html', 'report.md']);
    expect(JSON.parse(reports['analysis.json']!)).toMatchObject({ window: null, scorecard: null, citations: {}, redacted: false });
    expect(reports['evidence.csv']!.split('\r\n').filter(Boolean)).toHaveLength(1);
    expect(reports['rejects.csv']).toContain('empty.csv,,,error,file/empty,,the file is empty');
    expect(reports['report.md']).toContain('`empty.csv`');
    expect(reports['report.html']).not.toContain('<svg');
    expect(renderSummary(analysis)).toContain('no events');
  });
});
