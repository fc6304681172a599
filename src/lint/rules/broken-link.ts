/**
 * `broken-link`: relative links and images must point at files that exist, and `#fragment` links
 * within the lesson at one of its headings (GitHub's slugs, as every Markdown viewer of the course
 * shows them). Links with a scheme (`https:`, `mailto:`, `data:` …), protocol-relative `//host`
 * links and site-root `/paths` are not checked: their target is not on this disk. Fragments into
 * other files are not checked either. Without `ctx.fileExists` only same-file fragments are checked.
 */
import { dirname, resolve } from 'node:path';
import type { Definition, Image, Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { LintContext, Rule } from '../rule.js';
import { report } from '../rule.js';
import { decodeComponent } from '../../decode.js';

/** Every anchor a `#fragment` may name in this file: heading slugs plus explicit HTML ids/names. */
function anchorsOf(ctx: LintContext): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(ctx.tree, (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
    if (node.type === 'html') {
      for (const match of node.value.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/g)) {
        anchors.add((match[1] as string).toLowerCase());
      }
    }
  });
  return anchors;
}

function decode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

function describe(node: Link | Image | Definition): string {
  if (node.type === 'image') return `Image "${node.alt ?? node.url}"`;
  if (node.type === 'definition') return `Link definition [${node.label ?? node.identifier}]`;
  return `Link "${toString(node)}"`;
}

export const brokenLink: Rule = {
  id: 'broken-link',
  severity: 'warning',
  run(ctx) {
    let anchors: Set<string> | undefined;
    visit(ctx.tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const url = node.url.trim();
      if (url === '') {
        report(ctx, brokenLink, `${describe(node)} has an empty target`, node);
        return;
      }
      if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('/')) return;
      if (url.startsWith('#')) {
        const fragment = decodeComponent(url.slice(1)).toLowerCase();
        if (fragment === '' || fragment === 'top') return;
        anchors ??= anchorsOf(ctx);
        if (!anchors.has(fragment)) {
          report(ctx, brokenLink, `${describe(node)} points at "${url}", which matches no heading in this lesson`, node);
        }
        return;
      }
      if (!ctx.fileExists || !ctx.file.path) return;
      const target = decode(url.replace(/[?#].*$/s, ''));
      if (target === '') return;
      const absolute = resolve(ctx.file.cwd, dirname(ctx.file.path), target);
      if (!ctx.fileExists(absolute)) {
        report(ctx, brokenLink, `${describe(node)} points at "${target}", which does not exist`, node);
      }
    });
  },
};
