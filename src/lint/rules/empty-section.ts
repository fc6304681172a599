/**
 * `empty-section`: a heading with nothing under it renders as an empty slide or a dangling title.
 * A deeper heading counts as content for its parent (the subsection is checked on its own);
 * HTML comments and thematic breaks do not count; a heading that is a link is not empty.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Rule } from '../rule.js';
import { report } from '../rule.js';

function isContent(node: RootContent): boolean {
  if (node.type === 'thematicBreak' || node.type === 'yaml') return false;
  if (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return false;
  return true;
}

export const emptySection: Rule = {
  id: 'empty-section',
  severity: 'warning',
  run(ctx) {
    const nodes = ctx.tree.children;
    nodes.forEach((node, index) => {
      if (node.type !== 'heading' || node.depth < 2) return;
      // A heading that is a link ("## [Post-lecture quiz](https://…)") points at its content: it is a resource.
      if (node.children.some((child) => child.type === 'link')) return;
      let hasContent = false;
      for (const next of nodes.slice(index + 1)) {
        if (next.type === 'heading' && next.depth <= node.depth) break;
        if (isContent(next)) {
          hasContent = true;
          break;
        }
      }
      if (hasContent) return;
      report(ctx, emptySection, `Section "${toString(node)}" is empty; add content under it or remove the heading`, node);
    });
  },
};
