/**
 * YAML files in general. Compose files, Kubernetes manifests, OpenAPI descriptions, workflows and
 * playbooks are YAML too: their packs (`language: 'yaml'`) add their own names, bonus and lab facts.
 */

import type { LanguagePack } from '../pack.js';
import { addScore, yamlShare } from '../snippet-facts.js';
import { yamlStarter } from '../yaml-starter.js';

export const yaml: LanguagePack = {
  kind: 'yaml',
  aliases: ['yml'],
  // Mostly key/list lines.
  score: (facts, scores) => {
    const share = yamlShare(facts);
    if (share === 0) return;
    if (share >= 0.8 && facts.yaml.lines >= 2) addScore(scores, 'yaml', facts.yaml.lines);
    else addScore(scores, 'yaml', Math.min(facts.yaml.lines * 0.5, 2));
  },
  // A JSON document is valid YAML.
  lintAccepts: ['json'],
  extensions: ['yml', 'yaml'],
  fileName: () => 'config.yaml',
  starter: yamlStarter,
  role: 'config',
  lab: {
    label: 'YAML file',
    steps: ['Indent with spaces only; YAML treats indentation as structure.'],
    mistakes: ['Tabs in indentation', 'Unquoted values that YAML reads as numbers or booleans (`yes`, `3.10`)'],
    watch: ['Check indentation first when a learner is stuck.'],
    check: (fileName) => ({ command: `yamllint ${fileName}`, expected: 'No errors (line-length warnings are fine).' }),
  },
};
