// The few lines `analyze` prints: what was read, the decision, and each analyzer's headline measures.
import type { Analysis } from './analysis-json.js';
import { formatMeasure } from './format.js';

export { formatMeasure } from './format.js';

export function renderSummary(analysis: Analysis): string {
  const { totals } = analysis.inputs;
  const lines = [`${totals.files} files: ${totals.rowsRead} rows read = ${totals.rowsAccepted} accepted + ${totals.rowsRejected} rejected`];
  if (!analysis.window || !analysis.correlation) return `${lines.join('\n')}\nno events: nothing to analyse\n`;
  const { correlation, scorecard } = analysis;
  lines.push(`${analysis.window.from} → ${analysis.window.to} (${analysis.window.weeks} weeks); ${correlation.workflows} workflows linked across systems, ${correlation.unlinkedRecords} records unlinked`);
  if (scorecard) {
    const decision = { 'manage-in-place': 'MANAGE IN PLACE', 'remediation-sprint': 'RUN A SCOPED REMEDIATION SPRINT', 'insufficient-evidence': 'INSUFFICIENT EVIDENCE' }[scorecard.recommendation.decision];
    lines.push('', `recommendation: ${decision}`);
    for (const reason of scorecard.recommendation.reasons) lines.push(`  - ${reason}`);
    for (const axis of scorecard.axes) lines.push(`  ${axis.title.padEnd(26)} ${axis.score === null ? '   —' : String(axis.score).padStart(5)}  ${axis.band}`);
    if (scorecard.containment.target) lines.push(`target: ${scorecard.containment.target.route}`, ...scorecard.containment.target.criteria.map((c) => `  - ${c.text}`));
  }
  if (analysis.comparison) {
    lines.push('', `since the baseline (${analysis.comparison.baseline.window?.to ?? 'no window'}):`);
    for (const axis of analysis.comparison.axes) {
      lines.push(`  ${axis.title.padEnd(26)} ${String(axis.before?.score ?? '—').padStart(5)} → ${String(axis.now?.score ?? '—').padStart(5)}${axis.bandChanged ? `  ${axis.before?.band ?? '—'} → ${axis.now?.band ?? '—'}` : ''}`);
    }
  }
  for (const result of analysis.analyzers) {
    lines.push('', `${result.id}${result.status === 'insufficient' ? `: not measured (${result.reason})` : ''}`);
    for (const [name, measure] of Object.entries(result.measures)) lines.push(`  ${name.padEnd(28)} ${formatMeasure(measure)}`);
  }
  return `${lines.join('\n')}\n`;
}
