// Courses without a browser: ordering, notes pairing, lessons vs documents, the course lint rules
// (one fixture folder per rule, golden `expected.txt`), durations, safe page HTML, PDF outlines.
import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { PDFDocument, PDFDict, PDFName } from '../src/vendor/pdf-lib.js';
import { VFile } from 'vfile';
import { loadCourse } from '../src/orchestrate/course.js';
import { analyzeLesson } from '../src/pipeline.js';
import { orderLessons, type OrderItem } from '../src/course/order.js';
import { numberFromName, pairNotes } from '../src/course/notes.js';
import { looksLikeLesson } from '../src/course/classify.js';
import { courseFiles } from '../src/course/course-files.js';
import { lintCourse, type CourseFile } from '../src/course/lint/index.js';
import { estimateMinutes, formatMinutes, lessonDuration, minutesFromListText } from '../src/course/duration.js';
import { mdastToHtml } from '../src/course/mdast-html.js';
import { pageLinker, courseTargets } from '../src/course/course-links.js';
import { readOutline, writeOutline } from '../src/course/pdf-outline.js';
import { bookOutline, contentsRows, type BookPart } from '../src/course/book-contents.js';
import { planBooks } from '../src/course/book-plan.js';
import { root } from './helpers/cli.js';

const fixtures = join(root, 'tests', 'fixtures-course');

function analyze(text: string, path = '/course/m/lesson.md') {
  return analyzeLesson(new VFile({ path, value: text }));
}

describe('orderLessons', () => {
  const item = (key: string, next: string | null = null, previous: string | null = null, label = key): OrderItem => ({ key, label, next, previous });
  const keys = (items: OrderItem[]) => items.map((i) => i.key);

  it('falls back to natural order: 6.2 < 6.9 < 6.10', () => {
    expect(keys(orderLessons([item('6.10'), item('6.2'), item('6.9')]))).toEqual(['6.2', '6.9', '6.10']);
  });

  it('follows next links over the natural order', () => {
    expect(keys(orderLessons([item('capstone', null, 'recap'), item('recap', 'capstone')]))).toEqual(['recap', 'capstone']);
  });

  it('follows previous links when a lesson has no next link', () => {
    expect(keys(orderLessons([item('a'), item('b', null, 'c'), item('c')]))).toEqual(['a', 'c', 'b']);
  });

  it('prefers a link both ends agree on, and ignores the one that contradicts it', () => {
    // a → b (agreed), c says its previous is a too: c cannot also follow a, so it starts its own chain.
    const order = orderLessons([item('a', 'b'), item('b', null, 'a'), item('c', null, 'a')]);
    expect(keys(order)).toEqual(['a', 'b', 'c']);
  });

  it('never loops on a cycle of next links and keeps every lesson', () => {
    const order = orderLessons([item('a', 'b'), item('b', 'c'), item('c', 'a')]);
    expect(keys(order)).toEqual(['a', 'b', 'c']);
  });

  it('places chains by the README list, unlisted chains after them in natural order', () => {
    const items = [item('1', '2'), item('2'), item('3'), item('4')];
    expect(keys(orderLessons(items, ['4', '2']))).toEqual(['4', '1', '2', '3']);
  });

  it('ignores links to lessons outside the list and links to itself', () => {
    expect(keys(orderLessons([item('b', 'elsewhere'), item('a', 'a')]))).toEqual(['a', 'b']);
  });
});

