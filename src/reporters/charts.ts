// Inline SVG charts for report.html, written by hand: every data value goes through `html`, which
// escapes it. Each chart is an <svg class="chart" data-chart=… data-marks=…>; its marks carry class "mark".
import { html, SafeHtml } from './escape.js';
import { formatNumber } from './format.js';

const W = 720;
const FONT_ATTRS = new SafeHtml('font-family="system-ui, sans-serif" font-size="11"');
const INK = '#1f2933';
const MUTED = '#7b8794';
const BAND_COLORS: Record<string, string> = { 'manage-in-place': '#3f9142', watch: '#d69e2e', 'remediation-sprint': '#c53030', 'not-scored': '#9aa5b1' };

const r1 = (v: number) => Math.round(v * 10) / 10;

/** A frame with a title for screen readers; `marks` is the number of data marks drawn. */
function frame(id: string, title: string, height: number, marks: number, body: SafeHtml | SafeHtml[]): SafeHtml {
  return html`<svg class="chart" data-chart="${id}" data-marks="${marks}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${title}</title><g ${FONT_ATTRS} fill="${INK}">${body}</g></svg>`;
}

function empty(id: string, title: string, why: string): SafeHtml {
  return frame(id, title, 60, 0, html`<text x="10" y="34" fill="${MUTED}">${why}</text>`);
}

/** Nice round tick step for a maximum. */
function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; out.length === 0 || out.at(-1)! < max; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** Weekly handoff failures (bars, left axis) against volume (line, right axis). */
export function weeklyFailuresChart(points: readonly { week: string; failures: number; volume: number | null }[], volumeLabel: string): SafeHtml {
  const id = 'weekly-failures';
  const title = `Handoff failures per week against ${volumeLabel}`;
  if (!points.length) return empty(id, title, 'no weekly series: failures were not measured');
  const H = 260;
  const [left, right, top, bottom] = [44, 52, 34, 42];
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const fTicks = ticks(Math.max(1, ...points.map((p) => p.failures)));
  const fMax = fTicks.at(-1)!;
  const volumes = points.map((p) => p.volume).filter((v): v is number => v !== null);
  const vTicks = ticks(Math.max(1, ...volumes));
  const vMax = vTicks.at(-1)!;
  const step = plotW / points.length;
  const x = (i: number) => left + i * step;
  const yF = (v: number) => top + plotH - (v / fMax) * plotH;
  const yV = (v: number) => top + plotH - (v / vMax) * plotH;
  const bars = points.map((p, i) => html`<rect class="mark bar" x="${r1(x(i) + step * 0.15)}" y="${r1(yF(p.failures))}" width="${r1(step * 0.7)}" height="${r1(Math.max(0, plotH - (yF(p.failures) - top)))}" fill="#c53030"><title>${p.week}: ${p.failures} failures${p.volume === null ? '' : `, ${p.volume} ${volumeLabel}`}</title></rect>`);
  const line = points
    .map((p, i) => (p.volume === null ? null : `${r1(x(i) + step / 2)},${r1(yV(p.volume))}`))
    .filter((s) => s !== null)
    .join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return frame(id, title, H, points.length + (line ? 1 : 0), [
    html`<text x="${left}" y="14" font-weight="600">${title}</text>`,
    ...fTicks.map((t) => html`<line x1="${left}" x2="${W - right}" y1="${r1(yF(t))}" y2="${r1(yF(t))}" stroke="#e4e7eb"/><text x="${left - 6}" y="${r1(yF(t) + 4)}" text-anchor="end">${formatNumber(t)}</text>`),
    ...vTicks.map((t) => html`<text x="${W - right + 6}" y="${r1(yV(t) + 4)}" fill="#2b6cb0">${formatNumber(t)}</text>`),
    ...bars,
    line ? html`<polyline class="mark line" points="${line}" fill="none" stroke="#2b6cb0" stroke-width="2"/>` : html``,
    ...points.map((p, i) => (i % labelEvery === 0 ? html`<text x="${r1(x(i) + step / 2)}" y="${H - bottom + 16}" text-anchor="middle" fill="${MUTED}">${p.week}</text>` : html``)),
    html`<text x="${left}" y="${H - 6}" fill="#c53030">■ failures (left)</text><text x="${left + 120}" y="${H - 6}" fill="#2b6cb0">— ${volumeLabel} (right)</text>`,
  ]);
}

