// Shared by the fault tests: a copy of the sample course, a CLI run that is timed and tagged, and a
// look for processes a run left behind.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt, lectern, root, type Run } from '../helpers/cli.js';

/** A fresh folder holding `course/`, a copy of the sample module in lessons/. */
export function sampleCourse(prefix: string): { dir: string; module: string } {
  const dir = mkdtempSync(join(tmpdir(), `lectern-${prefix}-`));
  cpSync(join(root, 'lessons'), join(dir, 'course'), { recursive: true });
  return { dir, module: join(dir, 'course', 'module-3-web-apis') };
}

/** A copy of the sample course for the whole test file: made before its tests, removed after them. */
export function useSampleCourse(prefix: string): { dir: string } {
  const course = { dir: '' };
  beforeAll(() => {
    ensureBuilt();
    course.dir = sampleCourse(prefix).dir;
  });
  afterAll(() => {
    if (course.dir) rmSync(course.dir, { recursive: true, force: true });
  });
  return course;
}

export interface TaggedRun extends Run {
  ms: number;
  /**
   * Every process (Chromium's included, which inherit the environment) of this run still alive a
   * moment after it ended, as "pid command line". The moment (up to 2 s) is for processes that were
   * killed and are still being torn down on a loaded machine; one that lives on is left behind.
   */
  leftovers(): string[];
}

/** Runs the CLI with a unique tag in its environment, so its processes can be found afterwards. */
export function taggedLectern(args: string[], cwd: string, env: Record<string, string> = {}): TaggedRun {
  const tag = randomUUID();
  const started = Date.now();
  const run = lectern(args, cwd, { ...env, LECTERN_TEST_RUN: tag });
  return { ...run, ms: Date.now() - started, leftovers: () => survivors(tag) };
}

/** The processes of a run tagged `tag` still alive after a moment to finish dying (see `TaggedRun.leftovers`). */
export function survivors(tag: string): string[] {
  let pids = processesTagged(tag);
  for (const until = Date.now() + 2_000; pids.length > 0 && Date.now() < until; pids = processesTagged(tag)) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  return pids.map((pid) => {
    try {
      return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').slice(0, 200)}`;
    } catch {
      return String(pid);
    }
  });
}

/** Live processes whose environment holds `LECTERN_TEST_RUN=tag` (Linux /proc). */
export function processesTagged(tag: string): number[] {
  if (!existsSync('/proc/self/environ')) return [];
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const environ = readFileSync(`/proc/${name}/environ`, 'latin1');
      const status = readFileSync(`/proc/${name}/stat`, 'latin1');
      // A zombie (state Z) has exited; only its parent's bookkeeping is left.
      if (environ.includes(`LECTERN_TEST_RUN=${tag}`) && !/^\d+ \(.*\) Z/.test(status)) found.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

export interface Report {
  lessons: Array<{ source: string; id: string; artifacts: string[]; diagnostics: Array<{ rule: string; severity: string; line: number; message: string }> }>;
  unreadable: Array<{ source: string; problem: string }>;
}

export function readReport(out: string): Report {
  return JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as Report;
}
