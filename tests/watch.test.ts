// `lectern watch`: which lessons a change reaches, how changes are batched and queued, and the real
// CLI rebuilding just the edited lesson with the Chromium it started once, then exiting on Ctrl-C.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, renameSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { lessonDependencies, planRebuild } from '../src/watch/dependencies.js';
import { WatchSession, type BuildResult } from '../src/watch/session.js';
import { loadCourse } from '../src/orchestrate/course.js';
import { Progress } from '../src/orchestrate/progress.js';
import type { BuildOptions, BuildReport } from '../src/orchestrate/build.js';
import { ensureBuilt, root, startLectern, type LongRun } from './helpers/cli.js';

describe('lessonDependencies', () => {
  it('lists the lesson, its lecture notes and its local images, resolved from its folder', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'image', url: 'img/flow%20chart.png', alt: '' }] },
        { type: 'paragraph', children: [{ type: 'image', url: 'https://example.com/x.png', alt: '' }] },
        { type: 'definition', identifier: 'd', url: '../shared/logo.svg?v=2' },
      ],
    } as unknown as Root;
    const doc = {
      absolute: '/course/m/1.1-a.md',
      analysis: { lesson: { navigation: { details: { href: './notes/1.1-notes.md#top' } } }, tree },
    };
    expect(lessonDependencies(doc).sort()).toEqual(['/course/m/1.1-a.md', '/course/m/img/flow chart.png', '/course/m/notes/1.1-notes.md', '/course/shared/logo.svg']);
  });

  it('reads the references of a cached analysis, which has no tree', () => {
    const doc = { absolute: '/c/m/a.md', analysis: { lesson: { navigation: { details: null } }, tree: null, assets: [{ url: 'pic.png' }] } };
    expect(lessonDependencies(doc)).toEqual(['/c/m/a.md', '/c/m/pic.png']);
  });
});

describe('planRebuild', () => {
  const dependencies = new Map([
    ['/c/m/a.md', ['/c/m/a.md', '/c/m/shared.png']],
    ['/c/m/b.md', ['/c/m/b.md', '/c/m/shared.png', '/c/m/b-notes.md']],
  ]);
  const global = (path: string) => path.startsWith('/c/templates/');
  const plan = (...changed: string[]) => {
    const result = planRebuild(changed, dependencies, global);
    return result.all ? 'all' : [...result.lessons].sort();
  };

  it('maps a lesson, its notes and its images to the lessons that read them', () => {
    expect(plan('/c/m/a.md')).toEqual(['/c/m/a.md']);
    expect(plan('/c/m/b-notes.md')).toEqual(['/c/m/b.md']);
    expect(plan('/c/m/shared.png')).toEqual(['/c/m/a.md', '/c/m/b.md']);
    expect(plan('/c/m/a.md', '/c/m/b-notes.md')).toEqual(['/c/m/a.md', '/c/m/b.md']);
  });

  it('looks at everything for templates, and for Markdown or images no lesson is known to read', () => {
    expect(plan('/c/m/a.md', '/c/templates/deck.md.hbs')).toBe('all');
    expect(plan('/c/m/README.md')).toBe('all');
    expect(plan('/c/m/1.3-new-lesson.md')).toBe('all');
    expect(plan('/c/m/img/new.png')).toBe('all');
  });

  it('ignores files a build never reads', () => {
    expect(plan('/c/m/notes.txt')).toEqual([]);
  });
});

const lessonText = (title: string) => `# Lesson 1.1: ${title}

## Learning Objectives
- Explain ${title.toLowerCase()}

## Notes
Plain text.
`;

/** A build like the real one as far as a session can tell: reads the course, asks `select`, reports. */
function standInBuild(builds: string[][], onStart: () => void = () => {}, ms = 0) {
  return async (options: BuildOptions): Promise<BuildReport> => {
    const course = await loadCourse(options.paths, options.cwd);
    const chosen = course.lessons.filter((doc) => options.select!(doc));
    builds.push(chosen.map((doc) => doc.path).sort());
    onStart();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const lessons = chosen.map((doc) => ({
      source: doc.path,
      id: doc.analysis.lesson.id,
      module: doc.moduleDir,
      title: doc.analysis.lesson.title,
      number: doc.analysis.lesson.number,
      outDir: `${doc.moduleDir}/${doc.analysis.lesson.id}`,
      artifacts: [],
      diagnostics: [],
      cacheHit: false,
      ms: 1,
    }));
    return { lectern: 'test', out: 'out', lessons, unreadable: [], totals: { lessons: lessons.length, artifacts: 0, warnings: 0, errors: 0, cached: 0, ms: 1 }, browserLaunched: false };
  };
}

