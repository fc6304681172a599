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
