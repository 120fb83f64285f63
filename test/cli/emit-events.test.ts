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
