// Every cache key holds a fingerprint of Lectern's code (issue #20): a copy of the built CLI whose
// code is then changed at the same version must not reuse what the unchanged code built or found.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, root } from './helpers/cli.js';
import { fingerprintCode } from '../src/cache/code-hash.js';

let dir: string;
const pkg = () => join(dir, 'lectern');

/** The copied CLI, run in the course folder. */
function run(args: string[]) {
  const result = spawnSync(process.execPath, [join(pkg(), 'bin', 'lectern.js'), ...args], {
    cwd: join(dir, 'course'),
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    timeout: 300_000,
  });
  return { status: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

function reportOf(id: string) {
  const report = JSON.parse(readFileSync(join(dir, 'course', 'out', 'build-report.json'), 'utf8')) as { lessons: Array<{ id: string; cacheHit: boolean; diagnostics: Array<{ message: string }> }> };
  return report.lessons.find((lesson) => lesson.id === id)!;
}

/** Changes the copied bundle's code: `from` becomes `to` in every chunk that has it (same version). */
function patchBundle(from: RegExp, to: string): void {
  const bundle = join(pkg(), 'dist', 'bundle');
  let patched = 0;
  for (const name of readdirSync(bundle).filter((n) => n.endsWith('.js'))) {
    const text = readFileSync(join(bundle, name), 'utf8');
    if (!from.test(text)) continue;
    writeFileSync(join(bundle, name), text.replace(new RegExp(from.source, 'g'), to));
    patched++;
  }
  expect(patched, `no chunk has ${from}`).toBeGreaterThan(0);
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-code-hash-'));
  for (const part of ['bin', 'templates', 'package.json', join('dist', 'bundle')]) cpSync(join(root, part), join(pkg(), part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(pkg(), 'node_modules'), 'dir');
  mkdirSync(join(dir, 'course', 'lessons', 'module-1'), { recursive: true });
  // A clean lesson (errors are never taken from the build cache) and one with a config-syntax error.
  writeFileSync(
    join(dir, 'course', 'lessons', 'module-1', '1.2-volumes.md'),
    '# Lesson 1.2: Volumes\n\n## Learning Objectives\n- Create a named volume\n\n## Key Concepts\n\n### Named volumes\n- Docker manages where the data lives\n- They survive the container\n',
  );
  writeFileSync(
    join(dir, 'course', 'lessons', 'module-1', '1.1-compose.md'),
    '# Lesson 1.1: Compose\n\n## Learning Objectives\n- Configure a two-service Compose file\n\n## Configuration Examples\n\n### Compose File\n```yaml\nservices:\n  web:\n    image: nginx:1.27\n   ports:\n      - "8080:80"\n```\n',
  );
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("cache keys hold Lectern's code", () => {
  it('fingerprints a code tree by its files, and changes when one of them does', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'a.js'), 'export const a = 1;');
    writeFileSync(join(tree, 'sub', 'b.js'), 'export const b = 2;');
    writeFileSync(join(tree, 'notes.txt'), 'not code');
    const before = fingerprintCode(tree);
    expect(fingerprintCode(tree)).toBe(before);
    writeFileSync(join(tree, 'notes.txt'), 'still not code, and longer');
    expect(fingerprintCode(tree)).toBe(before);
    writeFileSync(join(tree, 'sub', 'b.js'), 'export const b = 22;');
    expect(fingerprintCode(tree)).not.toBe(before);
  });

  it('re-analyses and rebuilds after the code changed at the same version', () => {
    // First run of the unchanged code: findings and deck are cached.
    const check = run(['check', 'lessons', '--out', 'out']);
    expect(check.out).toContain('Invalid YAML');
    const build = run(['build', 'lessons', '--out', 'out', '--formats', 'deck', '--to', 'md']);
    expect(build.status, build.out).toBe(1);
    const deck = join(dir, 'course', 'out', 'module-1', '1.2-volumes', 'deck.md');
    expect(readFileSync(deck, 'utf8')).toContain('Timing ≈');
    const unchanged = run(['build', 'lessons', '--out', 'out', '--formats', 'deck', '--to', 'md']);
    expect(unchanged.status, unchanged.out).toBe(1);
    expect(reportOf('1.2-volumes').cacheHit).toBe(true);

    // The same version, different code: the lint's message and the notes' timing cue change wording.
    patchBundle(/Invalid \$\{kind\}/, 'Unparsable ${kind}');
    // esbuild may write the ≈ as an escape.
    patchBundle(/`Timing (\\u2248|≈) /, '`Allow $1 ');
    const again = run(['check', 'lessons', '--out', 'out']);
    expect(again.out).toContain('Unparsable YAML');
    expect(again.out).not.toContain('Invalid YAML');
    const rebuilt = run(['build', 'lessons', '--out', 'out', '--formats', 'deck', '--to', 'md']);
    expect(rebuilt.status, rebuilt.out).toBe(1);
    expect(reportOf('1.1-compose').diagnostics.map((d) => d.message).join('\n')).toContain('Unparsable YAML');
    expect(reportOf('1.2-volumes').cacheHit).toBe(false);
    expect(readFileSync(deck, 'utf8')).toContain('Allow ≈');
  }, 300_000);
});
