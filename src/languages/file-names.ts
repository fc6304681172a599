/** Suggesting and recognising a file name for a code example. */

import { normalizeLanguage } from './aliases.js';
import { analyse, detectLanguage, sampleLines } from './detect.js';
import type { SnippetFacts } from './snippet-facts.js';
import { baseNameLanguages, extensionLanguages, kindsOf, knownExtensions, labelTraits, packOf } from './tables.js';

/** Extensionless names that are files on their own (`Dockerfile.dev` too). */
const BASE_NAMES = 'Dockerfile(?:\\.[\\w-]+)?|Containerfile|Makefile|Procfile|Jenkinsfile|Vagrantfile|Gemfile';

let fileNamePattern: { extensions: string; re: RegExp } | null = null;

/** A file name in prose: a path ending in a known extension, or one of {@link BASE_NAMES}. */
function fileNameRe(): RegExp {
  const extensions = knownExtensions().map(escapeRegExp).join('|');
  if (fileNamePattern?.extensions !== extensions) {
    const re = new RegExp(
      `(?:^|[\\s\`'"(/:])((?:[\\w.-]+/)*(?:[\\w-][\\w.-]*\\.(?:${extensions})|${BASE_NAMES}))(?=$|[\\s\`'",;:)!?])`,
    );
    fileNamePattern = { extensions, re };
  }
  return fileNamePattern.re;
}

/** An extension as a pattern that matches just itself (`c++`). */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Technology names that look like file names. */
const NOT_FILES = /^(?:node|vue|next|nuxt|express|react|d3|three|chart|ember|backbone|angular|moment|p5|ml5|alpine|nest|meteor|socket\.io)\.js$/i;

/** Suggested file name for a code example, or null: Dockerfile, docker-compose.yml, deployment.yaml, schema.sql, main.tf, app.py, config.json, index.js, script.sh, nginx.conf, ... */
export function inferFileName(code: string, language: string | null, title?: string): string | null {
  try {
    const text = typeof code === 'string' ? code : '';
    const declared = normalizeLanguage(language);
    if (declared !== null && labelTraits(declared).noFileName) return null;
    const lang = declared ?? detectLanguage(text, null);

    // A file name given by the author wins: in the title, or in a leading comment (`# app.py`).
    const named = fileNameIn(title) ?? fileNameInComment(text);
    if (named !== null && fitsLanguage(named, lang)) return named;

    if (lang === null) return null;
    return fileNameFor(text, lang);
  } catch {
    return null;
  }
}

/**
 * The file name the author gave an example (in its title, or a leading `# file:` comment) when it fits
 * the language, else null: never a guess.
 */
export function statedFileName(code: string, language: string | null, title?: string): string | null {
  try {
    const declared = normalizeLanguage(language);
    if (declared !== null && labelTraits(declared).noFileName) return null;
    const named = fileNameIn(title) ?? fileNameInComment(code);
    return named !== null && fitsLanguage(named, declared) ? named : null;
  } catch {
    return null;
  }
}

/** Every file name written in a piece of prose (`web.yaml`, `Dockerfile`), in order, without repeats. */
export function fileNamesIn(text: string): string[] {
  const names: string[] = [];
  const global = new RegExp(fileNameRe().source, 'g');
  for (const match of text.matchAll(global)) {
    const path = match[1]!;
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (!NOT_FILES.test(base) && !names.includes(base)) names.push(base);
  }
  return names;
}

function fileNameIn(text: string | undefined): string | null {
  if (!text) return null;
  const match = fileNameRe().exec(text);
  const path = match?.[1];
  if (!path) return null;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return NOT_FILES.test(base) ? null : base;
}

function fileNameInComment(code: string): string | null {
  for (const line of sampleLines(code).slice(0, 5)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#!')) continue;
    const comment = /^(?:#|\/\/|--|;|<!--|\/\*)\s*(?:file(?:name)?\s*:\s*)?(\S+?)\s*(?:-->|\*\/)?$/i.exec(t);
    return comment?.[1] ? fileNameIn(comment[1]) : null;
  }
  return null;
}

function fitsLanguage(name: string, lang: string | null): boolean {
  if (lang === null) return true;
  const lower = name.toLowerCase();
  const special = baseNameLanguages(lower.replace(/\..*/, ''));
  if (special) return special.includes(lang);
  // An extension no pack knows, or none (Makefile, Procfile, …), makes no claim about the language.
  const langs = extensionLanguages(lower.slice(lower.lastIndexOf('.') + 1));
  return langs === undefined || langs.includes(lang);
}

/** The first name the language's file kinds suggest (`docker-compose.yml`), else the language's own (`config.yaml`). */
function fileNameFor(code: string, lang: string): string | null {
  let facts: SnippetFacts | undefined;
  const factsOf = () => (facts ??= analyse(code).facts);
  for (const pack of [...kindsOf(lang), packOf(lang)]) {
    const name = pack?.fileName?.(code, factsOf) ?? null;
    if (name !== null) return name;
  }
  return null;
}
