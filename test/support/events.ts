// Builds small event lists for analyzer tables.
import type { HandoffEvent } from '../../src/model/index.js';
import { analyzeEvents, type AnalysisOptions, type AnalysisRun } from '../../src/pipeline.js';

let sequence = 0;

type Shorthand = Partial<Omit<HandoffEvent, 'record' | 'actor'>> & {
  at: string;
  record: string;
  actor?: string;
  actorType?: HandoffEvent['actor']['type'];
  links?: HandoffEvent['links'];
};

const KIND_OF_SYSTEM: Record<string, HandoffEvent['systemKind']> = { crm: 'crm', desk: 'support', tracker: 'delivery', ipaas: 'integration', log: 'other' };

/** `ev({ at: '2026-01-05 09:00', system: 'desk', record: 'T1', kind: 'created' })` */
export function ev(short: Shorthand): HandoffEvent {
  const system = short.system ?? 'desk';
  const at = short.at.length === 16 ? `${short.at.replace(' ', 'T')}:00.000Z` : short.at;
  sequence++;
  const { record, actor, actorType, ...rest } = short;
  return {
    kind: 'activity',
    systemKind: KIND_OF_SYSTEM[system] ?? 'other',
    ...rest,
    system,
    at,
    id: short.id ?? `t.csv:${sequence}#0`,
    record: { type: system === 'ipaas' ? 'run' : 'record', id: record },
    actor: { id: actor ?? 'someone', type: actorType ?? (system === 'ipaas' ? 'integration' : 'human') },
    source: { connector: 'test', file: 't.csv', line: sequence },
  } as HandoffEvent;
}

/** Sorts like the loader and runs the pipeline. */
export function analyse(events: HandoffEvent[], options: AnalysisOptions = {}): AnalysisRun {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.source.line - b.source.line));
  return analyzeEvents(sorted, options)!;
}

export function resultOf(run: AnalysisRun, id: string) {
  const result = run.results.find((r) => r.id === id);
  if (!result) throw new Error(`no analyzer ${id}`);
  return result;
}

/** The value of a measure, or its status when it was not measured. */
export function valueOf(run: AnalysisRun, id: string, measure: string): number | 'insufficient' | 'absent' {
  const m = resultOf(run, id).measures[measure];
  if (!m) return 'absent';
  return m.status === 'ok' ? m.value : 'insufficient';
}
