// `--shard i/n` and `lectern index`: the stable split of a course between CI jobs, and the merge of
// the jobs' reports. Units in-process; the end-to-end case runs the real CLI (Markdown only, no browser).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { inShard, parseShard, shardKey, shardOf } from '../src/orchestrate/shard.js';
import { completeReport, mergeReports, sortLessons } from '../src/orchestrate/merge-reports.js';
import type { BuildReport, LessonReport } from '../src/orchestrate/build.js';
import { UsageError } from '../src/errors.js';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { ensureBuilt, lectern } from './helpers/cli.js';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('1/2')).toEqual({ index: 1, count: 2 });
    expect(parseShard('4/4')).toEqual({ index: 4, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/2', '3/2', 'x', '1/0', '', '1/', '/2', '1/2/3', '-1/2', '1.5/2', '2'])('refuses %j with a usage error (exit 2)', (value) => {
    let thrown: unknown;
    try {
      parseShard(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).exitCode).toBe(2);
    expect((thrown as UsageError).message).toContain(`--shard must be i/n`);
  });

  it('is a usage error on the command line, before anything is built', async () => {
    let stderr = '';
    const io: CliIO = { stdout: { write: () => true }, stderr: { write: (chunk: string) => (stderr += chunk) }, cwd: tmpdir(), env: {} };
    expect(await main(['build', '--shard', '3/2'], io)).toBe(2);
    expect(stderr).toContain('lectern: --shard must be i/n with 1 ≤ i ≤ n, e.g. 1/4 (got "3/2")');
  });
});

describe('shard assignment', () => {
  const keys = Array.from({ length: 300 }, (_, i) => `module-${(i % 12) + 1}/${i % 12}.${i}-lesson-${i}.md`);

  it('puts every lesson in exactly one shard, for any number of shards', () => {
    for (let count = 1; count <= 8; count++) {
      for (const key of keys) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard({ index, count })({ root: '/course', absolute: `/course/${key}` }));
        expect(owners, `${key} in ${count} shards`).toHaveLength(1);
        expect(owners[0]).toBe(shardOf(key, count));
      }
    }
  });

  it('1/1 is the whole course', () => {
    expect(keys.every((key) => inShard({ index: 1, count: 1 })({ root: '/c', absolute: `/c/${key}` }))).toBe(true);
  });

  it('spreads lessons over the shards', () => {
    for (const count of [2, 3, 4]) {
      const sizes = Array.from({ length: count }, (_, i) => keys.filter((key) => shardOf(key, count) === i + 1).length);
      for (const size of sizes) expect(size).toBeGreaterThan(keys.length / count / 2);
    }
  });

  // CI jobs on different machines, and builds before and after a lesson is added, must agree.
  it('depends only on the path below the input root, and never changes', () => {
    expect(shardKey('/home/a/course/lessons', '/home/a/course/lessons/module-3/3.1-http.md')).toBe('module-3/3.1-http.md');
    expect(shardOf('module-3/3.1-http.md', 4)).toBe(shardOf(shardKey('/ci/work/lessons', '/ci/work/lessons/module-3/3.1-http.md'), 4));
    // Pinned: changing the hash would move lessons between shards of running pipelines.
    expect(['m/1.md', 'm/2.md', 'm/3.md', 'module-3-web-apis/3.1-http-fundamentals.md'].map((key) => shardOf(key, 4))).toEqual([2, 4, 2, 2]);
  });
});

function lesson(source: string, extra: Partial<LessonReport> = {}): LessonReport {
  const id = posix.basename(source, '.md');
  const module = posix.dirname(source).split('/').slice(1).join('/');
  const outDir = module ? `${module}/${id}` : id;
  return { source, id, module, title: id, number: null, outDir, artifacts: [`${outDir}/deck.md`], diagnostics: [], cacheHit: false, ms: 10, ...extra };
}

function report(lessons: LessonReport[], extra: Partial<BuildReport> = {}): BuildReport {
  return {
    lectern: '0.1.0',
    out: 'out',
    lessons,
    unreadable: [],
    totals: { lessons: lessons.length, artifacts: 0, warnings: 0, errors: 0, cached: 0, ms: 100 },
    browserLaunched: false,
    ...extra,
  };
}

describe('mergeReports', () => {
  const warning = { severity: 'warning' as const, rule: 'r', message: 'm', line: 1, column: 1 };
  const one = report([lesson('lessons/m/1.1-a.md'), lesson('lessons/m/1.3-c.md', { diagnostics: [warning] })]);
  const two = report([lesson('lessons/m/1.2-b.md', { cacheHit: true })], { unreadable: [{ source: 'lessons/m/1.4-empty.md', problem: 'file is empty' }], browserLaunched: true });

  it('covers every lesson of both, with paths relative to the merged folder', () => {
    const merged = mergeReports([{ prefix: '../out-1', report: one }, { prefix: '../out-2', report: two }], 'merged');
    expect(merged.out).toBe('merged');
    expect(merged.lessons.map((l) => l.source)).toEqual(['lessons/m/1.1-a.md', 'lessons/m/1.3-c.md', 'lessons/m/1.2-b.md']);
    expect(merged.lessons[2]).toMatchObject({ outDir: '../out-2/m/1.2-b', artifacts: ['../out-2/m/1.2-b/deck.md'], cacheHit: true });
    expect(merged.lessons[0]!.outDir).toBe('../out-1/m/1.1-a');
    expect(merged.unreadable).toEqual([{ source: 'lessons/m/1.4-empty.md', problem: 'file is empty' }]);
    expect(merged.totals).toEqual({ lessons: 3, artifacts: 2, warnings: 1, errors: 1, cached: 1, ms: 200 });
    expect(merged.browserLaunched).toBe(true);
    expect(sortLessons(merged, ['lessons/m/1.1-a.md', 'lessons/m/1.2-b.md', 'lessons/m/1.3-c.md']).lessons.map((l) => l.id)).toEqual(['1.1-a', '1.2-b', '1.3-c']);
  });

  it('keeps paths as they are for a report in the merged folder itself, and lets the last report win', () => {
    const again = report([lesson('lessons/m/1.1-a.md', { title: 'Newer' })]);
    const merged = mergeReports([{ prefix: '', report: one }, { prefix: '', report: again }], 'out');
    expect(merged.lessons.map((l) => [l.id, l.title, l.outDir])).toEqual([
      ['1.1-a', 'Newer', 'm/1.1-a'],
      ['1.3-c', '1.3-c', 'm/1.3-c'],
    ]);
  });
});

