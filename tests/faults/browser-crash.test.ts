// Regression: Chromium killed mid-build hung the build (6 runs in 10), left a relaunched Chromium
// running, wrote no index, and a death during a diagram was blamed on the diagram (mermaid-syntax).
// `LECTERN_TEST_KILL_BROWSER=point:n` kills Chromium's whole process group the n-th time the build
// reaches that point, and waits for the disconnection: no timing luck.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pdfInfo, pdfText } from '../helpers/cli.js';
import { readReport, useSampleCourse, taggedLectern } from './helpers.js';

const ids = ['3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication'];
const course = useSampleCourse('crash');

function build(out: string, kill: string) {
  return taggedLectern(['build', 'course', '--out', out, '--formats', 'deck', '--to', 'pdf', '--concurrency', '2'], course.dir, { LECTERN_TEST_KILL_BROWSER: kill });
}

describe('Chromium killed once', () => {
  // During the Mermaid page's set-up (addScriptTag), while a deck prints, and between pages (none in use).
  it.each(['mermaid-setup:1', 'print:2', 'page-closed:3'])('at %s: restarted, the lessons in flight retried, everything built', (kill) => {
    const out = `out-${kill.replace(/[^a-z0-9]/g, '-')}`;
    const run = build(out, kill);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.leftovers()).toEqual([]);
    const report = readReport(join(course.dir, out));
    expect(report.lessons.flatMap((lesson) => lesson.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    for (const id of ids) {
      const deck = join(course.dir, out, 'module-3-web-apis', id, 'deck.pdf');
      expect(pdfInfo(deck).pages).toBeGreaterThan(3);
      expect(pdfText(deck)).toMatch(/Learning Objectives/i);
    }
    // The diagrams were drawn, not replaced by placeholders.
    expect(pdfText(join(course.dir, out, 'module-3-web-apis', ids[0], 'deck.pdf'))).not.toMatch(/does not parse|could not be drawn/i);
  }, 120_000);
});

describe('Chromium killed again after its restart', () => {
  it.each(['mermaid-setup:1,2', 'print:2,5'])('at %s: browser-crashed errors, never mermaid-syntax; index and report written; exit 1', (kill) => {
    const out = `out-twice-${kill.replace(/[^a-z0-9]/g, '-')}`;
    const run = build(out, kill);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.leftovers()).toEqual([]);
    expect(run.stderr).not.toContain('bug in Lectern');
    expect(existsSync(join(course.dir, out, 'index.html'))).toBe(true);
    const diagnostics = readReport(join(course.dir, out)).lessons.flatMap((lesson) => lesson.diagnostics);
    expect(diagnostics.filter((d) => d.rule === 'browser-crashed').length).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.rule === 'mermaid-syntax' || d.rule === 'build-failed')).toEqual([]);
    expect(run.stdout).toMatch(/error\s+Cannot build this lesson: Chromium closed unexpectedly, and again after it was restarted\s+browser-crashed/);
  }, 120_000);
});
