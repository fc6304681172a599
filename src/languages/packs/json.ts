/** JSON documents: `package.json`, `tsconfig.json`, configuration and data. */

import type { LanguagePack } from '../pack.js';
import { jsonStarter } from '../json-starter.js';
import { addScore } from '../snippet-facts.js';

/** Largest snippet handed to `JSON.parse` whole. */
const MAX_JSON_PARSE = 1_000_000;

export const json: LanguagePack = {
  kind: 'json',
  aliases: ['jsonc', 'json5'],
  // Parses as an object or array (decisive), or looks like one (JSONC, elided or broken JSON).
  score: (facts, scores) => {
    const text = facts.code;
    if (!/^[[{]/.test(text) || !/[\]}]$/.test(text)) return;
    if (text.length <= MAX_JSON_PARSE && parsesAsJson(text)) addScore(scores, 'json', Math.max(10, 2 * facts.significant));
    else if (facts.jsonKeyLines / Math.max(facts.significant, 1) >= 0.4) addScore(scores, 'json', 2 * facts.jsonKeyLines);
  },
  extensions: ['json'],
  conventionalNames: ['package.json', 'tsconfig.json'],
  fileName: (text) => {
    if (/"compilerOptions"\s*:/.test(text)) return 'tsconfig.json';
    if (/"name"\s*:/.test(text) && /"(?:dependencies|devDependencies|scripts)"\s*:/.test(text)) return 'package.json';
    return /^\s*\[/.test(text) ? 'data.json' : 'config.json';
  },
  comment: '//',
  // One element: the skeleton is final, its lines are not merged like TODO hints.
  starter: (text) => [jsonStarter(text)],
  role: 'config',
  lab: {
    label: 'JSON file',
    steps: ['Replace each `"TODO"` value with a value of the right type (string, number, boolean, list or object).'],
    mistakes: ['Trailing commas and comments, which JSON does not allow'],
    watch: ['A JSON validator points at the exact character; let learners find the error themselves.'],
    check: (fileName) => ({ command: `python3 -m json.tool ${fileName}`, expected: 'The JSON is printed back, formatted, with no error.' }),
  },
};

/** True when `text` parses: an object or an array, since the caller has seen it open and close like one. */
function parsesAsJson(text: string): boolean {
  let parses = true;
  try {
    JSON.parse(text);
  } catch {
    parses = false;
  }
  return parses;
}