describe('WatchSession batching (real file events, stand-in build)', () => {
  let dir: string;
  let session: WatchSession | undefined;

  afterEach(async () => {
    await session?.stop();
    session = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('coalesces a burst of edits into one build, and changes during a build into exactly one more', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-watch-unit-'));
    mkdirSync(join(dir, 'lessons', 'm'), { recursive: true });
    const a = join(dir, 'lessons', 'm', '1.1-a.md');
    const b = join(dir, 'lessons', 'm', '1.2-b.md');
    writeFileSync(a, lessonText('Alpha'));
    writeFileSync(b, lessonText('Beta'));

    const builds: string[][] = [];
    const results: BuildResult[] = [];
    let building: (() => void) | undefined;
    const runBuild = standInBuild(builds, () => building?.(), 400);
    session = new WatchSession({
      build: { paths: ['lessons'], cwd: dir, out: 'out', formats: ['deck'], to: ['md'], paper: 'a4', handoutStyle: 'document', concurrency: 1, cache: true, pdfNotes: false },
      progress: () => new Progress({ stream: { write: () => true }, live: false, quiet: true }),
      onBuilt: (result) => results.push(result),
      onFailed: (error) => {
        throw error;
      },
      onWatchError: (error) => {
        throw error;
      },
      debounceMs: 60,
      runBuild,
    });
    await session.start();
    expect(builds).toEqual([['lessons/m/1.1-a.md', 'lessons/m/1.2-b.md']]);

    // A burst: one rebuild, of the edited lesson only.
    const second = new Promise<void>((resolve) => (building = resolve));
    for (const text of ['one', 'two', 'three']) appendFileSync(a, `\n${text}\n`);
    await second;
    building = undefined;
    // While that build runs, both lessons change, several times: one more build covers them all.
    appendFileSync(b, '\nfour\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    appendFileSync(a, '\nfive\n');
    appendFileSync(b, '\nsix\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await session.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await session.idle();

    expect(builds).toEqual([['lessons/m/1.1-a.md', 'lessons/m/1.2-b.md'], ['lessons/m/1.1-a.md'], ['lessons/m/1.1-a.md', 'lessons/m/1.2-b.md']]);
    expect(results.map((result) => result.first)).toEqual([true, false, false]);
    // After a partial build the report on disk covers the whole course again.
    const report = JSON.parse(readFileSync(join(dir, 'out', 'build-report.json'), 'utf8')) as BuildReport;
    expect(report.lessons.map((lesson) => lesson.source)).toEqual(['lessons/m/1.1-a.md', 'lessons/m/1.2-b.md']);
    expect(results[1]!.report.lessons.map((lesson) => [lesson.id, lesson.cacheHit])).toEqual([
      ['1.1-a', false],
      ['1.2-b', true],
    ]);
  });

  it('sees every save of an editor that renames a new file over the lesson, and lessons in folders made later', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-watch-unit-'));
    mkdirSync(join(dir, 'lessons', 'm'), { recursive: true });
    const a = join(dir, 'lessons', 'm', '1.1-a.md');
    writeFileSync(a, lessonText('Alpha'));
    const builds: string[][] = [];
    session = new WatchSession({
      build: { paths: ['lessons'], cwd: dir, out: 'out', formats: ['deck'], to: ['md'], paper: 'a4', handoutStyle: 'document', concurrency: 1, cache: true, pdfNotes: false },
      progress: () => new Progress({ stream: { write: () => true }, live: false, quiet: true }),
      onBuilt: () => {},
      onFailed: (error) => {
        throw error;
      },
      onWatchError: (error) => {
        throw error;
      },
      debounceMs: 40,
      runBuild: standInBuild(builds),
    });
    await session.start();
    // Like vim or a "safe write": the new text goes to a scratch file that replaces the lesson.
    for (const text of ['one', 'two', 'three']) {
      writeFileSync(`${a}.new`, `${lessonText('Alpha')}\n${text}\n`);
      renameSync(`${a}.new`, a);
      await new Promise((resolve) => setTimeout(resolve, 250));
      await session.idle();
    }
    expect(builds.slice(1)).toEqual([['lessons/m/1.1-a.md'], ['lessons/m/1.1-a.md'], ['lessons/m/1.1-a.md']]);
    // A module folder made after the session started is watched too.
    mkdirSync(join(dir, 'lessons', 'n'));
    writeFileSync(join(dir, 'lessons', 'n', '2.1-b.md'), lessonText('Beta'));
    await new Promise((resolve) => setTimeout(resolve, 250));
    await session.idle();
    appendFileSync(join(dir, 'lessons', 'n', '2.1-b.md'), '\nfour\n');
    await new Promise((resolve) => setTimeout(resolve, 250));
    await session.idle();
    expect(builds.at(-1)).toEqual(['lessons/n/2.1-b.md']);
  });

  it('ignores what the build writes into an output folder inside the watched one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-watch-unit-'));
    writeFileSync(join(dir, '1.1-a.md'), lessonText('Alpha'));
    let builds = 0;
    session = new WatchSession({
      build: { paths: ['.'], cwd: dir, out: 'out', formats: ['deck'], to: ['md'], paper: 'a4', handoutStyle: 'document', concurrency: 1, cache: true, pdfNotes: false },
      progress: () => new Progress({ stream: { write: () => true }, live: false, quiet: true }),
      onBuilt: () => builds++,
      onFailed: () => {},
      onWatchError: () => {},
      debounceMs: 30,
      runBuild: async () => {
        mkdirSync(join(dir, 'out', 'm'), { recursive: true });
        writeFileSync(join(dir, 'out', 'm', 'deck.md'), '# written by the build');
        writeFileSync(join(dir, 'out', 'index.md'), '# also');
        return { lectern: 'test', out: 'out', lessons: [], unreadable: [], totals: { lessons: 0, artifacts: 0, warnings: 0, errors: 0, cached: 0, ms: 1 }, browserLaunched: false };
      },
    });
    await session.start();
    writeFileSync(join(dir, '.1.1-a.md.swp'), 'editor scratch');
    writeFileSync(join(dir, 'notes.txt'), 'not a source');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await session.idle();
    expect(builds).toBe(1);
  });
});

