// End to end for a whole course: the real CLI builds tests/fixtures-course/course (three modules, a
// course README, a curriculum overview and a title-less cheatsheet that are documents, lecture notes
// paired by file name, one navigation mismatch) with real Chromium; the index, the module books and
// the course lint are read back.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { ensureBuilt, lectern, pdfInfo, pdfPageText, pdfText, root, type Run } from './helpers/cli.js';

interface Report {
  lessons: Array<{ source: string; id: string; title: string; number: string | null; module: string; outDir: string; artifacts: string[]; diagnostics: Array<{ rule: string; severity: string; line: number; message: string }>; cacheHit: boolean }>;
  modules: Array<{
    dir: string;
    title: string;
    documents: Array<{ source: string; title: string; page: string }>;
    books: Array<{ kind: string; path: string; pages: number; contentsPages: number; parts: Array<{ source: string; firstPage: number; pages: number }> }>;
  }>;
  browserLaunched: boolean;
}

let dir: string;
let run: Run;
let report: Report;
const out = (...parts: string[]) => join(dir, 'out', ...parts);
const order = ['1.1-prompt', '1.2-files', '1.3-pipes', '2.2-containers', '2.9-images', '2.10-compose', 'recap', 'capstone'];

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-course-'));
  cpSync(join(root, 'tests', 'fixtures-course', 'course'), join(dir, 'course'), { recursive: true });
  run = lectern(['build', 'course', '--out', 'out'], dir);
  report = JSON.parse(readFileSync(out('build-report.json'), 'utf8'));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Titles of the top-level bookmarks, read from the /Outlines dictionary itself. */
async function bookmarks(path: string): Promise<string[]> {
  const pdf = await PDFDocument.load(readFileSync(path));
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  for (let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    const title = item.lookup(PDFName.of('Title'));
    titles.push(title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '');
  }
  return titles;
}

