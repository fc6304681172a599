// The build's own pieces, without a browser: course discovery, output paths, config, the lesson cache.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCourse } from '../src/orchestrate/course.js';
import { insideOut, lessonOutDir, moduleDirOf, slug } from '../src/output/paths.js';
import { loadConfig } from '../src/cli/config.js';
import { BuildCache, hashParts } from '../src/cache/build-cache.js';
import { UsageError } from '../src/errors.js';
import { AnalysisCache, outlineOf } from '../src/cache/analysis-cache.js';
import { parseCount } from '../src/parse/parse-count.js';

let dir: string;
const put = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-units-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('course discovery', () => {
  it('finds modules from their READMEs, pairs lecture notes with their lesson and skips unreadable files', async () => {
    put('course/module-6/README.md', '# Module 6: Containers\n\nAll about containers.\n');
    put('course/module-6/6.7-docker.md', '# Lesson 6.7: Docker\n\n## Navigation\n- [Detailed Content](./lectures/lesson-6-7.md)\n\n## Objectives\n- Explain images\n');
    put('course/module-6/lectures/lesson-6-7.md', '# Lecture Notes: Docker\n\nLong prose.\n');
    put('course/module-6/6.10-compose.md', '# Lesson 6.10: Compose\n');
    put('course/module-6/6.9-volumes.md', '# Lesson 6.9: Volumes\n');
    put('course/module-6/empty.md', '');
    const course = await loadCourse(['course'], dir);
    expect(course.modules.map((m) => [m.dir, m.title])).toEqual([['module-6', 'Module 6: Containers']]);
    expect(course.lessons.map((l) => l.analysis.lesson.id)).toEqual(['6.7-docker', '6.9-volumes', '6.10-compose']);
    const notes = course.notes.get(join(dir, 'course/module-6/6.7-docker.md'));
    expect(notes?.analysis.lesson.title).toBe('Lecture Notes: Docker');
    expect(course.unreadable).toEqual([{ path: join('course', 'module-6', 'empty.md'), problem: 'file is empty' }]);
  });

  it('never reads back files inside the output folder', async () => {
    put('course/m/1.1-a.md', '# Lesson 1.1: A\n');
    put('course/m/build/m/1.1-a/deck.md', '---\nmarp: true\n---\n# A\n');
    const course = await loadCourse(['course'], dir, join(dir, 'course', 'm', 'build'));
    expect(course.lessons.map((l) => l.path)).toEqual([join('course', 'm', '1.1-a.md')]);
  });
});

describe('output paths', () => {
  it('maps a lesson to OUT/<module-dir>/<lesson-id>', () => {
    expect(moduleDirOf('/c/lessons', '/c/lessons/module-6/6.7-docker.md')).toBe('module-6');
    expect(lessonOutDir('/o', 'module-6', '6.7-docker')).toBe('/o/module-6/6.7-docker');
  });

  it('refuses paths that leave the output folder', () => {
    expect(() => insideOut('/o/a', '../../etc/passwd')).toThrow(/outside the output folder/);
    expect(() => lessonOutDir('/o', '../x', 'y')).toThrow(/outside the output folder/);
    expect(slug('Docker Architecture: Überblick!')).toBe('docker-architecture-uberblick');
  });
});

describe('config file', () => {
  it('reads lectern.config.yaml and reports a bad value with its line', () => {
    put('lectern.config.yaml', 'out: build\npaper: letter\nformats: [deck, lab]\n');
    expect(loadConfig(dir).options).toEqual({ out: 'build', paper: 'letter', formats: ['deck', 'lab'] });
    put('lectern.config.yaml', 'out: build\npaper: a3\n');
    expect(() => loadConfig(dir)).toThrow(UsageError);
    expect(() => loadConfig(dir)).toThrow(/lectern\.config\.yaml:2: "paper" must be one of a4, letter/);
    put('lectern.config.yaml', 'papr: a4\n');
    expect(() => loadConfig(dir)).toThrow(/:1: unknown setting "papr"/);
  });
});

describe('lesson cache', () => {
  it('is fresh only for the same inputs and while every artifact exists', async () => {
    const cache = new BuildCache(dir);
    put('m/a/deck.pdf', 'pdf');
    const inputs = hashParts(['lesson text', new Uint8Array([1, 2])]);
    await cache.store('m/a', { inputs, artifacts: ['m/a/deck.pdf'], diagnostics: [] });
    expect(await cache.fresh('m/a', inputs)).not.toBeNull();
    expect(await cache.fresh('m/a', hashParts(['lesson text!', new Uint8Array([1, 2])]))).toBeNull();
    rmSync(join(dir, 'm/a/deck.pdf'));
    expect(await cache.fresh('m/a', inputs)).toBeNull();
  });
});

