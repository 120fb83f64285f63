// `npm run bench`: generates large export sets and times `inspect` and `analyze` against baselines
// measured in the same run on the same files: (a) the tool's parsers alone, (b) DuckDB's core aggregates
// from the history exports, (b′) the same aggregates from every export that carries cases.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/src/cli/main.js');
const GENERATOR = join(ROOT, 'dist/samples/generator/main.js');
const GNU_TIME = '/usr/bin/time';

interface Options {
  events: number[];
  runs: number;
  /** sets at or above this many events are measured once: a 5M analyze takes minutes */
  onceFrom: number;
  data: string;
  build: boolean;
}

interface Sample {
  seconds: number;
  rssMb: number;
  code: number;
  stdout: string;
}

interface Measure {
  /** median wall time of the runs */
  seconds: number;
  /** the highest peak RSS of the runs */
  rssMb: number;
  runs: number[];
  /** set when a run failed; the figures are then NaN (null in the JSON) */
  error?: string;
}

interface CompanyFigures {
  company: string;
  rowsRead: number;
  events: number;
  parse: Measure;
  duckdb: Measure & { result: unknown };
  /** baseline (b′): DuckDB over every export with cases (`--scope all`) */
  duckdbAll: Measure & { result: unknown };
  inspect: Measure;
  analyze: Measure;
  /** `analyze --jobs 1`: one thread, the least memory */
  analyzeOneThread: Measure;
}

const usage = `usage: npm run bench -- [--events 1000000,5000000] [--runs 3] [--once-from 5000000] [--data DIR] [--no-build]`;

