/**
 * Language knowledge: what Lectern knows about each kind of file a lesson shows (fence aliases,
 * content detection, file names). Extraction, lint and lab planning read it from here.
 */
export { normalizeLanguage } from './aliases.js';
export { detectLanguage, languagesAgree } from './detect.js';
export { CONVENTIONAL_FILE_NAMES, fileNamesIn, inferFileName, statedFileName } from './file-names.js';