describe('lecture notes pairing', () => {
  it('reads the lesson number from a notes file name', () => {
    expect(numberFromName('lesson-6-7')).toBe('6.7');
    expect(numberFromName('6.7-docker-notes')).toBe('6.7');
    expect(numberFromName('lecture_6_10')).toBe('6.10');
    expect(numberFromName('notes')).toBeNull();
    expect(numberFromName('lesson-6')).toBeNull();
  });

  const lesson = (key: string, number: string | null, details: string | null = null) => ({ key, number, details });
  const notes = (key: string, links: string[] = [], isNotes = true) => ({ key, id: key.split('/').pop()!.replace(/\.md$/, ''), number: null, links, isNotes });

  it('pairs by details link, then by a link back to one lesson, then by file name', () => {
    const paired = pairNotes(
      [lesson('/m/6.7-a.md', '6.7', '/m/lectures/long.md'), lesson('/m/6.8-b.md', '6.8'), lesson('/m/6.9-c.md', '6.9')],
      [notes('/m/lectures/long.md'), notes('/m/lectures/x.md', ['/m/6.8-b.md', '/m/README.md']), notes('/m/lectures/lesson-6-9.md')],
    );
    expect([...paired]).toEqual([
      ['/m/6.7-a.md', '/m/lectures/long.md'],
      ['/m/6.8-b.md', '/m/lectures/x.md'],
      ['/m/6.9-c.md', '/m/lectures/lesson-6-9.md'],
    ]);
  });

  it('does not pair by name when the number is ambiguous, far away or already taken', () => {
    const twice = pairNotes([lesson('/a/6.7-x.md', '6.7'), lesson('/b/6.7-y.md', '6.7')], [notes('/a/lectures/lesson-6-7.md')]);
    expect(twice.size).toBe(0);
    const far = pairNotes([lesson('/a/6.7-x.md', '6.7')], [notes('/b/lectures/lesson-6-7.md')]);
    expect(far.size).toBe(0);
    const taken = pairNotes([lesson('/a/6.7-x.md', '6.7', '/a/lectures/other.md')], [notes('/a/lectures/other.md'), notes('/a/lectures/lesson-6-7.md')]);
    expect([...taken.values()]).toEqual(['/a/lectures/other.md']);
  });

  it('pairs a file that is not lecture notes only through a details link', () => {
    expect(pairNotes([lesson('/a/6.7-x.md', '6.7')], [notes('/a/lesson-6-7.md', ['/a/6.7-x.md'], false)]).size).toBe(0);
  });
});

describe('lessons and documents', () => {
  it('is a lesson with a title and objectives or a number; otherwise a document', () => {
    expect(looksLikeLesson(analyze('# Lesson 1.1: A\n\nText.\n').lesson)).toBe(true);
    expect(looksLikeLesson(analyze('# Recap\n\n## Learning Objectives\n- Explain X\n').lesson)).toBe(true);
    expect(looksLikeLesson(analyze('# Curriculum Overview\n\nText.\n', '/c/curriculum-overview.md').lesson)).toBe(false);
    expect(looksLikeLesson(analyze('Just a list:\n\n- a\n', '/c/1.1-notitle.md').lesson)).toBe(false);
  });

  it('loads a course in natural and chain order, with documents apart and notes paired by name', async () => {
    const course = await loadCourse(['tests/fixtures-course/course'], root);
    expect(course.title).toBe('Cloud Foundations');
    expect(course.modules.map((m) => m.dir)).toEqual(['', 'module-1-shell', 'module-2-containers', 'module-10-review']);
    expect(course.lessons.map((l) => l.analysis.lesson.id)).toEqual(['1.1-prompt', '1.2-files', '1.3-pipes', '2.2-containers', '2.9-images', '2.10-compose', 'recap', 'capstone']);
    expect(course.documents.map((d) => d.analysis.lesson.id)).toEqual(['curriculum-overview', 'cheatsheet']);
    // A document without a title is not an error in a course.
    expect(course.documents.flatMap((d) => d.analysis.lesson.diagnostics).filter((d) => d.rule === 'missing-title')).toEqual([]);
    const notes = course.notes.get(join(fixtures, 'course', 'module-2-containers', '2.9-images.md'));
    expect(notes?.analysis.lesson.title).toBe('Lecture Notes: Images');
  });

  it('still builds a file named on the command line as a lesson', async () => {
    const course = await loadCourse(['tests/fixtures-course/course/module-2-containers/cheatsheet.md'], root);
    expect(course.lessons).toHaveLength(1);
    expect(course.lessons[0]!.analysis.lesson.diagnostics.map((d) => d.rule)).toContain('missing-title');
  });
});

/** The course rules' findings for a fixture, one `path:line:column  severity  message  rule` line each. */
async function lintFixture(name: string): Promise<string> {
  const dir = join(fixtures, name);
  const course = await loadCourse([dir], root);
  const findings = lintCourse(courseFiles(course), { fileExists: existsSync, roots: course.roots });
  return findings
    .map(({ path, diagnostic: d }) => `${relative(dir, path).split(sep).join('/')}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.rule}`)
    .join('\n')
    .concat('\n');
}

