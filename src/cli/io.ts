// What commands write to: injectable so tests run the program in-process.
import type { Issue } from '../model/index.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** progress display: only when stderr is a terminal */
  progress?(text: string): void;
  cwd?: string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  ...(process.stderr.isTTY ? { progress: (text: string) => process.stderr.write(`\r\x1b[2K${text}`) } : {}),
};

/**
 * One progress line: a bar of the files done, the rows read so far in all files, and the current file.
 * @example progressLine(2, 5, 130000, 'exports/a.csv') // '[########............]  2/5 files  130,000 rows  exports/a.csv'
 */
export function progressLine(filesDone: number, totalFiles: number, rows: number, file: string): string {
  const width = 20;
  const filled = totalFiles ? Math.round((filesDone / totalFiles) * width) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(filesDone).padStart(String(totalFiles).length)}/${totalFiles} files  ${rows.toLocaleString('en-US')} rows  ${file}`;
}

/** Exit codes: 0 ok, 1 a --fail-on threshold crossed, 2 usage, config or unreadable input. */
export const EXIT = { ok: 0, threshold: 1, usage: 2 } as const;

/** Codes that mean a file could not be used at all. */
const UNUSABLE = new Set(['file/unreadable', 'file/unrecognised', 'file/missing-columns', 'json/malformed']);

/**
 * The issues of files that could not be used at all (exit 2). A malformed NDJSON line is one
 * reject; a file is unusable only when nothing in it could be read.
 */
export function unusableIssues(files: readonly { rowsAccepted: number; issues: readonly Issue[] }[]): Issue[] {
  return files.filter((f) => f.rowsAccepted === 0).flatMap((f) => f.issues.filter((issue) => UNUSABLE.has(issue.code)));
}

/** An error that ends the command with a message and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** Load callbacks that keep a progress line on a terminal (and do nothing elsewhere). */
export function progressReporter(io: CliIo): { onRows?(file: string, rows: number, done: number, total: number): void; onFile?(result: { file: string; rowsRead: number }, done: number, total: number): void } {
  if (!io.progress) return {};
  let rowsBefore = 0;
  return {
    onRows: (file, rows, done, total) => io.progress?.(progressLine(done, total, rowsBefore + rows, file)),
    onFile: (result, done, total) => {
      rowsBefore += result.rowsRead;
      io.progress?.(progressLine(done, total, rowsBefore, result.file));
    },
  };
}
