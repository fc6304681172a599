/** C programs (C++ extras are counted by the cpp pack). */

import type { LanguagePack } from '../pack.js';

export const c: LanguagePack = {
  kind: 'c',
  aliases: ['h'],
  signals: [
    { lang: 'c', re: /^#include\s*<[\w/]+\.h>/, weight: 4 },
    { lang: 'c', re: /^#include\s*"[\w/.]+"/, weight: 2 },
    { lang: 'c', re: /^#define\s+\w+/, weight: 2 },
    { lang: 'c', re: /^(?:int|void|char|float|double|long|unsigned|static|struct\s+\w+)\s+\**\w+\s*\([^)]*\)\s*\{?$/, weight: 3, cap: 9 },
    { lang: 'c', re: /\b(?:printf|scanf|malloc|free|sizeof|fprintf|strcpy|strlen)\(/, weight: 2, cap: 6 },
  ],
  extensions: ['c', 'h'],
  fileName: () => 'main.c',
  comment: '//',
};
