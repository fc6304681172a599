/**
 * Language knowledge: what Lectern knows about each kind of file a lesson shows, one pack per kind
 * (`packs/`, listed in `registry.ts`): fence aliases, content detection, file names, starters, lab
 * facts. Extraction, lint, lab planning and the renderers read it from here.
 */
export { normalizeLanguage } from './aliases.js';
export { detectLanguage, languagesAgree } from './detect.js';
export { fileNamesIn, inferFileName, statedFileName } from './file-names.js';
export { isConventionalFileName, labelTraits, lintAccepted } from './tables.js';
export { registerLanguage } from './registry.js';
export type { CheckYourWork, LabFacts, LanguagePack } from './pack.js';
