// End to end: diagrams drawn for the slide and the page. The real CLI builds the seed, the sample
// lessons and a lesson per diagram kind (tests/e2e-diagrams), and the word boxes of deck.pdf and
// handout.pdf are read back with `pdftotext -bbox`: every word on a slide is at least 18 px tall at
// 1280×720, diagram labels in the handout at least 8 pt, and splitting loses no label.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, root, type Run } from './helpers/cli.js';
import { pdfWords, type PdfWord } from './helpers/pdf-words.js';
import { readMermaid } from '../src/assets/mermaid-structure.js';

let dir: string;
let run: Run;
let report: { lessons: Array<{ id: string; outDir: string; source: string; diagnostics: Array<{ rule: string; severity: string; line: number; message: string }> }> };

const lessons = [
  { id: '6.7-docker-fundamentals', source: 'tests/corpus/seed-6.7-docker-fundamentals.md' },
  { id: '3.1-http-fundamentals', source: 'lessons/module-3-web-apis/3.1-http-fundamentals.md' },
  { id: '3.2-restful-api-design', source: 'lessons/module-3-web-apis/3.2-restful-api-design.md' },
  { id: '3.3-api-authentication', source: 'lessons/module-3-web-apis/3.3-api-authentication.md' },
  { id: '9.5-diagram-kinds', source: 'tests/e2e-diagrams/9.5-diagram-kinds.md' },
];
const impossible = { id: '9.6-impossible-diagram', source: 'tests/e2e-diagrams/9.6-impossible-diagram.md' };

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-diagrams-'));
  mkdirSync(join(dir, 'course', 'module-6'), { recursive: true });
  cpSync(join(root, 'lessons', 'module-3-web-apis'), join(dir, 'course', 'module-3-web-apis'), { recursive: true });
  cpSync(join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md'), join(dir, 'course', 'module-6', '6.7-docker-fundamentals.md'));
  cpSync(join(root, 'tests', 'e2e-diagrams'), join(dir, 'course', 'module-9'), { recursive: true });
  run = lectern(['build', 'course', '--out', 'out', '--formats', 'deck,handout', '--to', 'pdf'], dir);
  report = JSON.parse(readFileSync(join(dir, 'out', 'build-report.json'), 'utf8'));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function lessonReport(id: string) {
  const lesson = report.lessons.find((candidate) => candidate.id === id);
  if (!lesson) throw new Error(`no lesson ${id} in the report: ${run.stderr}`);
  return lesson;
}
const outFile = (id: string, name: string) => join(dir, 'out', lessonReport(id).outDir, name);
const diagramsOf = (source: string) => [...readFileSync(join(root, source), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] as string);

/** Words on each slide in px of a 1280×720 slide, without the header and footer bands. */
function slideWords(path: string): Map<number, Array<PdfWord & { px: number }>> {
  const pages = new Map<number, Array<PdfWord & { px: number }>>();
  for (const word of pdfWords(path)) {
    const k = 1280 / word.pageWidth;
    if (word.yMax * k <= 60 || word.yMin * k >= 670) continue;
    pages.set(word.page, [...(pages.get(word.page) ?? []), { ...word, px: (word.yMax - word.yMin) * k }]);
  }
  return pages;
}

/** Every word a diagram's source shows: node, edge, participant and message labels, chart items. */
function labelWords(code: string): string[] {
  const structure = readMermaid(code);
  const labels = [
    ...structure.nodes.filter((node) => !node.id.startsWith('[*]')).map((node) => node.label),
    ...structure.edges.map((edge) => edge.label),
    ...structure.participants.map((p) => p.label),
    ...structure.messages.map((m) => m.text),
    ...structure.sections.flatMap((section) => [section.label, ...section.items.flatMap((item) => [item.label, ...(structure.kind === 'timeline' ? item.details : [])])]),
  ];
  return labels.flatMap((label) => label.split(/\s+/)).filter(Boolean);
}

describe('diagrams a room can read', () => {
  it('builds every lesson', () => {
    expect(run.stderr).toMatch(/Built 6 lessons/);
    for (const { id } of [...lessons, impossible]) expect(lessonReport(id).diagnostics.filter((d) => d.severity === 'error'), id).toEqual([]);
  });

  it.each(lessons.map((lesson) => [lesson.id]))('%s: the smallest word on every slide is at least 18 px tall', (id) => {
    for (const [page, words] of slideWords(outFile(id, 'deck.pdf'))) {
      const smallest = words.reduce((min, word) => (word.px < min.px ? word : min));
      expect(smallest.px, `slide ${page}: "${smallest.text}"`).toBeGreaterThanOrEqual(18);
    }
    // Nor does a part's longer title push its figure off the slide.
    expect(lessonReport(id).diagnostics.filter((d) => d.rule === 'diagram-too-small' || d.rule === 'slide-overflow')).toEqual([]);
  });

  it.each(lessons.map((lesson) => [lesson.id, lesson.source]))('%s: every diagram label prints at least 8 pt tall in the handout', (id, source) => {
    // Words only diagrams use, so body text cannot stand in for them. A whole figure under 8 pt may
    // stay (the handout keeps it once) when its parts follow it, legible: each label's largest print counts.
    const text = readFileSync(join(root, source), 'utf8').replace(/```mermaid\n[\s\S]*?```/g, '');
    const prose = new Set(text.split(/[\s*_`[\](),:]+/));
    const wanted = new Set(diagramsOf(source).flatMap(labelWords).filter((word) => !prose.has(word) && word.length > 1));
    const largest = new Map<string, number>();
    for (const word of pdfWords(outFile(id, 'handout.pdf'))) {
      if (wanted.has(word.text)) largest.set(word.text, Math.max(largest.get(word.text) ?? 0, word.yMax - word.yMin));
    }
    expect(largest.size, `label words found in ${id}'s handout`).toBeGreaterThan(Math.min(10, wanted.size / 2));
    for (const [word, height] of largest) expect(height, `"${word}"`).toBeGreaterThanOrEqual(8);
  });

  it.each([...lessons, impossible].map((lesson) => [lesson.id, lesson.source]))('%s: no label is lost on the slides', (id, source) => {
    const words = new Set(pdfWords(outFile(id, 'deck.pdf')).map((word) => word.text));
    for (const code of diagramsOf(source)) {
      for (const word of labelWords(code)) expect(words.has(word), `"${word}" of ${code.split('\n')[0]}`).toBe(true);
    }
  });

  it('splits the seed architecture into an overview and one slide per branch, titled with the part', () => {
    const titles = [...slideWords(outFile('6.7-docker-fundamentals', 'deck.pdf')).values()].map((words) => words.map((w) => w.text).join(' '));
    for (const title of ['Docker Architecture (1/4): Overview', 'Docker Architecture (2/4): Container Runtime', 'Docker Architecture (3/4): Image Management', 'Docker Architecture (4/4): Network Management']) {
      expect(titles.some((text) => text.startsWith(title)), title).toBe(true);
    }
  });

  it('gives each figure its description as alternative text in the deck and handout PDFs', () => {
    const alts = (name: string) => [...readFileSync(outFile('6.7-docker-fundamentals', name), 'latin1').matchAll(/\/Alt\s*\(([^)]*)/g)].map((m) => m[1]);
    const whole = 'Flowchart, top to bottom. Docker Client leads to Docker Daemon. Docker Daemon leads to Container Runtime, Image Management and Network Management.';
    expect(alts('handout.pdf').some((alt) => alt?.startsWith(whole))).toBe(true);
    // On the slides each part is described on its own.
    expect(alts('deck.pdf').some((alt) => alt?.startsWith('Flowchart, top to bottom. Docker Daemon leads to Image Management. Image Management leads to Image Registry'))).toBe(true);
  });

  it('warns diagram-too-small at the line of a diagram that cannot be drawn legibly, with its measured size', () => {
    const warnings = lessonReport(impossible.id).diagnostics.filter((d) => d.rule === 'diagram-too-small');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', line: 9 });
    const measured = Number(/smallest words ([\d.]+) px tall/.exec(warnings[0]!.message)?.[1]);
    expect(measured).toBeLessThan(18);
    // The warning tells the truth: the slide really draws words that small.
    const slide = [...slideWords(outFile(impossible.id, 'deck.pdf')).values()].find((words) => words.some((w) => w.text === 'Category'));
    expect(Math.min(...slide!.map((w) => w.px))).toBeLessThan(18);
  });
});
