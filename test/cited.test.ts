// The run's cited index: every event a measure or a failure cites, found by id, and nothing else.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalyzers } from '../src/analyzers/run-analyzers.js';
import { analyzeEvents, connectors, loadInputs, type HandoffEvent } from '../src/index.js';
import { SAMPLES } from './support/samples.js';

describe('AnalysisRun.cited', () => {
  it.each(['brightpath-troubled', 'kestrel-borderline', 'northwind-healthy'])('holds exactly the events %s cites', async (company) => {
    const { events } = await loadInputs([join(SAMPLES, company, 'exports')], connectors, { timeZone: 'UTC' });
    const run = analyzeEvents(events)!;
    const wanted = new Set<string>();
    for (const result of run.results) for (const measure of Object.values(result.measures)) if (measure.status === 'ok') for (const id of measure.evidence) wanted.add(id);
    for (const failure of run.evidence.failures) wanted.add(failure.id);
    expect(wanted.size).toBeGreaterThan(10);
    // by a plain index of every event, as the reports would look them up
    const byId = new Map(events.map((event) => [event.id, event]));
    expect([...run.cited.keys()].sort()).toEqual([...wanted].filter((id) => byId.has(id)).sort());
    for (const [id, event] of run.cited) expect(event).toBe(byId.get(id));
  });

  it.each(['brightpath-troubled', 'kestrel-borderline', 'northwind-healthy'])('is filled by the measures themselves on %s: the built-in analyzers cite events, or failures by id, so no event is searched for', async (company) => {
    const { events } = await loadInputs([join(SAMPLES, company, 'exports')], connectors, { timeZone: 'UTC' });
    const run = analyzeEvents(events)!;
    const runs = run.events.filter((e) => e.systemKind === 'integration' && (e.kind === 'sync-succeeded' || e.kind === 'sync-failed'));
    const handed = new Map<string, HandoffEvent>();
    const results = runAnalyzers({ events: run.events, correlation: run.correlation, evidence: run.evidence, window: run.window, weeks: run.weeks, activeWeeks: run.activeWeeks, runs }, {}, undefined, handed);
    const failures = new Set(run.evidence.failures.map((f) => f.id));
    const byText: string[] = [];
    for (const result of results) for (const measure of Object.values(result.measures)) if (measure.status === 'ok') for (const id of measure.evidence) if (!handed.has(id) && !failures.has(id)) byText.push(`${result.id}: ${id}`);
    expect(handed.size).toBeGreaterThan(10);
    expect(byText).toEqual([]);
  });
});
