/**
 * A fingerprint of Lectern's own code, for every cache key. The package version alone is not
 * enough: a clone that changes code at the same version would otherwise get stale decks and stale
 * findings until `--no-cache`.
 *
 * The fingerprint is the name, size and modification time of every file of the running code (the
 * bundle's chunks, or the compiled dist/ or src/ tree), taken once per run: a few hundred `stat`s,
 * no file read, so the nothing-changed rebuild stays fast. A rebuild of the bundle invalidates
 * the caches even when no byte changed, which costs one full build, never a wrong one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../cli/version.js';

const CODE = /\.(?:[cm]?js|ts)$/;

/** The folder holding the running code: dist/bundle/ for the CLI, else dist/ or src/ (one above this file's folder). */
function codeRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(here) === 'bundle' ? here : dirname(here);
}

/** sha256 over every code file's relative path, size and mtime under `root`, in name order. */
export function fingerprintCode(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (CODE.test(entry.name)) {
        const stats = statSync(path, { throwIfNoEntry: false });
        if (stats) hash.update(`${prefix}${entry.name}\0${stats.size}\0${stats.mtimeMs}\n`);
      }
    }
  };
  walk(root, '');
  return hash.digest('hex');
}

let memo: string | undefined;

/** Lectern's version and a fingerprint of its code, computed once per process. */
export function codeVersion(): string {
  memo ??= `${packageVersion()}+${fingerprintCode(codeRoot()).slice(0, 16)}`;
  return memo;
}
