// Regression: symlinks published files from outside the course. An image that is a symlink to a file
// outside was copied into assets/, and a lesson that is a symlink to a system file was read, built and
// indexed, with `check` silent. Containment is judged by real path, in build and in check.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, lectern } from '../helpers/cli.js';
import { readReport, sampleCourse } from './helpers.js';

const secret = 'TOP-SECRET-OUTSIDE-THE-COURSE';
let dir: string;
let module: string;

/** Every file under `folder`, recursively. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(() => {
  ensureBuilt();
  ({ dir, module } = sampleCourse('symlinks'));
  mkdirSync(join(dir, 'outside'));
  // A PNG signature, then the secret: a file any image check would take for a picture.
  writeFileSync(join(dir, 'outside', 'secret.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(secret)]));
  writeFileSync(join(dir, 'outside', 'secret.md'), `# Lesson 9.7: ${secret}\n\n## Learning Objectives\n\n- Explain ${secret}\n`);
  symlinkSync(join(dir, 'outside', 'secret.png'), join(module, 's.png'));
  symlinkSync(join(dir, 'outside', 'secret.md'), join(module, '9.7-x.md'));
  // The twin: a symlink that stays inside the course is followed as before.
  mkdirSync(join(dir, 'course', 'pictures'));
  writeFileSync(join(dir, 'course', 'pictures', 'inside.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x49, 0x4e]));
  symlinkSync(join(dir, 'course', 'pictures', 'inside.png'), join(module, 'inside.png'));
  appendFileSync(join(module, '3.1-http-fundamentals.md'), '\n![outside](s.png)\n\n![inside](inside.png)\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a symlink out of the course', () => {
  it('is reported by check: the image at its line, the lesson as refused', () => {
    const run = lectern(['check', 'course'], dir);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    const line = readFileSync(join(module, '3.1-http-fundamentals.md'), 'utf8').split('\n').indexOf('![outside](s.png)') + 1;
    expect(lines.find((l) => l.includes('s.png'))).toMatch(new RegExp(`3\\.1-http-fundamentals\\.md:${line}:1\\s+error\\s+.*symbolic link.*outside the course.*unsafe-path`));
    expect(lines.find((l) => l.includes('9.7-x.md'))).toMatch(/9\.7-x\.md: .*outside the course folder; it is not read \(unsafe-path\)/);
    expect(run.stdout).not.toContain(secret);
    // The twin stays quiet.
    expect(run.stdout).not.toContain('inside.png');
  });

  it('is never read by build: no byte of either file is published, the inside symlink is', () => {
    const run = lectern(['build', 'course', '--out', 'out', '--to', 'md,html'], dir);
    expect(run.status).toBe(1);
    const out = join(dir, 'out');
    for (const file of filesUnder(out)) expect(readFileSync(file, 'latin1'), file).not.toContain(secret);
    expect(existsSync(join(out, 'module-3-web-apis', '9.7-x'))).toBe(false);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    // Listed among the files that could not be read, never linked.
    expect(index).toMatch(/<code>course\/module-3-web-apis\/9\.7-x\.md<\/code>: is a symbolic link to .*outside the course folder/);
    expect(index).not.toMatch(/href="[^"]*9\.7-x/);
    const report = readReport(out);
    expect(report.unreadable.map((entry) => entry.source)).toEqual(['course/module-3-web-apis/9.7-x.md']);
    const lesson = report.lessons.find((l) => l.id === '3.1-http-fundamentals')!;
    expect(lesson.diagnostics.filter((d) => d.rule === 'unsafe-path').map((d) => d.message)).toEqual([
      'Image s.png is a symbolic link to a file outside the course folder; it is not read',
    ]);
    const images = join(out, 'module-3-web-apis', '3.1-http-fundamentals', 'assets', 'images');
    expect(readdirSync(images)).toEqual(['inside.png']);
    expect(statSync(join(images, 'inside.png')).size).toBe(10);
  });
});
