// Course links and order: the edges that the mutation run (stryker.config.mjs) showed untested.
// Which links leave the course, where a relative link lands, and what its #fragment is decide
// whether `broken-link` warns and where the course pages send a reader. Pure and fast: Stryker
// runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isExternal, linkFragment, linkTarget } from '../src/course/links.js';
import { addCourseDiagnostics, courseDiagnostics } from '../src/course/course-lint.js';
import { loadCourse } from '../src/orchestrate/course.js';
import type { LessonReport } from '../src/orchestrate/build.js';
import type { Diagnostic } from '../src/model/lesson.js';
import { orderLessons, type OrderItem } from '../src/course/order.js';
import { courseTargets, lessonAnchor, moduleAnchor, pageLinker } from '../src/course/course-links.js';
import { root } from './helpers/cli.js';

describe('links that leave the course', () => {
  it.each([
    'https://example.com/guide',
    'mailto:team@example.com',
    'svn+ssh://example.com/repo',
    'z39.50r://example.com/db',
    '  https://example.com/padded  ',
    '//cdn.example.com/logo.png',
    '/docs/index.md',
  ])('%j is external', (href) => {
    expect(isExternal(href)).toBe(true);
  });

  it.each(['guide.md', '../module-2/2.1-intro.md', 'notes/step:1.md', 'archive//', 'module-2/', 'intro.md#setup', ''])('%j stays in the course', (href) => {
    expect(isExternal(href)).toBe(false);
  });
});

describe('where a relative link lands', () => {
  const from = '/course/module-1/1.1-intro.md';

  it('resolves against the linking file’s folder, without its fragment or query', () => {
    expect(linkTarget(from, '1.2-next.md')).toBe('/course/module-1/1.2-next.md');
    expect(linkTarget(from, '../module-2/2.1-http.md#status-codes')).toBe('/course/module-2/2.1-http.md');
    expect(linkTarget(from, 'data.csv?raw=1')).toBe('/course/module-1/data.csv');
  });

  it('trims the spaces around a link and decodes %20', () => {
    expect(linkTarget(from, '  1.2-next.md  ')).toBe('/course/module-1/1.2-next.md');
    expect(linkTarget(from, 'my%20notes.md')).toBe('/course/module-1/my notes.md');
  });

  it('keeps a link that is not valid percent-encoding as written', () => {
    expect(linkTarget(from, 'odd%E0%A4%A.md')).toBe('/course/module-1/odd%E0%A4%A.md');
  });

  it('points nowhere for external links, empty links and links within the same file', () => {
    expect(linkTarget(from, 'https://example.com/1.2-next.md')).toBeNull();
    expect(linkTarget(from, '/1.2-next.md')).toBeNull();
    expect(linkTarget(from, '')).toBeNull();
    expect(linkTarget(from, '#objectives')).toBeNull();
    expect(linkTarget(from, '?print=1')).toBeNull();
  });
});

describe('the fragment of a link', () => {
  it('is decoded and lower-cased, also when the link is only a fragment', () => {
    expect(linkFragment('#Objectives')).toBe('objectives');
    expect(linkFragment('2.1-http.md#Status%20Codes')).toBe('status codes');
  });

  it('is null when there is none or it is empty', () => {
    expect(linkFragment('2.1-http.md')).toBeNull();
    expect(linkFragment('2.1-http.md#')).toBeNull();
  });
});

