// --redact: no roster name or e-mail address in any output or in the printed summary; pseudonyms stable across runs.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/reporters/analysis-json.js';
import { pseudonym } from '../../src/reporters/redact.js';
import { OUTPUTS, analyzeSample } from '../reporters/support.js';

const COMPANY = 'kestrel-borderline';
const roster = (JSON.parse(readFileSync(`samples/${COMPANY}/truth.json`, 'utf8')).roster as { name: string; email: string; integration: boolean }[]).filter((p) => !p.integration);

describe('analyze --redact', () => {
  let first: Awaited<ReturnType<typeof analyzeSample>>;
  let second: Awaited<ReturnType<typeof analyzeSample>>;
  beforeAll(async () => {
    [first, second] = await Promise.all([analyzeSample(COMPANY, '--redact'), analyzeSample(COMPANY, '--redact')]);
  });

  it('has people to redact: the unredacted golden names roster members', () => {
    const plain = readFileSync('test/fixtures/reports/kestrel-borderline/analysis.json', 'utf8');
    expect(roster.filter((p) => plain.includes(p.name) || plain.includes(p.email)).length).toBeGreaterThan(3);
  });

  it('leaves no roster name or e-mail address in any output or in the summary', () => {
    expect(first.code).toBe(0);
    const texts = { ...first.files, stdout: first.out, stderr: first.err };
    expect(Object.keys(first.files)).toEqual([...OUTPUTS]);
    for (const [name, text] of Object.entries(texts)) {
      const lower = text.toLowerCase();
      for (const person of roster) {
        expect(lower.includes(person.name.toLowerCase()), `${person.name} in ${name}`).toBe(false);
        expect(lower.includes(person.email.toLowerCase()), `${person.email} in ${name}`).toBe(false);
      }
      expect(text, `an e-mail address in ${name}`).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
  });

  it('replaces people with their stable pseudonyms and says the outputs are redacted', () => {
    const analysis = JSON.parse(first.files['analysis.json']!) as Analysis;
    expect(analysis.redacted).toBe(true);
    const actors = new Set(Object.values(analysis.citations).filter((c) => c.actorType === 'human').map((c) => c.actor));
    const expected = new Set(roster.flatMap((p) => [pseudonym(p.name), pseudonym(p.email)]));
    expect([...actors].filter((a) => expected.has(a)).length).toBeGreaterThan(3);
    expect(first.files['report.md']).toMatch(/person-[0-9a-f]{6}/);
  });

  it('gives byte-identical redacted outputs on a second run', () => {
    for (const name of OUTPUTS) expect(second.files[name], name).toBe(first.files[name]);
    expect(second.out.replaceAll(second.dir, 'OUT')).toBe(first.out.replaceAll(first.dir, 'OUT'));
  });

  it('keeps team and system names', () => {
    expect(first.files['report.md']).toContain('Onboarding');
    expect(first.files['report.md']).toContain('salesforce');
  });
});