/** Detection lag: failures per lag bucket. */
export function detectionLagChart(buckets: readonly { bucket: string; failures: number }[]): SafeHtml {
  const id = 'detection-lag';
  const title = 'Detection lag: time from failure to the first action that fixes it';
  if (!buckets.length) return empty(id, title, 'no detected failures: detection lag was not measured');
  const H = 230;
  const [left, right, top, bottom] = [44, 16, 34, 40];
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const t = ticks(Math.max(1, ...buckets.map((b) => b.failures)));
  const max = t.at(-1)!;
  const step = plotW / buckets.length;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  return frame(id, title, H, buckets.length, [
    html`<text x="${left}" y="14" font-weight="600">${title}</text>`,
    ...t.map((v) => html`<line x1="${left}" x2="${W - right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#e4e7eb"/><text x="${left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${formatNumber(v)}</text>`),
    ...buckets.map(
      (b, i) =>
        html`<rect class="mark bar" x="${r1(left + i * step + step * 0.1)}" y="${r1(y(b.failures))}" width="${r1(step * 0.8)}" height="${r1(top + plotH - y(b.failures))}" fill="#805ad5"><title>${b.bucket}: ${b.failures} failures</title></rect><text x="${r1(left + i * step + step / 2)}" y="${H - bottom + 16}" text-anchor="middle" fill="${MUTED}">${b.bucket}</text>`,
    ),
    html`<text x="${left}" y="${H - 6}" fill="${MUTED}">failures per bucket</text>`,
  ]);
}

