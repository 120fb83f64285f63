// Shared by the report tests: run `analyze` in-process on a sample company into a fresh folder.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../cli/run.js';

export const OUTPUTS = ['analysis.json', 'evidence.csv', 'rejects.csv', 'report.html', 'report.md'] as const;

export function freshDir(prefix = 'handoff-risk-report-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `analyze samples/<company>/exports --config samples/<company>/handoff-risk.json --out <fresh dir> ...extra`. */
export async function analyzeSample(company: string, ...extra: string[]) {
  const out = freshDir();
  const result = await run('analyze', `samples/${company}/exports`, '--config', `samples/${company}/handoff-risk.json`, '--out', out, ...extra);
  return { ...result, dir: out, files: readOutputs(out) };
}

/** Every file written to `dir`, by name. */
export function readOutputs(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}
