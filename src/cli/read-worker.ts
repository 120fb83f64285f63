// A worker thread of `--jobs N`: reads one file at a time, so the second core parses while the first
// does. For `inspect` it sends back only the file's summary; for `analyze`, its events in packed
// batches (see event-transfer.ts).
import { parentPort } from 'node:worker_threads';
import { connectors } from '../../connectors/index.js';
import type { ConnectorOptions } from '../ingest/connector.js';
import { readFile } from '../ingest/run-connector.js';
import { fileSource } from '../ingest/source.js';
import { createFileSummarizer } from '../ingest/summarize.js';
import { createEventPacker } from './event-transfer.js';

export interface WorkerTask {
  index: number;
  path: string;
  name: string;
  /** what to send back: the file's summary, or its events */
  want: 'summary' | 'events';
  options: ConnectorOptions & { connector?: string };
}

/** Events per message: large enough that messages cost little, small enough to keep a batch in hand. */
const BATCH = 8192;

parentPort?.on('message', async (task: WorkerTask) => {
  const summarizer = task.want === 'summary' ? createFileSummarizer() : undefined;
  const packer = task.want === 'events' ? createEventPacker(task.name) : undefined;
  const send = () => {
    const batch = packer!.take();
    parentPort?.postMessage({ type: 'events', index: task.index, batch }, [batch.data.buffer, batch.links.buffer]);
  };
  const result = await readFile(fileSource(task.path, task.name), connectors, {
    ...task.options,
    emit: (event) => {
      if (summarizer) return summarizer.add(event);
      packer!.add(event);
      if (packer!.size >= BATCH) send();
    },
    onRows: (rows) => parentPort?.postMessage({ type: 'rows', index: task.index, rows }),
  });
  if (packer && packer.size > 0) send();
  parentPort?.postMessage({ type: 'done', index: task.index, result, ...(summarizer ? { summary: summarizer.finish(result) } : {}) });
});