function quantileOf(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Lead time of workflows with vs without a handoff failure: box (p25–p75), whiskers (p10–p90), median, and every workflow as a dot. */
export function leadTimeChart(groups: readonly { label: string; hours: readonly number[] }[]): SafeHtml {
  const id = 'lead-time';
  const title = 'Workflow lead time with vs without handoff failures (hours)';
  const present = groups.filter((g) => g.hours.length > 0);
  if (!present.length) return empty(id, title, 'no workflow lead times were measured');
  const rowH = 70;
  const [left, right, top, bottom] = [170, 20, 30, 36];
  const H = top + rowH * groups.length + bottom;
  const all = present.flatMap((g) => [...g.hours]);
  const t = ticks(Math.max(1, quantileOf([...all].sort((a, b) => a - b), 0.99)), 6);
  const max = t.at(-1)!;
  const plotW = W - left - right;
  const x = (v: number) => left + (Math.min(v, max) / max) * plotW;
  const rows = groups.map((g, i) => {
    const cy = top + rowH * i + rowH / 2;
    if (!g.hours.length) return html`<text x="${left - 10}" y="${cy + 4}" text-anchor="end">${g.label}</text><text x="${left}" y="${cy + 4}" fill="${MUTED}">no workflows</text>`;
    const s = [...g.hours].sort((a, b) => a - b);
    const [p10, p25, p50, p75, p90] = [0.1, 0.25, 0.5, 0.75, 0.9].map((q) => quantileOf(s, q)) as [number, number, number, number, number];
    // dots spread over the row by rank, so the picture never depends on a random jitter
    const dots = s.map((v, k) => html`<circle cx="${r1(x(v))}" cy="${r1(cy - 22 + ((k * 7) % 44))}" r="1.6" fill="${i === 0 ? '#c53030' : '#2b6cb0'}" fill-opacity="0.35"/>`);
    return html`<text x="${left - 10}" y="${cy - 2}" text-anchor="end">${g.label}</text><text x="${left - 10}" y="${cy + 12}" text-anchor="end" fill="${MUTED}">n=${s.length}, median ${formatNumber(Math.round(p50 * 10) / 10)} h</text>${dots}<line x1="${r1(x(p10))}" x2="${r1(x(p90))}" y1="${cy}" y2="${cy}" stroke="${INK}"/><rect class="mark box" x="${r1(x(p25))}" y="${cy - 14}" width="${r1(Math.max(1, x(p75) - x(p25)))}" height="28" fill="none" stroke="${INK}" stroke-width="1.5"><title>${g.label}: p10 ${formatNumber(p10)} h, p25 ${formatNumber(p25)} h, median ${formatNumber(p50)} h, p75 ${formatNumber(p75)} h, p90 ${formatNumber(p90)} h</title></rect><line x1="${r1(x(p50))}" x2="${r1(x(p50))}" y1="${cy - 14}" y2="${cy + 14}" stroke="${INK}" stroke-width="3"/>`;
  });
  return frame(id, title, H, present.length, [
    html`<text x="10" y="14" font-weight="600">${title}</text>`,
    ...t.map((v) => html`<line x1="${r1(x(v))}" x2="${r1(x(v))}" y1="${top}" y2="${H - bottom}" stroke="#e4e7eb"/><text x="${r1(x(v))}" y="${H - bottom + 14}" text-anchor="middle" fill="${MUTED}">${formatNumber(v)}</text>`),
    ...rows,
    html`<text x="${left}" y="${H - 6}" fill="${MUTED}">box p25–p75, whiskers p10–p90, thick line median; longer lead times are drawn at the right edge</text>`,
  ]);
}

export interface RouteEdge {
  from: string;
  to: string;
  handoffs: number;
  latencyP50Hours: number | null;
}

/** The handoff route map: systems (or teams) as nodes, handoffs as arrows, width by volume; failing flows ranked beside it. */
export function routeMapChart(edges: readonly RouteEdge[], failingRoutes: readonly { route: string; failures: number; addedLeadTimeHours: number }[]): SafeHtml {
  const id = 'route-map';
  const title = 'Handoff route map';
  if (!edges.length) return empty(id, title, 'no handoffs between systems or teams were found');
  // nodes in order of first appearance along the routes, sources first
  const nodes: string[] = [];
  for (const e of [...edges].sort((a, b) => b.handoffs - a.handoffs || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))) {
    if (!nodes.includes(e.from)) nodes.push(e.from);
    if (!nodes.includes(e.to)) nodes.push(e.to);
  }
  const mapW = W - 20;
  const mapH = 170;
  const H = mapH + (failingRoutes.length ? 40 + 24 * failingRoutes.length : 0);
  const cy = 105;
  const nx = (i: number) => 60 + (nodes.length === 1 ? 0 : (i * (mapW - 120)) / (nodes.length - 1));
  const maxHandoffs = Math.max(...edges.map((e) => e.handoffs));
  const edgeMarks = edges.map((e) => {
    const a = nodes.indexOf(e.from);
    const b = nodes.indexOf(e.to);
    const [x1, x2] = [nx(a), nx(b)];
    // forward routes arc above the nodes, backward routes below, so A→B and B→A never overlap
    const bend = (x2 > x1 ? -1 : 1) * (24 + Math.abs(b - a) * 18);
    const mx = (x1 + x2) / 2;
    const width = 1 + 7 * (e.handoffs / maxHandoffs);
    const label = `${e.handoffs}${e.latencyP50Hours === null ? '' : ` · p50 ${formatNumber(e.latencyP50Hours)} h`}`;
    return html`<path class="mark edge" d="M ${r1(x1)} ${r1(cy + Math.sign(bend) * 14)} Q ${r1(mx)} ${r1(cy + bend * 2)} ${r1(x2)} ${r1(cy + Math.sign(bend) * 14)}" fill="none" stroke="#4a5568" stroke-opacity="0.7" stroke-width="${r1(width)}" marker-end="url(#route-arrow)"><title>${e.from} → ${e.to}: ${e.handoffs} handoffs${e.latencyP50Hours === null ? '' : `, median wait ${formatNumber(e.latencyP50Hours)} h`}</title></path><text x="${r1(mx)}" y="${r1(cy + bend + Math.sign(bend) * 7 + (bend < 0 ? -8 : 14))}" text-anchor="middle" fill="${MUTED}">${label}</text>`;
  });
  const nodeMarks = nodes.map((n, i) => html`<circle class="node" cx="${r1(nx(i))}" cy="${r1(cy)}" r="13" fill="#edf2f7" stroke="${INK}"/><text x="${r1(nx(i))}" y="${r1(cy + 30)}" text-anchor="middle" font-weight="600">${n}</text>`);
  const maxFail = Math.max(1, ...failingRoutes.map((r) => r.failures));
  const barX = 380;
  const barW = W - barX - 150;
  const rowY = (i: number) => mapH + 40 + i * 24;
  const failing = failingRoutes.map(
    (r, i) =>
      html`<text x="${barX - 8}" y="${rowY(i) + 11}" text-anchor="end">${r.route.length > 60 ? `${r.route.slice(0, 59)}…` : r.route}</text><rect class="mark bar" x="${barX}" y="${rowY(i)}" width="${r1(Math.max(1, (r.failures / maxFail) * barW))}" height="14" fill="#c53030"><title>${r.route}: ${r.failures} failures, ${formatNumber(r.addedLeadTimeHours)} h of lead time added</title></rect><text x="${r1(barX + (r.failures / maxFail) * barW + 6)}" y="${rowY(i) + 11}">${r.failures} failures · +${formatNumber(r.addedLeadTimeHours)} h</text>`,
  );
  return frame(id, title, H, edges.length + failingRoutes.length, [
    html`<defs><marker id="route-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#4a5568"/></marker></defs>`,
    html`<text x="10" y="14" font-weight="600">Handoffs between systems (arrow width: handoffs; label: count · median wait)</text>`,
    ...edgeMarks,
    ...nodeMarks,
    failingRoutes.length ? html`<text x="10" y="${mapH + 20}" font-weight="600">Failing flows, ranked by the lead time their failures added</text>` : html``,
    ...failing,
  ]);
}

