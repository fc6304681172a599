/** JavaScript modules (Node.js and the browser). */

import type { LanguagePack } from '../pack.js';
import { programStarter } from '../program-starter.js';
import { code, listing } from '../starter-kit.js';

export const javascript: LanguagePack = {
  kind: 'javascript',
  aliases: ['js', 'node', 'nodejs', 'mjs', 'cjs'],
  // TypeScript shares these signals; its own extras are counted under `ts` (see the typescript pack).
  signals: [
    { lang: 'javascript', re: /^(?:export\s+)?(?:const|let|var)\s+[\w${}[\],\s]+(?::\s*[^=]+)?=/, weight: 2, cap: 8 },
    { lang: 'javascript', re: /^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*[\w$]*\s*(?:<[^>]*>)?\(/, weight: 2, cap: 8 },
    { lang: 'javascript', re: /=>/, weight: 1, cap: 3 },
    { lang: 'javascript', re: /\brequire\(\s*['"`]/, weight: 3, cap: 9 },
    { lang: 'javascript', re: /^import\s+.+\s+from\s+['"]/, weight: 3, cap: 9 },
    { lang: 'javascript', re: /^import\s+['"][^'"]+['"];?$/, weight: 2, cap: 4 },
    { lang: 'javascript', re: /\bconsole\.(?:log|error|warn|info|debug)\(/, weight: 3, cap: 9 },
    { lang: 'javascript', re: /\bmodule\.exports\b|^exports\.\w+\s*=/, weight: 3 },
    { lang: 'javascript', re: /^export\s+(?:default|const|let|function|class|async)\b/, weight: 2, cap: 4 },
    { lang: 'javascript', re: /===|!==/, weight: 1, cap: 2 },
    { lang: 'javascript', re: /\b(?:document|window)\.\w+/, weight: 2, cap: 4 },
    { lang: 'javascript', re: /^\}\)(?:\(\))?;?$/, weight: 1, cap: 2 },
    { lang: 'javascript', re: /\bnew Promise\(|\.then\(/, weight: 1, cap: 2 },
    { lang: 'javascript', re: /^(?:app|router)\.(?:get|post|put|patch|delete|use|listen)\(/, weight: 2, cap: 6 },
    { lang: 'javascript', re: /\bJSON\.(?:parse|stringify)\(/, weight: 2, cap: 2 },
  ],
  // A JSON literal is a valid JavaScript expression.
  covers: ['json'],
  extensions: ['js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx'],
  fileName: () => 'index.js',
  comment: '//',
  starter: (text) => programStarter(text, 'javascript'),
  role: 'program',
  lab: {
    label: 'JavaScript module',
    steps: ['Implement each part marked `TODO`; keep the function signatures as they are.'],
    mistakes: ['Unbalanced braces after filling in a handler'],
    watch: ['`node --check` only checks syntax: ask learners to run the module once.'],
    check: (fileName) => ({ command: `node --check ${fileName}`, expected: 'No output: the syntax is valid.' }),
    summary: scriptSummary,
  },
};

/** What a JavaScript/TypeScript module does: the functions and classes it defines, the routes it handles. */
export function scriptSummary(source: string): string | null {
  const names = [...source.matchAll(/^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s+(\w+)|^(?:export\s+)?class\s+(\w+)/gm)].map((m) => code(m[1] ?? m[2]!));
  const routes = [...source.matchAll(/^\w+\.(get|post|put|patch|delete)\(\s*['"`]([^'"`]+)/gm)].map((m) => code(`${m[1]!.toUpperCase()} ${m[2]}`));
  const parts: string[] = [];
  if (names.length > 0) parts.push(`defines ${listing(names.slice(0, 5))}`);
  if (routes.length > 0) parts.push(`handles ${listing(routes.slice(0, 5))}`);
  return parts.length > 0 ? listing(parts) : null;
}
