// `handoff-risk analyze`: read, correlate, measure; write the results into --out.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { connectors } from '../../../connectors/index.js';
import { AnalyzerOptionsError } from '../../analyzers/run-analyzers.js';
import { loadInputs } from '../../ingest/load.js';
import { analyzeEvents } from '../../pipeline.js';
import { renderAnalysisJson } from '../../reporters/analysis-json.js';
import { renderSummary } from '../../reporters/summary.js';
import { MatrixError, resolveMatrix } from '../../scoring/matrix.js';
import { buildScorecard } from '../../scoring/scorecard.js';
import { CliError, EXIT, type CliIo } from '../io.js';
import { addInputFlags, resolveLoadOptions, type InputFlags } from '../options.js';

const UNUSABLE = new Set(['file/unreadable', 'file/unrecognised', 'file/missing-columns', 'json/malformed']);

export function registerAnalyze(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addInputFlags(
    program
      .command('analyze')
      .description('measure handoffs, failures, reconciliation, lateness, lead-time drag and agreement; write the results to --out')
      .argument('<paths...>', 'export files or folders')
      .option('-o, --out <dir>', 'output folder', 'reports'),
  ).action(async (paths: string[], flags: InputFlags & { out: string }) => {
    const options = await resolveLoadOptions(flags);
    const loaded = await loadInputs(paths, connectors, {
      ...options,
      onFile: (result, done, total) => io.progress?.(`[${done}/${total}] ${result.file}: ${result.rowsRead} rows`),
    });
    io.progress?.('');
    if (loaded.missing.length) throw new CliError(loaded.missing.map((issue) => issue.message).join('\n'));
    const unusable = loaded.files.flatMap((f) => f.issues.filter((issue) => UNUSABLE.has(issue.code)));
    if (unusable.length) {
      io.err(`${unusable.map((issue) => issue.message).join('\n')}\n`);
      setExit(EXIT.usage);
    }
    let run;
    try {
      run = analyzeEvents(loaded.events, {
        ...(options.config.teams ? { teams: options.config.teams } : {}),
        ...(options.config.groups ? { groups: options.config.groups } : {}),
        ...(options.config.stages
          ? { stages: { ...(options.config.stages.map ? { map: options.config.stages.map } : {}), ...(options.config.stages.crmStatusField ? { crmStatusField: new RegExp(options.config.stages.crmStatusField, 'i') } : {}) } }
          : {}),
        ...(options.config.analyzers ? { analyzers: options.config.analyzers } : {}),
      });
    } catch (error) {
      if (error instanceof AnalyzerOptionsError) throw new CliError(`config: ${error.message}`);
      throw error;
    }
    let matrix;
    try {
      matrix = resolveMatrix(options.config.matrix);
    } catch (error) {
      if (error instanceof MatrixError) throw new CliError(`${flags.config ?? 'config'}: ${error.message}`);
      throw error;
    }
    const scorecard = run ? buildScorecard(run, matrix) : undefined;
    const input = { run, files: loaded.files, scorecard };
    await mkdir(flags.out, { recursive: true });
    await writeFile(join(flags.out, 'analysis.json'), renderAnalysisJson(input));
    io.out(renderSummary(input));
    io.out(`\nwrote ${join(flags.out, 'analysis.json')}\n`);
  });
}
