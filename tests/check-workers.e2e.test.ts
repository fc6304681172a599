// Issue 11: a cold `check` analyses the lessons the cache lacks in worker threads, one per core, with
// the same output as on one thread. Proved through the LECTERN_TEST_WORKERS hook (src/orchestrate/
// analysis-pool.ts: one line per worker, "<thread id> <files analysed>"), never by timing.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { availableParallelism } from 'node:os';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script of the bench, without types.
import { generateRealisticCourse } from '../bench/realistic-course.mjs';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

let dir: string;
let files: number;

/** `lectern check` with the hooks on: its output, the workers' lines and the parses of the whole run. */
function check(course: string, out: string, env: Record<string, string> = {}) {
  const stamp = `${Date.now()}-${Math.random()}`;
  const workersLog = join(dir, `workers-${stamp}.txt`);
  const parsesLog = join(dir, `parses-${stamp}.txt`);
  const run = lectern(['check', course, '--out', out, '--json'], dir, { LECTERN_TEST_WORKERS: workersLog, LECTERN_TEST_COUNT_PARSES: parsesLog, ...env });
  expect(run.status, run.stderr).toBe(0);
  const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').filter(Boolean) : []);
  const all = lines(workersLog);
  const workers = all.filter((line) => !line.startsWith('held ')).map((line) => Number(line.split(' ')[1]));
  const held = all.filter((line) => line.startsWith('held ')).map((line) => Number(line.slice(5)));
  const parses = lines(parsesLog).reduce((sum, line) => sum + Number(line), 0);
  return { output: run.stdout, workers, parses, held };
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-check-workers-'));
  const shape = generateRealisticCourse(join(dir, 'course'), 0.1);
  files = shape.lessons + shape.notes + shape.readmes;
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('check in worker threads (issue 11)', () => {
  it('a cold check of a course analyses it in two workers, with the same output as one thread; a warm one starts none', () => {
    const pooled = check('course', 'out-pool', { LECTERN_WORKERS: '2' });
    // Both workers took files, and between them every file; the main thread counts their parses.
    expect(pooled.workers).toHaveLength(2);
    for (const count of pooled.workers) expect(count).toBeGreaterThan(0);
    expect(pooled.workers.reduce((sum, count) => sum + count, 0)).toBe(files);
    expect(pooled.parses).toBe(files);

    const single = check('course', 'out-single', { LECTERN_WORKERS: '0' });
    expect(single.workers).toEqual([]);
    expect(single.parses).toBe(files);
    expect(JSON.parse(pooled.output)).toEqual(JSON.parse(single.output));
    expect(pooled.output).toBe(single.output);
    // The course's own warnings came through the workers.
    expect(pooled.output).toContain('duplicate-section');
    expect(pooled.output).toContain('fence-language');

    // Warm: everything from the cache, no thread started, nothing parsed, the same output.
    const warm = check('course', 'out-pool', { LECTERN_WORKERS: '2' });
    expect(warm.workers).toEqual([]);
    expect(warm.parses).toBe(0);
    expect(warm.output).toBe(single.output);
  }, 120_000);

  it('by default sizes the pool to the cores, and leaves a small course to the main thread', () => {
    const cores = availableParallelism();
    const pooled = check('course', 'out-default');
    expect(pooled.workers).toHaveLength(cores >= 2 ? Math.min(cores, files) : 0);
    // Three short lessons are less text than a thread's start is worth.
    const small = check(join(root, 'lessons'), 'out-small', { LECTERN_WORKERS: '2' });
    expect(small.workers).toEqual([]);
    expect(small.parses).toBeGreaterThan(0);
  }, 120_000);

  it('hands each thread its files at once: while the main thread is held, the threads go on past their first file', () => {
    // The main thread stops for 2 s at the first answer (as it does while it loads Mermaid). Files
    // handed out one at a time, on each answer, would leave each thread at one file (2 in all)
    // whatever the machine's speed; sent at once, the threads go on through their own queues.
    const held = check('course', 'out-held', { LECTERN_WORKERS: '2', LECTERN_TEST_HOLD_MAIN: '2000' });
    expect(held.workers).toHaveLength(2);
    expect(held.held).toHaveLength(1);
    expect(held.held[0]).toBeGreaterThan(2);
    // Nothing is lost or changed by it.
    expect(held.parses).toBe(files);
    expect(held.output).toBe(check('course', 'out-held-single', { LECTERN_WORKERS: '0' }).output);
  }, 120_000);

  it('a thread that dies takes only the file it had with it: the other threads go on, the main thread analyses that file', () => {
    // LECTERN_TEST_WORKER_EXIT ends the thread that takes this lesson (src/orchestrate/analysis-worker.ts).
    const lesson = readdirSync(join(dir, 'course', 'module-1')).filter((name) => /^1\.\d.*\.md$/.test(name)).sort()[1]!;
    const broken = check('course', 'out-died', { LECTERN_WORKERS: '2', LECTERN_TEST_WORKER_EXIT: `module-1/${lesson}` });
    // The threads left at the end answered every file but that one; every file was still parsed once.
    expect(broken.workers.reduce((sum, count) => sum + count, 0)).toBe(files - 1);
    expect(broken.parses).toBe(files);
    expect(broken.output).toBe(check('course', 'out-died-single', { LECTERN_WORKERS: '0' }).output);
  }, 120_000);

  it('a cold build parses the course in the workers too, and writes the same files as on one thread', () => {
    // The build's Markdown decks and its HTML pages (the index shows the module READMEs, which the
    // workers send back whole): no PDF, so no browser is needed.
    const build = (out: string, env: Record<string, string>) => {
      const stamp = `${Date.now()}-${Math.random()}`;
      const workersLog = join(dir, `build-workers-${stamp}.txt`);
      const run = lectern(['build', 'course', '--out', out, '--to', 'md', '--quiet'], dir, { LECTERN_TEST_WORKERS: workersLog, ...env });
      expect(run.status, run.stderr).toBe(0);
      const workers = existsSync(workersLog) ? readFileSync(workersLog, 'utf8').trim().split('\n').filter(Boolean) : [];
      const files = new Map<string, string>();
      for (const name of readdirSync(join(dir, out), { recursive: true, encoding: 'utf8' })) {
        if (/\.(md|html)$/.test(name) && !name.startsWith('.cache')) files.set(name, readFileSync(join(dir, out, name), 'utf8').replaceAll(out, 'OUT'));
      }
      const report = JSON.parse(readFileSync(join(dir, out, 'build-report.json'), 'utf8')) as { lessons: Array<{ source: string; diagnostics: unknown[] }> };
      return { workers, files, lessons: report.lessons.map(({ source, diagnostics }) => ({ source, diagnostics })) };
    };
    const pooled = build('build-pool', { LECTERN_WORKERS: '2' });
    const single = build('build-single', { LECTERN_WORKERS: '0' });
    expect(pooled.workers).toHaveLength(2);
    expect(pooled.workers.reduce((sum, line) => sum + Number(line.split(' ')[1]), 0)).toBe(files);
    expect(single.workers).toEqual([]);
    expect([...pooled.files.keys()].filter((name) => name.endsWith('.md')).length).toBeGreaterThan(5);
    expect([...pooled.files.keys()].filter((name) => name.endsWith('.html')).length).toBeGreaterThan(0);
    expect(pooled.files).toEqual(single.files);
    expect(pooled.lessons).toEqual(single.lessons);
    // A rebuild after one edit parses that file here: too little text for threads.
    const lesson = readdirSync(join(dir, 'course', 'module-1')).find((name) => /^1\.\d.*\.md$/.test(name))!;
    appendFileSync(join(dir, 'course', 'module-1', lesson), '\nOne more line.\n');
    const rebuilt = build('build-pool', { LECTERN_WORKERS: '2' });
    expect(rebuilt.workers).toEqual([]);
    expect(rebuilt.files.get(join('module-1', lesson.replace(/\.md$/, ''), 'deck.md'))).toBeDefined();
  }, 120_000);
});
