/** Java classes. */

import type { LanguagePack } from '../pack.js';

export const java: LanguagePack = {
  kind: 'java',
  signals: [
    { lang: 'java', re: /^public\s+(?:final\s+|abstract\s+)?(?:class|interface|enum|record)\s+\w+/, weight: 4 },
    { lang: 'java', re: /public\s+static\s+void\s+main\s*\(\s*String/, weight: 6 },
    { lang: 'java', re: /\bSystem\.(?:out|err)\.print/, weight: 4, cap: 8 },
    { lang: 'java', re: /^package\s+[\w.]+;$/, weight: 4 },
    { lang: 'java', re: /^import\s+(?:static\s+)?[\w.]+(?:\.\*)?;$/, weight: 3, cap: 9 },
    {
      lang: 'java',
      re: /^@(?:Override|Autowired|Test|Entity|RestController|GetMapping|PostMapping|SpringBootApplication|Service|Component)\b/,
      weight: 2,
      cap: 6,
    },
    { lang: 'java', re: /^(?:public|private|protected)\s+(?:static\s+)?(?:final\s+)?[\w<>[\], ]+\s+\w+\s*\(/, weight: 2, cap: 6 },
  ],
  extensions: ['java'],
  fileName: (text) => `${/\bpublic\s+(?:final\s+|abstract\s+)?(?:class|interface|enum|record)\s+(\w+)/.exec(text)?.[1] ?? 'Main'}.java`,
  comment: '//',
};
