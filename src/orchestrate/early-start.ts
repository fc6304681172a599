/**
 * Chromium takes a second or more to start, and a rebuild after one edited lesson spends most of its
 * time waiting for it. Reading the course tells which lessons changed only once each is parsed, well
 * into the run; so every build records the size, modification time and hash of the text of each lesson
 * and lecture-notes file it built (`OUT/.cache/sources.json`), and the next build looks at those files
 * first thing: when one of them has new text, Chromium starts at once, while the course is read.
 *
 * Only what the record names is looked at, with `lstat` (a symbolic link is never followed here); a
 * file whose size or time differs is read and hashed, so a file saved unchanged starts nothing.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';

interface SourceRecord {
  size: number;
  mtimeMs: number;
  hash: string;
}

interface SourcesRecord {
  /** The course roots (real paths): a file is read only while its real path is under one of them. */
  roots: string[];
  files: { [path: string]: SourceRecord };
}

function recordPath(outRoot: string): string {
  return join(outRoot, '.cache', 'sources.json');
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The last build's record, or null when there is none (or it cannot be read). */
async function readRecord(outRoot: string): Promise<SourcesRecord | null> {
  try {
    return JSON.parse(await readFile(recordPath(outRoot), 'utf8')) as SourcesRecord;
  } catch {
    return null;
  }
}

/**
 * How many lessons and lecture-notes files the last build made have different text now, counted up to
 * `enough` (the count stops there: nothing more is read once the answer is known).
 */
export async function sourcesChanged(outRoot: string, enough = 1): Promise<number> {
  const record = await readRecord(outRoot);
  if (!record) return 0;
  const inside = (path: string) => record.roots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`));
  let changed = 0;
  for (const [path, was] of Object.entries(record.files ?? {})) {
    const now = await lstat(path).catch(() => null);
    // Gone, or no longer a plain file: the course reading decides what it is now.
    if (!now?.isFile()) continue;
    if (now.size === was.size && now.mtimeMs === was.mtimeMs) continue;
    const real = await realpath(path).catch(() => null);
    if (!real || !inside(real)) continue;
    const bytes = await readFile(path).catch(() => null);
    if (bytes && hashOf(bytes) !== was.hash && ++changed >= enough) break;
  }
  return changed;
}

/**
 * Records the lessons and lecture-notes files of this build for the next one (best effort). A file
 * whose size and modification time are those of the last record keeps its hash from there (the same
 * trust `sourcesChanged` gives them); only the others are read and hashed: this runs at the very end
 * of a build, after everything it made is written.
 */
export async function recordSources(outRoot: string, roots: readonly string[], paths: readonly string[]): Promise<void> {
  const before = await readRecord(outRoot);
  const entries = await Promise.all(
    paths.map(async (path): Promise<[string, SourceRecord] | null> => {
      const stats = await lstat(path).catch(() => null);
      if (!stats?.isFile()) return null;
      const was = before?.files?.[path];
      if (was && was.size === stats.size && was.mtimeMs === stats.mtimeMs) return [path, was];
      const bytes = await readFile(path).catch(() => null);
      return bytes ? [path, { size: stats.size, mtimeMs: stats.mtimeMs, hash: hashOf(bytes) }] : null;
    }),
  );
  const files: SourcesRecord['files'] = Object.fromEntries(entries.filter((entry) => entry !== null));
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => root)));
  const target = recordPath(outRoot);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, JSON.stringify({ roots: realRoots, files } satisfies SourcesRecord));
    await rename(temp, target);
  } catch {
    // Without the record the next build only starts Chromium a little later.
    await rm(temp, { force: true }).catch(() => {});
  }
}