describe('lectern watch (real CLI and Chromium)', () => {
  let dir: string;
  let cli: LongRun;
  const lessons = () => join(dir, 'lessons', 'module-3');
  type Report = { lessons: Array<{ id: string; cacheHit: boolean }>; browserLaunched: boolean };
  const report = () => JSON.parse(readFileSync(join(dir, 'out', 'build-report.json'), 'utf8')) as Report;


  /** The Chromium this process started (a direct child) and its profile folder. */
  const chromium = (pid: number) => {
    const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n');
    const line = children.find((row) => /--user-data-dir=\S*lectern-chromium-/.test(row));
    if (!line) return null;
    return { pid: Number(line.trim().split(/\s+/)[0]), profile: /--user-data-dir=(\S+)/.exec(line)![1]! };
  };

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lectern-watch-'));
    mkdirSync(lessons(), { recursive: true });
    for (const name of ['README.md', '3.1-http-fundamentals.md', '3.2-restful-api-design.md']) {
      cpSync(join(root, 'lessons', 'module-3-web-apis', name), join(lessons(), name));
    }
    cli = startLectern(['watch', 'lessons', '--out', 'out', '--formats', 'deck', '--to', 'md,html'], dir);
    await cli.waitFor(() => cli.stderr.includes('Watching lessons for changes'), 'the first build');
  }, 120_000);

  afterAll(async () => {
    await cli?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds only the edited lesson, in the browser it already has, and closes it on Ctrl-C', async () => {
    expect(cli.stderr).toMatch(/Built 2 lessons/);
    expect(report().lessons.map((lesson) => [lesson.id, lesson.cacheHit])).toEqual([
      ['3.1-http-fundamentals', false],
      ['3.2-restful-api-design', false],
    ]);
    // The diagrams needed Chromium, and it is still running, waiting for the next build.
    const browser = chromium(cli.child.pid!);
    expect(browser).not.toBeNull();

    appendFileSync(join(lessons(), '3.1-http-fundamentals.md'), '\nOne more line for the summary.\n');
    await cli.waitFor(() => /rebuilt 3\.1-http-fundamentals in \d+\.\d s/.test(cli.stderr), 'the rebuild');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cli.stderr).not.toContain('rebuilt 3.2-restful-api-design');
    expect(report().lessons.map((lesson) => [lesson.id, lesson.cacheHit])).toEqual([
      ['3.1-http-fundamentals', false],
      ['3.2-restful-api-design', true],
    ]);
    // The index still lists the whole course, not just the lesson rebuilt.
    const index = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
    expect(index).toContain('3.1-http-fundamentals/deck.html');
    expect(index).toContain('3.2-restful-api-design/deck.html');
    // Same browser process: nothing was relaunched for the rebuild.
    expect(chromium(cli.child.pid!)?.pid).toBe(browser!.pid);

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(130);
    expect(existsSync(browser!.profile)).toBe(false);
    const left = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' }).split('\n').filter((args) => args.includes(browser!.profile));
    expect(left).toEqual([]);
  });
});
