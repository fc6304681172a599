/** A student's starting point for a code example: the starter maker of its file kind. */

import { collapseTodos, commentPrefix, genericStarter } from './starter-kit.js';
import { braceStarter } from './brace-starter.js';
import { dockerfileStarter } from './dockerfile-starter.js';
import { iniStarter } from './ini-starter.js';
import { jsonStarter } from './json-starter.js';
import { programStarter } from './program-starter.js';
import { sqlStarter } from './sql-starter.js';
import { yamlStarter } from './yaml-starter.js';

/**
 * A student's starting point: structure and comments kept, substantive lines replaced by
 * `TODO` hints in the language's comment syntax (JSON keeps its keys, values become "TODO").
 */
export function starterCode(source: string, language: string | null): string {
  const text = source.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  let lines: string[];
  switch (language) {
    case 'dockerfile': lines = dockerfileStarter(text); break;
    case 'yaml': lines = yamlStarter(text); break;
    case 'json': return jsonStarter(text);
    case 'sql': lines = sqlStarter(text); break;
    case 'python': lines = programStarter(text, 'python'); break;
    case 'javascript': case 'typescript': lines = programStarter(text, 'javascript'); break;
    case 'hcl': case 'nginx': lines = braceStarter(text, language); break;
    case 'toml': case 'ini': lines = iniStarter(text); break;
    default: lines = genericStarter(text, commentPrefix(language));
  }
  return collapseTodos(lines).join('\n');
}
