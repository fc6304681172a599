// Regression: a table of 10,000 columns showed 20 columns in deck.pdf and 25 in handout.pdf, with no
// warning (the HTML keeps them all). Such a table is now a `table-too-wide` warning at its line, in
// the builds whose outputs cut it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { ensureBuilt, lectern, pdfText } from '../helpers/cli.js';
import { readReport } from './helpers.js';
import { reportWideTables, tableWidths } from '../../src/orchestrate/wide-tables.js';
import { analyzeLesson } from '../../src/pipeline.js';
import { parseCount } from '../../src/parse/parse-count.js';

function table(columns: number, rows = 2): string {
  const cells = (make: (i: number) => string) => `| ${Array.from({ length: columns }, (_, i) => make(i)).join(' | ')} |`;
  return [cells((i) => `H${i + 1}`), cells(() => '---'), ...Array.from({ length: rows }, (_, r) => cells((i) => `r${r}c${i + 1}`))].join('\n');
}

const lesson = (wide: number) => `# Lesson 1.1: Tables

## Learning Objectives

- Compare wide and narrow tables

## Key Concepts

${table(wide)}

Narrow:

${table(4)}

\`\`\`text
| not | a | table | inside | a | fence | at | all | really | no |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
\`\`\`
`;

describe('tableWidths', () => {
  it('finds each table at its header line with its columns, and none inside a fence', () => {
    expect(tableWidths(lesson(30))).toEqual([
      { line: 9, columns: 30 },
      { line: 16, columns: 4 },
    ]);
  });

  it('reports only for outputs that cut: any deck (it shows column slices), a PDF handout or lab, not a handout as Markdown or HTML', () => {
    const messages = (formats: string[], to: string[], columns: number) => {
      const file = new VFile({ value: lesson(columns) });
      reportWideTables(file, { formats, to });
      return file.messages.map((m) => `${m.line} ${m.ruleId} ${m.reason}`);
    };
    expect(messages(['handout', 'lab'], ['md', 'html'], 30)).toEqual([]);
    expect(messages(['deck', 'handout'], ['md', 'html'], 30)).toEqual([
      '9 table-too-wide Table has 30 columns, more than a slide shows 8 (the deck shows columns 1–24, in slices); handout.html has every column. Split it into narrower tables, or turn it into a list',
    ]);
    expect(messages(['deck', 'handout'], ['pdf'], 30)).toEqual([
      '9 table-too-wide Table has 30 columns, more than a slide shows 8 (the deck shows columns 1–24, in slices) and a printed page 12 (the PDF cuts or shrinks the rest out of reach); a handout built as HTML (--formats handout --to html) has every column. Split it into narrower tables, or turn it into a list',
    ]);
    expect(messages(['handout'], ['pdf'], 10)).toEqual([]);
    expect(messages(['deck'], ['pptx'], 10)).toHaveLength(1);
  });
});

describe('a 300-column table in a build', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lectern-wide-'));
    mkdirSync(join(dir, 'course', 'module-1'), { recursive: true });
    writeFileSync(join(dir, 'course', 'module-1', '1.1-tables.md'), lesson(300));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is a table-too-wide warning at its line; the PDFs indeed lack the far columns', () => {
    const run = lectern(['build', 'course', '--out', 'out', '--formats', 'deck,handout', '--to', 'html,pdf'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1\.1-tables\.md:9:1\s+warning\s+Table has 300 columns, more than a slide shows 8 \(the deck shows columns 1–24, in slices\) and a printed page 12 .*; handout\.html has every column\..*table-too-wide/);
    const diagnostics = readReport(join(dir, 'out')).lessons[0]!.diagnostics.filter((d) => d.rule === 'table-too-wide');
    expect(diagnostics.map((d) => d.line)).toEqual([9]);
    // What the warning is about: the last column is nowhere in either PDF.
    const lessonDir = join(dir, 'out', 'module-1', '1.1-tables');
    expect(pdfText(join(lessonDir, 'deck.pdf'))).toContain('H1');
    expect(pdfText(join(lessonDir, 'deck.pdf'))).not.toContain('H300');
    expect(pdfText(join(lessonDir, 'handout.pdf'))).not.toContain('H300');
  }, 120_000);
});

describe('a 10,000-column table', () => {
  // Not timed: it must finish well inside the test's time limit (about 3 CPU-seconds, linear in the
  // columns), parse no more often than a narrow table, and keep every column in the model.
  it('is analysed once, like a narrow table, keeping all its columns; the PDF and PPTX builds report it at its line', () => {
    const parsesOf = (columns: number) => {
      const before = parseCount();
      const analysis = analyzeLesson(new VFile({ path: 'course/module-1/1.1-tables.md', value: lesson(columns) }));
      return { parses: parseCount() - before, lesson: analysis.lesson };
    };
    const narrow = parsesOf(4);
    const wide = parsesOf(10_000);
    expect(wide.parses).toBe(narrow.parses);
    const concepts = wide.lesson.sections.map((section) => section.markdown).join('\n');
    expect(concepts).toContain('| H1 ');
    expect(concepts).toMatch(/\| H10000 *\|/);
    expect(concepts).toMatch(/\| r1c10000 *\|/);
    expect(tableWidths(lesson(10_000))[0]).toEqual({ line: 9, columns: 10_000 });
    const slide = 'a slide shows 8 (the deck shows columns 1–24, in slices)';
    const page = 'a printed page 12 (the PDF cuts or shrinks the rest out of reach)';
    const elsewhere = 'a handout built as HTML (--formats handout --to html) has every column';
    for (const [formats, to, cuts, whole] of [
      [['deck'], ['pdf'], slide, elsewhere],
      [['deck'], ['pptx'], slide, elsewhere],
      [['handout'], ['pdf'], page, elsewhere],
      [['lab'], ['pdf'], page, elsewhere],
      [['deck', 'handout'], ['html', 'pdf'], `${slide} and ${page}`, 'handout.html has every column'],
    ] as const) {
      const file = new VFile({ value: lesson(10_000) });
      reportWideTables(file, { formats: [...formats], to: [...to] });
      expect(file.messages.map((m) => [m.line, m.ruleId, m.reason])).toEqual([
        [9, 'table-too-wide', `Table has 10,000 columns, more than ${cuts}; ${whole}. Split it into narrower tables, or turn it into a list`],
      ]);
    }
  }, 60_000);
});
