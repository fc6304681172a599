/**
 * The language packs Lectern knows, one line each (each pack is one file of `src/languages/packs/`,
 * all a file kind is to Lectern). Detection, file names, starters, lint and lab
 * planning read them from here (through `tables.ts`); nothing else lists languages.
 *
 * Order matters only among the file kinds of one language (`compose`, `kubernetes`, … of `yaml`):
 * the first whose file name or `matches` fits an example wins, before the language's own pack.
 */

import type { LanguagePack } from './pack.js';
import { bash } from './packs/bash.js';
import { c } from './packs/c.js';
import { compose } from './packs/compose.js';
import { terminalSession } from './packs/console.js';
import { cpp } from './packs/cpp.js';
import { css } from './packs/css.js';
import { dockerfile } from './packs/dockerfile.js';
import { go } from './packs/go.js';
import { hcl } from './packs/hcl.js';
import { html } from './packs/html.js';
import { ini } from './packs/ini.js';
import { java } from './packs/java.js';
import { javascript } from './packs/javascript.js';
import { json } from './packs/json.js';
import { jsx } from './packs/jsx.js';
import { kotlin } from './packs/kotlin.js';
import { kubernetes } from './packs/kubernetes.js';
import { markdown } from './packs/markdown.js';
import { nginx } from './packs/nginx.js';
import { openapi } from './packs/openapi.js';
import { playbook } from './packs/playbook.js';
import { powershell } from './packs/powershell.js';
import { python } from './packs/python.js';
import { ruby } from './packs/ruby.js';
import { rust } from './packs/rust.js';
import { sql } from './packs/sql.js';
import { swift } from './packs/swift.js';
import { text } from './packs/text.js';
import { toml } from './packs/toml.js';
import { tsx } from './packs/tsx.js';
import { typescript } from './packs/typescript.js';
import { workflow } from './packs/workflow.js';
import { xml } from './packs/xml.js';
import { yaml } from './packs/yaml.js';

const packs: LanguagePack[] = [
  dockerfile,
  yaml,
  compose,
  kubernetes,
  openapi,
  workflow,
  playbook,
  json,
  toml,
  ini,
  bash,
  terminalSession,
  python,
  sql,
  javascript,
  typescript,
  jsx,
  tsx,
  hcl,
  nginx,
  html,
  xml,
  css,
  go,
  java,
  rust,
  c,
  cpp,
  ruby,
  powershell,
  swift,
  kotlin,
  markdown,
  text,
];

let version = 0;

/** Every pack, in registry order. */
export function languagePacks(): readonly LanguagePack[] {
  return packs;
}

/** Bumped on every registration, so derived tables know to rebuild. */
export function registryVersion(): number {
  return version;
}

/** The fence labels a pack claims: its kind and its aliases. */
const labelsOf = (pack: LanguagePack): string[] => [pack.kind, ...(pack.aliases ?? [])];

/**
 * Adds a pack after the built-in ones (a test's fixture pack, a plugin); returns a function that
 * removes it again. Throws when its kind or one of its aliases is taken: two packs never claim a label.
 */
export function registerLanguage(pack: LanguagePack): () => void {
  const taken = new Set(packs.flatMap(labelsOf));
  for (const label of labelsOf(pack)) {
    if (taken.has(label)) throw new Error(`Cannot register language pack "${pack.kind}": the label "${label}" belongs to another pack`);
  }
  packs.push(pack);
  version++;
  return () => {
    const index = packs.indexOf(pack);
    if (index >= 0) {
      packs.splice(index, 1);
      version++;
    }
  };
}
