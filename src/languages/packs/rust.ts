/** Rust programs. */

import type { LanguagePack } from '../pack.js';

export const rust: LanguagePack = {
  kind: 'rust',
  aliases: ['rs'],
  signals: [
    { lang: 'rust', re: /^(?:pub(?:\(crate\))?\s+)?(?:async\s+)?fn\s+\w+/, weight: 4 },
    { lang: 'rust', re: /\blet\s+mut\s/, weight: 3, cap: 6 },
    { lang: 'rust', re: /\b(?:println|eprintln|print|format|panic|assert|assert_eq|write|writeln)!\(|\bvec!\[/, weight: 3, cap: 9 },
    { lang: 'rust', re: /^use\s+[\w:]+(?:::\{[^}]*\}|::\*)?;$/, weight: 3, cap: 6 },
    { lang: 'rust', re: /^impl(?:<[^>]*>)?\s+[\w<>:]+/, weight: 3 },
    { lang: 'rust', re: /^#\[(?:derive|test|cfg|tokio)/, weight: 4 },
    { lang: 'rust', re: /&str\b|&mut\s|\bString::|\bOption<|\bResult<|\bVec<|\bSome\(|\bOk\(/, weight: 1.5, cap: 4 },
  ],
  extensions: ['rs'],
  fileName: () => 'main.rs',
  comment: '//',
};
