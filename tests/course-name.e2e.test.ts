// Issue 16: the course's name comes from the config's `title` or the course README's title, never
// from a folder's name ("lessons" on every slide). Through the real CLI, Markdown-only builds.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern } from './helpers/cli.js';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-course-name-'));
  mkdirSync(join(dir, 'lessons', 'module-7-k8s'), { recursive: true });
  writeFileSync(join(dir, 'lessons', 'kubernetes-basics.md'), '# Kubernetes Basics\n\n## Learning Objectives\n- Explain what a pod is\n\n## Key Concepts\n- Pods\n');
  writeFileSync(join(dir, 'lessons', 'module-7-k8s', '7.1-pods.md'), '# Lesson 7.1: Pods\n\n## Learning Objectives\n- Explain what a pod is\n\n## Key Concepts\n- Pods\n');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Builds `path` into a fresh OUT and returns the deck's Markdown and the index. */
function build(path: string, out: string): { deck: string; index: string } {
  const run = lectern(['build', path, '--out', out, '--to', 'md', '--formats', 'deck', '--no-cache'], dir);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, out, 'build-report.json'), 'utf8')) as { lessons: Array<{ outDir: string }> };
  return { deck: readFileSync(join(dir, out, report.lessons[0]!.outDir, 'deck.md'), 'utf8'), index: readFileSync(join(dir, out, 'index.html'), 'utf8') };
}

const footer = (deck: string) => /^footer: '(.*)'$/m.exec(deck)?.[1];

describe('course name (issue 16)', () => {
  it('is never the folder name: a lesson straight in lessons/ with no README or config has no course name', () => {
    const { deck, index } = build('lessons/kubernetes-basics.md', 'out-plain');
    expect(footer(deck)).toBe('');
    expect(deck).not.toMatch(/\bLessons\b/);
    expect(index).toContain('<h1>Course overview</h1>');
    // The module folder still names its module; "lessons" never does.
    expect(footer(build('lessons/module-7-k8s/7.1-pods.md', 'out-module').deck)).toBe('Module 7 K8s');
  });

  it('comes from the course README, even when only one lesson of the course is built', () => {
    writeFileSync(join(dir, 'lessons', 'README.md'), '# Kubernetes from Scratch\n\nA two-day course.\n');
    try {
      expect(footer(build('lessons/kubernetes-basics.md', 'out-readme').deck)).toBe('Kubernetes from Scratch');
      const { deck, index } = build('lessons/module-7-k8s/7.1-pods.md', 'out-readme-module');
      expect(footer(deck)).toBe('Module 7 K8s · Kubernetes from Scratch');
      expect(index).toContain('<h1>Kubernetes from Scratch</h1>');
    } finally {
      rmSync(join(dir, 'lessons', 'README.md'));
    }
  });

  it('comes from the config title first', () => {
    writeFileSync(join(dir, 'lectern.config.json'), '{ "title": "Cloud Native Bootcamp" }\n');
    try {
      expect(footer(build('lessons/kubernetes-basics.md', 'out-config').deck)).toBe('Cloud Native Bootcamp');
    } finally {
      rmSync(join(dir, 'lectern.config.json'));
    }
  });
});
