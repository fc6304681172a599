/** Every command, in the order `--help` lists them. Add a command by adding its file here. */
import { build } from './build.js';
import { check } from './check.js';
import { indexMerge } from './index-merge.js';
import type { Command } from './command.js';
import { inspect } from './inspect.js';
import { newLesson } from './new.js';
import { serve } from './serve.js';
import { watch } from './watch.js';
import { workshop } from './workshop.js';

export type { Command, CommandContext } from './command.js';

export const commands: readonly Command[] = [build, check, inspect, watch, serve, indexMerge, workshop, newLesson];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}
