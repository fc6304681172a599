/**
 * `duplicate-section`: the same heading twice at one level under one parent usually means a
 * copy-paste slip, and it gives two sections the same anchor. Compared case-insensitively, without
 * emoji or leading numbering ("1. Setup" and "Setup" are the same section).
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Rule } from '../rule.js';
import { report } from '../rule.js';
import { normaliseHeading } from '../util.js';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  severity: 'warning',
  run(ctx) {
    // The open ancestors of the current position: the nearest preceding heading of each lower depth.
    const ancestors: Heading[] = [];
    // Seen texts per parent (undefined = the document itself) and depth.
    const seen = new Map<Heading | undefined, Map<string, Heading>>();
    for (const node of ctx.tree.children) {
      if (node.type !== 'heading') continue;
      while (ancestors.length > 0 && (ancestors.at(-1) as Heading).depth >= node.depth) ancestors.pop();
      const parent = ancestors.at(-1);
      ancestors.push(node);
      const key = normaliseHeading(node);
      if (key === '') continue;
      let siblings = seen.get(parent);
      if (!siblings) seen.set(parent, (siblings = new Map()));
      const slot = `${node.depth}:${key}`;
      const first = siblings.get(slot);
      if (!first) {
        siblings.set(slot, node);
        continue;
      }
      const under = parent ? ` under "${toString(parent)}"` : '';
      const firstLine = first.position ? ` (first at line ${first.position.start.line})` : '';
      report(ctx, duplicateSection, `Section "${toString(node)}" appears twice${under}${firstLine}; merge or rename one`, node);
    }
  },
};
