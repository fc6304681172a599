// End to end for `lectern workshop`: the real CLI with real Chromium over two sample lessons, one
// timed in workshop.yaml and one by its front matter, with a coffee break and a slot it overruns.
// The agenda, facilitator guide and participant pack are read back with poppler and pdf-lib.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { ensureBuilt, lectern, pdfInfo, pdfText, root, type Run } from './helpers/cli.js';

const plan = `title: Web APIs Morning
date: 2025-03-14
venue: Room 2.14
participants: 12
start: "09:00"
slot: 2h
lessons:
  - path: lessons/module-3-web-apis/3.1-http-fundamentals.md
    teaching: 40
    exercises: 25
  - lessons/module-3-web-apis/3.3-api-authentication.md
breaks:
  - { at: "10:00", minutes: 15, title: Coffee }
`;

let dir: string;
let run: Run;
const out = () => join(dir, 'out', 'workshop');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-workshop-'));
  // The course in lessons/, as `lectern new` and `lectern build` expect it.
  mkdirSync(join(dir, 'lessons', 'module-3-web-apis'), { recursive: true });
  for (const name of ['README.md', '3.1-http-fundamentals.md', '3.3-api-authentication.md']) {
    cpSync(join(root, 'lessons', 'module-3-web-apis', name), join(dir, 'lessons', 'module-3-web-apis', name));
  }
  // An instructor note inside an exercise (issue #15): in the guide, never in the participants' pack.
  const lesson = join(dir, 'lessons', 'module-3-web-apis', '3.1-http-fundamentals.md');
  const note = '::: instructor\nLearners often mix up unauthenticated and forbidden requests here.\n:::\n\n';
  writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('For each situation, choose the most appropriate', `${note}For each situation, choose the most appropriate`));
  writeFileSync(join(dir, 'workshop.yaml'), plan);
  run = lectern(['workshop', 'workshop.yaml', '--out', 'out'], dir);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Titles of the PDF's bookmarks, indented by level. */
function bookmarks(pdf: PDFDocument): string[] {
  const walk = (parent: PDFDict | undefined, depth: number): string[] => {
    const titles: string[] = [];
    for (let item = parent?.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      titles.push(`${'  '.repeat(depth)}${title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : ''}`);
      if (depth === 0) titles.push(...walk(item, depth + 1));
    }
    return titles;
  };
  return walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict), 0);
}

