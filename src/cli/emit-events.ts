// `analyze --emit-events FILE.ndjson`: the normalised event stream, one JSON object a line, for a
// warehouse or a distributed SQL engine to take over (docs/metrics.md has the SQL).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { HandoffEvent } from '../model/index.js';

/** Writes events in the order given (time order from the loader), with backpressure, and resolves when flushed. */
export async function writeEventsNdjson(path: string, events: Iterable<HandoffEvent>): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let count = 0;
  let buffer = '';
  for (const event of events) {
    buffer += `${JSON.stringify(event)}\n`;
    count++;
    // batch lines: one write per ~64 KB keeps the stream fast without holding the whole file
    if (buffer.length >= 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return count;
}
