/** Normalising a fence info string to a language, through the aliases the packs declare. */

import { aliasTarget } from './tables.js';

/** Normalises a fence info string: first word, lower-case, aliases mapped; null for empty. */
export function normalizeLanguage(info: string | null | undefined): string | null {
  if (typeof info !== 'string') return null;
  // `{r, echo=FALSE}`, `{.python}`, `.yaml`: drop the Pandoc/R Markdown wrapping first.
  const text = info.replace(/^[{.\s]+/, '');
  // First token; stops at attributes (`{.line-numbers}`, `title="x"`, `js:app.js`, `yaml[1-3]`).
  const token = /^[^\s{}[\](),;:="'`]+/.exec(text)?.[0];
  if (!token) return null;
  let name = token.toLowerCase().replace(/\.+$/, '');
  name = name.replace(/^(?:language|lang)-(?=.)/, '');
  return aliasTarget(name);
}
