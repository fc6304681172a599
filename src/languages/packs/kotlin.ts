/** Kotlin programs: only their comment syntax, for a starter's TODO lines. */

import type { LanguagePack } from '../pack.js';

export const kotlin: LanguagePack = { kind: 'kotlin', comment: '//' };
