/** Python modules and scripts. */

import type { LanguagePack } from '../pack.js';
import { programStarter } from '../program-starter.js';
import { code, listing } from '../starter-kit.js';

export const python: LanguagePack = {
  kind: 'python',
  aliases: ['py', 'py3', 'python3'],
  signals: [
    { lang: 'python', re: /^(?:async\s+)?def\s+\w+\s*\(.*\)\s*(?:->\s*[^:]+)?:$/, weight: 4 },
    { lang: 'python', re: /^(?:async\s+)?def\s+\w+\s*\([^)]*$/, weight: 2 },
    { lang: 'python', re: /^class\s+\w+(?:\(.*\))?:$/, weight: 4 },
    { lang: 'python', re: /^from\s+\.*[\w.]+\s+import\s+\S/, weight: 4 },
    { lang: 'python', re: /^import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*$/, weight: 3 },
    { lang: 'python', re: /(?:^|[^\w.])print\(/, weight: 2, cap: 6 },
    { lang: 'python', re: /^if\s+__name__\s*==/, weight: 5 },
    { lang: 'python', re: /^(?:elif\s.+|else|try|finally|except(?:\s.+)?)\s*:$/, weight: 2, cap: 6 },
    { lang: 'python', re: /^(?:if|for|while|with)\s.+:$/, weight: 1, cap: 4 },
    { lang: 'python', re: /\bself\./, weight: 1, cap: 3 },
    { lang: 'python', re: /\b(?:True|False|None)\b/, weight: 1, cap: 2 },
    { lang: 'python', re: /\bf"[^"]*\{|\bf'[^']*\{/, weight: 1, cap: 2 },
    { lang: 'python', re: /\b(?:len|range|enumerate|isinstance)\(/, weight: 1, cap: 2 },
    { lang: 'python', re: /^@\w+(?:\.\w+)*(?:\(.*\))?$/, weight: 1, cap: 2 },
  ],
  extensions: ['py'],
  fileName: (text) => (/^\s*(?:async\s+)?def\s+test_\w/m.test(text) ? 'test_app.py' : 'app.py'),
  starter: (text) => programStarter(text, 'python'),
  role: 'program',
  lab: {
    label: 'Python module',
    steps: ['Implement each function marked `TODO`; keep the signatures as they are.'],
    mistakes: ['Indentation errors after replacing a `TODO`'],
    watch: ['A file that compiles may still fail at run time: ask learners to run it once.'],
    check: (fileName) => ({ command: `python3 -m py_compile ${fileName}`, expected: 'No output: the module compiles.' }),
    summary: (source) => {
      const names = [...source.matchAll(/^(?:async\s+)?def\s+(\w+)|^class\s+(\w+)/gm)].map((m) => code(m[1] ?? m[2]!));
      return names.length > 0 ? `defines ${listing(names.slice(0, 5))}` : null;
    },
  },
};
