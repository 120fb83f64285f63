// report.md: the decision, its evidence and the containment path, for people.
import type { AxisScore } from '../scoring/score.js';
import type { Analysis } from './analysis-json.js';
import { codeSpan as code, escapeMarkdown as md } from './escape.js';
import { BAND_LABELS, DECISION_LABELS, formatChange, formatMeasure, formatNumber, formatPosition, formatValue } from './format.js';

/** Rows of a Markdown table; every cell is already escaped. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

const MAX_REJECTS_LISTED = 20;

/** `; Field: from → to` for a cited change, escaped. */
function change(e: { field?: string; from?: string; to?: string }): string {
  if (e.from === undefined && e.to === undefined) return '';
  return `; ${e.field ? `${md(e.field)}: ` : ''}${md(e.from ?? '∅')} → ${md(e.to ?? '∅')}`;
}

/** Handoffs between systems and between teams, as the handoffs analyzer tabled them. */
export function handoffRoutes(analysis: Analysis): { level: 'system' | 'team'; from: string; to: string; handoffs: number; latencyP50Hours: number | null; pingPongs: number | null }[] {
  const tables = analysis.analyzers.find((r) => r.id === 'handoffs')?.tables ?? {};
  const rows = (level: 'system' | 'team', list: Record<string, unknown>[] | undefined) =>
    (list ?? []).map((r) => ({
      level,
      from: String(r.from),
      to: String(r.to),
      handoffs: Number(r.handoffs),
      latencyP50Hours: typeof r.latencyP50Hours === 'number' ? r.latencyP50Hours : null,
      pingPongs: typeof r.pingPongs === 'number' ? r.pingPongs : null,
    }));
  return [...rows('system', tables.systemRoutes), ...rows('team', tables.teamRoutes)];
}

function axisSection(axis: AxisScore, analysis: Analysis): string[] {
  const out = [`### ${md(axis.title)} — ${axis.score === null ? 'not scored' : formatNumber(axis.score)} (${BAND_LABELS[axis.band] ?? axis.band})`, ''];
  if (axis.reason) out.push(`Not scored: ${md(axis.reason)}`, '');
  out.push(`Manage in place when: ${md(axis.guide.manage)}. Sprint when: ${md(axis.guide.sprint)}.`, '');
  if (axis.findings.length) out.push(...axis.findings.map((f) => `- ${md(f)}`), '');
  out.push(
    ...table(
      ['signal', 'value', 'n', 'manage at', 'sprint at', 'signal score', 'weight'],
      axis.signals.map((s) =>
        s.status === 'scored'
          ? [code(s.metric), md(formatValue(s.value, s.unit)) + (s.lowConfidence ? ' (low confidence)' : ''), String(s.n), formatNumber(s.manageAt), formatNumber(s.sprintAt), formatNumber(s.score), formatNumber(s.weight)]
          : [code(s.metric), `not measured: ${md(s.reason)}`, '', formatNumber(s.manageAt), formatNumber(s.sprintAt), '', formatNumber(s.weight)],
      ),
    ),
    '',
    `Coverage: ${formatNumber(axis.coverage * 100)}% of the axis' weight could be measured.`,
    '',
  );
  if (axis.evidence.length) {
    out.push('Cited rows:', '');
    for (const c of axis.evidence) {
      const e = analysis.citations[c.id];
      out.push(`- ${code(formatPosition(c))}${e ? ` — ${md(e.kind)} of ${md(e.record)} in ${md(e.system)} at ${e.at} by ${md(e.actor)}${change(e)}` : ''}`);
    }
    out.push('');
  }
  return out;
}

