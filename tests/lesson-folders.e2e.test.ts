// Issue 19, lesson folders end to end: a course in the "…-For-Beginners" shape (each lesson a numbered
// folder whose README.md is the lesson, beside assignment.md, images/, .github/ quizzes and translations)
// builds into its lessons through the real CLI: ids and order from the folders, translations left out in
// one line, each assignment in its lesson's lab sheet, nothing of the lesson lost.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, pdfText, root } from './helpers/cli.js';

let dir: string;
let out: string;
let said: string;
let status: number;
interface Report { lessons: Array<{ id: string; module: string; outDir: string; artifacts: string[] }> }
let report: Report;
const read = (path: string) => readFileSync(join(out, path), 'utf8');
const LESSONS = ['1-getting-started/1-what-is-code', '1-getting-started/2-version-control', '2-javascript/1-values-and-types'];

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-folders-'));
  cpSync(join(root, 'tests', 'fixtures-folders'), join(dir, 'course'), { recursive: true });
  out = join(dir, 'out');
  const run = lectern(['build', 'course', '--out', out, '--to', 'md,html'], dir);
  status = run.status;
  said = run.stdout + run.stderr;
  report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const allFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? allFiles(join(folder, entry.name)).map((f) => `${entry.name}/${f}`) : [entry.name]));

describe('a course of lesson folders (issue 19)', () => {
  it('builds each lesson folder as one lesson, named for its folder, in folder order', () => {
    expect(status, said).toBe(0);
    expect(said).toMatch(/Built 3 lessons/);
    expect(said).not.toContain('no lesson found');
    expect(report.lessons.map((lesson) => lesson.outDir)).toEqual(LESSONS);
    for (const lesson of LESSONS) {
      for (const file of ['deck.md', 'deck.html', 'handout.html', 'lab.html', 'lab-instructor.html']) expect(existsSync(join(out, lesson, file)), `${lesson}/${file}`).toBe(true);
    }
    // Nothing is laid out under a README folder.
    expect(allFiles(out).filter((path) => /README/i.test(path))).toEqual([]);
  });

  it('keeps the sections and the course overview as overviews, and orders the index by the folders', () => {
    const index = read('index.html');
    expect(index).toContain('Coding from Scratch');
    const at = (text: string) => index.indexOf(text);
    for (const text of ['Getting Started', 'What Is Code?', 'Keeping Versions', 'JavaScript', 'Values and Types']) expect(at(text), text).toBeGreaterThan(-1);
    expect(at('What Is Code?')).toBeLessThan(at('Keeping Versions'));
    expect(at('Keeping Versions')).toBeLessThan(at('Values and Types'));
  });

  it('gives each lab its previous lesson in the section', () => {
    expect(read('1-getting-started/2-version-control/lab.html')).toContain('What Is Code?');
    // Twin: the first lesson of the section has none before it.
    expect(read('1-getting-started/1-what-is-code/lab.html')).not.toContain('Keeping Versions');
  });

  it('leaves the translations out, in one line (twin: a translation named on the command line is built)', () => {
    expect(said.match(/skipped 5 translations \(translations\/ folders and README\.xx\.md files\); build one with lectern build PATH/g)).toHaveLength(1);
    expect(said).not.toMatch(/README\.(?:es|fr|ja|zh-cn)|assignment\.es/);
    expect(allFiles(out).filter((path) => /\.(?:es|fr|ja|zh-cn)\b|Qué|pre-lecture-quiz/.test(path))).toEqual([]);
    const translated = lectern(['build', 'course/1-getting-started/1-what-is-code/translations/README.es.md', '--out', join(dir, 'out-es'), '--to', 'md'], dir);
    expect(translated.status, translated.stdout + translated.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out-es', '1-getting-started', '1-what-is-code', 'translations', 'README.es', 'deck.md'), 'utf8')).toContain('¿Qué es el código?');
  });

  it('puts each assignment, instructions and rubric, in its lesson\'s lab sheets, not in a page of its own', () => {
    for (const lab of ['lab.html', 'lab-instructor.html']) {
      const html = read(`1-getting-started/1-what-is-code/${lab}`);
      expect(html).toContain('Assignment: Three Tools of the Trade');
      expect(html).toContain('Names the tools only');
      expect(html).toContain('Pick tools this lesson did not mention.');
    }
    expect(read('2-javascript/1-values-and-types/lab.html')).toContain('Assignment: A Price Calculator');
    expect(allFiles(out).filter((path) => /assignment/i.test(path))).toEqual([]);
    expect(read('index.html')).not.toMatch(/assignment\/document\.html|Three Tools of the Trade/);
  });

  it('reads the quizzes, the challenge and Review & Self Study, loses nothing, and copies the lesson\'s image', () => {
    const handout = read('1-getting-started/1-what-is-code/handout.html');
    expect(handout).toContain('https://quiz.example.org/coding/1');
    expect(handout).toContain('https://quiz.example.org/coding/2');
    expect(handout).toContain('A short history of programming languages');
    expect(handout).toContain('find a step a robot could get wrong');
    expect(read('1-getting-started/1-what-is-code/lab.html')).toContain('find a step a robot could get wrong');
    // The heading that is the quiz link (## [Post-lecture quiz](…)) is a resource, not an empty section.
    expect(read('1-getting-started/2-version-control/handout.html')).toContain('https://quiz.example.org/coding/4');
    expect(said).not.toContain('empty-section');
    expect(existsSync(join(out, '1-getting-started/1-what-is-code/assets/images/program-flow.png'))).toBe(true);
    expect(read('1-getting-started/1-what-is-code/deck.md')).toContain('assets/images/program-flow.png');
  });

  it('a lesson folder\'s README given on its own lands in the same place; its lab PDF reads back', () => {
    const single = join(dir, 'out-single');
    const run = lectern(['build', 'course/1-getting-started/2-version-control/README.md', '--out', single, '--formats', 'lab', '--to', 'pdf'], dir);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const text = pdfText(join(single, '1-getting-started', '2-version-control', 'lab.pdf'));
    expect(text).toContain('Make three commits');
    // Its assignment came with it, as in the course build.
    expect(text).toContain('Your First Repository');
    expect(text).toContain('Fewer than five');
  });
});
