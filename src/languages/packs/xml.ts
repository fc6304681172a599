/** XML documents (Maven's `pom.xml`, configuration files). */

import type { LanguagePack } from '../pack.js';
import { addScore } from '../snippet-facts.js';

export const xml: LanguagePack = {
  kind: 'xml',
  signals: [
    { lang: 'xml', re: /^<\?xml\s/, weight: 10 },
  ],
  // Markup is XML when declared so, or when its tags are not HTML's.
  score: (facts, scores) => {
    if (scores.has('xml')) {
      addScore(scores, 'xml', facts.markupLines);
      scores.delete('html');
    } else if (facts.markupLines / Math.max(facts.significant, 1) >= 0.7 && !scores.has('html')) {
      addScore(scores, 'xml', facts.markupLines);
    }
  },
  lintAccepts: ['html'],
  extensions: ['xml'],
  comment: '<!--',
  commentEnd: '-->',
  conventionalNames: ['pom.xml'],
  fileName: (text) => (/<project[\s>]/.test(text) && /<groupId>/.test(text) ? 'pom.xml' : 'config.xml'),
};
