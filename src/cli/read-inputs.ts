// Reading every input file, in this thread or spread over worker threads: summaries for `inspect`,
// events for `analyze`.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { connectors } from '../../connectors/index.js';
import { citedName, listInputs, loadFiles, sortEvents, type LoadOptions, type LoadResult } from '../ingest/load.js';
import type { FileResult } from '../ingest/run-connector.js';
import { createFileSummarizer, type FileSummary } from '../ingest/summarize.js';
import type { HandoffEvent, Issue } from '../model/index.js';
import { createEventUnpacker, type EventBatch } from './event-transfer.js';
import type { WorkerTask } from './read-worker.js';

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
  if (!import.meta.url.endsWith('.ts')) return () => new Worker(new URL('./read-worker.js', import.meta.url));
  if (!process.execArgv.some((arg) => arg.includes('tsx'))) return undefined;
  const source = new URL('./read-worker.ts', import.meta.url).href;
  return () => new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

/** How many threads `inspect` and `analyze` use by default: both cores of a two-core machine, never more than four. */
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
    const loaded = await loadFiles(files, connectors, {
      ...options,
      ...progress,
      retain: false,
      onEvent: (event, file) => {
        let summarizer = summarizers.get(file);
        if (!summarizer) summarizers.set(file, (summarizer = createFileSummarizer()));
        summarizer.add(event);
      },
    });
    return { summaries: loaded.files.map((result) => (summarizers.get(result.file) ?? createFileSummarizer()).finish(result)), missing };
  }

  const summaries: FileSummary[] = new Array(files.length);
  await readOnWorkers(files, jobs, 'summary', options, progress, startWorker, (message) => {
    if (message.type === 'done') summaries[message.index] = message.summary!;
  });
  return { summaries, missing };
}

/**
 * Input below which `analyze` reads on this thread alone when `--jobs` is not given. Under it,
 * starting the workers and packing every event for the trip back cost about what the second core
 * saves, and one thread peaks lower. Whole `analyze` runs on the bench sets, 2 cores, since the
 * packer writes typed arrays (round 14): 34 and 46 MB took 4-12 % longer on two threads, 70 MB 2 %
 * less (and peaked 40 MB higher), 168 MB 7 % less; 227 and 351 MB were already faster on two.
 */
export const WORKERS_FROM_BYTES = 100 * 2 ** 20;

/** `--jobs` as `analyze` takes it: a number of threads, or `auto` (see `WORKERS_FROM_BYTES`). */
export type Jobs = number | 'auto';

/** How many threads read `files`: `jobs`, or for `auto` one below `WORKERS_FROM_BYTES` of input and the default above. */
export function threadsFor(files: readonly string[], jobs: Jobs): number {
  if (jobs !== 'auto') return jobs;
  return files.reduce((sum, file) => sum + sizeOf(file), 0) >= WORKERS_FROM_BYTES ? defaultJobs() : 1;
}

/**
 * `loadInputs` for `analyze`: with more than one thread and more than one file, files are read on
 * worker threads and their events come back packed; the result (events sorted the loader's way,
 * files in file order) is the same whatever the number of jobs.
 */
export async function loadInputsWith(paths: readonly string[], options: LoadOptions, jobs: Jobs, progress: Progress = {}): Promise<LoadResult> {
  const { files, missing } = await listInputs(paths);
  const threads = threadsFor(files, jobs);
  const startWorker = workerFactory();
  if (threads <= 1 || files.length <= 1 || !startWorker) return { ...(await loadFiles(files, connectors, { ...options, ...progress })), missing };
  const results: FileResult[] = new Array(files.length);
  const perFile: HandoffEvent[][] = files.map(() => []);
  const unpackers = new Map<number, ReturnType<typeof createEventUnpacker>>();
  await readOnWorkers(files, threads, 'events', options, progress, startWorker, (message) => {
    if (message.type === 'events') {
      let unpacker = unpackers.get(message.index);
      if (!unpacker) unpackers.set(message.index, (unpacker = createEventUnpacker(citedName(files[message.index]!))));
      unpacker.unpack(message.batch, perFile[message.index]!);
    } else if (message.type === 'done') {
      results[message.index] = message.result;
      unpackers.delete(message.index);
    }
  });
  return { files: results, events: sortEvents(perFile.flat()), missing };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // read anyway: the reader reports why it cannot
  }
}

type WorkerMessage =
  | { type: 'rows'; index: number; rows: number }
  | { type: 'events'; index: number; batch: EventBatch }
  | { type: 'done'; index: number; result: FileResult; summary?: FileSummary };

/** Hands the files out to `jobs` workers, one file at a time each, passing every message on. */
async function readOnWorkers(
  files: string[],
  jobs: number,
  want: WorkerTask['want'],
  options: LoadOptions,
  progress: Progress,
  startWorker: () => Worker,
  receive: (message: WorkerMessage) => void,
): Promise<void> {
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
  const rowsNow = new Map<number, number>();
  // the largest files first: the last file handed out then is a small one, and no thread is left
  // reading a big file alone at the end (results go back in file order whatever the order read)
  const order = files.map((file, index) => ({ index, size: sizeOf(file) })).sort((a, b) => b.size - a.size || a.index - b.index);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(jobs, files.length) }, startWorker);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              // a worker with nothing left to read goes at once: its heap no longer adds to the peak
              // while the other workers finish
              if (next >= files.length) return void worker.terminate().then(() => resolve(), reject);
              const index = order[next++]!.index;
              const task: WorkerTask = { index, path: files[index]!, name: citedName(files[index]!), want, options: shared };
              worker.postMessage(task);
            };
            worker.on('message', (message: WorkerMessage) => {
              receive(message);
              if (message.type === 'rows') {
                rowsNow.set(message.index, message.rows);
                // rows of the files still being read; the reporter adds those of finished files
                const reading = [...rowsNow.values()].reduce((a, b) => a + b, 0);
                progress.onRows?.(files[message.index]!, reading, done, files.length);
              } else if (message.type === 'done') {
                rowsNow.delete(message.index);
                done++;
                progress.onFile?.({ file: message.result.file, rowsRead: message.result.rowsRead }, done, files.length);
                give();
              }
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
