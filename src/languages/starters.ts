/** A student's starting point for a code example: the starter maker of its language's pack. */

import { collapseTodos, genericStarter } from './starter-kit.js';
import { packOf } from './tables.js';

/** What opens a comment in a language (`#` when its pack names none; see `commentEnd` for block comments). */
export function commentPrefix(language: string | null): string {
  return packOf(language)?.comment ?? '#';
}

/**
 * A student's starting point: structure and comments kept, substantive lines replaced by
 * `TODO` hints in the language's comment syntax (JSON keeps its keys, values become "TODO").
 */
export function starterCode(source: string, language: string | null): string {
  const text = source.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const starter = packOf(language)?.starter;
  const lines = starter ? starter(text) : genericStarter(text, commentPrefix(language), packOf(language)?.commentEnd);
  return collapseTodos(lines).join('\n');
}
