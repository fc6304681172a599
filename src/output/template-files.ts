/**
 * Reads template folders: the defaults shipped in `templates/`, overridden file by file by a user's folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSources } from '../render/templates.js';

/** The templates folder shipped with Lectern (next to `src/` and `dist/`). */
export const defaultTemplatesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

function walk(dir: string, into: Map<string, string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile()) into.set(path, path);
  }
}

/** Every `*.hbs` file (as templates) and every other file (as assets such as CSS) under the folders, later folders winning. */
export function loadTemplateSources(dirs: string[]): { templates: TemplateSources; assets: Record<string, string> } {
  const templates: TemplateSources = {};
  const assets: Record<string, string> = {};
  for (const dir of dirs) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue;
    const files = new Map<string, string>();
    walk(dir, files);
    for (const path of files.keys()) {
      const name = relative(dir, path).split(sep).join('/');
      if (name.endsWith('.hbs')) templates[name.slice(0, -'.hbs'.length)] = readFileSync(path, 'utf8');
      else assets[name] = readFileSync(path, 'utf8');
    }
  }
  return { templates, assets };
}