describe('course lint rules (golden: tests/fixtures-course/<rule>/expected.txt, UPDATE=1 rewrites)', () => {
  it.each(['nav-mismatch', 'broken-link', 'duplicate-number', 'orphan-lesson'])('%s', async (rule) => {
    const actual = await lintFixture(rule);
    const golden = join(fixtures, rule, 'expected.txt');
    if (process.env.UPDATE === '1') writeFileSync(golden, actual);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
    expect(actual.split('\n').filter(Boolean).every((line) => line.endsWith(`  ${rule}`))).toBe(true);
  });

  it('reports nothing for a consistent course (the sample module)', async () => {
    const course = await loadCourse(['lessons'], root);
    expect(lintCourse(courseFiles(course), { fileExists: existsSync, roots: course.roots })).toEqual([]);
  });

  it('runs without trees, skipping what needs them', () => {
    const file = (path: string, text: string): CourseFile => ({ path, lesson: analyze(text, path).lesson });
    const findings = lintCourse([
      file('/c/m/1.1-a.md', '# Lesson 1.1: A\n\n## Navigation\n- [Next →](./1.2-b.md)\n'),
      file('/c/m/1.2-b.md', '# Lesson 1.2: B\n\n## Navigation\n- [← Previous](./1.1-x.md)\n'),
    ]);
    expect(findings.map((f) => [f.path, f.diagnostic.rule, f.diagnostic.line])).toEqual([['/c/m/1.1-a.md', 'nav-mismatch', 1]]);
  });

  it('judges a previous/next link to a file outside the course folders only when it is inside them', () => {
    const lesson = analyze('# Lesson 1.1: A\n\n## Navigation\n- [Next →](../other/2.1-b.md)\n', '/c/m/1.1-a.md');
    const files: CourseFile[] = [{ path: '/c/m/1.1-a.md', lesson: lesson.lesson, tree: lesson.tree }];
    expect(lintCourse(files, { fileExists: () => true, roots: ['/c/m'] })).toEqual([]);
    expect(lintCourse(files, { fileExists: () => true, roots: ['/c'] }).map((f) => f.diagnostic.message)).toEqual([
      'Next link points at ../other/2.1-b.md, which is not a lesson of this course',
    ]);
  });
});

describe('durations', () => {
  it('takes the lesson’s minutes, then the README list’s, then an estimate', () => {
    const given = analyze('---\nteaching: 30\nexercises: 15\n---\n# Lesson 1.1: A\n').lesson;
    expect(lessonDuration(given, 90)).toEqual({ minutes: 45, source: 'lesson' });
    const plain = analyze('# Lesson 1.1: A\n\n## Hands-on Exercises\n\n### Exercise 1: X\nDo it.\n').lesson;
    expect(lessonDuration(plain, 50)).toEqual({ minutes: 50, source: 'overview' });
    expect(lessonDuration(plain, null)).toEqual({ minutes: estimateMinutes(plain), source: 'estimate' });
    expect(estimateMinutes(plain)).toBe(20);
  });

  it('reads "(45 minutes)" at the end of a list entry and formats hours', () => {
    expect(minutesFromListText('HTTP: methods and caching, explored with curl (45 minutes)')).toBe(45);
    expect(minutesFromListText('Long one (1 hour 15 minutes).')).toBe(75);
    expect(minutesFromListText('OAuth 2.0 and JWT')).toBeNull();
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(145)).toBe('2 h 25 min');
  });
});

describe('course page HTML', () => {
  it('escapes text, shows raw HTML as text and drops unsafe or unknown links', () => {
    const { tree } = analyze('# T\n\nHi <script>alert(1)</script> **bold** [x](javascript:alert(1)) [y](https://e.org/?a=1&b=2) [z](./nope.md) ![pic](a.png)\n');
    const html = mdastToHtml(tree, { link: (url) => (url.startsWith('https:') ? url : null) });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://e.org/?a=1&amp;b=2">y</a>');
    expect(html).toContain(' z ');
    expect(html).toContain('[image: pic]');
  });

  it('sends links to lessons to their index entry and to documents to their page', async () => {
    const course = await loadCourse(['tests/fixtures-course/course'], root);
    const overview = course.documents.find((d) => d.analysis.lesson.id === 'curriculum-overview')!;
    const link = pageLinker(courseTargets(course), overview.absolute, 'curriculum-overview');
    expect(link('./module-10-review/capstone.md')).toBe('../index.html#lesson-module-10-review-capstone');
    expect(link('./module-2-containers/cheatsheet.md')).toBe('../module-2-containers/cheatsheet/document.html');
    expect(link('./missing.md')).toBeNull();
    expect(link('mailto:a@b.c')).toBe('mailto:a@b.c');
  });
});

