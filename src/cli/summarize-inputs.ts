// Summaries of every input file for `inspect`: in this thread, or spread over worker threads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { connectors } from '../../connectors/index.js';
import { citedName, listInputs, loadInputs, type LoadOptions } from '../ingest/load.js';
import { createFileSummarizer, type FileSummary } from '../ingest/summarize.js';
import type { Issue } from '../model/index.js';
import type { WorkerTask } from './inspect-worker.js';

export interface InputSummaries {
  summaries: FileSummary[];
  missing: Issue[];
}

interface Progress {
  onRows?(file: string, rows: number, filesDone: number, total: number): void;
  onFile?(result: { file: string; rowsRead: number }, done: number, total: number): void;
}

/**
 * Starts the worker script beside this module. From the built JavaScript that is plain; from the
 * TypeScript sources (under tsx) the worker registers tsx itself, since loader hooks do not pass to
 * worker threads. Undefined when neither applies (e.g. inside the test runner): read in this thread.
 */
function workerFactory(): (() => Worker) | undefined {
  if (!import.meta.url.endsWith('.ts')) return () => new Worker(new URL('./inspect-worker.js', import.meta.url));
  if (!process.execArgv.some((arg) => arg.includes('tsx'))) return undefined;
  const source = new URL('./inspect-worker.ts', import.meta.url).href;
  return () => new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

/** How many threads `inspect` uses by default: both cores of a two-core machine, never more than four. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Reads every file and summarises it without keeping its events. With `jobs` > 1 and more than one
 * file, files are read by that many worker threads; the summaries come back in file order, so the
 * output is the same whatever the number of jobs.
 */
export async function summarizeInputs(paths: readonly string[], options: LoadOptions, jobs: number, progress: Progress = {}): Promise<InputSummaries> {
  const { files, missing } = await listInputs(paths);
  const startWorker = workerFactory();
  if (jobs <= 1 || files.length <= 1 || !startWorker) {
    const summarizers = new Map<string, ReturnType<typeof createFileSummarizer>>();
    const loaded = await loadInputs(paths, connectors, {
      ...options,
      ...progress,
      retain: false,
      onEvent: (event, file) => {
        let summarizer = summarizers.get(file);
        if (!summarizer) summarizers.set(file, (summarizer = createFileSummarizer()));
        summarizer.add(event);
      },
    });
    return { summaries: loaded.files.map((result) => (summarizers.get(result.file) ?? createFileSummarizer()).finish(result)), missing: loaded.missing };
  }

  // only plain data crosses to a worker: the callbacks stay here
  const { connector, timeZone, dateOrder, integrationActors, settings, connectorSettings, linkKeys } = options;
  const shared = {
    ...(connector ? { connector } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(dateOrder ? { dateOrder } : {}),
    ...(integrationActors ? { integrationActors } : {}),
    ...(settings ? { settings } : {}),
    ...(connectorSettings ? { connectorSettings } : {}),
    ...(linkKeys ? { linkKeys } : {}),
  };
  const summaries: FileSummary[] = new Array(files.length);
  const rowsNow = new Map<number, number>();
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(jobs, files.length) }, startWorker);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= files.length) return resolve();
              const index = next++;
              const task: WorkerTask = { index, path: files[index]!, name: citedName(files[index]!), options: shared };
              worker.postMessage(task);
            };
            worker.on('message', (message: { type: 'rows'; index: number; rows: number } | { type: 'done'; index: number; summary: FileSummary }) => {
              if (message.type === 'rows') {
                rowsNow.set(message.index, message.rows);
                // rows of the files still being read; the reporter adds those of finished files
                const reading = [...rowsNow.values()].reduce((a, b) => a + b, 0);
                progress.onRows?.(files[message.index]!, reading, done, files.length);
                return;
              }
              summaries[message.index] = message.summary;
              rowsNow.delete(message.index);
              done++;
              progress.onFile?.({ file: message.summary.file, rowsRead: message.summary.rowsRead }, done, files.length);
              give();
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { summaries, missing };
}
