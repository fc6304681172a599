/** Markdown shown as source: read, never second-guessed, never a lab task. */

import type { LanguagePack } from '../pack.js';

export const markdown: LanguagePack = { kind: 'markdown', aliases: ['md'], opaque: true, noTask: true, extensions: ['md'] };
