// Issue 19: what the instructor says a page is wins over the guess (src/course/explicit-kind.ts).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCourse } from '../src/orchestrate/course.js';
import { loadConfig } from '../src/cli/config.js';
import { UsageError } from '../src/errors.js';
import { globToRegExp } from '../src/course/explicit-kind.js';
import { noLessonLines } from '../src/orchestrate/no-lesson-hint.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-explicit-unit-'));
  cpSync(join(__dirname, 'fixtures-explicit'), dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lessonIds = (course: Awaited<ReturnType<typeof loadCourse>>) => course.lessons.map((doc) => doc.analysis.lesson.id).sort();
const documentIds = (course: Awaited<ReturnType<typeof loadCourse>>) => course.documents.map((doc) => doc.analysis.lesson.id).sort();

describe('globs', () => {
  it('match as a shell does: * within a folder, ** across folders', () => {
    expect(globToRegExp('_2020/*.md').test('_2020/shell-tools.md')).toBe(true);
    expect(globToRegExp('_2020/*.md').test('_2020/sub/x.md')).toBe(false);
    expect(globToRegExp('**/faq.md').test('faq.md')).toBe(true);
    expect(globToRegExp('**/faq.md').test('a/b/faq.md')).toBe(true);
    expect(globToRegExp('./pages/0?-*.md').test('pages/02-appendix.md')).toBe(true);
    expect(globToRegExp('pages/a.md').test('pages/aXmd')).toBe(false);
  });
});

describe('lessons and documents the instructor names', () => {
  it('guessing alone: layout: lecture pages are lessons, `lectern: document` wins over a number, the rest are documents', async () => {
    const course = await loadCourse(['course'], dir);
    expect(lessonIds(course)).toEqual(['02-appendix', 'course-shell', 'shell-tools']);
    expect(documentIds(course)).toEqual(['01-glossary', 'cheatsheet', 'faq', 'index', 'reading-list']);
  });

  it('the config globs win over the guess, both ways', async () => {
    const course = await loadCourse(['course'], dir, undefined, { kinds: { lessons: ['pages/faq.md'], documents: ['pages/02-*.md'] } });
    expect(lessonIds(course)).toEqual(['course-shell', 'faq', 'shell-tools']);
    expect(documentIds(course)).toContain('02-appendix');
  });

  it('the line printed for a folder of documents names a config line that makes them lessons', async () => {
    const before = await loadCourse(['course'], dir);
    const lines = noLessonLines(before);
    expect(lines).toHaveLength(1);
    const glob = /add {2}lessons: \["([^"]+)"\] {2}to lectern\.config\.yaml/.exec(lines[0]!)![1]!;
    expect(glob).toBe('handouts/*.md');
    const after = await loadCourse(['course'], dir, undefined, { kinds: { lessons: [glob] } });
    expect(lessonIds(after)).toEqual(expect.arrayContaining(['cheatsheet', 'reading-list']));
    expect(noLessonLines(after)).toEqual([]);
  });

  it('front matter `lectern: lesson` makes a page with no number a lesson', async () => {
    const one = mkdtempSync(join(tmpdir(), 'lectern-explicit-fm-'));
    try {
      writeFileSync(join(one, 'about.md'), '---\nlectern: lesson\n---\n\n# About the shell\n\nText.\n');
      writeFileSync(join(one, 'other.md'), '# Other page\n\nText.\n');
      const course = await loadCourse(['.'], one);
      expect(lessonIds(course)).toEqual(['about']);
      expect(documentIds(course)).toEqual(['other']);
    } finally {
      rmSync(one, { recursive: true, force: true });
    }
  });
});

describe('config', () => {
  it('reads lessons: and documents: lists, and refuses what is not a list of globs', () => {
    expect(loadConfig(dir).options).toMatchObject({ lessons: ['pages/faq.md'], documents: ['pages/02-*.md'] });
    const bad = mkdtempSync(join(tmpdir(), 'lectern-explicit-cfg-'));
    try {
      writeFileSync(join(bad, 'lectern.config.yaml'), 'out: build\nlessons: 3\n');
      expect(() => loadConfig(bad)).toThrow(UsageError);
      expect(() => loadConfig(bad)).toThrow(/lectern\.config\.yaml:2: "lessons" must be a list of globs/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
