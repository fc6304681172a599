// Regression: a 1.3 MB lesson holding one 100,000-item list had not finished `build` after 532 s
// (2.9 GB), and a 4 MB lesson did not finish `check` in 300 s. Both are now `too-large` errors that
// name the limit; a lesson read only to its title is not built, and alone it starts no Chromium.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../helpers/cli.js';
import { readReport, taggedLectern } from './helpers.js';

const head = (n: number, title: string) => `# Lesson 1.${n}: ${title}\n\n## Learning Objectives\n\n- Explain limits\n\n`;
const paragraph = 'Words that fill a lesson far beyond any real one. '.repeat(20);

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-too-large-'));
  mkdirSync(join(dir, 'list', 'module-1'), { recursive: true });
  const items = Array.from({ length: 100_000 }, (_, i) => `- item ${i}`).join('\n');
  writeFileSync(join(dir, 'list', 'module-1', '1.1-list.md'), `${head(1, 'List')}## Notes\n\n${items}\n`);
  mkdirSync(join(dir, 'big', 'module-1'), { recursive: true });
  let text = head(2, 'Big');
  while (text.length < 4 * 1024 * 1024) text += `## Part\n\n${paragraph}\n\n`;
  writeFileSync(join(dir, 'big', 'module-1', '1.2-big.md'), text);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a too-large lesson alone', () => {
  it.each([
    ['list', '1.1-list', '1.2 MB'],
    ['big', '1.2-big', '4.0 MB'],
  ])('%s: too-large naming the limit, nothing built, no Chromium started; index and report written', (folder, id, size) => {
    const out = `out-${folder}`;
    const run = taggedLectern(['build', folder, '--out', out], dir);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.stdout).toMatch(new RegExp(`${id}\\.md:\\d+:1\\s+error\\s+Lesson is ${size.replace('.', '\\.')}, over the 512 KB limit for one lesson; only its title is read\\. Split it into smaller lessons\\s+too-large`));
    const report = readReport(join(dir, out)) as ReturnType<typeof readReport> & { browserLaunched: boolean };
    expect(report.browserLaunched).toBe(false);
    expect(run.leftovers()).toEqual([]);
    expect(report.lessons.map((lesson) => [lesson.id, lesson.artifacts])).toEqual([[id, []]]);
    expect(report.lessons[0]!.diagnostics.map((d) => d.rule)).toEqual(['too-large']);
    expect(existsSync(join(dir, out, 'index.html'))).toBe(true);
    // No deck, handout or lab made of a title alone, and no module book.
    expect(readdirSync(join(dir, out), { recursive: true }).map(String).filter((file) => /\.(pdf|html|md)$/.test(file))).toEqual(['index.html']);
  }, 90_000);

  it('the twin: with a lesson that builds beside it, Chromium starts and that lesson is built', () => {
    writeFileSync(join(dir, 'list', 'module-1', '1.3-small.md'), `${head(3, 'Small')}## Notes\n\nA short lesson.\n`);
    const run = taggedLectern(['build', 'list', '--out', 'out-twin', '--formats', 'deck', '--to', 'pdf'], dir);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const report = readReport(join(dir, 'out-twin')) as ReturnType<typeof readReport> & { browserLaunched: boolean };
    expect(report.browserLaunched).toBe(true);
    expect(report.lessons.map((lesson) => [lesson.id, lesson.artifacts.length > 0])).toEqual([
      ['1.1-list', false],
      ['1.3-small', true],
    ]);
    expect(run.leftovers()).toEqual([]);
  }, 90_000);
});
