/**
 * src/output/ says where files go and which templates are read: output paths that never leave OUT
 * (this file) and the template folders, the defaults overridden by a user's (template-files.ts).
 *
 * This file: where each artifact goes: `OUT/<module-dir>/<lesson-id>/…`, and a guard that nothing lands
 * outside OUT.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { LecternError } from '../errors.js';

/** True when `path` is `root` or below it (both absolute, normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Resolves `parts` under `root`, refusing any result outside it. */
export function insideOut(root: string, ...parts: string[]): string {
  const path = resolve(root, ...parts);
  if (!isInside(root, path)) throw new LecternError(`Cannot write ${path}: it is outside the output folder ${root}`);
  return path;
}

/** The module folder of a source file: its folder relative to the input root ('' at the root). */
export function moduleDirOf(inputRoot: string, source: string): string {
  const rel = relative(resolve(inputRoot), resolve(source, '..'));
  return rel.split(sep).join('/');
}

/** The lesson's output folder: `OUT/<module-dir>/<lesson-id>`. */
export function lessonOutDir(outRoot: string, moduleDir: string, id: string): string {
  return insideOut(outRoot, ...(moduleDir ? moduleDir.split('/') : []), id);
}

/** A POSIX relative path from one output folder to a file, for links inside HTML and Markdown. */
export function relativeLink(fromDir: string, to: string): string {
  const rel = relative(fromDir, to).split(sep).join('/');
  return rel === '' ? '.' : rel;
}

/** A short file-name-safe slug. */
export function slug(text: string, max = 40): string {
  const value = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return value || 'item';
}

