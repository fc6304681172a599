// Atomic writes (issue #20): the write itself, or the rename, fails through an injected file system,
// and the previous file stays byte-identical with no temp file left. The export path is checked
// too: a deck PDF whose new bytes cannot be written leaves the previous PDF as it was.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EnvironmentError } from '../src/errors.js';
import { writeFileAtomic } from '../src/export/atomic.js';

/** What the injected file system breaks, for paths under `under` only. */
const inject = vi.hoisted(() => ({ under: '', failWrite: false, failRename: false, writes: 0, renames: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const ours = (path: unknown) => inject.under !== '' && String(path).startsWith(inject.under);
  const injected = {
    ...real,
    async open(path: Parameters<typeof real.open>[0], ...rest: unknown[]): Promise<FileHandle> {
      const handle = await (real.open as (...args: unknown[]) => Promise<FileHandle>)(path, ...rest);
      if (!ours(path) || String(rest[0] ?? 'r') === 'r') return handle;
      const writeFile = handle.writeFile.bind(handle);
      // Half the data reaches the disk, then the disk fails: the case an in-place write gets wrong.
      handle.writeFile = (async (data: string | Uint8Array) => {
        inject.writes++;
        if (!inject.failWrite) return writeFile(data);
        await handle.write(typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1));
        throw Object.assign(new Error('EIO: i/o error, write (injected)'), { code: 'EIO' });
      }) as FileHandle['writeFile'];
      return handle;
    },
    async rename(from: string, to: string): Promise<void> {
      if (ours(to)) {
        inject.renames++;
        if (inject.failRename) throw Object.assign(new Error('EXDEV: rename failed (injected)'), { code: 'EXDEV' });
      }
      return real.rename(from, to);
    },
  };
  return { ...injected, default: injected };
});

const scratch = mkdtempSync(join(tmpdir(), 'lectern-atomic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(() => Object.assign(inject, { under: scratch, failWrite: false, failRename: false, writes: 0, renames: 0 }));

const previous = Buffer.from(`%PDF-1.7\n${'previous deck bytes '.repeat(500)}\n%%EOF\n`);
const next = Buffer.from(`%PDF-1.7\n${'the new deck, longer '.repeat(900)}\n%%EOF\n`);

describe('writeFileAtomic through an injected file system', () => {
  it('replaces the file when nothing fails (the twin: the injection is in the path)', async () => {
    const path = join(scratch, 'ok.pdf');
    writeFileSync(path, previous);
    await writeFileAtomic(path, next);
    expect(readFileSync(path).equals(next)).toBe(true);
    expect(inject.writes).toBe(1);
    expect(inject.renames).toBe(1);
    expect(readdirSync(scratch).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the previous file byte-identical when the write fails half-way', async () => {
    const path = join(scratch, 'write.pdf');
    writeFileSync(path, previous);
    inject.failWrite = true;
    await expect(writeFileAtomic(path, next)).rejects.toThrow(EnvironmentError);
    await expect(writeFileAtomic(path, next.toString('latin1'))).rejects.toThrow(/Cannot write .*write\.pdf: EIO/);
    expect(inject.writes).toBe(2);
    expect(readFileSync(path).equals(previous)).toBe(true);
    expect(readdirSync(scratch).filter((name) => name.startsWith('.write.pdf'))).toEqual([]);
  });

  it('keeps the previous file byte-identical when the rename fails', async () => {
    const path = join(scratch, 'rename.pdf');
    writeFileSync(path, previous);
    inject.failRename = true;
    await expect(writeFileAtomic(path, next)).rejects.toThrow(/Cannot write .*rename\.pdf: EXDEV/);
    expect(inject.renames).toBe(1);
    expect(readFileSync(path).equals(previous)).toBe(true);
    expect(readdirSync(scratch).filter((name) => name.startsWith('.rename.pdf'))).toEqual([]);
  });
});