describe('analysis cache', () => {
  const lessonText = '# Lesson 1.1: A\n\n## Objectives\n- Explain [the next part](./1.2-b.md#setup)\n\n![diagram](./fig.png)\n';

  it('gives the same lesson, diagnostics and skeleton of links on a hit, and goes stale when a link target appears', async () => {
    put('course/m/1.1-a.md', lessonText);
    const cache = new AnalysisCache(join(dir, 'out', '.cache', 'analysis'), 'test');
    const first = await loadCourse(['course'], dir, join(dir, 'out'), { analysisCache: cache });
    const second = await loadCourse(['course'], dir, join(dir, 'out'), { analysisCache: cache });
    const [a, b] = [first.lessons[0]!.analysis, second.lessons[0]!.analysis];
    expect((a as { cached?: boolean }).cached).toBe(false);
    expect((b as { cached?: boolean }).cached).toBe(true);
    expect(b.lesson).toEqual(a.lesson);
    expect(b.file.messages.map((m) => [m.ruleId, m.line])).toEqual(a.file.messages.map((m) => [m.ruleId, m.line]));
    expect(a.lesson.diagnostics.filter((d) => d.rule === 'broken-link')).toHaveLength(2);
    const urls = (tree: typeof a.tree) => JSON.stringify(tree).match(/"url":"[^"]+"/g);
    expect(urls(b.tree)).toEqual(urls(a.tree));

    put('course/m/1.2-b.md', '# Lesson 1.2: B\n\n## Setup\n\nText.\n');
    const third = await loadCourse(['course'], dir, join(dir, 'out'), { analysisCache: cache });
    const c = third.lessons.find((l) => l.analysis.lesson.id === '1.1-a')!.analysis;
    expect((c as { cached?: boolean }).cached).toBe(false);
    expect(c.lesson.diagnostics.filter((d) => d.rule === 'broken-link')).toHaveLength(1);
  });

  it("keeps lecture notes' whole tree in a file of its own, read only when something asks for it", async () => {
    put('course/m/README.md', '# Module 1: Storage\n\n- [Lesson 1.1](./1.1-a.md) (30 min)\n');
    put('course/m/1.1-a.md', '# Lesson 1.1: A\n\n## Navigation\n- [Detailed Content](./lectures/1.1-notes.md)\n\n## Objectives\n- Explain disks\n');
    put('course/m/lectures/1.1-notes.md', '# Lecture Notes: A\n\n## Disks\n\nLong prose about [blocks](https://example.org/blocks).\n\n```bash\nlsblk\n```\n');
    const out = join(dir, 'out');
    const folder = join(out, '.cache', 'analysis');
    const notesOf = (course: Awaited<ReturnType<typeof loadCourse>>) => course.notes.get(join(dir, 'course/m/1.1-a.md'))!.analysis;
    const first = notesOf(await loadCourse(['course'], dir, out, { analysisCache: new AnalysisCache(folder, 'test') }));
    const whole = structuredClone(first.tree);
    expect(whole.children.some((node) => node.type === 'code')).toBe(true);
    const trees = () => readdirSync(folder, { recursive: true }).map(String).filter((name) => name.endsWith('.tree.json'));
    expect(trees()).toHaveLength(2);

    // A hit gives the skeleton at once (links and headings) and the whole tree from its file, unparsed.
    const hit = notesOf(await loadCourse(['course'], dir, out, { analysisCache: new AnalysisCache(folder, 'test') }));
    expect(JSON.stringify(outlineOf(hit))).toContain('https://example.org/blocks');
    expect(JSON.stringify(outlineOf(hit))).not.toContain('lsblk');
    const before = parseCount();
    expect(hit.tree).toEqual(whole);
    expect(parseCount()).toBe(before);

    // Nothing read the tree's file while the course was read: removed after that, it is parsed again when asked for.
    const late = notesOf(await loadCourse(['course'], dir, out, { analysisCache: new AnalysisCache(folder, 'test') }));
    for (const name of trees()) rmSync(join(folder, name));
    expect(late.tree).toEqual(whole);
    expect(parseCount()).toBe(before + 1);
  });
});
