/** Go programs. */

import type { LanguagePack } from '../pack.js';

export const go: LanguagePack = {
  kind: 'go',
  aliases: ['golang'],
  signals: [
    { lang: 'go', re: /^package\s+\w+$/, weight: 4 },
    { lang: 'go', re: /^func\s+(?:\([^)]*\)\s*)?\w+\s*\(/, weight: 4 },
    { lang: 'go', re: /^import\s+(?:\($|"[^"]+"$)/, weight: 3 },
    { lang: 'go', re: /:=/, weight: 1.5, cap: 4 },
    { lang: 'go', re: /\bfmt\.\w+\(/, weight: 3, cap: 6 },
    { lang: 'go', re: /\berr\s*!=\s*nil\b/, weight: 3, cap: 6 },
    { lang: 'go', re: /^type\s+\w+\s+(?:struct|interface)\s*\{/, weight: 4 },
    { lang: 'go', re: /^(?:defer\s|go\s+func\b)/, weight: 3 },
  ],
  extensions: ['go'],
  fileName: () => 'main.go',
  comment: '//',
};
