/** Style sheets. */

import type { LanguagePack } from '../pack.js';

export const css: LanguagePack = {
  kind: 'css',
  signals: [
    { lang: 'css', re: /^(?:[.#]?[\w-]+|\*)(?:[\s>+~,:]+[.#]?[\w-]+(?:\([^)]*\))?)*\s*\{$/, weight: 0.5, cap: 2 },
    { lang: 'css', re: /^[\w-]+\s*:\s*[^;{}]+;$/, weight: 1, cap: 10 },
    { lang: 'css', re: /^@(?:media|import|font-face|keyframes)\b/, weight: 3 },
  ],
  extensions: ['css'],
  fileName: () => 'styles.css',
  // CSS has no line comments: `//` would start a broken rule.
  comment: '/*',
  commentEnd: '*/',
};
