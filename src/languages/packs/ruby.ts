/** Ruby scripts. */

import type { LanguagePack } from '../pack.js';

export const ruby: LanguagePack = {
  kind: 'ruby',
  aliases: ['rb'],
  signals: [
    { lang: 'ruby', re: /^def\s+\w+[?!]?(?:\(.*\))?$/, weight: 2, cap: 6 },
    { lang: 'ruby', re: /^end$/, weight: 1.5, cap: 6 },
    { lang: 'ruby', re: /^require(?:_relative)?\s+['"]/, weight: 3 },
    { lang: 'ruby', re: /^puts\s/, weight: 3, cap: 6 },
    { lang: 'ruby', re: /\bdo\s*\|[\w, ]+\|/, weight: 3, cap: 6 },
    { lang: 'ruby', re: /^attr_(?:accessor|reader|writer)\s/, weight: 3 },
  ],
  extensions: ['rb'],
  fileName: () => 'app.rb',
};
