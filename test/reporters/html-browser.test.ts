// report.html in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): no console
// errors, no network, every chart drawn; and input carrying <script> and =HYPERLINK(...) comes out inert.
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { analyzeSample, freshDir, readOutputs } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = 'test/artifacts';
const CHARTS = ['axis-scores', 'weekly-failures', 'detection-lag', 'lead-time', 'route-map'];

const SCRIPT_ACTOR = '<script>alert(1)</script>';
const SCRIPT_VALUE = '<script>alert(2)</script>';
const SCRIPT_GROUP = '<script>alert(3)</script>';
const FORMULA = '=HYPERLINK("http://x","y")';
const quoteCsv = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A copy of kestrel-borderline's exports whose actor names, field values, a group and one bad cell carry markup and formulas. */
function injectedExports(): string {
  const dir = join(freshDir('handoff-risk-inject-'), 'exports');
  cpSync('samples/kestrel-borderline/exports', dir, { recursive: true });
  const history = join(dir, 'salesforce/OpportunityFieldHistory.csv');
  const lines = readFileSync(history, 'utf8').split('\n');
  const header = lines[0]!.replace(/\r$/, '').split('","');
  const [oldAt, newAt, nameAt] = ['"OldValue"', '"NewValue"', '"CreatedBy.Name"'].map((h) => header.map((c) => `"${c.replace(/^"|"$/g, '')}"`).indexOf(h));
  let touched = 0;
  const out = lines.map((line) => {
    const cells = line.replace(/\r$/, '').split('","');
    // the Sales Ops editors whose hand edits the reconciliation axis cites
    if (!/^(Quinn Tanaka|Farid Patel)$/.test(cells[nameAt!] ?? '')) return line;
    touched++;
    const person = cells[nameAt!];
    cells[nameAt!] = person === 'Quinn Tanaka' ? SCRIPT_ACTOR : FORMULA.replace(/"/g, '""');
    if (person === 'Quinn Tanaka') {
      cells[oldAt!] = SCRIPT_VALUE;
      cells[newAt!] = FORMULA.replace(/"/g, '""');
    }
    return cells.join('","') + (line.endsWith('\r') ? '\r' : '');
  });
  expect(touched, 'rows rewritten in OpportunityFieldHistory.csv').toBeGreaterThan(5);
  writeFileSync(history, out.join('\n'));
  const tickets = join(dir, 'zendesk/export-tickets.csv');
  const ticketText = readFileSync(tickets, 'utf8');
  writeFileSync(tickets, ticketText.replace(/,Onboarding,Onboarding:/g, `,${quoteCsv(SCRIPT_GROUP)},Onboarding:`));
  expect(readFileSync(tickets, 'utf8')).not.toBe(ticketText);
  const sync = join(dir, 'sync/sync-log.csv');
  writeFileSync(sync, `${readFileSync(sync, 'utf8')}sync-9999999,deal-to-ticket,success,${quoteCsv(FORMULA)},,salesforce,006Dn0000008OI4IAM,zendesk,4100,1,,scheduler,\n`);
  return dir;
}

async function openReport(browser: Browser, file: string, screenshot?: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(`${m.type()}: ${m.text()}`) : undefined));
  page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => void (r.url().startsWith('file:') ? undefined : requests.push(r.url())));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
  const charts = await page.$$eval('svg.chart', (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      const marks = [...svg.querySelectorAll('.mark')].map((m) => (m as unknown as { getBBox(): { width: number; height: number } }).getBBox());
      return { id: svg.getAttribute('data-chart'), width: box.width, height: box.height, declared: Number(svg.getAttribute('data-marks')), marks: marks.length, drawn: marks.filter((b) => b.width > 0 || b.height > 0).length };
    }),
  );
  const scripts = (await page.evaluate('document.scripts.length')) as number;
  const text = (await page.evaluate('document.body.innerText')) as string;
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { problems, requests, dialogs, charts, scripts, text };
}

describe('report.html in Chromium', () => {
  let browser: Browser;
  let plain: Awaited<ReturnType<typeof analyzeSample>>;
  let injected: { code: number; files: Record<string, string>; dir: string };

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`).toBe(true);
    const exportsDir = injectedExports();
    const out = freshDir();
    const [a, b] = await Promise.all([analyzeSample('kestrel-borderline', '--quiet'), run('analyze', exportsDir, '--config', 'samples/kestrel-borderline/handoff-risk.json', '--out', out, '--quiet')]);
    plain = a;
    injected = { code: b.code, files: readOutputs(out), dir: out };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart with its marks, logs no error, fetches nothing, and leaves a screenshot', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'report-kestrel-borderline.png');
    const page = await openReport(browser, join(plain.dir, 'report.html'), shot);
    expect(page.problems).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.scripts).toBe(0);
    expect(page.charts.map((c) => c.id)).toEqual(CHARTS);
    for (const chart of page.charts) {
      expect(chart.width, `${chart.id} width`).toBeGreaterThan(0);
      expect(chart.height, `${chart.id} height`).toBeGreaterThan(0);
      expect(chart.marks, `${chart.id} marks`).toBeGreaterThan(0);
      expect(chart.marks, `${chart.id} marks as declared`).toBe(chart.declared);
      expect(chart.drawn, `${chart.id} marks with a size`).toBeGreaterThan(0);
    }
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('shows injected markup as text: escaped in the file, no script element, no dialog', async () => {
    expect(injected.code).toBe(0);
    const html = injected.files['report.html']!;
    expect(html).not.toMatch(/<script/i);
    for (const payload of [SCRIPT_ACTOR, SCRIPT_VALUE, SCRIPT_GROUP]) expect(html, `${payload} reaches the report, escaped`).toContain(payload.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    const page = await openReport(browser, join(injected.dir, 'report.html'), join(ARTIFACTS, 'report-injected.png'));
    expect(page.dialogs).toEqual([]);
    expect(page.scripts).toBe(0);
    expect(page.problems).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.text).toContain(SCRIPT_ACTOR);
    expect(page.text).toContain(FORMULA);
  });

  it('keeps injected markup from breaking report.md', () => {
    const md = injected.files['report.md']!;
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).not.toMatch(/(?<!\\)<script/);
  });

  it('neutralises formula cells in evidence.csv and rejects.csv', () => {
    const evidence = parse(injected.files['evidence.csv']!, { columns: true }) as Record<string, string>[];
    const rejects = parse(injected.files['rejects.csv']!, { columns: true }) as Record<string, string>[];
    expect(evidence.some((r) => r.actor === `'${FORMULA}`)).toBe(true);
    expect(evidence.some((r) => r.to === `'${FORMULA}`)).toBe(true);
    expect(evidence.some((r) => r.actor === SCRIPT_ACTOR && r.from === SCRIPT_VALUE)).toBe(true);
    expect(rejects.some((r) => r.code === 'row/invalid-date' && r.message!.includes(FORMULA))).toBe(true);
    for (const cell of [...evidence, ...rejects].flatMap((r) => Object.values(r))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
