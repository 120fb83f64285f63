// What commands write to: injectable so tests run the program in-process.
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
