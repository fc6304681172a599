// End to end for handouts and lab sheets: the real CLI with real Chromium, PDFs read back with poppler.
// Fidelity is the promise: every text item of every lesson's model must be in its handout PDF.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { analyzeLesson } from '../src/pipeline.js';
import type { Lesson, Outline } from '../src/model/lesson.js';
import { ensureBuilt, lectern, pdfInfo, pdfText, root, type Run } from './helpers/cli.js';

let dir: string;
let run: Run;
let report: { lessons: Array<{ source: string; id: string; outDir: string; diagnostics: Array<{ rule: string; severity: string }> }> };

const fixtures = {
  'module-8/2.10-kubernetes-deployments.md': 'tests/fixtures/heading-variants/input.md',
  'module-8/05-loop.md': 'tests/fixtures/workbench-loop/input.md',
  'module-8/05-loop-styles.md': 'tests/fixtures/styles-loop/input.md',
};

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-docs-'));
  cpSync(join(root, 'lessons'), join(dir, 'lessons'), { recursive: true });
  mkdirSync(join(dir, 'lessons', 'module-6'));
  cpSync(join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md'), join(dir, 'lessons', 'module-6', '6.7-docker-fundamentals.md'));
  cpSync(join(root, 'tests', 'e2e-handout', 'module-7'), join(dir, 'lessons', 'module-7'), { recursive: true });
  mkdirSync(join(dir, 'lessons', 'module-8'));
  for (const [target, source] of Object.entries(fixtures)) cpSync(join(root, source), join(dir, 'lessons', target));
  run = lectern(['build', 'lessons', '--out', 'out', '--formats', 'handout,lab', '--to', 'pdf'], dir);
  report = JSON.parse(readFileSync(join(dir, 'out', 'build-report.json'), 'utf8'));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Whitespace and case ignored: PDF text wraps lines and aligns code with spaces. */
function normal(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** A model item as a reader sees it: its Markdown syntax gone (and decorative emoji, which headings may drop). */
function shown(item: string): string {
  return normal(toString(markdown.parse(item)).replace(/<\/?[a-z][^>]*>/gi, '').replace(/\p{Extended_Pictographic}|\ufe0f/gu, ''));
}

function outlineTexts(items: Outline[]): string[] {
  return items.flatMap((item) => [item.text, ...outlineTexts(item.children)]);
}

/** Node labels and messages of a Mermaid diagram, as drawn. */
function diagramLabels(code: string): string[] {
  const labels = [...code.matchAll(/\[([^\]\n]+)\]/g)].map((m) => m[1]!);
  const messages = [...code.matchAll(/->>?[^:\n]*:\s*(.+)$/gm)].map((m) => m[1]!);
  return [...labels, ...messages].map((label) => label.replace(/^["(]|[")]$/g, '').trim()).filter((label) => label && !/[<>{}]/.test(label));
}

/** Every text item of a lesson model that a learner's handout must carry. */
function handoutItems(lesson: Lesson): string[] {
  return [
    lesson.title,
    ...lesson.objectives.map((o) => o.text),
    ...lesson.keypoints.map((k) => k.text),
    ...lesson.concepts.flatMap((c) => [c.title, ...outlineTexts(c.items)]),
    ...lesson.diagrams.flatMap((d) => diagramLabels(d.code)),
    ...lesson.examples.flatMap((e) => e.code.split('\n').filter((line) => line.trim().length > 2)),
    ...lesson.practices.flatMap((p) => [p.title, ...p.items.flatMap((i) => [i.title, ...i.points])]),
    ...lesson.caseStudies.flatMap((c) => [c.title, c.challenge, ...c.solution, ...c.results]),
    ...lesson.pitfalls.map((p) => p.text),
    ...lesson.resources.flatMap((r) => [r.text, ...(r.url ? [r.url] : [])]),
    ...lesson.reviewQuestions.map((q) => q.text),
    ...lesson.nextSteps.map((n) => n.text),
    ...lesson.exercises.map((e) => e.prompt.split('\n\n')[0]!),
  ].filter((item) => shown(item).length > 0);
}

function lessonOf(source: string): Lesson {
  const path = join(dir, source);
  return analyzeLesson(new VFile({ path, value: readFileSync(path, 'utf8') })).lesson;
}

