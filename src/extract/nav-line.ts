/**
 * Navigation lines as real courses write them: one paragraph of links at the top or bottom of a page,
 * `**[↑ Up](README.md)** | **[← Previous](02-setup.md)** | **[Next →](04-database.md)**`. Such a line
 * is navigation, not content: it fills `navigation` and is taken out of the page, so it never reaches a
 * slide, a handout or a lab.
 */
import type { RootContent, Paragraph, PhrasingContent } from 'mdast';
import type { Navigation } from '../model/lesson.js';
import { readNavigation, slotOf } from './navigation.js';
import { plainText } from './markdown.js';

/** How many blocks at each end of a page may be a navigation line. */
const EDGE = 3;
/** What may stand between the links of a navigation line: separators and emphasis only. */
const SEPARATORS = /^[\s|·•/\\,;:–—-]*$/;
/** Link words that only navigation uses, besides what `slotOf` knows (Up, Home). */
const NAV_WORDS = /^\W*(?:up|home|back|top|overview|contents|index)\b/i;

/** The text of a paragraph's phrasing content outside its links. */
function textOutsideLinks(nodes: PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'link') continue;
    if (node.type === 'text') text += node.value;
    else if ('children' in node) text += textOutsideLinks(node.children as PhrasingContent[]);
    else text += 'x'; // inline code, images, breaks outside a link are content
  }
  return text;
}

function linksOf(nodes: PhrasingContent[]): { text: string; href: string }[] {
  const links: { text: string; href: string }[] = [];
  for (const node of nodes) {
    if (node.type === 'link') links.push({ text: plainText(node), href: node.url });
    else if ('children' in node) links.push(...linksOf(node.children as PhrasingContent[]));
  }
  return links;
}

/** True when a block is a navigation line: links and separators only, each link a navigation link. */
export function isNavLine(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false;
  const links = linksOf(node.children);
  if (links.length === 0 || !SEPARATORS.test(textOutsideLinks(node.children))) return false;
  const slotted = links.filter((link) => slotOf(link.text, link.href) !== null || NAV_WORDS.test(link.text));
  // One lone link is navigation only when it says previous or next; a line of several, when all are navigation.
  if (links.length === 1) return slotted.length === 1 && /prev|next|←|→|«|»/i.test(links[0].text);
  return slotted.length === links.length;
}

/** Takes navigation lines (and a `---` that only fences one off) from both ends of a page into `navigation`. */
export function takeNavLines(nodes: RootContent[], navigation: Navigation): RootContent[] {
  const drop = new Set<number>();
  for (let index = 0; index < Math.min(EDGE, nodes.length); index++) {
    if (isNavLine(nodes[index])) drop.add(index);
  }
  for (let index = nodes.length - 1; index >= Math.max(0, nodes.length - EDGE); index--) {
    if (isNavLine(nodes[index])) drop.add(index);
  }
  if (drop.size === 0) return nodes;
  const before = new Set((navigation.others ?? []).map((link) => link.href));
  for (const index of [...drop].sort((a, b) => a - b)) readNavigation([nodes[index]], navigation);
  // The same line at top and bottom names each link twice: the second is not another link.
  const slotted = new Set([navigation.overview, navigation.previous, navigation.next, navigation.details].map((link) => link?.href));
  const seen = new Set<string>();
  navigation.others = (navigation.others ?? []).filter((link) => {
    if (before.has(link.href)) return true;
    if (slotted.has(link.href) || seen.has(link.href)) return false;
    seen.add(link.href);
    return true;
  });
  // A rule beside a navigation line fences it off from the page (`[← Previous](…) | [Next →](…)`, then
  // `---`, then the lesson): it goes with it, or it would stand alone as the page's first section.
  for (const index of [...drop]) {
    for (const near of [index - 1, index + 1]) {
      if (nodes[near]?.type === 'thematicBreak') drop.add(near);
    }
  }
  return nodes.filter((_, index) => !drop.has(index));
}
