/**
 * Terminal transcripts (prompts mixed with output): highlighters treat them differently from scripts,
 * and the detector never second-guesses them. Typed, never saved.
 */

import type { LanguagePack } from '../pack.js';

export const terminalSession: LanguagePack = {
  kind: 'console',
  aliases: ['shell-session', 'shellsession', 'sh-session', 'terminal'],
  opaque: true,
  noFileName: true,
  typed: true,
};
