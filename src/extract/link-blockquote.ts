/**
 * Class notes often open with a blockquote of links to watch or read before the text:
 * `> Video: [Routing in ten minutes](https://…)` / `> Documentation: [Router reference](https://…)`.
 * That is the lesson's resources, not its introduction (issue 19): it leaves the content and fills
 * `resources`, so the handout lists it with the other resources and no slide is a wall of URLs.
 * Only before the first heading, and only when every line is a link with at most a short label; a
 * quotation, a note or a callout stays where it is.
 */
import type { RootContent, PhrasingContent, Blockquote, List } from 'mdast';
import type { Resource } from '../model/lesson.js';
import { lineOf } from './blocks.js';
import { toString } from 'mdast-util-to-string';
import { collapse, plainText } from './markdown.js';

/** What may stand outside the links of a resource line: a label of a few words and a colon, separators. */
const LABEL = /^[\s|·•,;–—-]*(?:[\p{L}][\p{L}\s/&]{0,30}:)?[\s|·•,;.–—-]*$/u;
/** In a list (not a blockquote), a label must say what kind of resource it is. */
const MEDIA_LABEL = /^\s*(?:videos?|watch|documentation|docs?|reading|read|slides|article|tutorial|reference|manual|book|podcast|course)\b[^:]{0,20}:/i;

/** Takes resource blockquotes (and labelled lists of resources) out of the page's opening. */
export function takeLinkBlockquotes(nodes: RootContent[], resources: Resource[]): RootContent[] {
  const firstHeading = nodes.findIndex((node) => node.type === 'heading');
  const end = firstHeading < 0 ? nodes.length : firstHeading;
  const taken = new Set<number>();
  for (let index = 0; index < end; index++) {
    const node = nodes[index]!;
    const found = node.type === 'blockquote' ? blockquoteResources(node) : node.type === 'list' ? listResources(node) : null;
    if (!found) continue;
    resources.push(...found);
    taken.add(index);
  }
  return taken.size === 0 ? nodes : nodes.filter((_, index) => !taken.has(index));
}

function blockquoteResources(quote: Blockquote): Resource[] | null {
  const found: Resource[] = [];
  for (const child of quote.children) {
    if (child.type === 'paragraph') {
      const lines = linesOf(child.children);
      if (!lines.every((line) => isResourceLine(line, LABEL))) return null;
      lines.forEach((line) => found.push(...resourcesOf(line, lineOf(child))));
    } else if (child.type === 'list') {
      const items = listResources(child, LABEL);
      if (!items) return null;
      found.push(...items);
    } else {
      return null;
    }
  }
  return found.length > 0 ? found : null;
}

function listResources(list: List, label = MEDIA_LABEL): Resource[] | null {
  const found: Resource[] = [];
  for (const item of list.children) {
    if (item.children.length !== 1 || item.children[0]!.type !== 'paragraph') return null;
    const paragraph = item.children[0]!;
    if (!isResourceLine(paragraph.children, label)) return null;
    found.push(...resourcesOf(paragraph.children, lineOf(item)));
  }
  return found.length > 0 ? found : null;
}

/** A line with one link or more, and nothing outside them but a label (`Video:`) and separators. */
function isResourceLine(line: PhrasingContent[], label: RegExp): boolean {
  let outside = '';
  let links = 0;
  for (const node of line) {
    if (node.type === 'link') links++;
    else if (node.type === 'text') outside += node.value;
    else if ((node.type === 'strong' || node.type === 'emphasis') && node.children.every((inner) => inner.type === 'text')) outside += toString(node);
    else return false;
  }
  return links > 0 && label.test(outside);
}

/** One resource per link of a line, named by the line's label and the link's words: "Video: Routing in ten minutes". */
function resourcesOf(line: PhrasingContent[], at: number): Resource[] {
  // The words outside the links as written, spaces beside an emphasised word kept ("**Video** recording:").
  const outside = collapse(line.filter((node) => node.type !== 'link').map((node) => toString(node)).join(''));
  const label = /[\p{L}][\p{L}\s/&]*:/u.exec(outside)?.[0] ?? '';
  return line.flatMap((node) => (node.type === 'link' ? [{ text: `${label} ${plainText(node)}`.trim(), url: node.url, line: at }] : []));
}

/** A paragraph's phrasing split into its lines (soft line breaks and hard breaks). */
function linesOf(children: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const node of children) {
    if (node.type === 'break') {
      lines.push([]);
    } else if (node.type === 'text' && node.value.includes('\n')) {
      node.value.split('\n').forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part) lines.at(-1)!.push({ type: 'text', value: part });
      });
    } else {
      lines.at(-1)!.push(node);
    }
  }
  return lines.filter((line) => line.length > 0);
}
