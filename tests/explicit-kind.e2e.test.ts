// Issue 19 end to end: the instructor decides which pages are lessons. Front matter `lectern: lesson |
// document` and the config's `lessons:` / `documents:` globs win over Lectern's guess, a Jekyll lecture
// page (`layout: lecture`, `title:`, no number) is a lesson, documents count as files written, and a
// folder of documents only names the config line that makes them lessons. One build, HTML only.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

let dir: string;
let said = '';
let status = -1;
interface Report { lessons: Array<{ id: string; title: string; outDir: string }>; totals: { documents?: number } }
let report: Report;
const out = () => join(dir, 'out');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-explicit-'));
  cpSync(join(root, 'tests', 'fixtures-explicit'), dir, { recursive: true });
  const run = lectern(['build', 'course', '--out', 'out', '--to', 'md,html', '--no-cache'], dir);
  status = run.status;
  said = run.stdout + run.stderr;
  report = JSON.parse(readFileSync(join(out(), 'build-report.json'), 'utf8'));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ids = () => report.lessons.map((lesson) => lesson.id).sort();

describe('explicit lessons and documents (issue 19)', () => {
  it('builds the layout: lecture pages and the page the config names; not the pages marked or globbed as documents', () => {
    expect(status, said).toBe(0);
    expect(ids()).toEqual(['course-shell', 'faq', 'shell-tools']);
    for (const lesson of report.lessons) {
      for (const file of ['deck.md', 'handout.html', 'lab.html', 'lab-instructor.html']) expect(existsSync(join(out(), lesson.outDir, file)), `${lesson.id}/${file}`).toBe(true);
    }
  });

  it('a lecture page takes its front matter title, and its "# " headings are its parts', () => {
    const lesson = report.lessons.find((l) => l.id === 'shell-tools')!;
    expect(lesson.title).toBe('Shell Tools and Scripting');
    const deck = readFileSync(join(out(), lesson.outDir, 'deck.md'), 'utf8');
    expect(deck).toContain('Shell Tools and Scripting');
    expect(deck).toMatch(/Shell Scripting/);
    expect(deck).toMatch(/Finding files/);
  });

  it('counts the document pages and the index as files written, in the summary and the index', () => {
    // index.md, 01-glossary.md (front matter), 02-appendix.md (config), two handouts/ pages.
    expect(report.totals.documents).toBe(5);
    const summary = /Built 3 lessons, 5 documents, (\d+) files written/.exec(said);
    expect(summary, said).not.toBeNull();
    expect(Number(summary![1])).toBeGreaterThanOrEqual(3 * 4 + 5 + 1);
    expect(readFileSync(join(out(), 'index.html'), 'utf8')).toMatch(/3 lessons · 5 documents/);
  });

  it('a folder of documents only says so once and names the config line; folders with lessons do not', () => {
    const lines = said.split('\n').filter((line) => line.includes('no lesson found'));
    expect(lines, said).toEqual([expect.stringContaining('handouts: no lesson found, 2 documents')]);
    expect(lines[0]).toContain('add  lessons: ["handouts/*.md"]  to lectern.config.yaml');
  });
});
