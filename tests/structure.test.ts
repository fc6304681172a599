// The planning stage stays pure (issue 10): nothing under src/plan/ reaches Handlebars, the browser
// (puppeteer, src/browser/) or the file system, directly or through the modules it imports, so plans
// run in plain unit tests and rendering stays the only place that knows the templates.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/render.js';

const src = join(root, 'src');
const planDir = join(src, 'plan');

/** Module specifiers a pure stage must never load. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/^handlebars(?:\/|$)/, 'Handlebars'],
  [/^puppeteer(?:-core)?(?:\/|$)/, 'the browser'],
  [/^(?:node:)?fs(?:\/promises)?$/, 'the file system'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier of a TypeScript file: static imports and re-exports, dynamic `import()`, `require()`. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Why `specifier`, imported by `file`, is out of bounds for the plan, or null when it is fine. */
function forbidden(file: string, specifier: string): string | null {
  for (const [pattern, what] of FORBIDDEN) if (pattern.test(specifier)) return what;
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    if (relative(join(src, 'browser'), target).split(/[\\/]/)[0] !== '..') return 'the browser';
  }
  return null;
}

/** The forbidden imports reachable from `entry`, each with the chain of files that leads to it. */
function violations(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const why = forbidden(file, specifier);
      const path = [...chain, relative(root, file)].join(' → ');
      if (why) found.push(`${path} imports '${specifier}' (${why})`);
      else if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
        if (target.startsWith(src)) visit(target, [...chain, relative(root, file)]);
      }
    }
  };
  visit(entry, []);
  return found;
}

describe('src/plan/ is pure', () => {
  const files = sourceFiles(planDir);

  it('has planning modules to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('reaches neither Handlebars, the browser nor the file system, directly or through its imports', () => {
    expect(files.flatMap(violations)).toEqual([]);
  });

  it('recognises each forbidden kind of import (the check is not blind)', () => {
    const file = join(planDir, 'example.ts');
    const imports = [
      "import Handlebars from 'handlebars';",
      "import type { Page } from 'puppeteer-core';",
      "import { readFileSync } from 'node:fs';",
      "const fs = await import('fs/promises');",
      "export { launch } from '../browser/manager.js';",
    ];
    expect(imports.map((line) => specifiers(line).map((specifier) => forbidden(file, specifier)).join())).toEqual([
      'Handlebars', 'the browser', 'the file system', 'the file system', 'the browser',
    ]);
    expect(forbidden(file, '../model/lesson.js')).toBeNull();
  });
});

// A layout that names itself (issue 10): no source file grows past what a reader takes in at once,
// and each folder says in its entry file's first comment what the folder does.
const MAX_LINES = 400;

/** Lines as an editor (and `wc -l`) counts them: a final newline ends the last line, it starts none. */
function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Files over `max` lines, each as `path (n lines)`, longest first. */
export function longFiles(files: Array<{ path: string; text: string }>, max = MAX_LINES): string[] {
  return files
    .map(({ path, text }) => ({ path, lines: lineCount(text) }))
    .filter(({ lines }) => lines > max)
    .sort((a, b) => b.lines - a.lines)
    .map(({ path, lines }) => `${path} (${lines} lines)`);
}

/**
 * A folder's entry file when it is not its `index.ts`, a file named like the folder, or its only
 * file. A folder of rules is entered through the index that runs them.
 */
const ENTRY: Readonly<Record<string, string>> = {
  assets: 'assets/mermaid.ts',
  browser: 'browser/manager.ts',
  cache: 'cache/build-cache.ts',
  cli: 'cli/main.ts',
  course: 'course/classify.ts',
  'course/lint/rules': 'course/lint/index.ts',
  export: 'export/marp.ts',
  'export/pptx': 'export/pptx/export.ts',
  'languages/packs': 'languages/registry.ts',
  'lint/rules': 'lint/index.ts',
  orchestrate: 'orchestrate/build.ts',
  output: 'output/paths.ts',
  plan: 'plan/deck-plan.ts',
  read: 'read/read-lesson.ts',
  render: 'render/deck.ts',
  serve: 'serve/preview-server.ts',
  watch: 'watch/session.ts',
};

/** Every folder under src/, as a path relative to src/ with `/` separators. */
function folders(dir: string = src): string[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory())
    .flatMap((path) => [relative(src, path).split(/[\\/]/).join('/'), ...folders(path)]);
}

