/** The `--help` text, built from the command table and the option table so neither can drift. */
import { optionSpecs } from './args.js';
import type { Command } from './commands/command.js';

/** The full usage text, ending with a newline. */
export function helpText(commands: readonly Command[], version: string): string {
  const commandRows = commands.map((command) => [command.usage, command.summary] as const);
  const optionRows = [
    ...Object.entries(optionSpecs).map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.description] as const),
    ['--version', 'print the version and exit'] as const,
    ['-h, --help', 'print this help and exit'] as const,
  ];
  const width = Math.max(...[...commandRows, ...optionRows].map(([left]) => left.length)) + 2;
  const rows = (list: ReadonlyArray<readonly [string, string]>) =>
    list.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
  return `lectern ${version} — turn Markdown course lessons into decks, handouts and labs

Usage: lectern <command> [PATH...] [options]

Commands:
${rows(commandRows)}

Options:
${rows(optionRows)}

PATH is a lesson file or a folder of them (default lessons/).
A config file (lectern.config.json or .yaml) sets the same options; flags win over it.

Exit status: 0 done (warnings allowed), 1 a lesson had an error, 2 bad usage or config,
3 environment problem (no usable Chromium, unwritable output).
`;
}

/** Help for one command (`lectern help CMD`, `lectern CMD --help`): its usage, what it does, the options. */
export function commandHelpText(command: Command, version: string): string {
  const optionRows = [
    ...Object.entries(optionSpecs).map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ''}`, spec.description] as const),
    ['-h, --help', 'print this help and exit'] as const,
  ];
  const width = Math.max(...optionRows.map(([left]) => left.length)) + 2;
  return `lectern ${version}

Usage: lectern ${command.usage} [options]

${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.

Options (those that do not apply to ${command.name} are ignored):
${optionRows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n')}

Run "lectern --help" for every command.
`;
}
