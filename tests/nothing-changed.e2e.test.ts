// Issue 11: a nothing-changed build of a course with lecture notes and a module README parses no
// Markdown. Counted through the LECTERN_TEST_COUNT_PARSES hook (src/cli/parse-count-report.ts), never timed.
// An edited lecture-notes file makes again only its lesson's handout and the module's book of handouts.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

let dir: string;
let report: { browserLaunched: boolean; lessons: Array<{ id: string; outDir: string; cacheHit: boolean }> };

const rebuilt = () => report.lessons.filter((lesson) => !lesson.cacheHit).map((lesson) => lesson.id);
const mtimes = () => report.lessons.map((lesson) => [lesson.id, statSync(join(dir, 'out', lesson.outDir, 'handout.html')).mtimeMs]);

const README = `# Module 7: Databases

| Lesson | Topic |
| --- | --- |
| [7.1](7.1-databases.md) | Databases |

See the [lecture notes](lectures/7.1-databases-notes.md).
`;

/** Builds the course and returns how many Markdown parses every process of the build did. */
function build(): number {
  const counts = join(dir, `parses-${Date.now()}-${Math.random()}.txt`);
  const run = lectern(['build', 'course', '--out', 'out', '--formats', 'handout', '--to', 'html'], dir, { LECTERN_TEST_COUNT_PARSES: counts });
  expect(run.status, run.stderr).toBe(0);
  report = JSON.parse(readFileSync(join(dir, 'out', 'build-report.json'), 'utf8'));
  if (!existsSync(counts)) return 0;
  return readFileSync(counts, 'utf8').trim().split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line), 0);
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-unchanged-'));
  cpSync(join(root, 'lessons'), join(dir, 'course'), { recursive: true });
  cpSync(join(root, 'tests', 'e2e-handout', 'module-7'), join(dir, 'course', 'module-7'), { recursive: true });
  writeFileSync(join(dir, 'course', 'module-7', 'README.md'), README);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('nothing-changed build (issue 11)', () => {
  it('parses Markdown on the cold build, none on the second, and again when a notes file changes', () => {
    // The hook counts: a cold build parses the lesson, its notes and the README.
    expect(build()).toBeGreaterThanOrEqual(3);
    expect(report.browserLaunched).toBe(true);
    expect(build()).toBe(0);
    expect(rebuilt()).toEqual([]);
    expect(report.browserLaunched).toBe(false);
    const before = mtimes();
    appendFileSync(join(dir, 'course', 'module-7', 'lectures', '7.1-databases-notes.md'), '\nOne more line of notes.\n');
    expect(build()).toBeGreaterThan(0);
    // Exactly the lesson whose notes changed is rebuilt; the others' handouts are not rewritten.
    expect(rebuilt()).toEqual(['7.1-databases']);
    const after = new Map(mtimes() as Array<[string, number]>);
    for (const [id, mtime] of before as Array<[string, number]>) if (id !== '7.1-databases') expect(after.get(id), id).toBe(mtime);
    expect(after.get('7.1-databases')).not.toBe(new Map(before as Array<[string, number]>).get('7.1-databases'));
    expect(build()).toBe(0);
    const unedited = mtimes();
    appendFileSync(join(dir, 'course', 'module-7', 'README.md'), '\nOne more line of overview.\n');
    expect(build()).toBeGreaterThan(0);
    // An edited README rebuilds no lesson: every handout keeps its mtime.
    expect(rebuilt()).toEqual([]);
    expect(mtimes()).toEqual(unedited);
  }, 300_000);
});

describe('an edited lecture-notes file, every format in PDF (issue 11)', () => {
  let course: string;
  afterAll(() => {
    if (course) rmSync(course, { recursive: true, force: true });
  });

  it("rebuilds only its lesson's handout and the module's handout book: the deck, the labs and the labs book stay", () => {
    course = mkdtempSync(join(tmpdir(), 'lectern-notes-only-'));
    cpSync(join(root, 'tests', 'e2e-handout', 'module-7'), join(course, 'course', 'module-7'), { recursive: true });
    writeFileSync(join(course, 'course', 'module-7', 'README.md'), README);
    const out = join(course, 'out');
    const run = () => {
      const result = lectern(['build', 'course', '--out', 'out'], course);
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as typeof report;
    };
    const files = ['module-7/7.1-databases/handout.pdf', 'module-7/7.1-databases/deck.pdf', 'module-7/7.1-databases/lab.pdf', 'module-7/7.1-databases/lab-instructor.pdf', 'module-7/module-handouts.pdf', 'module-7/module-labs.pdf'];
    const stamps = () => Object.fromEntries(files.map((file) => [file, statSync(join(out, file)).mtimeMs]));
    const text = (file: string) => execFileSync('pdftotext', [join(out, file), '-'], { encoding: 'utf8' });
    const first = run();
    expect(first.lessons.map((lesson) => lesson.cacheHit)).toEqual([false]);
    const before = stamps();
    expect(text('module-7/module-handouts.pdf')).not.toContain('Sharding moves');

    appendFileSync(join(course, 'course', 'module-7', 'lectures', '7.1-databases-notes.md'), '\n## Sharding\n\nSharding moves rows to other servers by key.\n');
    const second = run();
    expect(second.lessons.map((lesson) => lesson.cacheHit)).toEqual([false]);
    const after = stamps();
    const remade = files.filter((file) => after[file] !== before[file]);
    expect(remade).toEqual(['module-7/7.1-databases/handout.pdf', 'module-7/module-handouts.pdf']);
    // The new notes are in the handout and in the book; every artifact is still listed in the report.
    expect(text('module-7/7.1-databases/handout.pdf')).toContain('Sharding moves');
    expect(text('module-7/module-handouts.pdf')).toContain('Sharding moves');
    expect([...second.lessons[0]!.artifacts].sort()).toEqual([...first.lessons[0]!.artifacts].sort());
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const file of ['7.1-databases/deck.pdf', '7.1-databases/lab.pdf', 'module-labs.pdf']) expect(index).toContain(file);

    // Editing the lesson itself builds all of it again; the lab sheets, which do not show a summary,
    // come out the same and their PDFs are kept (src/orchestrate/print-memo.ts).
    appendFileSync(join(course, 'course', 'module-7', '7.1-databases.md'), '\n## Summary\n- Keys and constraints keep data honest\n');
    const third = run();
    expect(third.lessons.map((lesson) => lesson.cacheHit)).toEqual([false]);
    const whole = stamps();
    expect(files.filter((file) => file.includes('7.1-databases/') && whole[file] !== after[file])).toEqual(['module-7/7.1-databases/handout.pdf', 'module-7/7.1-databases/deck.pdf']);
  }, 600_000);
});
