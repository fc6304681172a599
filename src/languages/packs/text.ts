/** Plain text: output, notes, anything that is not code. Never second-guessed, never a file. */

import type { LanguagePack } from '../pack.js';

export const text: LanguagePack = {
  kind: 'text',
  aliases: ['txt', 'plaintext', 'plain', 'none', 'nohighlight', 'no-highlight'],
  opaque: true,
  noFileName: true,
  noTask: true,
  // Other packs claim `.conf` and `.env` too: a file with that name fits a text block as well.
  extensions: ['txt', 'conf', 'env'],
};