/** The entry file of `folder` (relative to src/), or null when it has none. */
function entryOf(folder: string, exists: (path: string) => boolean, filesIn: (folder: string) => string[]): string | null {
  const mapped = ENTRY[folder];
  if (mapped) return exists(mapped) ? mapped : null;
  const name = folder.split('/').at(-1) as string;
  for (const candidate of [`${folder}/index.ts`, `${folder}/${name}.ts`]) if (exists(candidate)) return candidate;
  const files = filesIn(folder);
  return files.length === 1 ? `${folder}/${files[0]}` : null;
}

/** The comment a source file begins with (one block comment, or a run of line comments), or null. */
export function leadingComment(text: string): string | null {
  return /^(?:\uFEFF)?\s*(\/\*[\s\S]*?\*\/|(?:[ \t]*\/\/[^\n]*(?:\n|$))+)/.exec(text)?.[1] ?? null;
}

/**
 * What is wrong with `folder`'s entry: none, no leading comment, or (when the entry is not the
 * folder's own index.ts) a comment that does not name the folder as `src/<folder>/`, so it cannot be
 * telling what the folder does rather than only what the file does.
 */
export function entryProblem(folder: string, entry: string | null, text: string): string | null {
  if (!entry) return `src/${folder}/: no entry file (add an index.ts, or name its main module in ENTRY)`;
  const comment = leadingComment(text);
  if (!comment) return `src/${entry}: the entry of src/${folder}/ does not begin with a comment`;
  if (entry !== `${folder}/index.ts` && !comment.includes(`src/${folder}/`)) {
    return `src/${entry}: its first comment, the entry of src/${folder}/, does not say what src/${folder}/ does (name it)`;
  }
  return null;
}

describe('the layout names itself', () => {
  const relFiles = sourceFiles(src).map((path) => ({ path: relative(root, path).split(/[\\/]/).join('/'), text: readFileSync(path, 'utf8') }));

  it(`has no source file over ${MAX_LINES} lines`, () => {
    expect(relFiles.length).toBeGreaterThan(50);
    expect(longFiles(relFiles)).toEqual([]);
  });

  it('lists a long file with its line count (the check is not blind)', () => {
    const lines = (n: number) => 'x\n'.repeat(n);
    expect(longFiles([
      { path: 'src/a.ts', text: lines(400) },
      { path: 'src/b.ts', text: lines(401) },
      { path: 'src/c.ts', text: `${lines(401)}y` },
    ])).toEqual(['src/c.ts (402 lines)', 'src/b.ts (401 lines)']);
  });

  it("begins each folder's entry file with a comment that says what the folder does", () => {
    const exists = (path: string) => statSync(join(src, path), { throwIfNoEntry: false })?.isFile() === true;
    const filesIn = (folder: string) => readdirSync(join(src, folder)).filter((name) => name.endsWith('.ts'));
    const all = folders();
    expect(all.length).toBeGreaterThan(15);
    const problems = all.map((folder) => {
      const entry = entryOf(folder, exists, filesIn);
      return entryProblem(folder, entry, entry ? readFileSync(join(src, entry), 'utf8') : '');
    });
    expect(problems.filter(Boolean)).toEqual([]);
  });

  it('tells a missing, commentless or file-only entry apart (the check is not blind)', () => {
    const about = '/**\n * src/cache/ keeps what a build can skip.\n *\n * This file: the lesson cache.\n */\nexport {};\n';
    expect(entryProblem('cache', 'cache/build-cache.ts', about)).toBeNull();
    expect(entryProblem('cache', 'cache/build-cache.ts', '// src/cache/ keeps what a build can skip.\nexport {};\n')).toBeNull();
    expect(entryProblem('lint', 'lint/index.ts', '/** The lint stage. */\n')).toBeNull();
    expect(entryProblem('cache', null, '')).toMatch(/^src\/cache\/: no entry file/);
    expect(entryProblem('cache', 'cache/build-cache.ts', "import { x } from './x.js';\n/** src/cache/ … */\n")).toMatch(/does not begin with a comment/);
    expect(entryProblem('cache', 'cache/build-cache.ts', '/** The lesson cache. */\n')).toMatch(/does not say what src\/cache\/ does/);
    expect(entryProblem('lint/rules', 'lint/index.ts', '/** The lint stage. */\n')).toMatch(/does not say what src\/lint\/rules\/ does/);
  });
});