describe('completeReport', () => {
  it('puts a partial rebuild back into the whole course: untouched lessons unchanged, deleted ones gone', () => {
    const previous = report([lesson('l/m/1.md'), lesson('l/m/2.md'), lesson('l/m/3.md')]);
    const partial = report([lesson('l/m/2.md', { ms: 42 })], { totals: { lessons: 1, artifacts: 1, warnings: 0, errors: 0, cached: 0, ms: 50 } });
    const complete = completeReport(previous, partial, ['l/m/1.md', 'l/m/2.md', 'l/m/4.md']);
    expect(complete.lessons.map((l) => [l.source, l.cacheHit, l.ms])).toEqual([
      ['l/m/1.md', true, 0],
      ['l/m/2.md', false, 42],
    ]);
    expect(complete.totals).toMatchObject({ lessons: 2, cached: 1, artifacts: 1, ms: 50 });
  });
});

// A course of six small lessons in two modules: Markdown only, so no browser is needed.
describe('build --shard and lectern index (real CLI)', () => {
  let dir: string;
  const lessonText = (n: string, title: string) => `# Lesson ${n}: ${title}

## Learning Objectives
- Explain ${title.toLowerCase()}

## Notes
Plain text about ${title.toLowerCase()}.
`;
  const sources = [
    ['module-1', '1.1-alpha', 'Alpha'],
    ['module-1', '1.2-beta', 'Beta'],
    ['module-1', '1.3-gamma', 'Gamma'],
    ['module-2', '2.1-delta', 'Delta'],
    ['module-2', '2.2-epsilon', 'Epsilon'],
    ['module-2', '2.3-zeta', 'Zeta'],
  ] as const;
  type Report = { lessons: Array<{ source: string; outDir: string; artifacts: string[] }> };
  const read = (...parts: string[]) => JSON.parse(readFileSync(join(dir, ...parts, 'build-report.json'), 'utf8')) as Report;

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lectern-shard-'));
    for (const [module, id, title] of sources) {
      mkdirSync(join(dir, 'lessons', module), { recursive: true });
      writeFileSync(join(dir, 'lessons', module, `${id}.md`), lessonText(id.split('-')[0]!, title));
    }
    writeFileSync(join(dir, 'lessons', 'module-1', 'README.md'), '# Module 1: First Things\n\n## Introduction\nThe first module.\n');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('splits the course between the shards and merges it back into one index', () => {
    const common = ['--formats', 'deck', '--to', 'md'];
    const first = lectern(['build', 'lessons', '--out', 'out-1', '--shard', '1/2', ...common], dir);
    const second = lectern(['build', 'lessons', '--out', 'out-2', '--shard', '2/2', ...common], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);

    const one = read('out-1').lessons.map((l) => l.source);
    const two = read('out-2').lessons.map((l) => l.source);
    const all = sources.map(([module, id]) => `lessons/${module}/${id}.md`);
    // Each shard reports only its own lessons, none twice, and together they are the course.
    expect(one.length).toBeGreaterThan(0);
    expect(two.length).toBeGreaterThan(0);
    expect(one.filter((source) => two.includes(source))).toEqual([]);
    expect([...one, ...two].sort()).toEqual([...all].sort());
    expect(one).toEqual(all.filter((source) => shardOf(source.slice('lessons/'.length), 2) === 1));
    for (const source of two) expect(existsSync(join(dir, 'out-1', source.slice('lessons/'.length).replace(/\.md$/, ''), 'deck.md'))).toBe(false);

    const merge = lectern(['index', 'out-1', 'out-2', '--out', 'merged'], dir);
    expect(merge.status, merge.stderr).toBe(0);
    expect(merge.stderr).toContain('Merged 6 lessons from 2 reports into merged/index.html');
    const merged = read('merged');
    expect(merged.lessons.map((l) => l.source)).toEqual(all);
    for (const lesson of merged.lessons) {
      for (const artifact of lesson.artifacts) expect(existsSync(join(dir, 'merged', artifact)), artifact).toBe(true);
    }

    const html = readFileSync(join(dir, 'merged', 'index.html'), 'utf8');
    expect(html).toContain('Module 1: First Things');
    const hrefs = [...html.matchAll(/href="([^"#][^"]*)"/g)].map((match) => decodeURI(match[1]!.replace(/&amp;/g, '&')));
    const decks = hrefs.filter((href) => href.endsWith('/deck.md'));
    expect(decks).toHaveLength(6);
    for (const href of hrefs) expect(existsSync(join(dir, 'merged', href)), href).toBe(true);
  });

  it('refuses a folder without a build report', () => {
    const run = lectern(['index', 'lessons', '--out', 'merged-2'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('lectern: no build report in lessons; build it first (lectern build --out lessons)\n');
  });
});
