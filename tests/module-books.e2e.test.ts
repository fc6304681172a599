// Module books are made module by module (src/course/finish.ts): a module's books are merged as soon
// as its lessons' PDFs are final, while other lessons still print, and a module none of whose
// lessons changed keeps its books without reading a PDF. Real CLI, real Chromium.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, lectern, pdfInfo, root } from './helpers/cli.js';

let dir: string;
const course = (...parts: string[]) => join(dir, 'course', ...parts);
const out = (...parts: string[]) => join(dir, 'out', ...parts);
// A one-pixel GIF: module B's lesson shows it, and the hook below holds its write.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const build = (env: Record<string, string> = {}) => lectern(['build', 'course', '--out', 'out', '--concurrency', '1', '--formats', 'handout'], dir, env);
const lines = (text: string) => text.split('\n');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-module-books-'));
  mkdirSync(course('module-a'), { recursive: true });
  mkdirSync(course('module-b'), { recursive: true });
  // Module A's lesson is the larger, so with one lesson at a time it is built first.
  cpSync(join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md'), course('module-a', '6.7-docker.md'));
  writeFileSync(course('module-b', '2.1-small.md'), '# Lesson 2.1: Small\n\n## Learning Objectives\n\n- Find the dot\n\n## Key Concepts\n\n- A picture: ![a dot](pic.gif)\n\n## Hands-On Exercises\n\n1. **Look:** find the dot.\n');
  writeFileSync(course('module-b', 'pic.gif'), GIF);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('module books, module by module', () => {
  it('merges a module’s book while a lesson of another module is still being built', () => {
    // Module B's lesson holds its picture's write for 4 s: module A's book is merged meanwhile.
    const run = build({ LECTERN_TEST_HOLD_WRITES: '4000:.gif' });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    // Progress goes to stderr, the diagnostics to stdout.
    const said = lines(run.stderr);
    const bookA = said.findIndex((line) => /^module-a\/module-handouts\.pdf {2}\d+ pages from 1 lesson/.test(line));
    const lessonB = said.findIndex((line) => /module-b\/2\.1-small {2}built/.test(line));
    expect(bookA, run.stderr).toBeGreaterThanOrEqual(0);
    expect(lessonB, run.stderr).toBeGreaterThanOrEqual(0);
    expect(bookA, run.stderr).toBeLessThan(lessonB);
    expect(pdfInfo(out('module-a', 'module-handouts.pdf')).pages).toBeGreaterThan(1);
    expect(pdfInfo(out('module-b', 'module-handouts.pdf')).pages).toBeGreaterThan(1);
  }, 180_000);

  it('writes books without object streams (packing them was a third of a merge), which pdf-lib would otherwise make', async () => {
    const book = readFileSync(out('module-a', 'module-handouts.pdf'));
    expect(book.includes('/ObjStm')).toBe(false);
    // The twin: the same book saved with pdf-lib's defaults has them, so the check above can see them.
    const { PDFDocument } = await import('../src/vendor/pdf-lib.js');
    const resaved = Buffer.from(await (await PDFDocument.load(book)).save());
    expect(resaved.includes('/ObjStm')).toBe(true);
  }, 60_000);

  it('keeps the book of a module none of whose lessons changed without reading its lessons’ PDFs', () => {
    const bookA = readFileSync(out('module-a', 'module-handouts.pdf'));
    // Module A's handout, overwritten behind Lectern's back: its lesson is unchanged, so it is not
    // made again, and a build that read it for the book would fail to merge it.
    writeFileSync(out('module-a', '6.7-docker', 'handout.pdf'), 'not a PDF');
    appendFileSync(course('module-b', '2.1-small.md'), '\n## Common Pitfalls\n\n- Looking too closely\n');
    const run = build();
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stderr).toMatch(/^module-a\/module-handouts\.pdf {2}unchanged$/m);
    expect(run.stderr).toMatch(/^module-b\/module-handouts\.pdf {2}\d+ pages from 1 lesson$/m);
    expect(readFileSync(out('module-a', 'module-handouts.pdf')).equals(bookA)).toBe(true);
  }, 180_000);

  it('makes the book again when its file is gone, though no lesson of its module changed', () => {
    rmSync(out('module-a', 'module-handouts.pdf'));
    // The part overwritten above would not merge: the lesson is built again first.
    rmSync(out('module-a', '6.7-docker', 'handout.pdf'));
    appendFileSync(course('module-b', '2.1-small.md'), '- Looking away\n');
    const run = build();
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stderr).toMatch(/^module-a\/module-handouts\.pdf {2}\d+ pages from 1 lesson$/m);
    expect(existsSync(out('module-a', 'module-handouts.pdf'))).toBe(true);
  }, 180_000);
});
