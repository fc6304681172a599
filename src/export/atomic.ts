/**
 * Writes a file so that readers see either the old content or the new, never a half-written file:
 * the data goes to a temporary sibling, is flushed to disk, then renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError } from '../errors.js';

/** Replaces `path` with `data` atomically; on failure the previous file is untouched and no temp file remains. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  // Same folder, so the rename never crosses a file system; dot-prefixed so watchers and listings skip it.
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  unfinished.add(temp);
  try {
    failForTest();
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await holdForTest(path);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw new EnvironmentError(`Cannot write ${path}: ${reasonOf(error)}`, { cause: error });
  } finally {
    unfinished.delete(temp);
  }
  await syncDir(dir);
}

/** Temporary files of the writes in progress. */
const unfinished = new Set<string>();

/**
 * Removes the temporary files of the writes still in progress, at once: for a process about to be
 * ended by a signal (Ctrl-C), which runs no more of its own code. Their targets keep their old content.
 */
export function removeUnfinishedWrites(): void {
  for (const temp of unfinished) rmSync(temp, { force: true });
  unfinished.clear();
}

let writes = 0;

/**
 * Test hook: with `LECTERN_TEST_HOLD_WRITES=<ms>`, every write waits that long with its temporary
 * file written and not yet renamed, so a test can interrupt a build in the middle of a write;
 * `<ms>:<ending>` holds only the writes of files whose name ends so (`3000:.pdf`).
 */
async function holdForTest(path: string): Promise<void> {
  const [time = '', ending = ''] = (process.env.LECTERN_TEST_HOLD_WRITES ?? '').split(':');
  const ms = Number(time);
  if (ms > 0 && path.endsWith(ending)) await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Test hook: with `LECTERN_TEST_ENOSPC_AFTER=N`, every write after the first N fails as on a full
 * disk, so tests of a full disk need no small file system to mount.
 */
function failForTest(): void {
  const after = process.env.LECTERN_TEST_ENOSPC_AFTER;
  if (after === undefined || after === '' || writes++ < Number(after)) return;
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

/** True for the errors of a disk that is full or over quota, or a file over the size limit (`ulimit -f`). */
export function isDiskFull(error: unknown): boolean {
  // Along the `cause` chain: writers wrap the system's error in their own.
  for (let at = error, depth = 0; at && depth < 10; at = (at as { cause?: unknown }).cause, depth++) {
    const code = (at as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return true;
  }
  return false;
}

// Makes the rename itself durable. Not every platform can open a folder for syncing, so this is best effort.
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some network file systems refuse; the data itself is already flushed.
  } finally {
    await handle?.close().catch(() => {});
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