describe('lectern build COURSE', () => {
  it('builds every lesson, treats the overview and the title-less cheatsheet as documents and exits 0 with warnings only', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Built 8 lessons/);
    expect(report.lessons.map((lesson) => lesson.id)).toEqual(order);
    expect(report.lessons.every((lesson) => lesson.diagnostics.every((d) => d.severity !== 'error'))).toBe(true);
    const documents = report.modules.flatMap((module) => module.documents.map((doc) => [doc.title, doc.page]));
    expect(documents).toEqual([
      ['Curriculum Overview', 'curriculum-overview/document.html'],
      ['Cheatsheet', 'module-2-containers/cheatsheet/document.html'],
    ]);
    expect(readFileSync(out('curriculum-overview', 'document.html'), 'utf8')).toContain('&lt;script&gt;');
    // The lecture notes are not a lesson of their own: they are the second part of 2.9's handout.
    expect(existsSync(out('module-2-containers', 'lesson-2-9'))).toBe(false);
    expect(pdfText(out('module-2-containers', '2.9-images', 'handout.pdf'))).toContain('Every instruction in a Dockerfile adds a layer');
  });

  it('reports the navigation mismatch in the CLI output and in both lessons’ diagnostics', () => {
    expect(run.stdout).toContain('course/module-1-shell/1.2-files.md:6:3  warning  Next link points at ./1.3-pipes.md, but its previous link points at ./1.1-prompt.md  nav-mismatch');
    expect(run.stdout).toContain('course/module-1-shell/1.3-pipes.md:5:3  warning  Previous link points at ./1.1-prompt.md, but its next link points at ./1.2-files.md  nav-mismatch');
    const rules = (id: string) => report.lessons.find((lesson) => lesson.id === id)!.diagnostics.map((d) => `${d.rule}@${d.line}`);
    expect(rules('1.2-files')).toContain('nav-mismatch@6');
    expect(rules('1.3-pipes')).toContain('nav-mismatch@5');
    expect(rules('1.1-prompt')).not.toContain('nav-mismatch@6');
  });

  it('writes an index whose every link resolves, with modules and lessons in course order', () => {
    const html = readFileSync(out('index.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/\bhref="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs.length).toBeGreaterThan(80);
    for (const href of hrefs) {
      if (href.startsWith('#')) expect(ids.has(href.slice(1)), href).toBe(true);
      else expect(existsSync(out(decodeURI(href.split('#')[0]!))), href).toBe(true);
    }
    const sections = [...html.matchAll(/<section class="module" id="([^"]+)">\s*<h2>([^<]+)<\/h2>/g)].map((m) => m[2]);
    expect(sections).toEqual(['Course documents', 'Module 1: Shell Basics', 'Module 2: Containers', 'Module 10: Review']);
    const rows = [...html.matchAll(/<tr id="([^"]+)">/g)].map((m) => m[1]);
    const anchor = (id: string) => `lesson-${report.lessons.find((lesson) => lesson.id === id)!.outDir.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
    expect(rows).toEqual(order.map(anchor));
    for (const lesson of report.lessons) {
      for (const artifact of lesson.artifacts.filter((a) => /\/(deck|handout|lab|lab-instructor)\.(pdf|html|md)$/.test(a))) {
        expect(hrefs, artifact).toContain(artifact);
      }
    }
    expect(hrefs).toContain('curriculum-overview/document.html');
    expect(hrefs).toContain('module-2-containers/module-handouts.pdf');
    expect(html).toContain('Next link points at ./1.3-pipes.md, but its previous link points at ./1.1-prompt.md');
    expect(html).toContain('Learners meet the <strong>command line</strong>');
  });

  it('merges each module’s handouts and labs into books: contents + the parts’ pages, one bookmark per lesson', async () => {
    const modules = report.modules.filter((module) => module.books.length > 0);
    expect(modules.map((module) => module.dir)).toEqual(['module-1-shell', 'module-2-containers', 'module-10-review']);
    for (const module of modules) {
      const lessons = report.lessons.filter((lesson) => lesson.module === module.dir);
      for (const [kind, part] of [['handouts', 'handout.pdf'], ['labs', 'lab.pdf']] as const) {
        const book = module.books.find((b) => b.kind === kind)!;
        const file = out(book.path);
        const parts = lessons.map((lesson) => pdfInfo(out(lesson.outDir, part)).pages);
        expect(book.contentsPages).toBe(1);
        expect(pdfInfo(file).pages, book.path).toBe(book.contentsPages + parts.reduce((a, b) => a + b, 0));
        expect(book.parts.map((p) => p.pages)).toEqual(parts);
        const marks = await bookmarks(file);
        expect(marks).toHaveLength(lessons.length);
        expect(marks[0]).toMatch(module.dir === 'module-1-shell' ? /^Lesson 1\.1: The Prompt$/ : /\S/);
        // The contents page lists every lesson with the page where it starts.
        const contents = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
        for (const entry of book.parts) {
          const lesson = report.lessons.find((l) => l.source === entry.source)!;
          const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          expect(contents).toMatch(new RegExp(`^\\s*${escape(lesson.number ?? '')}\\s*${escape(lesson.title)}\\s+${entry.firstPage}\\s*$`, 'm'));
          expect(pdfPageText(file, entry.firstPage)).toContain(report.lessons.find((lesson) => lesson.source === entry.source)!.title);
        }
      }
    }
    const module2 = await bookmarks(out('module-2-containers', 'module-handouts.pdf'));
    expect(module2).toEqual(['Lesson 2.2: Containers', 'Lesson 2.9: Images', 'Lesson 2.10: Compose']);
  });

  it('checks the same course without a browser, printing the course rules', () => {
    const check = lectern(['check', 'course'], dir);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('1.2-files.md:6:3  warning  Next link points at ./1.3-pipes.md');
    expect(check.stdout).toMatch(/nav-mismatch\n[\s\S]*15 files checked: 0 errors, 2 warnings/);
    expect(check.stdout).not.toContain('missing-title');
  });

  it('rebuilds nothing and starts no Chromium when nothing changed, still listing the books and the course warnings', () => {
    const again = lectern(['build', 'course', '--out', 'out'], dir);
    const second = JSON.parse(readFileSync(out('build-report.json'), 'utf8')) as Report;
    expect(again.status).toBe(0);
    expect(second.browserLaunched).toBe(false);
    expect(second.lessons.every((lesson) => lesson.cacheHit)).toBe(true);
    expect(second.modules.flatMap((module) => module.books.map((book) => book.path))).toEqual(report.modules.flatMap((module) => module.books.map((book) => book.path)));
    expect(second.lessons.find((lesson) => lesson.id === '1.2-files')!.diagnostics.some((d) => d.rule === 'nav-mismatch')).toBe(true);
  });
});
