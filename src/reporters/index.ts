// The reporters: one analysis document, rendered into every output file. Reporters return strings; only the CLI writes.
import { buildAnalysis, renderAnalysisJson, type Analysis, type ReportInput } from './analysis-json.js';
import { compareAnalyses } from './comparison.js';
import { renderEvidenceCsv, renderRejectsCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { collectPersonalNames, createRedactor, redactDeep } from './redact.js';

export interface ReportOptions {
  /** replace personal names and e-mail addresses with pseudonyms */
  redact?: boolean;
  /** the previous run's analysis document, for the change section */
  baseline?: Analysis;
}

/** The analysis document for a run, compared with the baseline and redacted as asked. */
export function prepareAnalysis(input: ReportInput, options: ReportOptions = {}): Analysis {
  let analysis = buildAnalysis(input);
  if (options.baseline) analysis = { ...analysis, comparison: compareAnalyses(options.baseline, analysis) };
  if (options.redact) {
    const redact = createRedactor(collectPersonalNames(input.run?.events ?? []));
    analysis = { ...redactDeep(analysis, redact), redacted: true };
  }
  return analysis;
}

/** Every output file of `analyze --out`, by file name, in a fixed order. */
export function renderReports(analysis: Analysis): Record<string, string> {
  return {
    'analysis.json': renderAnalysisJson(analysis),
    'evidence.csv': renderEvidenceCsv(analysis),
    'rejects.csv': renderRejectsCsv(analysis),
    'report.html': renderHtml(analysis),
    'report.md': renderMarkdown(analysis),
  };
}

export { ANALYSIS_SCHEMA, ANALYSIS_VERSION, buildAnalysis, renderAnalysisJson, type Analysis, type ReportInput } from './analysis-json.js';
export { BaselineError, compareAnalyses, parseBaseline, type Comparison } from './comparison.js';
export { renderEvidenceCsv, renderRejectsCsv } from './csv.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { pseudonym } from './redact.js';
export { renderSummary } from './summary.js';