describe('handouts', () => {
  it('are built for every lesson, lecture notes included in their lesson rather than on their own', () => {
    expect(run.status).toBe(0);
    expect(report.lessons.map((l) => l.id).sort()).toEqual(
      ['05-loop', '05-loop-styles', '2.10-kubernetes-deployments', '3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication', '6.7-docker-fundamentals', '7.1-databases'].sort(),
    );
  });

  it('carry every text item of the model, for the seed, the sample lessons and the fixtures', () => {
    for (const entry of report.lessons) {
      const text = normal(pdfText(join(dir, 'out', entry.outDir, 'handout.pdf'), { raw: true }));
      // Code lines are shown verbatim; every other item is Markdown.
      const lesson = lessonOf(entry.source);
      const code = new Set(lesson.examples.flatMap((e) => e.code.split('\n')));
      const missing = handoutItems(lesson).filter((item) => !text.includes(code.has(item) ? normal(item) : shown(item)));
      expect(missing, entry.id).toEqual([]);
    }
  });

  it('are A4 with page numbers and the lesson title in the PDF metadata', () => {
    const path = join(dir, 'out', 'module-6', '6.7-docker-fundamentals', 'handout.pdf');
    const info = pdfInfo(path);
    expect(Math.round(info.width)).toBe(595);
    expect(Math.round(info.height)).toBe(842);
    expect(info.title).toContain('Docker Fundamentals');
    expect(pdfText(path)).toMatch(new RegExp(`Page 1 of ${info.pages}`));
  });

  it('carry the linked lecture notes as a second part', () => {
    const text = pdfText(join(dir, 'out', 'module-7', '7.1-databases', 'handout.pdf'));
    expect(text).toMatch(/Lecture notes/i);
    expect(text).toContain('Relational databases remain the default store');
    expect(text).toContain('const pool = new Pool({ max: 10 });');
  });

  it('never print a solution', () => {
    const text = pdfText(join(dir, 'out', 'module-7', '7.1-databases', 'handout.pdf'));
    expect(text).not.toContain('ALTER TABLE books ADD COLUMN author_id');
  });

  it('come on US Letter with --paper letter', () => {
    // The paper size is the page's, whatever the lesson: one without diagrams needs no Mermaid.
    const letter = lectern(['build', 'lessons/module-8/05-loop.md', '--out', 'letter', '--formats', 'handout', '--to', 'pdf', '--paper', 'letter'], dir);
    expect(letter.status).toBe(0);
    const info = pdfInfo(join(dir, 'letter', 'module-8', '05-loop', 'handout.pdf'));
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([612, 792]);
  });

  it('can be the deck three slides a page with lines for notes (--handout-style slides), without the speaker notes', () => {
    const slides = lectern(['build', 'lessons/module-6', '--out', 'slides', '--formats', 'handout', '--to', 'pdf', '--handout-style', 'slides'], dir);
    expect(slides.status).toBe(0);
    const path = join(dir, 'slides', 'module-6', '6.7-docker-fundamentals', 'handout.pdf');
    const text = normal(pdfText(path, { raw: true }));
    expect(text).toContain(normal('Docker Daemon'));
    expect(pdfInfo(path).pages).toBeGreaterThanOrEqual(5);
    // Speaker notes are facilitator text: not in what learners get, in either handout style.
    const documentStyle = normal(pdfText(join(dir, 'out', 'module-6', '6.7-docker-fundamentals', 'handout.pdf'), { raw: true }));
    for (const note of ['Welcome everyone and introduce the lesson', 'Timing ≈']) {
      expect(text).not.toContain(normal(note));
      expect(documentStyle).not.toContain(normal(note));
    }
  });

  it('prints the speaker notes beside each slide only when asked (--handout-notes)', () => {
    // Into the folder of the slides-style build above, whose diagrams it takes from the cache (the option
    // change prints the handout again).
    const run = lectern(['build', 'lessons/module-6', '--out', 'slides', '--formats', 'handout', '--to', 'pdf', '--handout-style', 'slides', '--handout-notes'], dir);
    expect(run.status).toBe(0);
    const text = normal(pdfText(join(dir, 'slides', 'module-6', '6.7-docker-fundamentals', 'handout.pdf'), { raw: true }));
    expect(text).toContain(normal('Welcome everyone and introduce the lesson'));
  });
});

describe('lab sheets', () => {
  it('keep solutions out of the student version and put them in the instructor version', () => {
    const base = join(dir, 'out', 'module-6', '6.7-docker-fundamentals');
    const student = pdfText(join(base, 'lab.pdf'));
    const instructor = pdfText(join(base, 'lab-instructor.pdf'));
    for (const line of ['RUN pip install --no-cache-dir -r requirements.txt', 'CMD ["python", "app.py"]']) {
      expect(student).not.toContain(line);
      expect(instructor).toContain(line);
    }
    expect(student).toContain('TODO');
    expect(student).toContain('Dockerfile');
    expect(student).toContain('docker build');
  });

  it('turn Carpentries challenges into exercises whose solutions only instructors see', () => {
    const base = join(dir, 'out', 'module-8', '05-loop');
    const student = normal(pdfText(join(base, 'lab.pdf'), { raw: true }));
    const instructor = normal(pdfText(join(base, 'lab-instructor.pdf'), { raw: true }));
    const lesson = lessonOf(join('lessons', 'module-8', '05-loop.md'));
    for (const exercise of lesson.exercises) {
      expect(student).toContain(shown(exercise.title));
      const solution = shown(exercise.solution!.split('\n').find((line) => line.trim().length > 20 && !line.startsWith('```'))!);
      expect(instructor).toContain(solution);
      expect(student).not.toContain(solution);
    }
  });

  it('turn the lesson exercise into a task with its hint, and its solution into the instructor sheet', () => {
    const base = join(dir, 'out', 'module-7', '7.1-databases');
    const student = pdfText(join(base, 'lab.pdf'));
    expect(student).toContain('Add an Author Table');
    expect(student).toContain('REFERENCES authors(id)');
    expect(student).not.toContain('ALTER TABLE books ADD COLUMN author_id');
    expect(pdfText(join(base, 'lab-instructor.pdf'))).toContain('ALTER TABLE books ADD COLUMN author_id');
  });
});
