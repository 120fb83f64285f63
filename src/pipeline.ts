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
  /** in time order, `workflow` filled by correlation */
  events: readonly HandoffEvent[];
  /** the events a measure or a failure cites, by id (look up by id: the order is not meaningful): what the reports can point at */
  cited: ReadonlyMap<string, HandoffEvent>;
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
  // one definition of the weeks handoffs were flowing, shared by every weekly figure and the scope
  const runs = events.filter((e) => e.systemKind === 'integration' && (e.kind === 'sync-succeeded' || e.kind === 'sync-failed'));
  const active = activeWeeks(countPerWeek(runs.map((e) => e.at), weeks));
  const input: AnalysisInput = { events, correlation, evidence, window, weeks, activeWeeks: active, runs };
  // the events the measures cite as events, by id; indexCited adds the rest
  const cited = new Map<string, HandoffEvent>();
  const results = runAnalyzers(input, options.analyzers, undefined, cited);
  return { window, weeks, activeWeeks: active, correlation, evidence, results, events, cited: indexCited(events, results, evidence, cited) };
}

/**
 * Indexes only the events something cites: an index of every event cost more than all the
 * analyzers together on the 5M bench set (a million long ids hashed into one map). The measures
 * hand over most of what they cite as events (`cited`), and a failure holds the event it is named
 * after; the events are searched only for ids cited without their event (an analyzer of a library
 * user's may cite by id alone).
 */
function indexCited(events: readonly HandoffEvent[], results: readonly AnalyzerResult[], evidence: Evidence, cited: Map<string, HandoffEvent>): Map<string, HandoffEvent> {
  const sought = new Set<string>();
  for (const failure of evidence.failures) {
    const own = failure.events.find((event) => event.id === failure.id);
    if (own) cited.set(failure.id, own);
    else sought.add(failure.id);
  }
  for (const result of results) {
    for (const measure of Object.values(result.measures)) if (measure.status === 'ok') for (const id of measure.evidence) if (!cited.has(id)) sought.add(id);
  }
  // the built-in analyzers cite events or failures, so this search is for an analyzer citing other
  // ids as text; it hashes every event's id (half a second at 5M events)
  if (sought.size === 0) return cited;
  for (let position = 0; position < events.length; position++) {
    const event = events[position]!;
    if (sought.has(event.id)) cited.set(event.id, event);
  }
  return cited;
}
