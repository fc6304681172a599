/**
 * src/cli/ is the command line: arguments (args.ts) and config files (config.ts) read, one file per
 * command in commands/, the help text, and diagnostics printed (report.ts).
 *
 * This file: the CLI entry: parses arguments, runs one command and returns its exit status. It never
 * calls `process.exit`; `bin/lectern.js` sets the status. A `LecternError` becomes one line on stderr
 * and its own exit code; any other exception is a bug: its message (and stack with LECTERN_DEBUG=1),
 * exit 1.
 */
import { LecternError, UsageError } from '../errors.js';
import { parseArgs } from './args.js';
import { commands, findCommand } from './commands/index.js';
import { commandHelpText, helpText } from './help.js';
import type { CliIO } from './io.js';
import { processIO } from './io.js';
import { packageVersion } from './version.js';
import { reportParsesOnExit } from './parse-count-report.js';

function printCause(error: unknown, io: CliIO): void {
  let cause = error instanceof Error ? error.cause : undefined;
  while (cause !== undefined) {
    io.stderr.write(`  caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
}

/** Runs `lectern` with `argv` (the words after `lectern`); resolves to the exit status. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = io.env.LECTERN_DEBUG === '1';
  reportParsesOnExit(io.env);
  // Only mistakes on the command line itself get the pointer to --help.
  let parsing = true;
  try {
    const args = parseArgs(argv);
    if (args.version) {
      io.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    // `lectern help CMD` and `lectern CMD --help`: that command's help; `lectern help`: all of it.
    const helpFor = args.command === 'help' ? args.positionals[0] : args.help ? args.command : undefined;
    if (args.help || args.command === 'help') {
      if (helpFor === undefined) {
        io.stdout.write(helpText(commands, packageVersion()));
        return 0;
      }
      const command = findCommand(helpFor);
      if (!command) throw new UsageError(`unknown command "${helpFor}"`);
      io.stdout.write(commandHelpText(command, packageVersion()));
      return 0;
    }
    if (args.command === undefined) {
      io.stderr.write(helpText(commands, packageVersion()));
      return 2;
    }
    const command = findCommand(args.command);
    if (!command) throw new UsageError(`unknown command "${args.command}"`);
    parsing = false;
    return await command.run({ args, io });
  } catch (error) {
    if (error instanceof LecternError) {
      io.stderr.write(`lectern: ${error.message}\n`);
      if (parsing && error instanceof UsageError) io.stderr.write('Run "lectern --help" for usage.\n');
      if (debug) {
        io.stderr.write(`${error.stack ?? ''}\n`);
        printCause(error, io);
      }
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`lectern: ${message}\n`);
    if (debug) {
      if (error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
      printCause(error, io);
    } else {
      io.stderr.write('This is a bug in Lectern; run again with LECTERN_DEBUG=1 to see where it happened.\n');
    }
    return 1;
  }
}
