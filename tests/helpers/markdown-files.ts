// Every Markdown file under a folder, for tests that run over the test corpora.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Root } from 'mdast';

/** The `.md` files under `dir`, at any depth, as paths joined onto `dir`, in directory order. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** A frozen unified processor, as far as these tests use one. */
interface Parser {
  parse(text: string): unknown;
}

/**
 * Parses every lesson, notes file and corpus episode of the tests (over a hundred) with `expected`
 * and with `actual`, expecting the same tree from both; returns how many files `counts` (given the
 * expected tree and the text) holds true for, so that a test can show its comparison was not made
 * only on files without what it is about.
 */
export function sameTreesOnTestFiles(expected: Parser, actual: Parser, counts: (tree: Root, text: string) => boolean): number {
  const files = markdownFiles(join(import.meta.dirname, '..')).filter((path) => !path.includes('node_modules'));
  expect(files.length).toBeGreaterThan(100);
  let counted = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const tree = expected.parse(text) as Root;
    expect(actual.parse(text), path).toEqual(tree);
    if (counts(tree, text)) counted++;
  }
  return counted;
}
