/** Ansible playbooks: YAML plays with `hosts` and `tasks`. */

import type { LanguagePack } from '../pack.js';
import { yamlBonus } from '../snippet-facts.js';

export const playbook: LanguagePack = {
  kind: 'playbook',
  language: 'yaml',
  score: yamlBonus(3, ({ nestedKeys }) => nestedKeys.has('hosts') && nestedKeys.has('tasks')),
  fileName: (text) => (/^\s*-?\s*hosts\s*:/m.test(text) && /^\s*tasks\s*:/m.test(text) ? 'playbook.yml' : null),
  matches: (fileName, _text, guessed) => fileName === 'playbook.yml' || guessed() === 'playbook.yml',
  lab: {
    label: 'Ansible playbook',
    steps: ['Keep each task idempotent: running the playbook twice must change nothing the second time.'],
    mistakes: ['Shell commands where a module would be idempotent'],
    watch: ['Ask learners to run the playbook twice and compare the "changed" counts.'],
    check: (fileName) => ({ command: `ansible-playbook --syntax-check ${fileName}`, expected: `Ansible prints \`playbook: ${fileName}\` and no error.` }),
  },
};