function parseOptions(argv: string[]): Options {
  const options: Options = { events: [1_000_000, 5_000_000], runs: 3, onceFrom: 5_000_000, data: join(tmpdir(), 'handoff-risk-bench'), build: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n${usage}`);
      return next;
    };
    if (flag === '--events') options.events = value().split(',').map((n) => Number(n.replace(/_/g, '')));
    else if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--once-from') options.onceFrom = Number(value());
    else if (flag === '--data') options.data = resolve(value());
    else if (flag === '--no-build') options.build = false;
    else throw new Error(`unknown flag ${flag}\n${usage}`);
  }
  if (options.events.some((n) => !Number.isInteger(n) || n <= 0) || !(options.runs >= 1)) throw new Error(usage);
  return options;
}

/** Runs one command to its end; wall time from the parent, peak RSS from GNU time (or /proc VmHWM). */
function sample(command: string[]): Promise<Sample> {
  const useTime = existsSync(GNU_TIME);
  const rssFile = join(tmpdir(), `handoff-risk-bench-rss-${process.pid}`);
  const argv = useTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...command] : command;
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let hwmKb = 0;
    // without GNU time: the kernel's high-water mark of the child's resident set, read until it exits
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (match) hwmKb = Math.max(hwmKb, Number(match[1]));
          } catch {
            // exited between two polls
          }
        }, 20);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (poll) clearInterval(poll);
      let rssKb = hwmKb;
      if (useTime) {
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        rssKb = Number(lines[lines.length - 1]);
      }
      const stdout = Buffer.concat(out).toString('utf8');
      // 0 ok, 1 threshold crossed, 2 some file unusable (the generator plants a broken JSON file): all finish the work
      if (code === null || code > 2) {
        fail(new Error(`${command.join(' ')} exited with ${code}\n${Buffer.concat(err).toString('utf8').slice(-2000)}`));
        return;
      }
      done({ seconds, rssMb: rssKb / 1024, code, stdout });
    });
  });
}

async function measure(label: string, command: string[], runs: number, check?: (s: Sample) => void): Promise<Measure & { last: Sample }> {
  const samples: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    let s: Sample;
    try {
      s = await sample(command);
      check?.(s);
    } catch (error) {
      // a crash is a result too (e.g. a report too large for one string): record it and go on
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1500);
      process.stderr.write(`  ${label.padEnd(34)} run ${run + 1}/${runs}: FAILED\n${message}\n`);
      return { seconds: NaN, rssMb: NaN, runs: [], error: message, last: { seconds: NaN, rssMb: NaN, code: -1, stdout: '{}' } };
    }
    samples.push(s);
    process.stderr.write(`  ${label.padEnd(34)} run ${run + 1}/${runs}: ${s.seconds.toFixed(2)} s, ${s.rssMb.toFixed(0)} MB\n`);
  }
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  return {
    seconds: times[Math.floor((times.length - 1) / 2)]!,
    rssMb: Math.max(...samples.map((s) => s.rssMb)),
    runs: samples.map((s) => round(s.seconds)),
    last: samples[samples.length - 1]!,
  };
}

function generate(events: number, dir: string): void {
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`generating ${events} events into ${dir}\n`);
  const result = spawnSync(process.execPath, [GENERATOR, '--events', String(events), '--out', dir], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the sample generator failed (${result.status})`);
  writeFileSync(marker, `${events}\n`);
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const ratio = (a: number, b: number) => round(a / b);

async function benchSet(events: number, options: Options) {
  const dir = join(options.data, String(events));
  generate(events, dir);
  const companies = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'handoff-risk.json')))
    .map((entry) => entry.name)
    .sort();
  const runs = events >= options.onceFrom ? 1 : options.runs;
  const outRoot = mkdtempSync(join(tmpdir(), 'handoff-risk-bench-out-'));
  const perCompany: CompanyFigures[] = [];
  for (const company of companies) {
    const exportsDir = join(dir, company, 'exports');
    const config = join(dir, company, 'handoff-risk.json');
    const out = join(outRoot, company);
    process.stderr.write(`${events} / ${company}\n`);
    const parse = await measure('baseline (a) parse', [process.execPath, join(ROOT, 'bench/parse-baseline.mjs'), exportsDir], runs);
    const duckdb = await measure('baseline (b) duckdb', [process.execPath, join(ROOT, 'bench/duckdb-baseline.mjs'), exportsDir, config], runs);
    const duckdbAll = await measure("baseline (b') duckdb --scope all", [process.execPath, join(ROOT, 'bench/duckdb-baseline.mjs'), exportsDir, config, '--scope', 'all'], runs);
    const inspect = await measure('handoff-risk inspect --json', [process.execPath, CLI, 'inspect', exportsDir, '--json'], runs, (s) => JSON.parse(s.stdout));
    const analyze = await measure('handoff-risk analyze', [process.execPath, CLI, 'analyze', exportsDir, '--config', config, '--out', out], runs, () => {
      if (!existsSync(join(out, 'analysis.json'))) throw new Error(`analyze wrote no ${join(out, 'analysis.json')}`);
    });
    const analyzeOneThread = await measure('handoff-risk analyze --jobs 1', [process.execPath, CLI, 'analyze', exportsDir, '--config', config, '--out', out, '--jobs', '1'], runs, () => {
      if (!existsSync(join(out, 'analysis.json'))) throw new Error(`analyze wrote no ${join(out, 'analysis.json')}`);
    });
    const totals = (JSON.parse(inspect.last.stdout) as { totals?: Record<string, number> }).totals ?? {};
    const { last: _p, ...parseFigures } = parse;
    const { last: _d, ...duckFigures } = duckdb;
    const { last: _w, ...duckAllFigures } = duckdbAll;
    const { last: _i, ...inspectFigures } = inspect;
    const { last: _a, ...analyzeFigures } = analyze;
    const { last: _o, ...oneThreadFigures } = analyzeOneThread;
    perCompany.push({
      company,
      rowsRead: totals.rowsRead ?? NaN,
      events: totals.events ?? NaN,
      parse: parseFigures,
      duckdb: { ...duckFigures, result: JSON.parse(duckdb.last.stdout || '{}') as unknown },
      duckdbAll: { ...duckAllFigures, result: JSON.parse(duckdbAll.last.stdout || '{}') as unknown },
      inspect: inspectFigures,
      analyze: analyzeFigures,
      analyzeOneThread: oneThreadFigures,
    });
  }
  rmSync(outRoot, { recursive: true, force: true });

  // the set: companies run one after another, so times add up and the peak is the highest of them
  const sum = (pick: (c: CompanyFigures) => number) => perCompany.reduce((total, c) => total + pick(c), 0);
  const max = (pick: (c: CompanyFigures) => number) => Math.max(...perCompany.map(pick));
  const set = {
    parse: { seconds: round(sum((c) => c.parse.seconds)), rssMb: round(max((c) => c.parse.rssMb), 0) },
    duckdb: { seconds: round(sum((c) => c.duckdb.seconds)), rssMb: round(max((c) => c.duckdb.rssMb), 0) },
    duckdbAll: { seconds: round(sum((c) => c.duckdbAll.seconds)), rssMb: round(max((c) => c.duckdbAll.rssMb), 0) },
    inspect: { seconds: round(sum((c) => c.inspect.seconds)), rssMb: round(max((c) => c.inspect.rssMb), 0) },
    analyze: { seconds: round(sum((c) => c.analyze.seconds)), rssMb: round(max((c) => c.analyze.rssMb), 0) },
    analyzeOneThread: { seconds: round(sum((c) => c.analyzeOneThread.seconds)), rssMb: round(max((c) => c.analyzeOneThread.rssMb), 0) },
  };
  const versus = (m: { seconds: number; rssMb: number }) => ({
    timeVsParse: ratio(m.seconds, set.parse.seconds),
    timeVsDuckdb: ratio(m.seconds, set.duckdb.seconds),
    rssVsParse: ratio(m.rssMb, set.parse.rssMb),
    rssVsDuckdb: ratio(m.rssMb, set.duckdb.rssMb),
    timeVsDuckdbAll: ratio(m.seconds, set.duckdbAll.seconds),
    rssVsDuckdbAll: ratio(m.rssMb, set.duckdbAll.rssMb),
  });
  const ratios = { inspect: versus(set.inspect), analyze: versus(set.analyze), analyzeOneThread: versus(set.analyzeOneThread) };
  const targetsAgainst = (baseline: 'Duckdb' | 'DuckdbAll') => ({
    analyzeWithin1_5xDuckdb: ratios.analyze[`timeVs${baseline}`] <= 1.5,
    inspectBelowDuckdb: ratios.inspect[`timeVs${baseline}`] < 1,
    analyzePeakBelowDuckdb: ratios.analyze[`rssVs${baseline}`] < 1,
    analyzeOneThreadPeakBelowDuckdb: ratios.analyzeOneThread[`rssVs${baseline}`] < 1,
    inspectPeakBelowDuckdb: ratios.inspect[`rssVs${baseline}`] < 1,
  });
  return {
    events,
    eventsEmitted: sum((c) => c.events),
    rowsRead: sum((c) => c.rowsRead),
    runs,
    scope: 'per company folder: <set>/<company>/exports with <set>/<company>/handoff-risk.json; set time = sum, set peak = max',
    set,
    ratios,
    targets: targetsAgainst('Duckdb'),
    // the same targets against (b′): context, not what the issue's targets are judged on
    againstEveryExport: targetsAgainst('DuckdbAll'),
    companies: perCompany,
  };
}

