/**
 * Which file name a code block shows: the one its author stated, or one the tool requires
 * (`Dockerfile`), never a guess. Decided once here for slides, handouts and lab sheets. Pure.
 */
import { inferFileName, isConventionalFileName, labelTraits, statedFileName } from '../languages/index.js';

/**
 * The file name to print on a code block: the author's (caption, `# file:` comment), or a name the tool
 * requires (`Dockerfile`); never a guess such as `script.sh` or `deployment.yaml`.
 */
export function displayFileName(code: string, language: string | null, title?: string): string | null {
  if (language === null) return null;
  const stated = statedFileName(code, language, title);
  if (stated !== null) return stated;
  const name = inferFileName(code, language, title);
  // Typed at a prompt (the pack says so): a file name label would mislead (a directory listing is no `script.sh`).
  if (name === null || labelTraits(language).typed) return null;
  return isConventionalFileName(name) ? name : null;
}
