// The README's library example, run as written against a sample company.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeEvents, buildScorecard, connectors, loadInputs, prepareAnalysis, renderReports, resolveMatrix } from '../src/index.js';
import { SAMPLES } from './support/samples.js';

describe('the library API', () => {
  it('runs the pipeline from exports to report strings', async () => {
    const { events, files } = await loadInputs([join(SAMPLES, 'northwind-healthy', 'exports')], connectors, { timeZone: 'UTC' });
    const run = analyzeEvents(events);
    const scorecard = run && buildScorecard(run, resolveMatrix());
    const reports = renderReports(prepareAnalysis({ run, files, scorecard }));
    expect(Object.keys(reports).sort()).toEqual(['analysis.json', 'evidence.csv', 'rejects.csv', 'report.html', 'report.md']);
    expect(JSON.parse(reports['analysis.json']!).scorecard.axes).toHaveLength(5);
  });
});
