/** OpenAPI descriptions: YAML with `openapi:` at the top. */

import type { LanguagePack } from '../pack.js';
import { code, listing } from '../starter-kit.js';

export const openapi: LanguagePack = {
  kind: 'openapi',
  language: 'yaml',
  matches: (fileName, text) => fileName === 'openapi.yaml' || /^openapi\s*:/m.test(text),
  lab: {
    label: 'OpenAPI description',
    steps: ['Describe every path with its parameters and responses, and reference shared schemas under `components`.'],
    mistakes: ['Paths without response descriptions', 'Inline schemas repeated instead of `$ref`'],
    watch: ['Have learners open the description in a viewer (Redocly, Swagger UI) to see the result of what they wrote.'],
    check: (fileName) => ({ command: `npx @redocly/cli lint ${fileName}`, expected: 'The linter reports that the description is valid (warnings are fine for now).' }),
    summary: (source) => {
      const paths = [...source.matchAll(/^ {2}(\/[^\s:]*)\s*:/gm)].map((m) => code(m[1]!));
      return paths.length > 0 ? `describes ${listing(paths.slice(0, 4))}${paths.length > 4 ? ' and more' : ''}` : null;
    },
  },
};
