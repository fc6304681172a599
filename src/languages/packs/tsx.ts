/** TSX (React components in TypeScript): a `.tsx` file holds it; the detector reads it as JavaScript or TypeScript. */

import type { LanguagePack } from '../pack.js';

export const tsx: LanguagePack = { kind: 'tsx', lintAccepts: ['javascript', 'typescript', 'jsx'], extensions: ['tsx'] };