/** The five axis scores against the band thresholds. */
export function axisScoresChart(axes: readonly { title: string; score: number | null; band: string }[], bands: { watchFrom: number; sprintFrom: number }): SafeHtml {
  const id = 'axis-scores';
  const title = 'Risk score per axis (0 manage in place — 100 remediation sprint)';
  if (!axes.length) return empty(id, title, 'no axis was scored');
  const [left, right, top] = [190, 60, 30];
  const rowH = 30;
  const H = top + rowH * axes.length + 30;
  const plotW = W - left - right;
  const x = (v: number) => left + (v / 100) * plotW;
  const scored = axes.filter((a) => a.score !== null);
  return frame(id, title, H, scored.length, [
    html`<text x="10" y="14" font-weight="600">${title}</text>`,
    html`<rect x="${left}" y="${top}" width="${r1(x(bands.watchFrom) - left)}" height="${rowH * axes.length}" fill="#f0fff4"/><rect x="${r1(x(bands.watchFrom))}" y="${top}" width="${r1(x(bands.sprintFrom) - x(bands.watchFrom))}" height="${rowH * axes.length}" fill="#fffaf0"/><rect x="${r1(x(bands.sprintFrom))}" y="${top}" width="${r1(x(100) - x(bands.sprintFrom))}" height="${rowH * axes.length}" fill="#fff5f5"/>`,
    ...axes.map((a, i) => {
      const y = top + i * rowH;
      const label = html`<text x="${left - 8}" y="${y + 19}" text-anchor="end">${a.title}</text>`;
      if (a.score === null) return html`${label}<text x="${left + 6}" y="${y + 19}" fill="${MUTED}">not scored</text>`;
      return html`${label}<rect class="mark bar" x="${left}" y="${y + 7}" width="${r1(Math.max(1, x(a.score) - left))}" height="16" fill="${BAND_COLORS[a.band] ?? MUTED}"><title>${a.title}: ${formatNumber(a.score)} (${a.band})</title></rect><text x="${r1(x(a.score) + 6)}" y="${y + 19}">${formatNumber(a.score)}</text>`;
    }),
    ...[0, bands.watchFrom, bands.sprintFrom, 100].map((v) => html`<text x="${r1(x(v))}" y="${H - 12}" text-anchor="middle" fill="${MUTED}">${v}</text>`),
  ]);
}
