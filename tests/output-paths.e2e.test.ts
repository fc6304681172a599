// Issue 16: where a lesson's files go depends on where the lesson is in the course, never on how its
// path was typed. Through the real CLI: `build DIR`, `build DIR/file.md`, `build` (the default
// lessons/) and `build lessons` write one lesson to one folder, and a second form never leaves a
// second copy. Markdown-only builds (`--to md`): paths, not rendering, are under test.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern } from './helpers/cli.js';

const lesson = (title: string) => `# ${title}\n\n## Learning Objectives\n- Explain why paths matter\n\n## Key Concepts\n- One idea\n`;

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-paths-'));
  mkdirSync(join(dir, 'lessons', 'module-7-k8s'), { recursive: true });
  writeFileSync(join(dir, 'lessons', 'module-7-k8s', 'README.md'), '# Module 7: Kubernetes\n');
  writeFileSync(join(dir, 'lessons', 'module-7-k8s', '7.1-pods.md'), lesson('Lesson 7.1: Pods'));
  // A lesson straight in lessons/, as `lectern new` writes it without a module folder.
  writeFileSync(join(dir, 'lessons', 'kubernetes-basics.md'), lesson('Kubernetes Basics'));
  // A course that is not in lessons/: a folder given on its own is its course.
  mkdirSync(join(dir, 'elsewhere', 'docker'), { recursive: true });
  writeFileSync(join(dir, 'elsewhere', 'docker', '1.1-images.md'), lesson('Lesson 1.1: Images'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Builds with `args` into a fresh OUT and returns the lesson folders the build report lists. */
function outDirs(name: string, ...paths: string[]): string[] {
  const run = lectern(['build', ...paths, '--out', name, '--to', 'md', '--formats', 'deck', '--no-cache'], dir);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, name, 'build-report.json'), 'utf8')) as { lessons: Array<{ id: string; outDir: string; artifacts: string[] }> };
  for (const entry of report.lessons) expect(entry.artifacts).toContain(`${entry.outDir}/deck.md`);
  return report.lessons.map((entry) => entry.outDir).sort();
}

describe('output location (issue 16)', () => {
  it('build DIR and build DIR/file.md write the same path, the one a whole-course build uses', () => {
    const whole = outDirs('out-whole');
    expect(whole).toEqual(['kubernetes-basics', 'module-7-k8s/7.1-pods']);
    expect(outDirs('out-lessons', 'lessons')).toEqual(whole);
    expect(outDirs('out-dir', 'lessons/module-7-k8s')).toEqual(['module-7-k8s/7.1-pods']);
    expect(outDirs('out-file', 'lessons/module-7-k8s/7.1-pods.md')).toEqual(['module-7-k8s/7.1-pods']);
    expect(outDirs('out-flat', 'lessons/kubernetes-basics.md')).toEqual(['kubernetes-basics']);
    expect(outDirs('out-other-dir', 'elsewhere/docker')).toEqual(outDirs('out-other-file', 'elsewhere/docker/1.1-images.md'));
  });

  it('building one lesson after the course rewrites its folder instead of leaving a second copy', () => {
    outDirs('out-again');
    outDirs('out-again', 'lessons/module-7-k8s/7.1-pods.md');
    outDirs('out-again', 'lessons/kubernetes-basics.md');
    outDirs('out-again', 'lessons/module-7-k8s');
    expect(listDecks(join(dir, 'out-again'))).toEqual(['kubernetes-basics/deck.md', 'module-7-k8s/7.1-pods/deck.md']);
  });
});

/** Every deck.md under `root`, relative to it. */
function listDecks(root: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, prefix))) {
    if (name.startsWith('.')) continue;
    const path = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(root, path)).isDirectory()) found.push(...listDecks(root, path));
    else if (name === 'deck.md') found.push(path);
  }
  return found.sort();
}
