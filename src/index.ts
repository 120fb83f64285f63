// The library API: the same pipeline the CLI runs, importable from TypeScript.
export * from './model/index.js';
export * from './ingest/connector.js';
export { detectConnector } from './ingest/detect.js';
export { loadInputs, listInputs, compareEvents, type LoadResult, type LoadOptions } from './ingest/load.js';
export { readFile, formatOf, type FileResult, type ReadOptions } from './ingest/run-connector.js';
export { fileSource, textSource, type InputSource } from './ingest/source.js';
export { parseTimestamp, inferDateOrder, type DateOrder } from './ingest/timestamps.js';
export { summarizeFile, type FileSummary } from './ingest/summarize.js';
export { findTeamHandoffs, recordKey } from './correlate/handoffs.js';
export { connectors } from '../connectors/index.js';
export { runCli } from './cli/program.js';
