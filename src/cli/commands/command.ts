/** What one `lectern <command>` is: its help line and what it runs. */
import type { ParsedArgs } from '../args.js';
import type { CliIO } from '../io.js';

export interface CommandContext {
  args: ParsedArgs;
  io: CliIO;
}

export interface Command {
  name: string;
  /** Shown in `--help`, e.g. "check [PATH...]". */
  usage: string;
  summary: string;
  /** Returns the exit status; throws a `LecternError` for usage and environment faults. */
  run(ctx: CommandContext): Promise<number>;
}