function printSet(result: Awaited<ReturnType<typeof benchSet>>): void {
  const { set, ratios } = result;
  const line = (name: string, m: { seconds: number; rssMb: number }, r?: (typeof ratios)['inspect']) =>
    `  ${name.padEnd(12)} ${m.seconds.toFixed(2).padStart(8)} s ${String(m.rssMb).padStart(6)} MB` +
    (r
      ? `   ×parse ${r.timeVsParse.toFixed(2)}  ×duckdb ${r.timeVsDuckdb.toFixed(2)} (b′ ${r.timeVsDuckdbAll.toFixed(2)})  rss ×duckdb ${r.rssVsDuckdb.toFixed(2)} (b′ ${r.rssVsDuckdbAll.toFixed(2)})`
      : '');
  process.stdout.write(
    [
      `\n${result.events} events requested (${result.eventsEmitted} emitted from ${result.rowsRead} rows), median of ${result.runs} run(s)`,
      line('parse (a)', set.parse),
      line('duckdb (b)', set.duckdb),
      line("duckdb (b')", set.duckdbAll),
      line('inspect', set.inspect, ratios.inspect),
      line('analyze', set.analyze, ratios.analyze),
      line('analyze -j1', set.analyzeOneThread, ratios.analyzeOneThread),
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.build || !existsSync(CLI)) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const outDir = join(ROOT, 'bench/out');
  mkdirSync(outDir, { recursive: true });
  const results = [];
  for (const events of options.events) {
    const result = await benchSet(events, options);
    results.push(result);
    const file = join(outDir, `bench-${events}.json`);
    writeFileSync(file, `${JSON.stringify({ command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), node: process.version, ...result }, null, 2)}\n`);
    printSet(result);
    process.stdout.write(`  wrote ${file}\n`);
  }
  if (results.length > 1) {
    const [small, large] = [results[0]!, results[results.length - 1]!];
    process.stdout.write(
      `\npeak growth ${small.events} → ${large.events} events: inspect ×${ratio(large.set.inspect.rssMb, small.set.inspect.rssMb)}, analyze ×${ratio(large.set.analyze.rssMb, small.set.analyze.rssMb)}, analyze --jobs 1 ×${ratio(large.set.analyzeOneThread.rssMb, small.set.analyzeOneThread.rssMb)} (target ≤ 1.5)\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
