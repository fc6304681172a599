/** The parts of a parsed file the course pages show: its introduction, or its body without the title. Pure. */
import type { Root, RootContent } from 'mdast';

function withoutTitle(tree: Root): RootContent[] {
  const nodes = tree.children.filter((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
  const first = nodes.findIndex((node) => node.type === 'heading');
  // The first heading is the title when nothing but text comes before it (a README may title itself with ##).
  return first >= 0 && nodes.slice(0, first).every((node) => node.type === 'html') ? nodes.slice(first + 1) : nodes;
}

/** What comes between the title and the first section heading. */
export function introNodes(tree: Root): RootContent[] {
  const body = withoutTitle(tree);
  const next = body.findIndex((node) => node.type === 'heading');
  return next < 0 ? body : body.slice(0, next);
}

/** Everything but the front matter and the title. */
export function bodyNodes(tree: Root): RootContent[] {
  return withoutTitle(tree);
}
