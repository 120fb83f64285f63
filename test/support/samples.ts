// Runs the real pipeline on a bundled sample company, with its own config, once per test file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectors } from '../../connectors/index.js';
import { Config } from '../../src/config/config.js';
import { loadInputs } from '../../src/ingest/load.js';
import { analyzeEvents, type AnalysisRun } from '../../src/pipeline.js';
import { resolveMatrix } from '../../src/scoring/matrix.js';
import { buildScorecard, type Scorecard } from '../../src/scoring/scorecard.js';

export const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
export const COMPANIES = ['northwind-healthy', 'kestrel-borderline', 'brightpath-troubled'] as const;
export type Company = (typeof COMPANIES)[number];

export interface SampleRun {
  truth: any;
  run: AnalysisRun;
  scorecard: Scorecard;
}

const cache = new Map<Company, Promise<SampleRun>>();

/** Loads, analyses and scores one sample company exactly as `analyze --config` does. */
export function analyseSample(company: Company): Promise<SampleRun> {
  let pending = cache.get(company);
  if (!pending) {
    pending = (async () => {
      const dir = join(SAMPLES, company);
      const config = Config.parse(JSON.parse(readFileSync(join(dir, 'handoff-risk.json'), 'utf8')));
      const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
      const loaded = await loadInputs([join(dir, 'exports')], connectors, {
        integrationActors: config.integrationActors ?? [],
        connectorSettings: config.connectors ?? {},
      });
      const run = analyzeEvents(loaded.events, { teams: config.teams ?? {}, groups: config.groups ?? {} })!;
      return { truth, run, scorecard: buildScorecard(run, resolveMatrix(config.matrix)) };
    })();
    cache.set(company, pending);
  }
  return pending;
}

/** The ISO week starts (`YYYY-MM-DD`) of the truth's weekly series. */
export function truthWeeks(truth: any): string[] {
  const start = Date.parse(truth.span.firstWeekStart);
  return truth.volume.weeks.map((_: string, i: number) => new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10));
}