describe('lectern workshop', () => {
  it('exits 0 and prints the overrun warning at the slot’s line', () => {
    expect(run.stderr).not.toMatch(/This is a bug/);
    expect(run.status).toBe(0);
    // 3.1: 40 + 25 (workshop.yaml), coffee 15, 3.3: 30 + 20 (front matter) = 130 min against 120.
    expect(run.stdout).toContain('workshop.yaml:6:1  warning  Plan runs 10 min over the 2 h slot  workshop-overrun\n');
  });

  it('writes the agenda: clock times, the break, the split per lesson, totals and the warning', () => {
    const text = pdfText(join(out(), 'agenda.pdf'));
    expect(pdfInfo(join(out(), 'agenda.pdf')).pages).toBe(1);
    for (const expected of [
      'Web APIs Morning', 'Room 2.14',
      '09:00–10:05', 'Lesson 3.1: HTTP Fundamentals', '09:00–09:40', '09:40–10:05',
      '10:05–10:20', 'Coffee', 'planned for 10:00',
      '10:20–11:10', 'Lesson 3.3: API Authentication', '10:20–10:50', '10:50–11:10',
      'Teaching:', '1 h 10 min', 'Exercises:', '45 min', 'Breaks:', '15 min', '2 h 10 min (09:00–11:10)',
    ]) {
      expect(text).toContain(expected);
    }
    // The agenda is participant material: the overrun warning is for the facilitator guide and the console.
    expect(text).not.toContain('Plan runs 10 min over');
    expect(text).not.toContain('Over time');
    const html = readFileSync(join(out(), 'agenda.html'), 'utf8');
    expect(html).not.toContain('class="overrun"');
  });

  it('writes the facilitator guide: slides, speaker notes, solutions and a checklist', () => {
    const text = pdfText(join(out(), 'facilitator-guide.pdf'), { raw: true }).replace(/\s+/g, ' ');
    // Slide titles of both decks, a line of speaker notes, and solutions from the lab plans.
    for (const expected of [
      'HTTP Messages', 'Request Lifecycle', 'Learning Objectives', 'Authentication Mechanisms',
      'Welcome everyone and introduce the lesson: HTTP Fundamentals.',
      'Next: Learning Objectives',
      '429 Too Many Requests',
      'The HEAD response carries the same headers as GET but no body.',
      'Learners often mix up unauthenticated and forbidden requests here.',
      // Timing and where it came from.
      'set in workshop.yaml', 'from the lesson',
      // The overrun warning that the participants' agenda leaves out.
      'Over time. Plan runs 10 min over the 2 h slot: it ends at 11:10 instead of 11:00.',
      // Checklist: deck, printing, tools inferred from the lessons' code.
      'Before the day', 'module-3-web-apis/3.1-http-fundamentals/deck.pdf', 'Print the participant pack: 12 copies', 'curl', 'Python 3',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('writes the participant pack: agenda, handouts and labs, with a bookmark per part', async () => {
    const pack = join(out(), 'participant-pack.pdf');
    const parts = [
      join(out(), 'agenda.pdf'),
      ...['3.1-http-fundamentals', '3.3-api-authentication'].flatMap((id) => [
        join(dir, 'out', 'module-3-web-apis', id, 'handout.pdf'),
        join(dir, 'out', 'module-3-web-apis', id, 'lab.pdf'),
      ]),
    ];
    for (const part of parts) expect(existsSync(part), part).toBe(true);
    const expected = parts.reduce((sum, part) => sum + pdfInfo(part).pages, 0);
    expect(pdfInfo(pack).pages).toBe(expected);

    const pdf = await PDFDocument.load(readFileSync(pack));
    expect(pdf.getPageCount()).toBe(expected);
    expect(bookmarks(pdf)).toEqual([
      'Agenda',
      'Lesson 3.1: HTTP Fundamentals',
      '  Handout',
      '  Lab sheet',
      'Lesson 3.3: API Authentication and Authorization',
      '  Handout',
      '  Lab sheet',
    ]);
    // The solutions stay out of the participants' pack.
    expect(pdfText(pack)).not.toContain('The HEAD response carries the same headers as GET but no body.');
    expect(pdfText(pack)).not.toContain('unauthenticated and forbidden');
    // Nor does any facilitator text: the overrun box (in the guide, see above) and the deck's speaker notes.
    const packText = pdfText(pack, { raw: true }).replace(/\s+/g, ' ');
    expect(packText).not.toContain('Plan runs 10 min over');
    expect(packText).not.toContain('Welcome everyone and introduce the lesson');
  });

  it('links the kit from the index, and writes each lesson where `lectern build` writes it (issue 16)', () => {
    const index = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    for (const file of ['agenda.pdf', 'facilitator-guide.pdf', 'participant-pack.pdf']) expect(index).toContain(`href="workshop/${file}"`);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'build-report.json'), 'utf8')) as { lessons: Array<{ outDir: string }> };
    expect(report.lessons.map((lesson) => lesson.outDir).sort()).toEqual(['module-3-web-apis/3.1-http-fundamentals', 'module-3-web-apis/3.3-api-authentication']);
    // A build of the course into the same folder rewrites those folders (no output/lessons/… copy) and keeps the kit linked.
    const again = lectern(['build', '--out', 'out', '--to', 'md', '--formats', 'deck'], dir);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((name) => !name.startsWith('.')).sort()).toEqual(['build-report.json', 'index.html', 'module-3-web-apis', 'workshop']);
    expect(readdirSync(join(dir, 'out', 'module-3-web-apis')).sort()).toEqual(['3.1-http-fundamentals', '3.3-api-authentication']);
    expect(readFileSync(join(dir, 'out', 'index.html'), 'utf8')).toContain('href="workshop/facilitator-guide.pdf"');
  });

  it('exits 2 with file:line:column for every mistake in workshop.yaml, without building', () => {
    const bad = plan.replace('start: "09:00"', 'start: "9 o\'clock"').replace('module-3-web-apis/3.3-api-authentication.md', 'module-3-web-apis/3.9-missing.md');
    writeFileSync(join(dir, 'bad.yaml'), bad);
    const failed = lectern(['workshop', 'bad.yaml', '--out', 'out-bad'], dir);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toBe('bad.yaml:5:8: start must be a clock time such as "09:00" (got "9 o\'clock")\n');
    // Paths are checked once the YAML itself is right.
    writeFileSync(join(dir, 'bad.yaml'), plan.replace('module-3-web-apis/3.3-api-authentication.md', 'module-3-web-apis/3.9-missing.md'));
    const missing = lectern(['workshop', 'bad.yaml', '--out', 'out-bad'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('bad.yaml:11:5: lesson path not found: lessons/module-3-web-apis/3.9-missing.md (looked for lessons/module-3-web-apis/3.9-missing.md)\n');
    expect(existsSync(join(dir, 'out-bad'))).toBe(false);
  });
});
