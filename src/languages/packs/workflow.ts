/** CI workflows (GitHub Actions and alike): YAML with `jobs` and a trigger or a runner. */

import type { LanguagePack } from '../pack.js';
import { yamlBonus } from '../snippet-facts.js';

export const workflow: LanguagePack = {
  kind: 'workflow',
  language: 'yaml',
  score: yamlBonus(4, ({ topKeys, nestedKeys }) => topKeys.has('jobs') && (topKeys.has('on') || nestedKeys.has('runs-on'))),
  fileName: (text, facts) => {
    const top = facts().yaml.topKeys;
    return top.has('jobs') && (top.has('on') || /\bruns-on\s*:/.test(text)) ? 'workflow.yml' : null;
  },
  matches: (fileName, _text, guessed) => fileName === 'workflow.yml' || guessed() === 'workflow.yml',
  lab: {
    label: 'workflow file',
    steps: ['Name each job and step so the run log reads like a checklist.'],
    mistakes: ['Wrong indentation under `steps`'],
    watch: ['Check the indentation under `jobs` and `steps` first when a learner is stuck.'],
    check: (fileName) => ({ command: `actionlint ${fileName}`, expected: 'No output: the workflow is valid.' }),
  },
};
