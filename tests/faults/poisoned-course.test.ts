// Regression: one poisoned lesson cost the whole course. A 5,000-level `> > >` blockquote overflowed
// the stack and a YAML alias bomb threw; Chromium, launched while the course was still read, was never
// closed, the build hung, and nothing was written. Each is now that lesson's diagnostic at its line.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, pdfInfo } from '../helpers/cli.js';
import { readReport, sampleCourse, taggedLectern, type TaggedRun } from './helpers.js';

let dir: string;
let run: TaggedRun;

/** Front matter whose aliases expand to 9^9 strings. */
function aliasBomb(): string {
  let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    yaml += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  return `---\n${yaml}---\n\n# Lesson 3.5: Bomb\n\n## Learning Objectives\n\n- Explain bombs\n`;
}

beforeAll(() => {
  ensureBuilt();
  let module: string;
  ({ dir, module } = sampleCourse('poisoned'));
  writeFileSync(join(module, '3.4-deep.md'), `# Lesson 3.4: Deep\n\n## Learning Objectives\n\n- Explain depth\n\n${'> '.repeat(5000)}deep\n`);
  writeFileSync(join(module, '3.5-bomb.md'), aliasBomb());
  run = taggedLectern(['build', 'course', '--out', 'out', '--formats', 'deck,handout'], dir);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a course with poisoned lessons', () => {
  it('exits 1 in time, with no Chromium left behind and no bug report', () => {
    expect(run.status, run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.leftovers()).toEqual([]);
    expect(run.stderr).not.toContain('bug in Lectern');
  });

  it('reports each poison as a diagnostic at its line', () => {
    expect(run.stdout).toMatch(/3\.4-deep\.md:7:\d+\s+error\s+Content is nested more than 64 levels deep.*nesting-too-deep/);
    expect(run.stdout).toMatch(/3\.5-bomb\.md:2:1\s+error\s+Invalid YAML front matter: Excessive alias count.*front-matter/);
  });

  it('builds the rest of the course, and writes the index and the report', () => {
    const out = join(dir, 'out');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const report = readReport(out);
    expect(report.lessons.map((lesson) => lesson.id).sort()).toEqual(['3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication', '3.4-deep', '3.5-bomb']);
    for (const id of ['3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication']) {
      expect(pdfInfo(join(out, 'module-3-web-apis', id, 'deck.pdf')).pages).toBeGreaterThan(3);
      expect(pdfInfo(join(out, 'module-3-web-apis', id, 'handout.pdf')).pages).toBeGreaterThan(0);
    }
  });
});
