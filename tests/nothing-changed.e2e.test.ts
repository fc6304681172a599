// Issue 11: a nothing-changed build of a course with lecture notes and a module README parses no
// Markdown. Counted through the LECTERN_TEST_COUNT_PARSES hook (src/parse/parse-count.ts), never timed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

let dir: string;

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
  if (!existsSync(counts)) return 0;
  return readFileSync(counts, 'utf8').trim().split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line), 0);
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-unchanged-'));
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
    expect(build()).toBe(0);
    appendFileSync(join(dir, 'course', 'module-7', 'lectures', '7.1-databases-notes.md'), '\nOne more line of notes.\n');
    expect(build()).toBeGreaterThan(0);
    expect(build()).toBe(0);
    appendFileSync(join(dir, 'course', 'module-7', 'README.md'), '\nOne more line of overview.\n');
    expect(build()).toBeGreaterThan(0);
  }, 300_000);
});
