// Issue 19: `missing-objectives` says once per module, not once per lesson, when no lesson of a module of
// non-house pages has objectives (what `lectern check` and `lectern build` both print). No browser.
import { describe, it, expect, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { loadCourse } from '../src/orchestrate/course.js';

const root = join(import.meta.dirname, '..');
const temp = mkdtempSync(join(tmpdir(), 'lectern-objectives-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function missingObjectives(dir: string): Promise<Array<{ file: string; message: string }>> {
  const course = await loadCourse([dir], root);
  return course.lessons.flatMap((doc) =>
    doc.analysis.lesson.diagnostics
      .filter((diagnostic) => diagnostic.rule === 'missing-objectives')
      .map((diagnostic) => ({ file: relative(dir, doc.absolute).split(sep).join('/'), message: diagnostic.message })));
}

describe('missing-objectives once per module (issue 19)', () => {
  it('warns once for each module where no lesson has objectives, naming how many lessons it has', async () => {
    const found = await missingObjectives(join(root, 'tests', 'fixtures-shapes'));
    expect(found.map((item) => item.file).sort()).toEqual(['class-notes/1_basics.md', 'mixed/week-1.md', 'tutorial/01-intro.md']);
    expect(found.find((item) => item.file.startsWith('tutorial/'))?.message).toMatch(/^No lesson of this module \(5 lessons\) has learning objectives/);
  });

  it('twin: once one lesson has objectives, each lesson without them is warned on its own', async () => {
    const dir = join(temp, 'tutorial');
    cpSync(join(root, 'tests', 'fixtures-shapes', 'tutorial'), dir, { recursive: true });
    const first = join(dir, '01-intro.md');
    writeFileSync(first, readFileSync(first, 'utf8').replace('## Why', '## Learning Objectives\n\n- Explain what a container is\n\n## Why'));
    const found = await missingObjectives(dir);
    expect(found.map((item) => item.file).sort()).toEqual(['02-setup.md', '03-images.md', '04-database.md', '05-deploy.md']);
    expect(found.every((item) => !item.message.includes('No lesson of this module'))).toBe(true);
  });
});
