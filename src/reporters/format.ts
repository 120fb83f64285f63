// Number and label formatting shared by the summary, report.md and report.html.
import type { MeasureResult } from '../analyzers/define-analyzer.js';

export const DECISION_LABELS: Record<string, string> = {
  'manage-in-place': 'Manage in place',
  'remediation-sprint': 'Run a scoped remediation sprint',
  'insufficient-evidence': 'Insufficient evidence',
};

export const BAND_LABELS: Record<string, string> = {
  'manage-in-place': 'manage in place',
  watch: 'watch',
  'remediation-sprint': 'remediation sprint',
  'not-scored': 'not scored',
};

/** Where a row is, as editors take it: `file:line`, or `file:line:column` (a compact JSON page, a reject's cell). */
export function formatPosition(at: { file: string; line?: number | undefined; column?: number | undefined }): string {
  return [at.file, at.line, at.column].filter((part) => part !== undefined).join(':');
}

/** A number as people read it: integers as they are, others to 2 significant decimals at most. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 2)));
}

/** A value in its unit: shares as percentages. */
export function formatValue(value: number, unit: string): string {
  return unit === 'share' ? `${formatNumber(value * 100)}%` : `${formatNumber(value)} ${unit}`;
}

/** A signed change in the unit of the value (`+3.2`, `-12%` points for shares as `-12 pp`). */
export function formatChange(change: number, unit: string): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const magnitude = Math.abs(change);
  return unit === 'share' ? `${sign}${formatNumber(magnitude * 100)} pp` : `${sign}${formatNumber(magnitude)}${unit ? ` ${unit}` : ''}`;
}

export function formatMeasure(measure: MeasureResult): string {
  if (measure.status === 'insufficient') return `not measured (${measure.reason})`;
  const value = measure.unit === 'share' ? `${(measure.value * 100).toFixed(1)}%` : `${Number(measure.value.toFixed(2))} ${measure.unit}`;
  const ci = measure.ci ? (measure.unit === 'share' ? ` [${(measure.ci[0] * 100).toFixed(1)}–${(measure.ci[1] * 100).toFixed(1)}%]` : ` [${measure.ci[0].toFixed(1)}, ${measure.ci[1].toFixed(1)}]`) : '';
  return `${value}${ci} (n=${measure.n}${measure.lowConfidence ? ', low confidence' : ''})`;
}
