/** TOML files: `pyproject.toml`, `Cargo.toml`, configuration. */

import type { LanguagePack } from '../pack.js';
import { iniStarter } from '../ini-starter.js';
import { addScore, keyValueShaped } from '../snippet-facts.js';

export const toml: LanguagePack = {
  kind: 'toml',
  // Quoted strings, arrays, inline tables, dates and `[[array tables]]` tell TOML from INI.
  score: (facts, scores) => {
    const { kv } = facts;
    if (keyValueShaped(facts)) addScore(scores, 'toml', kv.sections + 1.5 * kv.tomlValues + 0.5 * kv.neutral + 4 * kv.arrayTables + kv.dottedSections);
  },
  extensions: ['toml'],
  conventionalNames: ['pyproject.toml', 'Cargo.toml'],
  fileName: (text) => {
    // `[tool.black]`, and the array tables of a tool too (`[[tool.mypy.overrides]]`).
    if (/^\s*\[\[?(?:tool\.[\w.-]+|project|build-system)\]/m.test(text)) return 'pyproject.toml';
    if (/^\s*\[package\]/m.test(text)) return 'Cargo.toml';
    return 'config.toml';
  },
  starter: iniStarter,
  role: 'config',
  lab: {
    label: 'TOML file',
    steps: ['Keep each setting under its `[section]`.'],
    mistakes: ['Keys outside their section'],
    watch: ['Check quoting of strings first when a learner is stuck.'],
    check: (fileName) => ({ command: `python3 -c "import tomllib; tomllib.load(open('${fileName}', 'rb'))"`, expected: 'No output: the file parses.' }),
  },
};
