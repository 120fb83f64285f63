// `handoff-risk inspect`: the dry run — what was detected in each file and what its rows became.
import type { Command } from 'commander';
import type { FileSummary } from '../../ingest/summarize.js';
import { formatIssue } from '../../model/index.js';
import { CliError, EXIT, progressReporter, unusableIssues, type CliIo } from '../io.js';
import { addInputFlags, resolveJobs, resolveLoadOptions, type InputFlags } from '../options.js';
import { summarizeInputs } from '../read-inputs.js';

export function registerInspect(program: Command, io: CliIo, setExit: (code: number) => void): void {
  addInputFlags(
    program
      .command('inspect')
      .description('show, for every file, the connector detected, rows read/accepted/rejected, events and the first rejects')
      .argument('<paths...>', 'export files or folders')
      .option('--json', 'print one JSON object')
      .option('--rejects <n>', 'how many rejects to show per file', '10'),
  ).action(async (paths: string[], flags: InputFlags & { json?: boolean; rejects: string }) => {
    const shown = Number(flags.rejects);
    if (!Number.isInteger(shown) || shown < 0) throw new CliError(`--rejects ${flags.rejects}: not a whole number`);
    const options = await resolveLoadOptions(flags);
    const jobs = resolveJobs(flags);
    // inspect keeps no events: each file is summarised as its rows stream by, on up to `jobs` threads
    const { summaries, missing } = await summarizeInputs(paths, options, jobs, progressReporter(io));
    io.progress?.('');
    if (missing.length && !summaries.length) throw new CliError(missing.map((issue) => issue.message).join('\n'));
    const totals = {
      files: summaries.length,
      rowsRead: sum(summaries, 'rowsRead'),
      rowsAccepted: sum(summaries, 'rowsAccepted'),
      rowsRejected: sum(summaries, 'rowsRejected'),
      events: sum(summaries, 'events'),
    };
    const unusable = [...missing, ...unusableIssues(summaries)];

    if (flags.json) {
      io.out(`${JSON.stringify({ version: 1, files: summaries.map(toJson), missing: missing, totals }, null, 2)}\n`);
    } else {
      for (const summary of summaries) io.out(renderFile(summary, shown));
      for (const issue of missing) io.out(`${issue.message}\n\n`);
      io.out(`${totals.files} files: ${totals.rowsRead} rows read = ${totals.rowsAccepted} accepted + ${totals.rowsRejected} rejected; ${totals.events} events\n`);
    }
    if (unusable.length) {
      if (flags.json) io.err(`${unusable.map(formatIssue).join('\n')}\n`);
      setExit(EXIT.usage);
    }
  });
}

function toJson(summary: FileSummary) {
  return { ...summary, issues: summary.issues };
}

function renderFile(s: FileSummary, shown: number): string {
  const lines = [s.file];
  if (!s.connector) {
    for (const issue of s.issues) lines.push(`  ${issue.severity === 'error' ? 'error' : 'warning'}  ${issue.message}`);
    return `${lines.join('\n')}\n\n`;
  }
  const format = [s.format.toUpperCase(), s.encoding, s.delimiter ? `delimiter ${JSON.stringify(s.delimiter)}` : undefined].filter(Boolean).join(', ');
  lines.push(`  connector  ${s.connector} (${format})`);
  lines.push(`  rows       ${s.rowsRead} read = ${s.rowsAccepted} accepted + ${s.rowsRejected} rejected${s.warnings ? `; ${s.warnings} warnings` : ''}`);
  const kinds = Object.entries(s.eventsByKind).map(([kind, count]) => `${kind} ${count}`).join(', ');
  lines.push(`  events     ${s.events}${kinds ? ` (${kinds})` : ''}`);
  lines.push(`  records    ${s.cases}; handoffs ${s.handoffs}`);
  if (s.span) lines.push(`  span       ${s.span.from} → ${s.span.to}`);
  if (s.zoneless) lines.push(`  zone       ${s.zoneless.count} times written without an offset, read in ${s.zoneless.readIn}${s.zoneless.readIn === 'UTC' ? ' (set --tz or connectors.<id>.timeZone if the export used another zone)' : ''}`);
  const problems = s.issues.filter((issue) => issue.line !== undefined || issue.severity === 'error');
  const fileNotes = s.issues.filter((issue) => issue.line === undefined && issue.severity === 'warning');
  for (const note of fileNotes) lines.push(`  note       ${note.message}`);
  if (problems.length) {
    lines.push(`  issues     ${problems.length}${problems.length > shown ? ` (first ${shown})` : ''}`);
    for (const issue of problems.slice(0, shown)) lines.push(`    ${formatIssue(issue)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

function sum(summaries: FileSummary[], key: 'rowsRead' | 'rowsAccepted' | 'rowsRejected' | 'events'): number {
  return summaries.reduce((total, s) => total + s[key], 0);
}
