/**
 * `broken-link` across files: a link `other.md#fragment` must name a heading (GitHub's slug) or an
 * HTML id of that other file. The per-file rule checks that the file exists and checks fragments
 * within a lesson; this one reads the other file's headings, so it runs over the whole course.
 * Files outside the course are not read; a file without a tree answers with its `anchors`.
 */
import { visit } from 'unist-util-visit';
import { linkFragment, linkTarget } from '../../links.js';
import { anchorsOf } from '../anchors.js';
import { describeLink, relativeName } from '../places.js';
import type { CourseRule } from '../rule.js';

export const crossFileLink: CourseRule = {
  id: 'broken-link',
  severity: 'warning',
  run(ctx) {
    for (const file of ctx.files) {
      if (!file.tree) continue;
      visit(file.tree, (node) => {
        if (node.type !== 'link' && node.type !== 'definition') return;
        const fragment = linkFragment(node.url);
        if (fragment === null || fragment === 'top') return;
        const target = linkTarget(file.path, node.url);
        const other = target === null ? undefined : ctx.byPath.get(target);
        const anchors = other?.tree ? anchorsOf(other.tree) : other?.anchors ? new Set(other.anchors) : null;
        if (!other || !anchors || anchors.has(fragment)) return;
        const name = other === file ? 'this file' : relativeName(file.path, other.path);
        ctx.report(file, crossFileLink, `${describeLink(node)} points at "${node.url.trim()}", which matches no heading in ${name}`, node.position?.start ?? { line: 1, column: 1 });
      });
    }
  },
};