describe('module books as data', () => {
  const part = (title: string, number: string | null, pages: number, outline: BookPart['outline'] = []): BookPart => ({ title, number, pages, outline });

  it('numbers the contents after the contents pages', () => {
    expect(contentsRows([part('A', '1.1', 3), part('B', null, 4)], 2)).toEqual([
      { number: '1.1', title: 'A', page: 3 },
      { number: '', title: 'B', page: 6 },
    ]);
  });

  it('gives one bookmark per part with its own headings beneath, moved to the part’s pages', () => {
    const heading = (title: string, pageIndex: number, children: BookPart['outline'] = []) => ({ title, pageIndex, left: 10, top: 700, children });
    const outline = bookOutline([part('A', '1.1', 2, [heading('Lesson 1.1: A', 0, [heading('Objectives', 0), heading('Exercises', 1)])]), part('B', '1.2', 1, [heading('Intro', 0)])], 1);
    expect(outline.map((e) => [e.title, e.pageIndex, e.children.map((c) => [c.title, c.pageIndex])])).toEqual([
      ['Lesson 1.1: A', 1, [['Objectives', 1], ['Exercises', 2]]],
      ['Lesson 1.2: B', 3, [['Intro', 3]]],
    ]);
  });

  it('writes an outline that reads back, with /Outlines in the catalog', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 4; i++) pdf.addPage();
    writeOutline(pdf, [
      { title: 'Lesson 1.1: Ünïcode ✓', pageIndex: 0, left: null, top: null, children: [{ title: 'Child', pageIndex: 1, left: 20, top: 500, children: [] }] },
      { title: 'Lesson 1.2', pageIndex: 3, left: null, top: null, children: [] },
    ]);
    const again = await PDFDocument.load(await pdf.save());
    const outlines = again.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(outlines.get(PDFName.of('Count'))?.toString()).toBe('2');
    expect(readOutline(again)).toEqual([
      { title: 'Lesson 1.1: Ünïcode ✓', pageIndex: 0, left: null, top: null, children: [{ title: 'Child', pageIndex: 1, left: 20, top: 500, children: [] }] },
      { title: 'Lesson 1.2', pageIndex: 3, left: null, top: null, children: [] },
    ]);
  });

  it('plans no book for a module whose untouched lessons have no PDF in OUT (a shard), nor for named files', async () => {
    const course = await loadCourse(['tests/fixtures-course/course'], root);
    const module = course.modules.find((m) => m.dir === 'module-10-review')!;
    const report = (doc: (typeof module.lessons)[number], artifacts: string[]) => ({
      source: doc.path, id: doc.analysis.lesson.id, module: doc.moduleDir, title: '', number: null, outDir: `${doc.moduleDir}/${doc.analysis.lesson.id}`,
      artifacts: artifacts.map((name) => `${doc.moduleDir}/${doc.analysis.lesson.id}/${name}`), diagnostics: [], cacheHit: false, ms: 0,
    });
    const [recap, capstone] = module.lessons as [typeof module.lessons[number], typeof module.lessons[number]];
    const plans = (reports: ReturnType<typeof report>[], exists: (path: string) => boolean) =>
      planBooks({ ...course, modules: [module] }, reports, '/out', exists).map((plan) => [plan.kind, plan.sources.map((s) => s.source)]);
    expect(plans([report(recap, ['handout.pdf', 'lab.pdf'])], () => false)).toEqual([]);
    expect(plans([report(recap, ['handout.pdf', 'lab.pdf'])], () => true)).toEqual([
      ['handouts', [recap.path, capstone.path]],
      ['labs', [recap.path, capstone.path]],
    ]);
    // A lesson that failed to print is left out; a build without PDFs makes no book.
    expect(plans([report(recap, ['handout.pdf']), report(capstone, ['handout.pdf', 'lab.pdf'])], () => false)).toEqual([
      ['handouts', [recap.path, capstone.path]],
      ['labs', [capstone.path]],
    ]);
    expect(plans([report(recap, ['deck.md']), report(capstone, ['deck.md'])], () => true)).toEqual([]);
    const named = await loadCourse(['tests/fixtures-course/course/module-10-review/recap.md'], root);
    expect(planBooks(named, [], '/out', () => true)).toEqual([]);
  });
});

describe('book parts parsed ahead of time', () => {
  const pdfOf = async (pages: number) => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < pages; i++) pdf.addPage();
    return pdf.save();
  };

  it('are used only while the file still has the bytes they were parsed from', async () => {
    const { parsePart, preparseParts, forgetPreparsed } = await import('../src/course/book.js');
    const dir = mkdtempSync(join(tmpdir(), 'lectern-preparse-'));
    try {
      const path = join(dir, 'handout.pdf');
      writeFileSync(path, await pdfOf(1));
      preparseParts([path]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The lesson was rebuilt meanwhile: its new PDF is what goes into the book.
      const rebuilt = await pdfOf(3);
      writeFileSync(path, rebuilt);
      expect((await parsePart(path, rebuilt)).getPageCount()).toBe(3);

      writeFileSync(path, await pdfOf(2));
      preparseParts([path]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await parsePart(path, readFileSync(path))).getPageCount()).toBe(2);
    } finally {
      forgetPreparsed();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
