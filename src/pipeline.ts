// The whole pipeline as one library call: events → correlation → evidence → analyzers.
import type { AnalysisInput, AnalyzerResult } from './analyzers/define-analyzer.js';
import { runAnalyzers, type AnalyzerOptions } from './analyzers/run-analyzers.js';
import { countPerWeek } from './analyzers/collect.js';
import { activeWeeks, weeksBetween } from './analyzers/weeks.js';
import { deriveEvidence, type Evidence } from './correlate/evidence.js';
import type { StageRules } from './correlate/stages.js';
import { nameTeams } from './correlate/teams.js';
import { correlate, type Correlation } from './correlate/workflows.js';
import type { HandoffEvent } from './model/index.js';

export interface AnalysisOptions {
  stages?: StageRules;
  /** actor id or name → team */
  teams?: Record<string, string>;
  /** group value as an export writes it (id, queue, name) → team */
  groups?: Record<string, string>;
  analyzers?: AnalyzerOptions;
}

export interface AnalysisRun {
  window: { from: string; to: string };
  weeks: string[];
  activeWeeks: ReadonlySet<string>;
  correlation: Correlation;
  evidence: Evidence;
  results: AnalyzerResult[];
  byId: Map<string, HandoffEvent>;
}

/**
 * Analyses events already in time order (as `loadInputs` returns them). The window runs from the
 * first to the last event: there is no clock, so the same inputs always give the same result.
 */
export function analyzeEvents(events: HandoffEvent[], options: AnalysisOptions = {}): AnalysisRun | undefined {
  if (events.length === 0) return undefined;
  const window = { from: events[0]!.at, to: events[events.length - 1]!.at };
  if (options.groups) nameTeams(events, options.groups);
  const correlation = correlate(events);
  const evidence = deriveEvidence(events, correlation, { windowEnd: window.to, ...(options.stages ? { stages: options.stages } : {}), ...(options.teams ? { teams: options.teams } : {}) });
  const weeks = weeksBetween(window.from, window.to);
  const byId = new Map<string, HandoffEvent>();
  for (const event of events) byId.set(event.id, event);
  // one definition of the weeks handoffs were flowing, shared by every weekly figure and the scope
  const runs = events.filter((e) => e.systemKind === 'integration' && (e.kind === 'sync-succeeded' || e.kind === 'sync-failed'));
  const active = activeWeeks(countPerWeek(runs.map((e) => e.at), weeks));
  const input: AnalysisInput = { events, byId, correlation, evidence, window, weeks, activeWeeks: active };
  return { window, weeks, activeWeeks: active, correlation, evidence, results: runAnalyzers(input, options.analyzers), byId };
}
