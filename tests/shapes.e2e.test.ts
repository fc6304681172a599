// Issue 19 end to end: courses in the shapes instructors already have build into lessons through the real
// CLI, with real Chromium, in order, and their navigation lines never reach a slide, handout or lab.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, pdfText, root } from './helpers/cli.js';

let dir: string;
interface Report { lessons: Array<{ id: string; outDir: string; artifacts: string[] }> }
const built: Record<string, { status: number; report: Report; out: string; stdout: string }> = {};

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-shapes-'));
  cpSync(join(root, 'tests', 'fixtures-shapes'), join(dir, 'course'), { recursive: true });
  for (const shape of ['tutorial', 'class-notes', 'notes-module', 'mixed']) {
    const out = join(dir, `out-${shape}`);
    const run = lectern(['build', join('course', shape), '--out', out], dir);
    built[shape] = { status: run.status, out, stdout: run.stdout + run.stderr, report: JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) };
  }
}, 280_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ids = (shape: string) => built[shape].report.lessons.map((lesson) => lesson.id);

describe('course shapes build into lessons (issue 19)', () => {
  it('every shape builds, each lesson with deck, handout and both labs', () => {
    for (const [shape, { status, report, out, stdout }] of Object.entries(built)) {
      expect(status, `${shape}: ${stdout}`).toBe(0);
      expect(report.lessons.length, shape).toBeGreaterThan(0);
      for (const lesson of report.lessons) {
        for (const file of ['deck.pdf', 'handout.pdf', 'lab.pdf', 'lab-instructor.pdf']) expect(existsSync(join(out, lesson.outDir, file)), `${lesson.id}/${file}`).toBe(true);
      }
    }
  });

  it('finds the lessons of each shape, in order; the curriculum overview stays a document', () => {
    expect(ids('tutorial')).toEqual(['01-intro', '02-setup', '03-images', '04-database', '05-deploy']);
    expect(ids('class-notes')).toEqual(expect.arrayContaining(['4_1_1_routing', '4_1_2_handlers', '4_2_1_templates', '1_basics', '2_more']));
    expect(ids('class-notes').indexOf('4_1_1_routing')).toBeLessThan(ids('class-notes').indexOf('4_1_2_handlers'));
    expect(ids('notes-module')).toEqual(['01-core-01', '02-core-02', '03-core-03']);
    expect(ids('mixed')).toEqual(expect.arrayContaining(['week-1', 'lesson-3', 'day1']));
    expect(ids('mixed')).not.toContain('curriculum-overview');
    expect(built.tutorial.stdout).toMatch(/Built 5 lessons/);
  });

  it('says missing-objectives once for a module where no lesson has objectives', () => {
    expect(built.tutorial.stdout.match(/missing-objectives/g)).toHaveLength(1);
    expect(built.tutorial.stdout).toMatch(/No lesson of this module \(5 lessons\) has learning objectives/);
  });

  it('the overview\'s image with empty alt inside a link names its file in the index, never "untitled"', () => {
    const index = readFileSync(join(built.tutorial.out, 'index.html'), 'utf8');
    expect(index).toContain('[image: thumbnail.jpg]');
    expect(index).not.toContain('untitled');
  });

  it('the navigation line is on no slide, handout or lab', () => {
    const lesson = join(built.tutorial.out, '03-images');
    // Twin: the page's own prose is there, so the check reads real text.
    expect(pdfText(join(lesson, 'handout.pdf'))).toContain('image layers');
    for (const file of ['deck.md', 'handout.html', 'lab.html', 'lab-instructor.html']) expect(readFileSync(join(lesson, file), 'utf8'), file).not.toMatch(/← Previous|Next →|↑ Up/);
    for (const file of ['deck.pdf', 'handout.pdf', 'lab.pdf']) expect(pdfText(join(lesson, file)), file).not.toMatch(/Previous|Next →/);
  });

  it('a folder of documents only says so in one line, and how to make them lessons (twin: the tutorial does not)', () => {
    const only = join(dir, 'course', 'docs-only');
    cpSync(join(dir, 'course', 'mixed', 'curriculum-overview.md'), join(only, 'curriculum-overview.md'));
    const run = lectern(['build', join('course', 'docs-only'), '--out', join(dir, 'out-docs-only')], dir);
    expect(run.status).toBe(0);
    const said = run.stdout + run.stderr;
    expect(said.match(/no lesson found, 1 document \(/g), said).toHaveLength(1);
    expect(said).toContain('01-intro.md');
    expect(built.tutorial.stdout).not.toContain('no lesson found');
  });

  it('lectern check lists no navigation line as content and no false nav-mismatch', () => {
    for (const shape of ['tutorial', 'class-notes', 'notes-module']) {
      const run = lectern(['check', join('course', shape)], dir);
      expect(run.stdout + run.stderr, shape).not.toMatch(/nav-mismatch/);
      expect(run.stdout + run.stderr, shape).not.toMatch(/Previous\]|Next →\]/);
    }
  });
});
