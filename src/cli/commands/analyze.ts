// `handoff-risk analyze`: read, correlate, measure, score; write every report into --out.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { AnalyzerOptionsError } from '../../analyzers/run-analyzers.js';
import { formatIssue } from '../../model/index.js';
import { analyzeEvents } from '../../pipeline.js';
import type { Analysis } from '../../reporters/analysis-json.js';
import { BaselineError, parseBaseline } from '../../reporters/comparison.js';
import { prepareAnalysis, renderReports } from '../../reporters/index.js';
import { collectPersonalNames, createRedactor, redactDeep } from '../../reporters/redact.js';
import { renderSummary } from '../../reporters/summary.js';
import { MatrixError, resolveMatrix } from '../../scoring/matrix.js';
import { buildScorecard } from '../../scoring/scorecard.js';
import { writeEventsNdjson } from '../emit-events.js';
import { CliError, EXIT, progressReporter, unusableIssues, type CliIo } from '../io.js';
import { addInputFlags, resolveJobs, resolveLoadOptions, type InputFlags } from '../options.js';
import { loadInputsWith } from '../read-inputs.js';

interface AnalyzeFlags extends InputFlags {
  out: string;
  redact?: boolean;
  baseline?: string;
  failOn?: 'remediation' | 'watch';
  quiet?: boolean;
  emitEvents?: string;
}

/** Reads the previous run's analysis.json; a missing, non-JSON or foreign file is a usage error. */
async function readBaseline(file: string): Promise<Analysis> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`--baseline ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`}`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError) throw new CliError(`--baseline ${file}: ${error.message}`);
    throw error;
  }
}

/** The axes (and decision) that reach the --fail-on level; empty when none does. */
export function crossedThreshold(analysis: Analysis, level: 'remediation' | 'watch'): string[] {
  const scorecard = analysis.scorecard;
  if (!scorecard) return [];
  const bands = level === 'watch' ? ['watch', 'remediation-sprint'] : ['remediation-sprint'];
  const crossed = scorecard.axes.filter((a) => bands.includes(a.band)).map((a) => `${a.id} (${a.band})`);
  if (scorecard.recommendation.decision === 'remediation-sprint') crossed.push('decision (remediation-sprint)');
  return crossed;
}

export function registerAnalyze(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addInputFlags(
    program
      .command('analyze')
      .description('measure handoffs, failures, reconciliation, lateness, lead-time drag and agreement; write the results to --out')
      .argument('<paths...>', 'export files or folders')
      .option('-o, --out <dir>', 'output folder', 'reports')
      .option('--redact', 'replace personal names and e-mail addresses with stable pseudonyms in every output')
      .option('--baseline <file>', "a previous run's analysis.json: adds the change since then to every report")
      .addOption(new Option('--fail-on <level>', 'exit 1 when an axis reaches this band (remediation: or the decision is a sprint)').choices(['remediation', 'watch']))
      .option('-q, --quiet', 'print nothing on stdout (errors still go to stderr)')
      .option('--emit-events <file>', 'also write the normalised event stream (workflows filled in) as NDJSON, for SQL elsewhere'),
  ).action(async (paths: string[], flags: AnalyzeFlags) => {
    const options = await resolveLoadOptions(flags);
    // without --jobs, the size of the input decides (see WORKERS_FROM_BYTES)
    const jobs = flags.jobs === undefined ? 'auto' : resolveJobs(flags);
    // every setting is checked before the first file is read: a bad config costs no waiting
    let matrix;
    try {
      matrix = resolveMatrix(options.config.matrix);
    } catch (error) {
      if (error instanceof MatrixError) throw new CliError(`${flags.config ?? 'config'}: ${error.message}`);
      throw error;
    }
    const baseline = flags.baseline === undefined ? undefined : await readBaseline(flags.baseline);
    // files are read on up to `jobs` threads; the events come back to this one, in the same order
    const loaded = await loadInputsWith(paths, options, jobs, progressReporter(io));
    io.progress?.('');
    if (loaded.missing.length) throw new CliError(loaded.missing.map((issue) => issue.message).join('\n'));
    const unusable = unusableIssues(loaded.files);
    if (unusable.length) {
      io.err(`${unusable.map(formatIssue).join('\n')}\n`);
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
    const scorecard = run ? buildScorecard(run, matrix) : undefined;
    const analysis = prepareAnalysis({ run, files: loaded.files, scorecard }, { ...(flags.redact ? { redact: true } : {}), ...(baseline ? { baseline } : {}) });
    const reports = renderReports(analysis);
    await mkdir(flags.out, { recursive: true });
    for (const [name, text] of Object.entries(reports)) await writeFile(join(flags.out, name), text);
    if (flags.emitEvents) {
      // the stream is an output too: --redact applies to it as to the reports
      const redact = flags.redact ? createRedactor(collectPersonalNames(loaded.events)) : undefined;
      await writeEventsNdjson(flags.emitEvents, redact ? loaded.events.map((event) => redactDeep(event, redact)) : loaded.events);
    }
    if (!flags.quiet) {
      io.out(renderSummary(analysis));
      io.out(`\nwrote ${Object.keys(reports).map((name) => join(flags.out, name)).join(', ')}\n`);
    }
    if (flags.failOn) {
      const crossed = crossedThreshold(analysis, flags.failOn);
      if (crossed.length) {
        io.err(`handoff-risk: --fail-on ${flags.failOn} crossed by ${crossed.join(', ')}\n`);
        setExit(EXIT.threshold);
      }
    }
  });
}
