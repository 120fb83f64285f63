// A worker thread of `inspect --jobs N`: reads one file at a time and sends back only its summary, so
// the second core parses while the first does, and no event crosses between threads.
import { parentPort } from 'node:worker_threads';
import { connectors } from '../../connectors/index.js';
import type { ConnectorOptions } from '../ingest/connector.js';
import { readFile } from '../ingest/run-connector.js';
import { fileSource } from '../ingest/source.js';
import { createFileSummarizer } from '../ingest/summarize.js';

export interface WorkerTask {
  index: number;
  path: string;
  name: string;
  options: ConnectorOptions & { connector?: string };
}

parentPort?.on('message', async (task: WorkerTask) => {
  const summarizer = createFileSummarizer();
  const result = await readFile(fileSource(task.path, task.name), connectors, {
    ...task.options,
    emit: (event) => summarizer.add(event),
    onRows: (rows) => parentPort?.postMessage({ type: 'rows', index: task.index, rows }),
  });
  parentPort?.postMessage({ type: 'done', index: task.index, summary: summarizer.finish(result) });
});
