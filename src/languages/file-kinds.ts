/**
 * The file kind of a lab's "write this file" task: which pack an example belongs to (a Compose file
 * rather than any YAML file), and the lab facts and check command that pack gives it.
 */

import type { CheckYourWork } from './pack.js';
import { inferFileName } from './file-names.js';
import { kindsOf, labFacts, packOf } from './tables.js';

export { labFacts };

/**
 * The kind of an example written as `fileName`: the first file kind of its language that claims it
 * (`compose` for YAML with `services`), else the language's own pack when it has lab facts, else `other`.
 */
export function fileKind(fileName: string, language: string, code: string): string {
  let guess: string | undefined;
  // The kind comes from the content (the guessed name says it); the name on the sheet may be the author's.
  const guessed = () => (guess ??= inferFileName(code, language) ?? '');
  for (const pack of kindsOf(language)) {
    if (pack.lab && pack.matches?.(fileName, code, guessed)) return pack.kind;
  }
  return packOf(language)?.lab ? language : 'other';
}

/** The verify command for a file kind, with what it prints when the file is right. */
export function checkFor(kind: string, fileName: string, code: string): CheckYourWork | null {
  return labFacts(kind).check?.(fileName, code) ?? null;
}
