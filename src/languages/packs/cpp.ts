/** C++ programs: C plus its own library and syntax. */

import type { LanguagePack } from '../pack.js';

export const cpp: LanguagePack = {
  kind: 'cpp',
  aliases: ['c++', 'cc', 'cxx', 'hpp'],
  // C++ extras, counted under `cppx` on top of the C signals (see `score`).
  signals: [
    { lang: 'cppx', re: /^#include\s*<[\w/]+>/, weight: 4 },
    { lang: 'cppx', re: /std::|\bcout\s*<<|\bcin\s*>>|\busing\s+namespace\s+std\b|\btemplate\s*<|\bnullptr\b/, weight: 3, cap: 9 },
  ],
  score: (_facts, scores) => {
    const c = scores.get('c') ?? 0;
    const cppExtra = scores.get('cppx') ?? 0;
    scores.delete('cppx');
    if (cppExtra >= 3) {
      scores.set('cpp', c + cppExtra);
      scores.delete('c');
    }
  },
  covers: ['c'],
  extensions: ['cpp', 'h'],
  fileName: () => 'main.cpp',
  comment: '//',
};