/** Renders report.md from the analysis document. */
export function renderMarkdown(analysis: Analysis): string {
  const out: string[] = ['# Handoff risk report', ''];
  const { window, correlation, scorecard, inputs } = analysis;
  if (window) out.push(`Window: ${window.from} → ${window.to} (${window.weeks} weeks, ${window.firstWeek} to ${window.lastWeek}). ${correlation?.workflows ?? 0} workflows linked across systems.`, '');
  if (analysis.redacted) out.push('Personal names and e-mail addresses are replaced by pseudonyms (`person-…`).', '');

  if (scorecard) {
    const { recommendation } = scorecard;
    out.push(`## Recommendation: ${DECISION_LABELS[recommendation.decision] ?? recommendation.decision}`, '');
    out.push(...recommendation.reasons.map((r) => `- ${md(r)}`), '');
    if (recommendation.disqualifiers.length) {
      out.push('Disqualifiers:', '', ...recommendation.disqualifiers.map((d) => `- ${code(d.id)}: ${md(d.detail)}`), '');
    } else out.push('Disqualifiers: none found.', '');

    out.push('## Decision matrix', '');
    out.push(
      ...table(
        ['axis', 'score', 'band', 'coverage'],
        scorecard.axes.map((a) => [md(a.title), a.score === null ? '—' : formatNumber(a.score), BAND_LABELS[a.band] ?? a.band, `${formatNumber(a.coverage * 100)}%`]),
      ),
      '',
      `Scores run from 0 (manage-in-place level) to 100 (remediation-sprint level); watch from ${scorecard.bands.watchFrom}, remediation sprint from ${scorecard.bands.sprintFrom}. Scope: ${scorecard.scope.activeWeeks} active weeks, ${scorecard.scope.workflows} workflows.`,
      '',
    );
    for (const axis of scorecard.axes) out.push(...axisSection(axis, analysis));

    const { containment } = scorecard;
    out.push('## Containment path', '', '### High-risk handoff routes', '');
    if (containment.routes.length) {
      out.push(
        ...table(
          ['rank', 'route', 'failures', 'share', 'workflows', 'lead time added', 'detection lag p50', 'detected most often by', 'cited rows'],
          containment.routes.map((r, i) => [
            String(i + 1),
            md(r.route),
            String(r.failures),
            `${formatNumber(r.share * 100)}%`,
            String(r.workflows),
            `${formatNumber(r.addedLeadTimeHours)} h`,
            r.detectionLagP50Hours === null ? '—' : `${formatNumber(r.detectionLagP50Hours)} h`,
            r.owner ? `${md(r.owner.team)} (${formatNumber(r.owner.share * 100)}%)` : 'nobody',
            r.evidence.map((id) => analysis.citations[id]).filter((c) => c !== undefined).map((c) => code(formatPosition(c))).join(', '),
          ]),
        ),
        '',
      );
    } else out.push('No handoff failures: no route to rank.', '');

    const routes = handoffRoutes(analysis);
    out.push('### Handoff routes', '');
    if (routes.length) {
      out.push(
        ...table(
          ['between', 'from', 'to', 'handoffs', 'median wait', 'ping-pongs'],
          routes.map((r) => [r.level === 'system' ? 'systems' : 'teams', md(r.from), md(r.to), String(r.handoffs), r.latencyP50Hours === null ? '—' : `${formatNumber(r.latencyP50Hours)} h`, r.pingPongs === null ? '—' : String(r.pingPongs)]),
        ),
        '',
      );
    } else out.push('No handoffs between systems or teams were found.', '');

    out.push('### System of record', '');
    if (containment.systemOfRecord.length) {
      out.push(
        ...table(
          ['synced field', 'integration writes', 'people writes', 'teams writing by hand', 'dual writer'],
          containment.systemOfRecord.map((f) => [code(f.field), String(f.integration), String(f.people), f.teams.map(md).join(', ') || '—', f.dualWriter ? '**yes**' : 'no']),
        ),
        '',
      );
    } else out.push('No field written by an integration was found.', '');
    if (containment.failureClasses.length) {
      out.push('### Escalation ownership per failure class', '');
      out.push(
        ...table(
          ['failure class', 'incidents', 'owner seen', 'share handled'],
          containment.failureClasses.map((c) => [md(c.class), String(c.incidents), c.owner ? md(c.owner.team) : '**nobody seen**', c.owner ? `${Math.round(c.owner.share * 100)}%` : '—']),
        ),
        '',
      );
    }

    out.push('### Target workflow', '');
    if (containment.target) {
      out.push(`**${md(containment.target.route)}** — ${md(containment.target.why)}.`, '', 'Recovery criteria:', '', ...containment.target.criteria.map((c) => `- ${md(c.text)}`), '');
    } else out.push('No target: no axis reaches watch or remediation level, or no route has failures.', '');

    out.push('### Monitoring to keep', '', 'The scheduled run (`analyze --baseline previous/analysis.json --fail-on watch`) checks these:', '');
    out.push(...table(['signal', 'keep at', 'alert at'], containment.monitoring.map((m) => [code(m.metric), md(m.keepAt), md(m.alertAt)])), '');
  }

  if (analysis.comparison) out.push(...comparisonSection(analysis));

  out.push('## Inputs', '');
  out.push(
    ...table(
      ['file', 'connector', 'rows read', 'accepted', 'rejected', 'events', 'warnings'],
      inputs.files.map((f) => [code(f.file), f.connector ? code(f.connector) : '—', String(f.rowsRead), String(f.rowsAccepted), String(f.rowsRejected), String(f.events), String(f.warnings)]),
    ),
    '',
    `Rows read = accepted + rejected: ${inputs.totals.rowsRead} = ${inputs.totals.rowsAccepted} + ${inputs.totals.rowsRejected}, in ${inputs.totals.files} files.`,
    '',
  );
  if (correlation) {
    out.push(`Records: ${correlation.records}; linked into workflows: ${correlation.linkedRecords}; unlinked: ${correlation.unlinkedRecords}; links to records not in the exports: ${correlation.danglingLinks}.`, '');
    out.push(`Actors: ${actorsLine(correlation.actors)}.`, '');
    if (correlation.unlinked.length) out.push(...table(['system', 'record type', 'unlinked', 'examples'], correlation.unlinked.map((u) => [md(u.system), md(u.type), String(u.count), u.examples.map(code).join(', ')])), '');
  }
  const errors = inputs.issues.filter((i) => i.severity === 'error');
  const warnings = inputs.issues.length - errors.length;
  out.push(`Rejects: ${errors.length}; warnings: ${warnings} (all of them in rejects.csv).`, '');
  if (inputs.issues.length) {
    out.push(
      ...table(
        ['where', 'severity', 'code', 'message'],
        inputs.issues.slice(0, MAX_REJECTS_LISTED).map((i) => [code(formatPosition(i)), i.severity, code(i.code), md(i.message)]),
      ),
      '',
    );
    if (inputs.issues.length > MAX_REJECTS_LISTED) out.push(`… and ${inputs.issues.length - MAX_REJECTS_LISTED} more in rejects.csv.`, '');
  }

  if (analysis.analyzers.length) {
    out.push('## Definitions', '', 'Every number above, how it was computed, and its value in this run.', '');
    for (const result of analysis.analyzers) {
      out.push(`### ${md(result.id)}`, '');
      if (result.status === 'insufficient') out.push(`Not measured: ${md(result.reason ?? '')}`, '');
      out.push(...table(['measure', 'value', 'definition'], Object.entries(result.measures).map(([name, m]) => [code(`${result.id}.${name}`), md(formatMeasure(m)), md(m.definition)])), '');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function comparisonSection(analysis: Analysis): string[] {
  const comparison = analysis.comparison!;
  const out = ['## Changes since the baseline', ''];
  const window = comparison.baseline.window;
  out.push(`Baseline window: ${window ? `${window.from} → ${window.to}` : 'none'}. Decision: ${DECISION_LABELS[comparison.decision.before ?? ''] ?? '—'} → ${DECISION_LABELS[comparison.decision.now ?? ''] ?? '—'}${comparison.decision.changed ? ' (changed)' : ' (unchanged)'}.`, '');
  out.push(
    ...table(
      ['axis', 'score before', 'score now', 'change', 'band before', 'band now'],
      comparison.axes.map((a) => [
        md(a.title),
        a.before?.score == null ? '—' : formatNumber(a.before.score),
        a.now?.score == null ? '—' : formatNumber(a.now.score),
        a.change === null ? '—' : formatChange(a.change, ''),
        BAND_LABELS[a.before?.band ?? ''] ?? '—',
        (BAND_LABELS[a.now?.band ?? ''] ?? '—') + (a.bandChanged ? ' (changed)' : ''),
      ]),
    ),
    '',
  );
  const changed = comparison.measures.filter((m) => m.change !== 0);
  out.push(`Measures that changed (${changed.length} of ${comparison.measures.length}):`, '');
  out.push(
    ...table(
      ['measure', 'before', 'now', 'change'],
      changed.map((m) => [code(m.metric), m.before === null ? 'not measured' : md(formatValue(m.before, m.unit)), m.now === null ? 'not measured' : md(formatValue(m.now, m.unit)), m.change === null ? '—' : md(formatChange(m.change, m.unit === 'share' ? 'share' : m.unit))]),
    ),
    '',
  );
  return out;
}

/** `12,000 events by people, 3,000 by integration accounts, … (800 by actors no export marks, counted as people)` */
export function actorsLine(actors: { human: number; integration: number; system: number; unknown: number }): string {
  const total = actors.human + actors.integration + actors.system + actors.unknown;
  const share = (n: number) => (total ? ` (${Math.round((n / total) * 100)}%)` : '');
  return `${actors.human} events by people${share(actors.human)}, ${actors.integration} by integration accounts${share(actors.integration)}, ${actors.system} by the tools' own rules${share(actors.system)}, ${actors.unknown} by actors no export marks${share(actors.unknown)}, counted as people`;
}
