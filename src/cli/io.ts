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
