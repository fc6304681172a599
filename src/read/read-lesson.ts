/**
 * src/read/ is the read stage, the edge that touches the disk: finds lesson files and turns one into a
 * clean in-memory vfile (UTF-8, no BOM, LF line endings) or an `InputError` that names the file and the
 * problem.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { isInside } from '../output/paths.js';
import { VFile } from 'vfile';
import { InputError } from '../errors.js';
import { readFileNow } from './read-now.js';

export interface ReadOptions {
  /** Files larger than this are refused before reading (default 5 MB). */
  maxBytes?: number;
  /** Base for a relative `path` (default `process.cwd()`); also the vfile's `cwd`. */
  cwd?: string;
}

const MB = 1024 * 1024;
const sniffBytes = 8 * 1024;

function megabytes(bytes: number): string {
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

function problemOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return `cannot read file (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** Reads one lesson; the returned vfile's `path` is `path` as given, so messages name it the same way. */
export async function readLessonFile(path: string, options: ReadOptions = {}): Promise<VFile> {
  const { maxBytes = 5 * MB, cwd = process.cwd() } = options;
  const absolute = resolve(cwd, path);
  let bytes: Buffer;
  try {
    bytes = readFileNow(absolute, (stats) => {
      if (stats.isDirectory()) throw new InputError(`${path}: is a folder, not a file`);
      if (!stats.isFile()) throw new InputError(`${path}: not a regular file`);
      // Checked before reading so a huge file is never loaded into memory.
      if (stats.size > maxBytes) {
        throw new InputError(`${path}: file is ${megabytes(stats.size)}, larger than the ${megabytes(maxBytes)} limit`);
      }
      if (stats.size === 0) throw new InputError(`${path}: file is empty`);
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: ${problemOf(error)}`, { cause: error });
  }

  if (bytes.subarray(0, sniffBytes).includes(0)) throw new InputError(`${path}: not UTF-8 text (binary file?)`);
  let text: string;
  try {
    // The decoder drops a leading UTF-8 BOM by itself (ignoreBOM defaults to false).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputError(`${path}: not UTF-8 text (binary file?)`, { cause: error });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${path}: file is empty`);
  // One "\n" per line ending keeps every line number as it was.
  text = text.replace(/\r\n?/g, '\n');
  return new VFile({ path, value: text, cwd });
}

export interface FoundLessons {
  /** Lesson files in build order, each as the given path joined with its place below it. */
  files: string[];
  /** Given paths that do not exist. */
  missing: string[];
  /** Files found in a folder that were not taken, with why (a symbolic link that leads out of the folder). */
  refused: Array<{ path: string; problem: string }>;
}

export interface FindOptions {
  /** Base for relative paths (default `process.cwd()`). */
  cwd?: string;
  /** Folders never walked into (absolute): the configured output folder. */
  skip?: readonly string[];
}

const skippedFolders = new Set(['node_modules', 'output']);
const lessonFile = /\.(?:md|markdown)$/i;

/** Natural order, so "6.2" < "6.9" < "6.10" and "module-2" < "module-10". */
// One collator: `localeCompare` with options builds a new one on every call, which dominates big sorts.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Compares paths folder by folder, so a folder's files stay together in natural order. */
function comparePaths(a: string, b: string): number {
  const left = a.split(/[\\/]/);
  const right = b.split(/[\\/]/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareNatural(left[i] as string, right[i] as string);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

interface Walk {
  /** The real path of the folder the walk started from: nothing that resolves outside it is taken. */
  root: string;
  skip: readonly string[];
  seen: Set<string>;
  found: string[];
  refused: FoundLessons['refused'];
}

async function walk(folder: string, absolute: string, state: Walk): Promise<void> {
  const real = await realpath(absolute);
  if (state.seen.has(real)) return; // A symlink loop, or a folder reached twice.
  state.seen.add(real);
  // What a build wrote is never read back as lessons, wherever its output folder is.
  if (state.skip.some((folder) => isInside(folder, absolute) || isInside(folder, real))) return;
  if (await isBuildOutput(real)) return;
  for (const entry of await readdir(absolute, { withFileTypes: true })) {
    const name = entry.name;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    const path = join(folder, name);
    if (entry.isSymbolicLink()) {
      const target = await realpath(join(absolute, name)).catch(() => undefined);
      const stats = target === undefined ? undefined : await stat(target).catch(() => undefined);
      isDirectory = stats?.isDirectory() ?? false;
      isFile = stats?.isFile() ?? false;
      // Judged by where the link leads, not by its name: a link out of the course is never opened.
      const relevant = (isDirectory && !name.startsWith('.') && !skippedFolders.has(name)) || (isFile && lessonFile.test(name) && !name.startsWith('.'));
      if (relevant && target !== undefined && !isInside(state.root, target)) {
        state.refused.push({ path, problem: `is a symbolic link to ${target}, outside the course folder; it is not read (unsafe-path)` });
        continue;
      }
    }
    if (isDirectory) {
      if (name.startsWith('.') || skippedFolders.has(name)) continue;
      await walk(path, join(absolute, name), state);
    } else if (isFile && lessonFile.test(name) && !name.startsWith('.')) {
      state.found.push(path);
    }
  }
}

/** True when `folder` holds a report that a Lectern build wrote, so the folder is a build's output. */
async function isBuildOutput(folder: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(join(folder, 'build-report.json'), 'r');
    const head = Buffer.alloc(256);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    // `JSON.stringify(report, null, 2)` puts the "lectern" version first.
    return /^\s*\{\s*"lectern"\s*:/.test(head.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * Expands each path: a folder to the Markdown files below it (natural order, skipping
 * node_modules, output, dot-folders, `options.skip` and any folder a build wrote), a file to itself.
 * Duplicates are dropped; a symbolic link that leads out of the folder is refused, never read.
 */
export async function findLessonFiles(paths: string[], options: FindOptions = {}): Promise<FoundLessons> {
  const { cwd = process.cwd() } = options;
  const files: string[] = [];
  const missing: string[] = [];
  const refused: FoundLessons['refused'] = [];
  const skip = (options.skip ?? []).map((folder) => resolve(cwd, folder));
  const taken = new Set<string>();
  const take = (file: string): void => {
    const key = resolve(cwd, file);
    if (taken.has(key)) return;
    taken.add(key);
    files.push(file);
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats: Stats;
    try {
      stats = await stat(absolute);
    } catch {
      missing.push(path);
      continue;
    }
    if (!stats.isDirectory()) {
      take(path);
      continue;
    }
    const found: string[] = [];
    await walk(stripTrailingSeparator(path), absolute, { root: await realpath(absolute), skip, seen: new Set(), found, refused });
    found.sort(comparePaths).forEach(take);
  }
  return { files, missing, refused };
}

function stripTrailingSeparator(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed === '' ? sep : trimmed;
}
