// Test helpers: read a fixture file or text through the real runtime and collect what it produced.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { connectors } from '../../connectors/index.js';
import type { Connector } from '../../src/ingest/connector.js';
import { compareEvents } from '../../src/ingest/load.js';
import { readFile, type FileResult, type ReadOptions } from '../../src/ingest/run-connector.js';
import { fileSource, textSource } from '../../src/ingest/source.js';
import type { HandoffEvent } from '../../src/model/index.js';

export interface Read {
  result: FileResult;
  events: HandoffEvent[];
}

type Options = Omit<ReadOptions, 'emit'> & { connectors?: readonly Connector[] };

/** Reads in-memory text as a file named `name` (its extension picks the format). */
export async function readText(name: string, content: string | Uint8Array, options: Options = {}, chunkSize?: number): Promise<Read> {
  const events: HandoffEvent[] = [];
  const result = await readFile(textSource(name, content, chunkSize), options.connectors ?? connectors, { ...options, emit: (e) => events.push(e) });
  return { result, events: events.sort(compareEvents) };
}

/** Reads a file from disk, citing it by `name`. */
export async function readPath(path: string, name: string, options: Options = {}): Promise<Read> {
  const events: HandoffEvent[] = [];
  const result = await readFile(fileSource(path, name), options.connectors ?? connectors, { ...options, emit: (e) => events.push(e) });
  return { result, events: events.sort(compareEvents) };
}

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The golden cases of a connector: `test/fixtures/connectors/<id>/<case>/`. */
export function fixtureCases(id: string): string[] {
  try {
    return readdirSync(join(FIXTURES, 'connectors', id), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
