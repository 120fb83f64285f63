// Builds the commander program. It never exits the process: main.ts does, from the code it returns.
import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerConnectors } from './commands/connectors.js';
import { registerInit } from './commands/init.js';
import { registerInspect } from './commands/inspect.js';
import { CliError, EXIT, processIo, type CliIo } from './io.js';

export const VERSION = '0.1.0';

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('handoff-risk')
    .description('Measure integration handoff failures across CRM, support, delivery and iPaaS exports')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)');
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  registerAnalyze(program, io, setExit);
  registerConnectors(program, io);
  registerInit(program, io);
  registerInspect(program, io, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are "errors" to commander; they are successes to the user
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      io.err(`handoff-risk: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  return exitCode;
}
