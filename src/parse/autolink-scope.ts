/**
 * GFM autolink literals (`https://…`, `www.…`, `someone@example.org` in plain text), found only where
 * they can be. mdast-util-gfm-autolink-literal walks the whole tree once per pattern (four times)
 * and tests every node on the way: on a course's lessons and lecture notes that was a tenth of all
 * parsing. Every one of its patterns needs `@`, `http://`/`https://` or `www.` in a text node, so
 * its transform is run on the top-level blocks that have such a text node, and on nothing else.
 * The result is the same tree: the transform only rewrites text nodes, judges a match by the text
 * node's own value, and skips links (never a top-level block).
 */
import type { Plugin } from 'unified';
import type { Root, Nodes } from 'mdast';

type Transform = (tree: Root) => Root | undefined | void;

interface FromMarkdownExtension {
  enter?: Record<string, unknown>;
  transforms?: Transform[];
}

/** Text that one of the autolink patterns could match (a superset of their matches). */
const CANDIDATE = /@|https?:\/\/|www\./i;

/**
 * A unified plugin, used after remark-gfm: wraps the autolink-literal transform among the parser's
 * mdast extensions so that it runs on the blocks that may hold an autolink only.
 */
export const scopeAutolinkLiterals: Plugin<[], Root> = function () {
  const extensions = (this.data('fromMarkdownExtensions') ?? []) as unknown[];
  for (const extension of flatten(extensions)) {
    if (!extension.enter || !('literalAutolinkEmail' in extension.enter) || !extension.transforms) continue;
    extension.transforms = extension.transforms.map(scoped);
  }
};

function scoped(transform: Transform): Transform {
  return (tree) => {
    for (const block of tree.children) {
      if (mayHoldAutolink(block)) transform(block as unknown as Root);
    }
  };
}

/** Whether a text node under `node` has what an autolink literal needs. */
export function mayHoldAutolink(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'text' && CANDIDATE.test(next.value)) return true;
    if ('children' in next) for (const child of next.children) stack.push(child as Nodes);
  }
  return false;
}

function flatten(list: readonly unknown[]): FromMarkdownExtension[] {
  return list.flatMap((item) => (Array.isArray(item) ? flatten(item) : [item as FromMarkdownExtension]));
}
