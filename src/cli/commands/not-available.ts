/** A command the contract names but this version does not have yet. */
import { UsageError } from '../../errors.js';
import type { Command } from './command.js';

export function notAvailable(name: string, usage: string, summary: string): Command {
  return {
    name,
    usage,
    summary,
    run() {
      return Promise.reject(new UsageError(`"${name}" is not available yet in this version`));
    },
  };
}
