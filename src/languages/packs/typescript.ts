/** TypeScript modules: JavaScript plus types. */

import type { LanguagePack } from '../pack.js';
import { programStarter } from '../program-starter.js';
import { javascript } from './javascript.js';

export const typescript: LanguagePack = {
  kind: 'typescript',
  aliases: ['ts', 'mts', 'cts'],
  // TypeScript-only extras, on top of the JavaScript signals: annotations (`ts`) count only on top of
  // JavaScript-like code or type declarations (`tsdecl`), see `score`.
  signals: [
    { lang: 'tsdecl', re: /^(?:export\s+)?(?:declare\s+)?interface\s+\w+(?:<[^>]*>)?(?:\s+extends\s+[^{]+)?\s*\{/, weight: 4 },
    { lang: 'tsdecl', re: /^(?:export\s+)?type\s+\w+(?:<[^>]*>)?\s*=/, weight: 4 },
    { lang: 'tsdecl', re: /^import\s+type\s/, weight: 4 },
    { lang: 'ts', re: /[\w)?]\s*:\s*(?:string|number|boolean|void|any|unknown|never|bigint)(?:\[\])?\b/, weight: 2, cap: 8 },
    { lang: 'ts', re: /\)\s*:\s*[\w.[\]<>]+(?:\s*\|\s*[\w.[\]<>]+)*\s*(?:\{|=>)/, weight: 2, cap: 4 },
    { lang: 'ts', re: /^(?:public|private|protected|readonly)\s+(?:readonly\s+)?\w+\s*[:=(;]/, weight: 1, cap: 2 },
    { lang: 'ts', re: /^(?:export\s+)?(?:const\s+)?enum\s+\w+\s*\{/, weight: 3 },
    { lang: 'ts', re: /\bas\s+(?:const|string|number|any|unknown)\b/, weight: 2, cap: 4 },
    { lang: 'ts', re: /\bimplements\s+\w+/, weight: 2 },
    { lang: 'ts', re: /<\w+(?:\[\])?>\s*\(|:\s*(?:Array|Record|Partial|Promise|Map|Set)<\w/, weight: 2, cap: 4 },
  ],
  score: (_facts, scores) => {
    const js = scores.get('javascript') ?? 0;
    const tsDeclarations = scores.get('tsdecl') ?? 0;
    const tsExtra = (scores.get('ts') ?? 0) + tsDeclarations;
    scores.delete('ts');
    scores.delete('tsdecl');
    if (tsExtra >= 3 && (js > 0 || tsDeclarations > 0)) {
      scores.set('typescript', js + tsExtra);
      scores.delete('javascript');
    }
  },
  // Plain JavaScript is valid TypeScript, and so is a JSON literal.
  covers: ['javascript', 'json'],
  extensions: ['ts', 'tsx'],
  fileName: () => 'index.ts',
  comment: '//',
  starter: (text) => programStarter(text, 'javascript'),
  role: 'program',
  // TypeScript is JavaScript plus types: the goal summary is JavaScript's.
  lab: {
    ...javascript.lab!,
    label: 'TypeScript module',
    steps: ['Implement each part marked `TODO`; keep the types as they are.'],
    mistakes: ['Type errors hidden with `any`'],
    watch: ['Type errors are expected on the first try; read the first one together.'],
    check: (fileName) => ({ command: `npx tsc --noEmit ${fileName}`, expected: 'No output: the module type-checks.' }),
  },
};
