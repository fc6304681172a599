/**
 * Every anchor a `#fragment` may name in a file: GitHub's heading slugs plus explicit HTML ids and
 * names, as the per-file `broken-link` rule counts them. Pure.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';

const cache = new WeakMap<Root, Set<string>>();

/** The anchors of a parsed file (computed once per tree). */
export function anchorsOf(tree: Root): Set<string> {
  let anchors = cache.get(tree);
  if (anchors) return anchors;
  const slugger = new GithubSlugger();
  anchors = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'heading') anchors!.add(slugger.slug(toString(node)));
    if (node.type === 'html') {
      for (const match of node.value.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/g)) anchors!.add((match[1] as string).toLowerCase());
    }
  });
  cache.set(tree, anchors);
  return anchors;
}
