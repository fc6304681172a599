// A build starts its lessons costliest first (issue 11): with one lesson at a time (--concurrency 1)
// the progress lines come in start order, so the long lesson at the end of the module comes first.
// No diagrams and HTML only, so no Chromium starts; nothing is timed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern } from './helpers/cli.js';

let dir: string;

const lesson = (n: number, concepts: number) =>
  [
    `# Lesson 1.${n}: Topic ${n}`,
    '',
    '## Learning Objectives',
    `- Explain topic ${n}`,
    '',
    '## Key Concepts',
    ...Array.from({ length: concepts }, (_, i) => `- Concept ${i + 1} of topic ${n}, with a sentence or two about why it matters`),
    '',
  ].join('\n');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-schedule-'));
  mkdirSync(join(dir, 'course', 'module-1'), { recursive: true });
  writeFileSync(join(dir, 'course', 'module-1', '1.1-short.md'), lesson(1, 3));
  writeFileSync(join(dir, 'course', 'module-1', '1.2-short.md'), lesson(2, 4));
  writeFileSync(join(dir, 'course', 'module-1', '1.3-long.md'), lesson(3, 200));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('build order (issue 11)', () => {
  it('starts the longest lesson first and reports in course order', () => {
    const run = lectern(['build', 'course', '--out', 'out', '--formats', 'handout', '--to', 'html', '--concurrency', '1'], dir);
    expect(run.status, run.stderr).toBe(0);
    const started = [...`${run.stdout}${run.stderr}`.matchAll(/^\[\d+\/3\] module-1\/(\S+)/gm)].map((match) => match[1]);
    expect(started).toEqual(['1.3-long', '1.2-short', '1.1-short']);
    // The report (and the index) keep the course order.
    const report = JSON.parse(readFileSync(join(dir, 'out', 'build-report.json'), 'utf8')) as { lessons: Array<{ id: string }> };
    expect(report.lessons.map((entry) => entry.id)).toEqual(['1.1-short', '1.2-short', '1.3-long']);
  }, 120_000);
});
