// `lectern new`: a lesson scaffold in the house format whose placeholders `lectern check` rejects
// (placeholder-text) until they are replaced, and then accepts with nothing to report; numbered
// after its neighbours; a commented workshop.yaml listing the course's lessons; never an overwrite.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseWorkshop } from '../src/workshop/config.js';
import { placeholderFragments, placeholderLines } from '../src/lint/rules/placeholder-text.js';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-new-'));
  cpSync(join(root, 'lessons'), join(dir, 'lessons'), { recursive: true });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('lectern new TITLE', () => {
  it('writes lessons/<slug>.md, which check fails with placeholder-text until filled in, then passes clean', () => {
    const run = lectern(['new', 'Intro to Kubernetes'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created lessons/intro-to-kubernetes.md\n');
    const text = readFileSync(join(dir, 'lessons', 'intro-to-kubernetes.md'), 'utf8');
    expect(text).toContain('# Intro to Kubernetes\n');
    for (const heading of ['Learning Objectives', 'Key Concepts', 'Architecture Diagrams', 'Configuration Examples', 'Best Practices', 'Real-World Case Studies', 'Hands-on Exercises', 'Common Pitfalls', 'Review Questions', 'Additional Resources', 'Next Steps']) {
      expect(text).toContain(`## ${heading}\n`);
    }
    // Untouched: every finding is placeholder-text, at a line that holds a placeholder.
    const check = lectern(['check', 'lessons/intro-to-kubernetes.md', '--reporter', 'json'], dir);
    expect(check.status).toBe(1);
    const [report] = JSON.parse(check.stdout) as Array<{ diagnostics: Array<{ rule: string; line: number }> }>;
    expect(report!.diagnostics.length).toBeGreaterThanOrEqual(10);
    const lines = text.split('\n');
    for (const d of report!.diagnostics) {
      expect(d.rule).toBe('placeholder-text');
      const line = lines[d.line - 1]!;
      expect([...placeholderLines, ...placeholderFragments].some((phrase) => line.includes(phrase)), line).toBe(true);
    }
    // Every section that has placeholder text is named: the first line under each ## heading's placeholders.
    expect(report!.diagnostics.map((d) => d.line)).toContain(lines.findIndex((line) => line.includes('Explain the problem this lesson solves')) + 1);
    // Filled in (each placeholder replaced by real text), the same lesson checks clean.
    let filled = text;
    [...placeholderLines, ...placeholderFragments].forEach((phrase, index) => {
      const real = phrase.startsWith('Tool[') ? 'Tool[kubectl]' : phrase.startsWith('(https:') ? '(https://kubernetes.io/docs/)' : `Describe how pods restart, case ${index + 1}`;
      filled = filled.split(phrase).join(real);
    });
    writeFileSync(join(dir, 'lessons', 'intro-to-kubernetes.md'), filled);
    const clean = lectern(['check', 'lessons/intro-to-kubernetes.md'], dir);
    expect(clean.stdout).toBe('1 file checked: 0 errors, 0 warnings\n');
    expect(clean.status).toBe(0);
    writeFileSync(join(dir, 'lessons', 'intro-to-kubernetes.md'), text);
    const inspect = JSON.parse(lectern(['inspect', 'lessons/intro-to-kubernetes.md', '--json'], dir).stdout);
    expect(inspect.meta).toMatchObject({ teachingMinutes: 30, exerciseMinutes: 20 });
    for (const field of ['objectives', 'concepts', 'diagrams', 'examples', 'practices', 'caseStudies', 'exercises', 'pitfalls', 'reviewQuestions', 'resources', 'nextSteps']) {
      expect(inspect[field].length, field).toBeGreaterThan(0);
    }
  });

  it('refuses to overwrite an existing file', () => {
    const path = join(dir, 'lessons', 'overwrite-me.md');
    expect(lectern(['new', 'Overwrite Me'], dir).status).toBe(0);
    const before = readFileSync(path, 'utf8');
    const again = lectern(['new', 'Overwrite Me'], dir);
    expect(again).toMatchObject({ status: 2, stdout: '', stderr: 'lectern: lessons/overwrite-me.md already exists; choose another name or remove it first\n' });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('numbers a lesson after the others in the --out folder and links its neighbours', () => {
    const run = lectern(['new', 'Rate Limiting', '--out', 'lessons/module-3-web-apis'], dir);
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, 'lessons', 'module-3-web-apis', '3.4-rate-limiting.md'), 'utf8');
    expect(text).toContain('# Lesson 3.4: Rate Limiting\n');
    expect(text).toContain('- [← Back to Module Overview](./README.md)\n- [Previous Lesson ←](./3.3-api-authentication.md)\n');
    expect(run.stdout).toContain('Link it from the "Next Lesson →" link of 3.3-api-authentication.md and the module README');
    // Only its placeholders stand between the scaffold and a clean check.
    const check = lectern(['check', 'lessons/module-3-web-apis/3.4-rate-limiting.md', '--reporter', 'json'], dir);
    const [report] = JSON.parse(check.stdout) as Array<{ diagnostics: Array<{ rule: string; severity: string }> }>;
    expect(new Set(report!.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule))).toEqual(new Set(['placeholder-text']));
    rmSync(join(dir, 'lessons', 'module-3-web-apis', '3.4-rate-limiting.md'));
  });

  it('takes DIR as the folder, not as part of the name (new TITLE DIR)', () => {
    const run = lectern(['new', 'Pods in Depth', 'lessons/module-3-web-apis'], dir);
    expect(run.status).toBe(0);
    const path = join(dir, 'lessons', 'module-3-web-apis', '3.4-pods-in-depth.md');
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('# Lesson 3.4: Pods in Depth\n');
    expect(existsSync(join(dir, 'lessons', 'pods-in-depth-lessons-module-3-web-apis.md'))).toBe(false);
    rmSync(path);
    // The folder is given once: DIR and --out together are a usage mistake.
    expect(lectern(['new', 'Pods', 'in', 'Depth', 'lessons/module-3-web-apis', '--out', 'x'], dir).status).toBe(2);
  });

  it('needs a title', () => {
    expect(lectern(['new'], dir)).toMatchObject({ status: 2, stderr: 'lectern: new needs a TITLE, such as: lectern new "Intro to Kubernetes"\n' });
  });
});

describe('lectern new --workshop', () => {
  it('writes a commented workshop.yaml that lists the course and is a valid plan', () => {
    const run = lectern(['new', '--workshop'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created workshop.yaml\n');
    const text = readFileSync(join(dir, 'workshop.yaml'), 'utf8');
    expect(text).toMatch(/^# Workshop plan/);
    const { config, errors } = parseWorkshop(text);
    expect(errors).toEqual([]);
    expect(config!.lessons.map((entry) => entry.path)).toEqual(expect.arrayContaining([
      'lessons/module-3-web-apis/3.1-http-fundamentals.md',
      'lessons/module-3-web-apis/3.3-api-authentication.md',
    ]));
    for (const entry of config!.lessons) expect(existsSync(join(dir, entry.path)), entry.path).toBe(true);
    expect(lectern(['new', '--workshop'], dir).status).toBe(2);
  });

  it('takes a file name, with paths relative to it', () => {
    expect(lectern(['new', '--workshop', 'plans/day-1.yaml'], dir).status).toBe(0);
    const { config } = parseWorkshop(readFileSync(join(dir, 'plans', 'day-1.yaml'), 'utf8'));
    expect(config!.lessons[0]!.path).toMatch(/^\.\.\/lessons\//);
  });
});
