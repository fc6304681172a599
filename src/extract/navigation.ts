/**
 * Navigation links: overview, previous, next, detailed notes, and the rest.
 */
import type { RootContent, Link as MdLink, PhrasingContent } from 'mdast';
import type { Navigation, Link } from '../model/lesson.js';
import { inlineMarkdown, plainText } from './markdown.js';

type Slot = 'overview' | 'previous' | 'next' | 'details';

export function slotOf(text: string, href: string): Slot | null {
  const name = text.toLowerCase();
  if (/detailed content|lecture notes|full notes|detailed notes|read more|full lecture|in[- ]depth/.test(name)) return 'details';
  if (/next module/.test(name)) return null;
  if (/previous|prev\b|←\s*$|^\s*«/.test(name) && !/back to/.test(name)) return 'previous';
  if (/next|→\s*$|»\s*$/.test(name)) return 'next';
  if (/overview|back to|module home|index|contents|lesson plan/.test(name) || /(?:^|\/)readme\.md$/i.test(href)) return 'overview';
  return null;
}

function linksIn(nodes: RootContent[] | PhrasingContent[]): MdLink[] {
  const links: MdLink[] = [];
  for (const node of nodes) {
    if (node.type === 'link') links.push(node);
    else if ('children' in node) links.push(...linksIn(node.children as RootContent[]));
  }
  return links;
}

/** Reads the links of a Navigation section; what fits no slot goes to `others`. */
export function readNavigation(nodes: RootContent[], navigation: Navigation): RootContent[] {
  const leftover: RootContent[] = [];
  const others = navigation.others ?? [];
  for (const node of nodes) {
    const links = linksIn([node]);
    if (links.length === 0) {
      leftover.push(node);
      continue;
    }
    for (const link of links) {
      const entry: Link = { text: inlineMarkdown(link.children) || plainText(link), href: link.url };
      const slot = slotOf(entry.text, entry.href);
      if (slot && navigation[slot] === null) navigation[slot] = entry;
      else others.push(entry);
    }
  }
  navigation.others = others;
  return leftover;
}
