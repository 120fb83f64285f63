import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEventsNdjson } from '../../src/cli/emit-events.js';
import { HandoffEvent } from '../../src/model/index.js';
import { ev } from '../support/events.js';

describe('writeEventsNdjson', () => {
  it('writes one valid HandoffEvent per line, in order, and counts them', async () => {
    const events = Array.from({ length: 3000 }, (_, i) => ev({ at: `2026-03-02T09:${String(i % 60).padStart(2, '0')}:00.000Z`, record: `T${i}`, kind: 'created', detail: 'x'.repeat(50) }));
    const path = join(mkdtempSync(join(tmpdir(), 'handoff-risk-emit-')), 'events.ndjson');
    expect(await writeEventsNdjson(path, events)).toBe(3000);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3000);
    const parsed = lines.map((line) => HandoffEvent.parse(JSON.parse(line)));
    expect(parsed.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });
});

describe('analyze --emit-events', () => {
  it('writes every accepted event with its workflow, and redacts it with --redact', async () => {
    const { run } = await import('./run.js');
    const { SAMPLES } = await import('../support/samples.js');
    const dir = mkdtempSync(join(tmpdir(), 'handoff-risk-emit-'));
    const company = join(SAMPLES, 'kestrel-borderline');
    const plain = join(dir, 'plain.ndjson');
    const result = await run('analyze', join(company, 'exports'), '--config', join(company, 'handoff-risk.json'), '--out', join(dir, 'out'), '--quiet', '--emit-events', plain);
    expect(result.code).toBe(0);
    const analysis = JSON.parse(readFileSync(join(dir, 'out', 'analysis.json'), 'utf8'));
    const lines = readFileSync(plain, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(analysis.inputs.totals.events);
    expect(lines.filter((e) => e.workflow).length).toBeGreaterThan(lines.length / 2);

    const redacted = join(dir, 'redacted.ndjson');
    await run('analyze', join(company, 'exports'), '--config', join(company, 'handoff-risk.json'), '--out', join(dir, 'out2'), '--quiet', '--redact', '--emit-events', redacted);
    const text = readFileSync(redacted, 'utf8');
    const roster = JSON.parse(readFileSync(join(company, 'truth.json'), 'utf8')).roster.filter((p: { integration: boolean }) => !p.integration);
    expect(readFileSync(plain, 'utf8')).toContain(roster[0].name.split(' ')[0]);
    for (const person of roster) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.email);
    }
  });
});
