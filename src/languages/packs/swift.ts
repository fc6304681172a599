/** Swift programs: only their comment syntax, for a starter's TODO lines. */

import type { LanguagePack } from '../pack.js';

export const swift: LanguagePack = { kind: 'swift', comment: '//' };
