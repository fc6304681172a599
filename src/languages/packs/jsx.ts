/** JSX (React components): a `.jsx` file holds it; the detector reads it as JavaScript. */

import type { LanguagePack } from '../pack.js';

export const jsx: LanguagePack = { kind: 'jsx', lintAccepts: ['javascript'], extensions: ['jsx'] };
