// Issue 19, second part, end to end through the real CLI: what the instructor says a page is (config
// `lessons:`/`documents:` globs, front matter `lectern:`) wins over the guess; a page a lesson links to as
// previous or next is a lesson; a folder of documents names the config line that makes them lessons;
// documents count as files written; a link blockquote becomes resources; and the four fixture shapes
// resolve previous lessons in order. Two cheap builds (no PDF): Markdown and HTML are what is read back.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

interface Report { lessons: Array<{ id: string; module: string; outDir: string }>; totals: { lessons: number; artifacts: number; documents?: number } }
let dir: string;
let told: { status: number; said: string; report: Report; out: string };
let shapes: { status: number; said: string; out: string };

const read = (...parts: string[]) => readFileSync(join(...parts), 'utf8');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-shapes-told-'));
  cpSync(join(root, 'tests', 'fixtures-shapes-told'), join(dir, 'told'), { recursive: true });
  cpSync(join(root, 'tests', 'fixtures-shapes'), join(dir, 'shapes', 'course'), { recursive: true });
  const toldOut = join(dir, 'told', 'out');
  const run = lectern(['build', 'course', '--out', toldOut, '--to', 'md,html'], join(dir, 'told'));
  told = { status: run.status, said: run.stdout + run.stderr, out: toldOut, report: JSON.parse(read(toldOut, 'build-report.json')) };
  // The four shapes as the modules of one course; lab sheets are where the previous lesson is named.
  const shapesOut = join(dir, 'shapes', 'out');
  const built = lectern(['build', 'course', '--out', shapesOut, '--formats', 'lab', '--to', 'html'], join(dir, 'shapes'));
  shapes = { status: built.status, said: built.stdout + built.stderr, out: shapesOut };
}, 200_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lessonsOf = (module: string) => told.report.lessons.filter((lesson) => lesson.module === module).map((lesson) => lesson.id);
const prerequisite = (out: string, lessonDir: string) => /Completed[^<]*/.exec(read(out, lessonDir, 'lab.html'))?.[0] ?? null;

describe('what the instructor says a page is wins over the guess (issue 19)', () => {
  it('the build succeeds', () => {
    expect(told.status, told.said).toBe(0);
    expect(shapes.status, shapes.said).toBe(0);
  });

  it('config lessons: makes pages lessons; config documents: and front matter lectern: document win over it', () => {
    expect(lessonsOf('handbook')).toEqual(['intro', 'setup']);
    for (const page of ['glossary', 'extra']) {
      expect(existsSync(join(told.out, 'handbook', page, 'document.html')), page).toBe(true);
      expect(existsSync(join(told.out, 'handbook', page, 'deck.md')), page).toBe(false);
    }
  });

  it('front matter lectern: lesson makes a plain page a lesson; lectern: document keeps a numbered page a document', () => {
    expect(lessonsOf('extras')).toEqual(['faq']);
    expect(existsSync(join(told.out, 'extras', 'faq', 'deck.md'))).toBe(true);
    expect(existsSync(join(told.out, 'extras', '01-cheatsheet', 'document.html'))).toBe(true);
  });

  it('a page a lesson links to as previous or next is a lesson, in chain order; an unlinked page stays a document', () => {
    expect(lessonsOf('linked')).toEqual(['basics', 'more-basics', 'wrap-up']);
    expect(prerequisite(told.out, 'linked/more-basics')).toBe('Completed the lesson “Basics”');
    expect(prerequisite(told.out, 'linked/wrap-up')).toBe('Completed the lesson “More Basics”');
    expect(existsSync(join(told.out, 'linked', 'glossary', 'document.html'))).toBe(true);
  });

  it('a folder of documents says so once and names the config line that makes them lessons (twin: handbook, made lessons by it, does not)', () => {
    expect(told.said.match(/no lesson found/g), told.said).toHaveLength(1);
    expect(told.said).toContain('plain: no lesson found, 2 documents');
    expect(told.said).toContain('lessons: ["plain/*.md"]');
    expect(told.said).not.toMatch(/handbook: no lesson found/);
  });

  it('the line it names works: without the config, handbook is documents and the line names its glob', () => {
    const run = lectern(['build', 'handbook', '--out', join(dir, 'out-handbook'), '--formats', 'lab', '--to', 'html'], join(dir, 'told', 'course'));
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain('no lesson found, 4 documents');
    expect(run.stdout + run.stderr).toContain('lessons: ["*.md"]');
  });

  it('documents written count as files written, in the summary and the report', () => {
    const documents = 6; // handbook: glossary, extra; extras: 01-cheatsheet; linked: glossary; plain: about, contacts
    const lessonFiles = told.report.lessons.length * 5; // deck.md, deck.html, handout.html, lab.html, lab-instructor.html
    expect(told.report.totals.artifacts).toBe(lessonFiles);
    expect(told.report.totals.documents).toBe(documents);
    // The document pages and the index are files written too.
    expect(told.said).toContain(`Built 6 lessons, ${documents} documents, ${lessonFiles + documents + 1} files written`);
  });

  it('a link blockquote at the top becomes the lesson\'s resources, and leaves the slides', () => {
    const handout = read(told.out, 'linked', 'basics', 'handout.html');
    const resources = /<ul class="resources">([\s\S]*?)<\/ul>/.exec(handout)?.[1] ?? '';
    expect(resources).toContain('Video: Basics in ten minutes');
    expect(resources).toContain('https://example.org/docs/basics');
    const deck = read(told.out, 'linked', 'basics', 'deck.md');
    expect(deck).not.toMatch(/^> Video:/m);
    // Its own prose stays where it was.
    expect(deck).toContain('This page starts the sequence.');
  });
});

describe('the four fixture shapes resolve previous lessons in order (issue 19)', () => {
  it('each lab names the lesson before it in its module', () => {
    expect(prerequisite(shapes.out, 'tutorial/02-setup')).toBe('Completed the lesson “Introduction”');
    expect(prerequisite(shapes.out, 'tutorial/05-deploy')).toBe('Completed the lesson “Adding a Database”');
    expect(prerequisite(shapes.out, 'class-notes/4_1_2_handlers')).toBe('Completed Lesson 4.1.1: What is Routing?');
    expect(prerequisite(shapes.out, 'class-notes/4_2_1_templates')).toBe('Completed Lesson 4.1.2: What is a Handler?');
    expect(prerequisite(shapes.out, 'notes-module/notes/03-core-03')).toBe('Completed the lesson “Core topic 2”');
    expect(existsSync(join(shapes.out, 'mixed', 'curriculum-overview', 'document.html'))).toBe(true);
    expect(shapes.said).toMatch(/Built 16 lessons, 1 document, 34 files written/);
  });

  it('lectern check on the whole course lists no navigation line as content and no false nav-mismatch', () => {
    const run = lectern(['check', 'course'], join(dir, 'shapes'));
    const said = run.stdout + run.stderr;
    expect(said).toMatch(/files checked/);
    expect(said).not.toMatch(/nav-mismatch/);
    expect(said).not.toMatch(/Previous\]|Next →\]|← Previous/);
  });
});