describe('course findings added to the lesson reports of a build', () => {
  const dir = 'tests/fixtures-course/nav-mismatch';

  it('are keyed by the printed path and merged into each report in line order', async () => {
    const course = await loadCourse([dir], root);
    const found = courseDiagnostics(course);
    expect([...found.keys()].sort()).toEqual([`${dir}/1.1-a.md`, `${dir}/1.2-b.md`, `${dir}/1.3-c.md`]);
    expect(found.get(`${dir}/1.1-a.md`)!.map((d) => [d.rule, d.line, d.column])).toEqual([['nav-mismatch', 5, 3]]);

    const own = (line: number, column: number): Diagnostic => ({ severity: 'warning', rule: 'own-rule', message: `own ${line}:${column}`, line, column });
    const report = (source: string, diagnostics: Diagnostic[]) => ({ source, diagnostics }) as LessonReport;
    const reports = [
      report(`${dir}/1.1-a.md`, [own(1, 1), own(5, 9), own(9, 1)]),
      report(`${dir}/1.2-b.md`, [own(5, 1)]),
      report(`${dir}/glossary.md`, [own(2, 1)]),
    ];
    addCourseDiagnostics(course, reports);
    expect(reports.map((r) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`))).toEqual([
      ['1:1 own-rule', '5:3 nav-mismatch', '5:9 own-rule', '9:1 own-rule'],
      ['5:1 own-rule', '5:3 nav-mismatch'],
      ['2:1 own-rule'],
    ]);
  });
});

describe('course findings that need the disk', () => {
  it('judge a navigation link to an existing file of the course that is no lesson', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-course-lint-'));
    try {
      mkdirSync(join(dir, 'm'));
      writeFileSync(join(dir, 'm', '1.1-a.md'), '# Lesson 1.1: A\n\n## Navigation\n- [Next →](./data.txt)\n');
      writeFileSync(join(dir, 'm', 'data.txt'), 'not a lesson\n');
      const course = await loadCourse([dir], dir);
      expect([...courseDiagnostics(course).values()].flat().map((d) => d.message)).toEqual([
        'Next link points at ./data.txt, which is not a lesson of this course',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lesson order: which link wins', () => {
  const item = (key: string, next: string | null = null, previous: string | null = null, label = key): OrderItem => ({ key, label, next, previous });
  const keys = (items: OrderItem[]) => items.map((i) => i.key);

  it('sorts by the lesson number, then by the file when two share a number', () => {
    expect(keys(orderLessons([item('/m/z.md', null, null, '1'), item('/m/a.md', null, null, '2')]))).toEqual(['/m/z.md', '/m/a.md']);
    expect(keys(orderLessons([item('/m/b.md', null, null, '3'), item('/m/a.md', null, null, '3')]))).toEqual(['/m/a.md', '/m/b.md']);
  });

  it('takes a next link its target agrees with over an earlier lesson’s next link to the same target', () => {
    // a → c (c does not agree), b → c (c's previous is b): b and c are joined, a stays alone.
    expect(keys(orderLessons([item('a', 'c'), item('b', 'c'), item('c', null, 'b')]))).toEqual(['a', 'b', 'c']);
  });

  it('takes a next link over a previous link that contradicts it, whichever lesson comes first', () => {
    // a says its previous is c; b says its next is a: the next link wins.
    expect(keys(orderLessons([item('a', null, 'c'), item('b', 'a'), item('c')]))).toEqual(['b', 'a', 'c']);
  });

  it('breaks a cycle of previous links at the lesson that comes first', () => {
    expect(keys(orderLessons([item('a', null, 'b'), item('b', null, 'a')]))).toEqual(['a', 'b']);
    expect(keys(orderLessons([item('b', null, 'a'), item('a', null, 'b')]))).toEqual(['a', 'b']);
  });

  it('places a chain by its first listed member, and a lesson by its first place in the list', () => {
    expect(keys(orderLessons([item('a', 'b'), item('b'), item('c')], ['b', 'c', 'a']))).toEqual(['a', 'b', 'c']);
    expect(keys(orderLessons([item('a'), item('b')], ['b', 'a', 'b']))).toEqual(['b', 'a']);
  });

  it('keeps unlisted chains in the natural order of their first lessons, after the listed ones', () => {
    const items = ['6', '1', '5', '2', '4', '3', '7'].map((k) => item(k));
    expect(keys(orderLessons(items, ['4']))).toEqual(['4', '1', '2', '3', '5', '6', '7']);
    expect(keys(orderLessons(items))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });
});

describe('course page anchors and targets', () => {
  it('turns any run of other characters into one hyphen', () => {
    expect(lessonAnchor('module-3/3.1 (draft)')).toBe('lesson-module-3-3.1-draft-');
    expect(moduleAnchor('module 2: containers')).toBe('module-module-2-containers');
    expect(moduleAnchor('module_2.x')).toBe('module-module_2.x');
  });

  it('names the course’s own top-level section "course"', () => {
    expect(moduleAnchor('')).toBe('module-course');
  });

  it('sends module READMEs to their section and lecture notes to their lesson’s entry', async () => {
    const dir = join(root, 'tests/fixtures-course/course');
    const targets = courseTargets(await loadCourse(['tests/fixtures-course/course'], root));
    expect(targets.get(join(dir, 'README.md'))).toBe('index.html#module-course');
    expect(targets.get(join(dir, 'module-1-shell/README.md'))).toBe('index.html#module-module-1-shell');
    expect(targets.get(join(dir, 'module-2-containers/lectures/lesson-2-9.md'))).toBe('index.html#lesson-module-2-containers-2.9-images');
    const link = pageLinker(targets, join(dir, 'module-1-shell/1.1-prompt.md'), 'module-1-shell/1.1-prompt');
    expect(link('./README.md')).toBe('../../index.html#module-module-1-shell');
    expect(link('../module-2-containers/lectures/lesson-2-9.md')).toBe('../../index.html#lesson-module-2-containers-2.9-images');
  });

  it('maps a lesson named on its own, with no module README', async () => {
    const targets = courseTargets(await loadCourse(['tests/fixtures-course/course/module-1-shell/1.1-prompt.md'], root));
    expect([...targets.values()]).toEqual(['index.html#lesson-module-1-shell-1.1-prompt']);
  });
});
