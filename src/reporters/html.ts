// report.html: the same report as report.md, self-contained (inline CSS and SVG, no script, no network).
import type { AxisScore } from '../scoring/score.js';
import type { Analysis } from './analysis-json.js';
import { axisScoresChart, detectionLagChart, leadTimeChart, routeMapChart, weeklyFailuresChart, type RouteEdge } from './charts.js';
import { html, type SafeHtml } from './escape.js';
import { actorsLine, handoffRoutes } from './markdown.js';
import { BAND_LABELS, DECISION_LABELS, formatChange, formatMeasure, formatNumber, formatPosition, formatValue } from './format.js';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;color:#1f2933;max-width:980px;margin:24px auto;padding:0 16px}
h1{font-size:24px}h2{margin-top:32px;border-bottom:1px solid #e4e7eb;padding-bottom:4px}h3{margin-top:22px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}th,td{border:1px solid #e4e7eb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f5f7fa}td.num{text-align:right;font-variant-numeric:tabular-nums}code{font-size:12px;background:#f5f7fa;padding:0 3px;border-radius:3px;word-break:break-all}
.decision{font-size:20px;font-weight:700;padding:10px 14px;border-radius:6px;display:inline-block}
.band{padding:1px 6px;border-radius:3px;font-size:12px;white-space:nowrap}
.b-manage-in-place{background:#c6f6d5}.b-watch{background:#feebc8}.b-remediation-sprint{background:#fed7d7}.b-not-scored,.b-insufficient-evidence{background:#e4e7eb}
figure{margin:12px 0 20px}figcaption{color:#52606d;font-size:12px}svg.chart{max-width:100%;height:auto}
.muted{color:#52606d}`;

const band = (value: string) => html`<span class="band b-${value}">${BAND_LABELS[value] ?? value}</span>`;
const cite = (analysis: Analysis, id: string) => {
  const c = analysis.citations[id];
  return c ? html`<code>${formatPosition(c)}</code>` : html``;
};

function tableOf(header: readonly string[], rows: readonly (readonly (SafeHtml | string)[])[], numeric: readonly number[] = []): SafeHtml {
  return html`<table><thead><tr>${header.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map((row) => html`<tr>${row.map((cell, i) => (numeric.includes(i) ? html`<td class="num">${cell}</td>` : html`<td>${cell}</td>`))}</tr>`)}</tbody></table>`;
}

function axisSection(axis: AxisScore, analysis: Analysis): SafeHtml {
  return html`<section class="axis" id="axis-${axis.id}"><h3>${axis.title} — ${axis.score === null ? 'not scored' : formatNumber(axis.score)} ${band(axis.band)}</h3>
${axis.reason ? html`<p>Not scored: ${axis.reason}</p>` : html``}
<p class="muted">Manage in place when: ${axis.guide.manage}. Sprint when: ${axis.guide.sprint}.</p>
${axis.findings.length ? html`<ul>${axis.findings.map((f) => html`<li>${f}</li>`)}</ul>` : html``}
${tableOf(
  ['signal', 'value', 'n', 'manage at', 'sprint at', 'signal score', 'weight'],
  axis.signals.map((s) =>
    s.status === 'scored'
      ? [html`<code>${s.metric}</code>`, `${formatValue(s.value, s.unit)}${s.lowConfidence ? ' (low confidence)' : ''}`, String(s.n), formatNumber(s.manageAt), formatNumber(s.sprintAt), formatNumber(s.score), formatNumber(s.weight)]
      : [html`<code>${s.metric}</code>`, `not measured: ${s.reason}`, '', formatNumber(s.manageAt), formatNumber(s.sprintAt), '', formatNumber(s.weight)],
  ),
  [2, 3, 4, 5, 6],
)}
<p class="muted">Coverage: ${formatNumber(axis.coverage * 100)}% of the axis' weight could be measured.</p>
${axis.evidence.length
  ? html`<p>Cited rows:</p><ul>${axis.evidence.map((c) => {
      const e = analysis.citations[c.id];
      const change = e && (e.from !== undefined || e.to !== undefined) ? html`; ${e.field ? `${e.field}: ` : ''}${e.from ?? '∅'} → ${e.to ?? '∅'}` : html``;
      return html`<li><code>${formatPosition(c)}</code>${e ? html` — ${e.kind} of ${e.record} in ${e.system} at ${e.at} by ${e.actor}${change}` : html``}</li>`;
    })}</ul>`
  : html``}</section>`;
}

function chartsSection(analysis: Analysis): SafeHtml {
  const results = new Map(analysis.analyzers.map((r) => [r.id, r]));
  const ff = results.get('failure-frequency');
  const failures = ff?.series.failuresPerWeek?.points ?? [];
  const runs = ff?.series.runsPerWeek?.points;
  const started = results.get('trends')?.series.workflowsStartedPerWeek?.points;
  const volumeSeries = runs ?? started ?? [];
  const volumeLabel = runs ? 'integration runs' : 'workflows started';
  const volumeOf = new Map(volumeSeries.map((p) => [p.week, p.value]));
  const weekly = failures.map((p) => ({ week: p.week, failures: p.value, volume: volumeOf.get(p.week) ?? null }));
  const lag = (results.get('exception-lateness')?.tables.lagHistogram ?? []).map((b) => ({ bucket: String(b.bucket), failures: Number(b.failures) }));
  const distribution = results.get('lead-time-drag')?.tables.distribution ?? [];
  const lead = [
    { label: 'with handoff failure', hours: distribution.filter((d) => d.failed === true).map((d) => Number(d.hours)) },
    { label: 'without', hours: distribution.filter((d) => d.failed !== true).map((d) => Number(d.hours)) },
  ];
  const handoffTables = results.get('handoffs')?.tables;
  const systemRoutes = handoffTables?.systemRoutes ?? [];
  const edgeRows = systemRoutes.length ? systemRoutes : (handoffTables?.teamRoutes ?? []);
  const edges: RouteEdge[] = edgeRows.map((r) => ({ from: String(r.from), to: String(r.to), handoffs: Number(r.handoffs), latencyP50Hours: typeof r.latencyP50Hours === 'number' ? r.latencyP50Hours : null }));
  const failing = (analysis.scorecard?.containment.routes ?? []).map((r) => ({ route: r.route, failures: r.failures, addedLeadTimeHours: r.addedLeadTimeHours }));
  const figure = (chart: SafeHtml, caption: string) => html`<figure>${chart}<figcaption>${caption}</figcaption></figure>`;
  return html`<h2 id="charts">Charts</h2>
${analysis.scorecard ? figure(axisScoresChart(analysis.scorecard.axes, analysis.scorecard.bands), 'Axis scores; the shaded bands are manage in place, watch and remediation sprint.') : html``}
${figure(weeklyFailuresChart(weekly, volumeLabel), `Handoff failures per ISO week (bars) against ${volumeLabel} per week (line). Failures growing faster than volume amplify friction.`)}
${figure(detectionLagChart(lag), 'How long failures waited for a person to act on them.')}
${figure(leadTimeChart(lead), 'Lead time from the CRM win (or the first event of the workflow) to the delivery tracker saying done.')}
${figure(routeMapChart(edges, failing), 'Where responsibility moves between systems, and which integration flows fail most.')}`;
}

/** Renders report.html from the analysis document. */
export function renderHtml(analysis: Analysis): string {
  const { window, correlation, scorecard, inputs } = analysis;
  const errors = inputs.issues.filter((i) => i.severity === 'error').length;
  const body = html`<h1>Handoff risk report</h1>
${window ? html`<p class="muted">Window: ${window.from} → ${window.to} (${window.weeks} weeks). ${correlation?.workflows ?? 0} workflows linked across systems.</p>` : html`<p>No events: nothing to analyse.</p>`}
${analysis.redacted ? html`<p class="muted">Personal names and e-mail addresses are replaced by pseudonyms (person-…).</p>` : html``}
${scorecard
  ? html`<h2 id="recommendation">Recommendation</h2>
<p class="decision b-${scorecard.recommendation.decision}">${DECISION_LABELS[scorecard.recommendation.decision] ?? scorecard.recommendation.decision}</p>
<ul>${scorecard.recommendation.reasons.map((r) => html`<li>${r}</li>`)}</ul>
${scorecard.recommendation.disqualifiers.length ? html`<p>Disqualifiers:</p><ul>${scorecard.recommendation.disqualifiers.map((d) => html`<li><code>${d.id}</code>: ${d.detail}</li>`)}</ul>` : html`<p>Disqualifiers: none found.</p>`}
<h2 id="matrix">Decision matrix</h2>
${tableOf(['axis', 'score', 'band', 'coverage'], scorecard.axes.map((a) => [html`<a href="#axis-${a.id}">${a.title}</a>`, a.score === null ? '—' : formatNumber(a.score), band(a.band), `${formatNumber(a.coverage * 100)}%`]), [1, 3])}
<p class="muted">Scores run from 0 (manage-in-place level) to 100 (remediation-sprint level); watch from ${scorecard.bands.watchFrom}, remediation sprint from ${scorecard.bands.sprintFrom}. Scope: ${scorecard.scope.activeWeeks} active weeks, ${scorecard.scope.workflows} workflows.</p>`
  : html``}
${analysis.window ? chartsSection(analysis) : html``}
${scorecard ? html`<h2 id="axes">The five axes</h2>${scorecard.axes.map((a) => axisSection(a, analysis))}${containmentSection(analysis)}` : html``}
${analysis.comparison ? comparisonSection(analysis) : html``}
<h2 id="inputs">Inputs</h2>
${tableOf(
  ['file', 'connector', 'rows read', 'accepted', 'rejected', 'events', 'warnings'],
  inputs.files.map((f) => [html`<code>${f.file}</code>`, f.connector ?? '—', String(f.rowsRead), String(f.rowsAccepted), String(f.rowsRejected), String(f.events), String(f.warnings)]),
  [2, 3, 4, 5, 6],
)}
<p>Rows read = accepted + rejected: ${inputs.totals.rowsRead} = ${inputs.totals.rowsAccepted} + ${inputs.totals.rowsRejected}, in ${inputs.totals.files} files.</p>
${correlation ? html`<p>Records: ${correlation.records}; linked into workflows: ${correlation.linkedRecords}; unlinked: ${correlation.unlinkedRecords}; links to records not in the exports: ${correlation.danglingLinks}.</p><p>Actors: ${actorsLine(correlation.actors)}.</p>${correlation.unlinked.length ? tableOf(['system', 'record type', 'unlinked', 'examples'], correlation.unlinked.map((u) => [u.system, u.type, String(u.count), u.examples.join(', ')]), [2]) : html``}` : html``}
<p>Rejects: ${errors}; warnings: ${inputs.issues.length - errors} (all of them in rejects.csv).</p>
${inputs.issues.length ? tableOf(['where', 'severity', 'code', 'message'], inputs.issues.slice(0, 50).map((i) => [html`<code>${formatPosition(i)}</code>`, i.severity, html`<code>${i.code}</code>`, i.message])) : html``}
${analysis.analyzers.length
  ? html`<h2 id="definitions">Definitions</h2>${analysis.analyzers.map((r) => html`<h3>${r.id}</h3>${r.status === 'insufficient' ? html`<p>Not measured: ${r.reason ?? ''}</p>` : html``}${tableOf(['measure', 'value', 'definition'], Object.entries(r.measures).map(([name, m]) => [html`<code>${r.id}.${name}</code>`, formatMeasure(m), m.definition]))}`)}`
  : html``}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Handoff risk report</title>
<style>${STYLE}</style>
</head>
<body>
${body.value}
</body>
</html>
`;
}

function containmentSection(analysis: Analysis): SafeHtml {
  const { containment } = analysis.scorecard!;
  const routes = handoffRoutes(analysis);
  return html`<h2 id="containment">Containment path</h2>
<h3>High-risk handoff routes</h3>
${containment.routes.length
  ? tableOf(
      ['rank', 'route', 'failures', 'share', 'workflows', 'lead time added', 'detection lag p50', 'detected most often by', 'cited rows'],
      containment.routes.map((r, i) => [
        String(i + 1),
        r.route,
        String(r.failures),
        `${formatNumber(r.share * 100)}%`,
        String(r.workflows),
        `${formatNumber(r.addedLeadTimeHours)} h`,
        r.detectionLagP50Hours === null ? '—' : `${formatNumber(r.detectionLagP50Hours)} h`,
        r.owner ? `${r.owner.team} (${formatNumber(r.owner.share * 100)}%)` : 'nobody',
        html`${r.evidence.map((id, k) => html`${k ? ', ' : ''}${cite(analysis, id)}`)}`,
      ]),
      [0, 2, 3, 4, 5, 6],
    )
  : html`<p>No handoff failures: no route to rank.</p>`}
<h3>Handoff routes</h3>
${routes.length
  ? tableOf(
      ['between', 'from', 'to', 'handoffs', 'median wait', 'ping-pongs'],
      routes.map((r) => [r.level === 'system' ? 'systems' : 'teams', r.from, r.to, String(r.handoffs), r.latencyP50Hours === null ? '—' : `${formatNumber(r.latencyP50Hours)} h`, r.pingPongs === null ? '—' : String(r.pingPongs)]),
      [3, 4, 5],
    )
  : html`<p>No handoffs between systems or teams were found.</p>`}
<h3>System of record</h3>
${containment.systemOfRecord.length
  ? tableOf(
      ['synced field', 'integration writes', 'people writes', 'teams writing by hand', 'dual writer'],
      containment.systemOfRecord.map((f) => [html`<code>${f.field}</code>`, String(f.integration), String(f.people), f.teams.join(', ') || '—', f.dualWriter ? html`<strong>yes</strong>` : 'no']),
      [1, 2],
    )
  : html`<p>No field written by an integration was found.</p>`}
${containment.failureClasses.length
  ? html`<h3>Escalation ownership per failure class</h3>${tableOf(
      ['failure class', 'incidents', 'owner seen', 'share handled'],
      containment.failureClasses.map((c) => [c.class, String(c.incidents), c.owner ? c.owner.team : html`<strong>nobody seen</strong>`, c.owner ? `${Math.round(c.owner.share * 100)}%` : '—']),
      [1, 3],
    )}`
  : html``}
<h3>Target workflow</h3>
${containment.target
  ? html`<p><strong>${containment.target.route}</strong> — ${containment.target.why}.</p><p>Recovery criteria:</p><ul>${containment.target.criteria.map((c) => html`<li>${c.text}</li>`)}</ul>`
  : html`<p>No target: no axis reaches watch or remediation level, or no route has failures.</p>`}
<h3>Monitoring to keep</h3>
<p>The scheduled run (<code>analyze --baseline previous/analysis.json --fail-on watch</code>) checks these:</p>
${tableOf(['signal', 'keep at', 'alert at'], containment.monitoring.map((m) => [html`<code>${m.metric}</code>`, m.keepAt, m.alertAt]))}`;
}

function comparisonSection(analysis: Analysis): SafeHtml {
  const comparison = analysis.comparison!;
  const window = comparison.baseline.window;
  const changed = comparison.measures.filter((m) => m.change !== 0);
  return html`<h2 id="changes">Changes since the baseline</h2>
<p>Baseline window: ${window ? `${window.from} → ${window.to}` : 'none'}. Decision: ${DECISION_LABELS[comparison.decision.before ?? ''] ?? '—'} → ${DECISION_LABELS[comparison.decision.now ?? ''] ?? '—'}${comparison.decision.changed ? ' (changed)' : ' (unchanged)'}.</p>
${tableOf(
  ['axis', 'score before', 'score now', 'change', 'band before', 'band now'],
  comparison.axes.map((a) => [
    a.title,
    a.before?.score == null ? '—' : formatNumber(a.before.score),
    a.now?.score == null ? '—' : formatNumber(a.now.score),
    a.change === null ? '—' : formatChange(a.change, ''),
    a.before ? band(a.before.band) : '—',
    a.now ? html`${band(a.now.band)}${a.bandChanged ? ' (changed)' : ''}` : '—',
  ]),
  [1, 2, 3],
)}
<p>Measures that changed (${changed.length} of ${comparison.measures.length}):</p>
${tableOf(
  ['measure', 'before', 'now', 'change'],
  changed.map((m) => [html`<code>${m.metric}</code>`, m.before === null ? 'not measured' : formatValue(m.before, m.unit), m.now === null ? 'not measured' : formatValue(m.now, m.unit), m.change === null ? '—' : formatChange(m.change, m.unit)]),
  [1, 2, 3],
)}`;
}
