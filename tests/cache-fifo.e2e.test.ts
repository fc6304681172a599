// No build ever hangs, even on a strange output folder: a cache entry that has become a FIFO (a named
// pipe, whose reader waits for a writer for ever) is a cache miss. Lectern reads its cache entries
// and lessons opened without blocking and refuses anything but a regular file (src/read/read-now.ts);
// read through the promise API, as before, the second run below waited for ever.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

let dir: string;

/** Every file under `folder`, at any depth. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => join(folder, name)).filter((path) => !statSync(path).isDirectory());
}

/** Replaces each file with a FIFO of the same name; returns how many. */
function pipesFor(files: string[]): number {
  for (const file of files) {
    rmSync(file);
    expect(spawnSync('mkfifo', [file]).status, file).toBe(0);
    expect(statSync(file).isFIFO()).toBe(true);
  }
  return files.length;
}

/** `lectern …args`, stopped after a minute: a run that waits on a pipe ends with status -1. */
const run = (args: string[]) => lectern(args, dir, {}, 60_000);

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-cache-fifo-'));
  cpSync(join(root, 'lessons', 'module-3-web-apis'), join(dir, 'course'), { recursive: true });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a cache entry that has become a FIFO', () => {
  it('is a miss for check, which finishes with the same findings', () => {
    const first = run(['check', 'course', '--out', 'out-check']);
    expect(first.status, first.stderr).not.toBe(-1);
    const entries = filesUnder(join(dir, 'out-check', '.cache', 'analysis'));
    expect(pipesFor(entries)).toBeGreaterThanOrEqual(4);
    const second = run(['check', 'course', '--out', 'out-check']);
    expect(second.status, `check waited on a pipe: ${second.stderr}`).toBe(first.status);
    expect(second.stdout).toBe(first.stdout);
    // The entries were written again, as files.
    expect(filesUnder(join(dir, 'out-check', '.cache', 'analysis')).every((file) => statSync(file).isFile())).toBe(true);
  }, 150_000);

  it('is a miss for a build, which finishes and writes the lesson again', () => {
    const first = run(['build', 'course/3.1-http-fundamentals.md', '--out', 'out-build', '--formats', 'deck']);
    expect(first.status, first.stderr).toBe(0);
    const entries = [...filesUnder(join(dir, 'out-build', '.cache', 'lessons')), ...filesUnder(join(dir, 'out-build', '.cache', 'analysis'))];
    expect(pipesFor(entries)).toBeGreaterThanOrEqual(2);
    const second = run(['build', 'course/3.1-http-fundamentals.md', '--out', 'out-build', '--formats', 'deck']);
    expect(second.status, `the build waited on a pipe: ${second.stderr}`).toBe(0);
    expect(filesUnder(join(dir, 'out-build')).some((file) => file.endsWith('.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'out-build', '.cache', 'lessons'))).toBe(true);
  }, 150_000);
});
