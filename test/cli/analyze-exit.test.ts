// Scheduled runs: exit codes (0 ok, 1 --fail-on crossed, 2 bad baseline or usage) and the --baseline change section.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/reporters/analysis-json.js';
import { analyzeSample, freshDir } from '../reporters/support.js';
import { run } from './run.js';

const KESTREL = 'kestrel-borderline';

describe('analyze --fail-on', () => {
  let watch: Awaited<ReturnType<typeof analyzeSample>>;
  let remediation: Awaited<ReturnType<typeof analyzeSample>>;
  let troubled: Awaited<ReturnType<typeof analyzeSample>>;
  beforeAll(async () => {
    [watch, remediation, troubled] = await Promise.all([
      analyzeSample(KESTREL, '--fail-on', 'watch', '--quiet'),
      analyzeSample(KESTREL, '--fail-on', 'remediation', '--quiet'),
      analyzeSample('brightpath-troubled', '--fail-on', 'remediation', '--quiet'),
    ]);
  });

  it('exits 1 with --fail-on remediation when an axis is at remediation level', () => {
    const analysis = JSON.parse(troubled.files['analysis.json']!) as Analysis;
    expect(analysis.scorecard!.axes.some((a) => a.band === 'remediation-sprint')).toBe(true);
    expect(troubled.code).toBe(1);
  });

  it('exits 1 when an axis reaches watch, and still writes every output', () => {
    const analysis = JSON.parse(watch.files['analysis.json']!) as Analysis;
    expect(analysis.scorecard!.axes.some((a) => a.band === 'watch')).toBe(true);
    expect(watch.code).toBe(1);
    expect(watch.err).toMatch(/--fail-on watch/);
    expect(Object.keys(watch.files)).toHaveLength(5);
  });

  it('exits 0 with --fail-on remediation when no axis and not the decision is at remediation level', () => {
    const analysis = JSON.parse(remediation.files['analysis.json']!) as Analysis;
    expect(analysis.scorecard!.axes.every((a) => a.band !== 'remediation-sprint')).toBe(true);
    expect(analysis.scorecard!.recommendation.decision).not.toBe('remediation-sprint');
    expect(remediation.code).toBe(0);
  });

  it('exits 2 for a --fail-on level it does not know', async () => {
    const result = await run('analyze', `samples/${KESTREL}/exports`, '--fail-on', 'sometimes', '--out', freshDir());
    expect(result.code).toBe(2);
  });
});

describe('analyze --baseline', () => {
  const bad = freshDir();
  const cases: [string, string | null][] = [
    ['missing', null],
    ['not JSON', '{"schema": "handoff-risk/analysis", '],
    ['another schema', JSON.stringify({ schema: 'other/thing', version: 1, analyzers: [], scorecard: null })],
    ['another version', JSON.stringify({ schema: 'handoff-risk/analysis', version: 99, analyzers: [], scorecard: null })],
  ];
  it.each(cases)('exits 2 and names the file for a baseline that is %s, writing nothing', async (name, text) => {
    const file = join(bad, `${name.replace(/ /g, '-')}.json`);
    if (text !== null) writeFileSync(file, text);
    const out = join(freshDir(), 'out');
    const result = await run('analyze', `samples/${KESTREL}/exports`, '--baseline', file, '--out', out);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--baseline ${file}`);
    expect(() => readFileSync(join(out, 'analysis.json'))).toThrow();
  });

  it('adds the change per axis and per measure to analysis.json, report.md and report.html', async () => {
    const before = await analyzeSample(KESTREL, '--quiet');
    // a stricter threshold raises the failure-frequency score; dropping the ticket export changes measures
    const config = join(freshDir(), 'handoff-risk.json');
    const base = JSON.parse(readFileSync(`samples/${KESTREL}/handoff-risk.json`, 'utf8'));
    base.matrix = { axes: { failureFrequency: { signals: { 'failure-frequency.weeksWithFailuresShare': { sprintAt: 0.5 } } } } };
    writeFileSync(config, JSON.stringify(base));
    const out = freshDir();
    const inputs = ['jira', 'salesforce', 'sync', 'zendesk/incremental_ticket_events.json'].map((p) => `samples/${KESTREL}/exports/${p}`);
    const result = await run('analyze', ...inputs, '--config', config, '--out', out, '--baseline', join(before.dir, 'analysis.json'), '--quiet');
    expect(result.code).toBe(0);

    const then = JSON.parse(before.files['analysis.json']!) as Analysis;
    const now = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
    const comparison = now.comparison!;
    expect(comparison.axes.map((a) => a.id)).toEqual(now.scorecard!.axes.map((a) => a.id));
    const ff = comparison.axes.find((a) => a.id === 'failureFrequency')!;
    const ffBefore = then.scorecard!.axes.find((a) => a.id === 'failureFrequency')!;
    const ffNow = now.scorecard!.axes.find((a) => a.id === 'failureFrequency')!;
    expect(ff.before).toEqual({ score: ffBefore.score, band: ffBefore.band });
    expect(ff.now).toEqual({ score: ffNow.score, band: ffNow.band });
    expect(ff.change).toBeGreaterThan(0);
    expect(ff.change).toBeCloseTo(ffNow.score! - ffBefore.score!, 6);

    const changed = comparison.measures.filter((m) => m.change !== 0 && m.change !== null);
    expect(changed.length).toBeGreaterThan(0);
    for (const m of changed) expect(m.change).toBeCloseTo(m.now! - m.before!, 6);

    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(md).toContain('## Changes since the baseline');
    expect(html).toContain('id="changes"');
    for (const m of changed) {
      expect(md).toContain(`\`${m.metric}\``);
      expect(html).toContain(`<code>${m.metric}</code>`);
    }
    expect(md).toMatch(new RegExp(`\\| Failure frequency \\| ${ffBefore.score} \\| ${ffNow.score} \\| \\+`));
  });

  it('compares a run with itself as no change at all', async () => {
    const first = await analyzeSample(KESTREL, '--quiet');
    const second = await analyzeSample(KESTREL, '--quiet', '--baseline', join(first.dir, 'analysis.json'));
    const comparison = (JSON.parse(second.files['analysis.json']!) as Analysis).comparison!;
    expect(comparison.decision.changed).toBe(false);
    expect(comparison.axes.every((a) => (a.change === 0 || a.change === null) && !a.bandChanged)).toBe(true);
    expect(comparison.measures.every((m) => m.change === 0 || m.change === null)).toBe(true);
  });
});
