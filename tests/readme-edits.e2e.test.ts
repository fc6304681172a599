// Issue 11: an edited README rebuilds only the index and what shows the README, and a nothing-changed
// build parses no Markdown even when it covers one module or one lesson (the course and module
// READMEs are then read for their titles only). Parses are counted through LECTERN_TEST_COUNT_PARSES,
// never timed; "rebuilt" is the build report's cacheHit, and every rebuilt page is compared with a
// build that uses no cache.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

let dir: string;
const module = join('course', 'module-3-web-apis');
const readme = join(module, 'README.md');
const lab = (out: string, lesson: string) => readFileSync(join(dir, out, 'module-3-web-apis', lesson, 'lab.html'), 'utf8');
const deck = (out: string, lesson: string) => readFileSync(join(dir, out, 'module-3-web-apis', lesson, 'deck.md'), 'utf8');

/** Builds PATH (lab sheets, or with `extra` other outputs) into OUT: the lessons made again (not from the cache) and the Markdown parses of the run. */
function build(path: string, out = 'out', extra: string[] = ['--formats', 'lab', '--to', 'html']) {
  const counts = join(dir, `parses-${Date.now()}-${Math.random()}.txt`);
  const run = lectern(['build', path, '--out', out, ...extra], dir, { LECTERN_TEST_COUNT_PARSES: counts });
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, out, 'build-report.json'), 'utf8')) as { lessons: Array<{ id: string; cacheHit: boolean }> };
  const parses = existsSync(counts) ? readFileSync(counts, 'utf8').split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line), 0) : 0;
  return { rebuilt: report.lessons.filter((lesson) => !lesson.cacheHit).map((lesson) => lesson.id), parses };
}

function edit(path: string, from: string | RegExp, to: string): void {
  const text = readFileSync(join(dir, path), 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${path} has ${from}`).not.toBe(text);
  writeFileSync(join(dir, path), edited);
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-readme-edits-'));
  cpSync(join(root, 'lessons'), join(dir, 'course'), { recursive: true });
  writeFileSync(join(dir, 'course', 'README.md'), '# Building for the Web\n\nThe whole course.\n');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an edited module README (issue 11)', () => {
  it('makes again only the lab sheets that show what changed, as a build without cache makes them; the index always', () => {
    expect(build('course').rebuilt).toHaveLength(3);
    expect(build('course')).toEqual({ rebuilt: [], parses: 0 });

    // The README's intro is shown by the index alone.
    edit(readme, 'Almost every modern application', 'Nearly every modern application');
    expect(build('course').rebuilt).toEqual([]);
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).toContain('Nearly every modern application');

    // The minutes its lesson list gives 3.2 are the lab sheet's total time.
    edit(readme, 'versioning and idempotency (50 minutes)', 'versioning and idempotency (70 minutes)');
    expect(build('course').rebuilt).toEqual(['3.2-restful-api-design']);
    // (Its exercises: 35 min of 50, 45 min of 70; checked against a build without cache below.)
    expect(lab('out', '3.2-restful-api-design')).toMatch(/45 min/);

    // A lab sheet names the lesson before it: renaming 3.1 makes 3.1 and 3.2 again, not 3.3.
    edit(join(module, '3.1-http-fundamentals.md'), '# Lesson 3.1: HTTP Fundamentals', '# Lesson 3.1: HTTP from the Wire Up');
    expect(build('course').rebuilt).toEqual(['3.1-http-fundamentals', '3.2-restful-api-design']);
    expect(lab('out', '3.2-restful-api-design')).toContain('HTTP from the Wire Up');
    // Every lab sheet is as a build without cache makes it from the edited course.
    build('course', 'fresh', ['--formats', 'lab', '--to', 'html', '--no-cache']);
    for (const lesson of ['3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication']) expect(lab('out', lesson), lesson).toBe(lab('fresh', lesson));
  }, 300_000);
});

describe('a nothing-changed build of part of a course (issue 11)', () => {
  it('parses no Markdown for one module or one lesson; an edited course README is read again and shown', () => {
    const lesson = join(module, '3.1-http-fundamentals.md');
    // Decks in Markdown alone: no browser, and the deck shows the course's and the module's names.
    const decks = (path: string, out: string) => build(path, out, ['--formats', 'deck', '--to', 'md']);
    expect(decks(module, 'part').parses).toBeGreaterThan(0);
    expect(decks(module, 'part')).toEqual({ rebuilt: [], parses: 0 });
    expect(decks(lesson, 'one').parses).toBeGreaterThan(0);
    expect(decks(lesson, 'one')).toEqual({ rebuilt: [], parses: 0 });
    expect(deck('one', '3.1-http-fundamentals')).toContain('Building for the Web');
    expect(deck('one', '3.1-http-fundamentals')).toContain('Module 3: Web APIs and Services');

    // Outside the inputs, the course README is still read when it changed, and its new title shown.
    edit(join('course', 'README.md'), '# Building for the Web', '# Building for the Open Web');
    // (Every lesson shows the course's name: each is made again, and parsed again to be.)
    expect(decks(module, 'part').rebuilt).toEqual(['3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication']);
    expect(deck('part', '3.3-api-authentication')).toContain('Building for the Open Web');
    // So is the module README when one lesson is built.
    edit(readme, '# Module 3: Web APIs and Services', '# Module 3: Web APIs and Their Services');
    expect(decks(lesson, 'one').rebuilt).toEqual(['3.1-http-fundamentals']);
    expect(deck('one', '3.1-http-fundamentals')).toContain('Module 3: Web APIs and Their Services');
    expect(deck('one', '3.1-http-fundamentals')).toContain('Building for the Open Web');
  }, 300_000);
});
