// The bench's generated course (bench/realistic-course.mjs, issue 11) has the shape of the real course
// it stands for: checked at a small BENCH_SCALE, by counting files, lines and diagrams, and by reading
// it with Lectern's own course loader (lessons, modules, notes paired as "Detailed Content").
// Nothing here is timed: the bench itself only runs by hand.
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
// @ts-expect-error: a plain .mjs script of the bench, without types.
import { generateRealisticCourse, countsFor, FULL } from '../bench/realistic-course.mjs';
import { loadCourse } from '../src/orchestrate/course.js';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-course-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Every Markdown file under `dir`, relative, sorted. */
function markdownFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((path) => path.endsWith('.md')).map((path) => relative(dir, join(dir, path))).sort();
}
const lines = (text: string) => text.split('\n').length - 1;
const mermaidFences = (text: string) => (text.match(/^```mermaid$/gm) ?? []).length;

describe('the bench course generator (issue 11)', () => {
  it('at full scale, has the measured course shape in its counts', () => {
    expect(countsFor(1)).toEqual({ lessons: 78, modules: 10, notes: 48, diagrams: 64 });
    expect(FULL).toEqual(countsFor(1));
  });

  it('at BENCH_SCALE 0.1, writes one module of 8 lessons, 5 notes, its README and 6 diagrams, shaped as the real ones', async () => {
    const dir = temp();
    const shape = generateRealisticCourse(dir, 0.1);
    const files = markdownFiles(dir);
    const notes = files.filter((file) => file.includes('/lectures/'));
    const readmes = files.filter((file) => file.endsWith('README.md'));
    const lessons = files.filter((file) => !notes.includes(file) && !readmes.includes(file));
    expect([lessons.length, notes.length, readmes.length]).toEqual([8, 5, 1]);
    expect([...shape.lessonFiles].sort()).toEqual(lessons);
    expect([...shape.notesFiles].sort()).toEqual(notes);
    const text = (file: string) => readFileSync(join(dir, file), 'utf8');
    expect(files.reduce((sum, file) => sum + mermaidFences(text(file)), 0)).toBe(6);
    // Diagrams live mostly in the notes, as in the real course.
    expect(notes.reduce((sum, file) => sum + mermaidFences(text(file)), 0)).toBeGreaterThan(lessons.reduce((sum, file) => sum + mermaidFences(text(file)), 0));
    for (const file of lessons) expect(lines(text(file)), file).toBeGreaterThanOrEqual(150);
    for (const file of lessons) expect(lines(text(file)), file).toBeLessThanOrEqual(410);
    for (const file of notes) expect(lines(text(file)), file).toBeGreaterThanOrEqual(300);
    for (const file of notes) expect(lines(text(file)), file).toBeLessThanOrEqual(710);
    // Notes carry code in several languages; the README a table linking lessons and notes.
    const languages = new Set(notes.flatMap((file) => [...text(file).matchAll(/^```(\w+)$/gm)].map((match) => match[1])));
    expect(languages.size).toBeGreaterThanOrEqual(4);
    const readme = text(readmes[0]!);
    expect(readme).toMatch(/^\| Lesson \| Topic \| Detailed Content \| Duration \|$/m);
    for (const file of [...lessons, ...notes]) expect(readme).toContain(`(./${relative('module-1', file)})`);

    // Lectern reads it as the course it stands for: 8 lessons in one module with its README, every
    // notes file paired with its lesson, and the untidiness (a duplicate section, a mislabelled fence) found.
    const course = await loadCourse([dir], dir);
    expect(course.modules.map((module) => [module.dir, module.lessons.length, Boolean(module.overview)])).toEqual([['module-1', 8, true]]);
    expect([...course.notes.values()].map((doc) => relative(dir, doc.absolute)).sort()).toEqual(notes);
    // Each through its lesson's "Detailed Content" link, as in the real course.
    const details = course.lessons.flatMap((doc) => {
      const link = doc.analysis.lesson.navigation.details;
      return link ? [relative(dir, resolve(dirname(doc.absolute), link.href))] : [];
    });
    expect(details.sort()).toEqual(notes);
    expect(course.documents).toEqual([]);
    const rules = course.lessons.flatMap((doc) => doc.analysis.lesson.diagnostics.map((d) => d.rule));
    expect(rules).toContain('duplicate-section');
    expect(rules).toContain('fence-language');
  });

  it('writes the same course for the same scale, and scales every count', () => {
    const [a, b, c] = [temp(), temp(), temp()];
    generateRealisticCourse(a, 0.1);
    generateRealisticCourse(b, 0.1);
    expect(markdownFiles(a).map((file) => readFileSync(join(a, file), 'utf8'))).toEqual(markdownFiles(b).map((file) => readFileSync(join(b, file), 'utf8')));
    const shape = generateRealisticCourse(c, 0.25);
    expect([shape.lessons, shape.modules, shape.notes, shape.readmes, shape.mermaid]).toEqual([20, 3, 12, 3, 16]);
    expect(markdownFiles(c)).toHaveLength(20 + 12 + 3);
  });
});
