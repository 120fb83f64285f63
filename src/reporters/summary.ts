// The few lines `analyze` prints: what was read, and each analyzer's headline measures.
import type { MeasureResult } from '../analyzers/define-analyzer.js';
import type { ReportInput } from './analysis-json.js';

export function formatMeasure(measure: MeasureResult): string {
  if (measure.status === 'insufficient') return `not measured (${measure.reason})`;
  const value = measure.unit === 'share' ? `${(measure.value * 100).toFixed(1)}%` : `${Number(measure.value.toFixed(2))} ${measure.unit}`;
  const ci = measure.ci ? (measure.unit === 'share' ? ` [${(measure.ci[0] * 100).toFixed(1)}–${(measure.ci[1] * 100).toFixed(1)}%]` : ` [${measure.ci[0].toFixed(1)}, ${measure.ci[1].toFixed(1)}]`) : '';
  return `${value}${ci} (n=${measure.n}${measure.lowConfidence ? ', low confidence' : ''})`;
}

export function renderSummary({ run, files, scorecard }: ReportInput): string {
  const read = files.reduce((s, f) => s + f.rowsRead, 0);
  const accepted = files.reduce((s, f) => s + f.rowsAccepted, 0);
  const rejected = files.reduce((s, f) => s + f.rowsRejected, 0);
  const lines = [`${files.length} files: ${read} rows read = ${accepted} accepted + ${rejected} rejected`];
  if (!run) return `${lines.join('\n')}\nno events: nothing to analyse\n`;
  const { correlation } = run;
  const unlinked = correlation.unlinked.reduce((s, u) => s + u.count, 0);
  lines.push(`${run.window.from} → ${run.window.to} (${run.weeks.length} weeks); ${correlation.workflows.length} workflows linked across systems, ${unlinked} records unlinked`);
  if (scorecard) {
    const decision = { 'manage-in-place': 'MANAGE IN PLACE', 'remediation-sprint': 'RUN A SCOPED REMEDIATION SPRINT', 'insufficient-evidence': 'INSUFFICIENT EVIDENCE' }[scorecard.recommendation.decision];
    lines.push('', `recommendation: ${decision}`);
    for (const reason of scorecard.recommendation.reasons) lines.push(`  - ${reason}`);
    for (const axis of scorecard.axes) lines.push(`  ${axis.title.padEnd(26)} ${axis.score === null ? '   —' : String(axis.score).padStart(5)}  ${axis.band}`);
    if (scorecard.containment.target) lines.push(`target: ${scorecard.containment.target.route}`, ...scorecard.containment.target.criteria.map((c) => `  - ${c.text}`));
  }
  for (const result of run.results) {
    lines.push('', `${result.id}${result.status === 'insufficient' ? `: not measured (${result.reason})` : ''}`);
    for (const [name, measure] of Object.entries(result.measures)) lines.push(`  ${name.padEnd(28)} ${formatMeasure(measure)}`);
  }
  return `${lines.join('\n')}\n`;
}
