/** INI-style configuration (`.ini`, `.cfg`, `.properties`, `.editorconfig`). */

import type { LanguagePack } from '../pack.js';
import { iniStarter } from '../ini-starter.js';
import { addScore, keyValueShaped } from '../snippet-facts.js';

export const ini: LanguagePack = {
  kind: 'ini',
  aliases: ['cfg', 'conf', 'properties', 'dosini', 'editorconfig'],
  score: (facts, scores) => {
    const { kv } = facts;
    if (keyValueShaped(facts)) addScore(scores, 'ini', kv.sections + 1.5 * kv.iniValues + 0.5 * kv.neutral);
  },
  extensions: ['conf', 'ini', 'cfg', 'properties', 'env'],
  fileName: () => 'config.ini',
  starter: iniStarter,
  role: 'config',
  lab: {
    label: 'configuration file',
    steps: ['Keep each setting under its `[section]`.'],
    mistakes: ['Keys outside their section'],
    watch: ['Check section headers first when a learner is stuck.'],
  },
};
