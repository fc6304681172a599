// Regression: `build lessons --out lessons/out` worked, but a later `check lessons` linted the
// generated deck.md files as lessons and exited 1. Folder walks skip any folder that holds a Lectern
// build-report.json, and the configured output folder, in every command.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, lectern } from '../helpers/cli.js';
import { sampleCourse } from './helpers.js';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  ({ dir } = sampleCourse('out-inside'));
  const build = lectern(['build', 'course', '--out', 'course/out', '--to', 'md'], dir);
  expect(build.status, build.stderr).toBe(0);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an output folder inside the lessons', () => {
  it('is never read back by check or build', () => {
    const check = lectern(['check', 'course'], dir);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).not.toContain('course/out');
    expect(check.stdout).toMatch(/^4 files checked/m);
    // Moved elsewhere (say by a script), it is still recognised by its report.
    cpSync(join(dir, 'course', 'out'), join(dir, 'course', 'published'), { recursive: true });
    const again = lectern(['check', 'course', '--out', 'elsewhere'], dir);
    expect(again.status, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/^4 files checked/m);
    const rebuild = lectern(['build', 'course', '--out', 'out2', '--to', 'md'], dir);
    expect(rebuild.status, rebuild.stdout).toBe(0);
    expect(rebuild.stdout + rebuild.stderr).toMatch(/Built 3 lessons/);
  });

  it('only a Lectern report marks a folder as output: another build-report.json is walked', () => {
    mkdirSync(join(dir, 'course', 'notes'));
    writeFileSync(join(dir, 'course', 'notes', 'build-report.json'), '{"tool": "something else"}\n');
    writeFileSync(join(dir, 'course', 'notes', 'extra.md'), '# Extra\n\nA page of notes.\n');
    const check = lectern(['check', 'course'], dir);
    expect(check.stdout).toMatch(/^5 files checked/m);
  });
});
