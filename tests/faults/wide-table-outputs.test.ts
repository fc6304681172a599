// A 10,000-column table in every output, end to end. The deck used to lay the whole table out on
// one slide: about 47 s for deck.pdf, the PPTX export past the browser's 60 s timeout, and 20
// columns shown. The deck now shows the first 24 columns in slices of 8 and says where the rest is,
// the handout's HTML keeps every column, and the build warns `table-too-wide` at the table's line.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, pdfText, type Run } from '../helpers/cli.js';
import { paragraphsOf, readPptx } from '../helpers/pptx.js';
import { readReport } from './helpers.js';

const COLUMNS = 10_000;

function table(columns: number, rows: number, prefix: string): string {
  const cells = (make: (i: number) => string) => `| ${Array.from({ length: columns }, (_, i) => make(i)).join(' | ')} |`;
  return [cells((i) => `${prefix}H${i + 1}`), cells(() => '---'), ...Array.from({ length: rows }, (_, r) => cells((i) => `${prefix}r${r}c${i + 1}`))].join('\n');
}

const LESSON = `# Lesson 1.1: Tables

## Learning Objectives

- Compare wide and narrow tables

## Data

${table(COLUMNS, 2, 'W')}

Narrow:

${table(4, 2, 'N')}
`;

let dir: string;
let build: Run;
const lessonDir = () => join(dir, 'out', 'module-1', '1.1-tables');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-wide-outputs-'));
  mkdirSync(join(dir, 'course', 'module-1'), { recursive: true });
  writeFileSync(join(dir, 'course', 'module-1', '1.1-tables.md'), LESSON);
  build = lectern(['build', 'course', '--out', 'out', '--formats', 'deck,handout', '--to', 'md,html,pdf,pptx'], dir);
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`a ${COLUMNS.toLocaleString('en')}-column table`, () => {
  it('builds, with one table-too-wide warning at its line that says where every column is', () => {
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toMatch(
      /1\.1-tables\.md:9:1\s+warning\s+Table has 10,000 columns, more than a slide shows 8 \(the deck shows columns 1–24, in slices\) and a printed page 12 \(the PDF cuts or shrinks the rest out of reach\); handout\.html has every column\..*table-too-wide/,
    );
    const diagnostics = readReport(join(dir, 'out')).lessons[0]!.diagnostics.filter((d) => d.rule === 'table-too-wide');
    expect(diagnostics.map((d) => d.line)).toEqual([9]);
  });

  it('shows its first 24 columns on the deck, in slices of 8, and names the rest; a narrow table is whole', () => {
    const deck = pdfText(join(lessonDir(), 'deck.pdf'));
    for (const cell of ['WH1', 'WH8', 'WH9', 'WH24', 'Wr1c24', 'NH4', 'Nr1c4']) expect(deck).toContain(cell);
    expect(deck).not.toMatch(/\bWH25\b/);
    expect(deck.replace(/\s+/g, ' ')).toContain('Columns 25–10,000 of 10,000 are not on the slides: the handout has the whole table.');
    // The deck's source carries the slices only, not the whole table laid out off the slide.
    const markdown = readFileSync(join(lessonDir(), 'deck.md'), 'utf8');
    expect(markdown).toMatch(/\| WH1 +\| WH2 +\|[^\n]*\| WH8 +\|\n/);
    expect(markdown).toMatch(/\n\| WH9 +\|/);
    expect(markdown).not.toContain('WH25');
  });

  it('exports the same slices to the PPTX as editable text', async () => {
    const pptx = await readPptx(join(lessonDir(), 'deck.pptx'));
    const text = pptx.slides.flatMap((slide) => paragraphsOf(slide).map((p) => p.text)).join('\n');
    for (const cell of ['WH1', 'WH24', 'Wr1c24', 'NH4']) expect(text).toContain(cell);
    expect(text).not.toMatch(/\bWH25\b/);
    expect(text).toContain('Columns 25–10,000 of 10,000 are not on the slides');
  });

  it('keeps every column and row in the handout HTML', () => {
    const html = readFileSync(join(lessonDir(), 'handout.html'), 'utf8');
    for (const cell of ['WH1', 'WH25', 'WH10000', 'Wr1c10000', 'NH4']) expect(html).toMatch(new RegExp(`>${cell}<`));
  });
});
