/**
 * What Markdown hosted on GitHub (and kramdown, Pandoc) writes that CommonMark reads as text, read
 * as what the author meant:
 * - alerts, a blockquote opened by `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`,
 *   become a `fencedDiv` of that name (a labelled box, as a Workbench callout is);
 * - heading attributes (`## Install {#install}`, `{.unnumbered}`, `{: #id}`) are dropped from the title;
 * - `<img src="…" alt="…">` tags, alone in a block (also inside `<p>`, `<div>`, `<a>` or `<center>`)
 *   or inline in a paragraph, become Markdown images: their files are then checked, copied and
 *   confined to the course like any other image, and the tag never reaches a page as text.
 * Pure: a tree in, the same tree changed.
 */
import type { Root, RootContent, Parent, Paragraph, Image, Html, Heading, PhrasingContent } from 'mdast';
import type { FencedDiv } from './parse.js';
import { decodeEntities } from '../decode.js';

const ALERT = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;
// Each part is told by its first character (`#`, `.`, a space, `}`), so a match never backtracks:
// a heading of any length is read in linear time.
const HEADING_ATTRIBUTES = /\{:?[ \t]*(?:[#.][\w:-]+[ \t]*)+\}[ \t]*$/;
const IMG = /<img\b[^>]*>/gi;
/** Tags that may wrap images in a block of HTML that shows images and nothing else. */
const WRAPPER = /<\/?(?:p|div|a|center|picture|span|br)\b[^>]*>/gi;

/** Rewrites what `source` may hold of the above in `tree` (each is looked for only if its text is there). */
export function readGithubMarkdown(tree: Root, source: string): void {
  const alerts = source.includes('[!');
  const attributes = source.includes('{#') || source.includes('{.') || source.includes('{:');
  const images = /<img\b/i.test(source);
  if (alerts || attributes || images) walk(tree, { alerts, attributes, images });
}

interface Wanted {
  alerts: boolean;
  attributes: boolean;
  images: boolean;
}

function walk(parent: Parent, wanted: Wanted): void {
  parent.children = parent.children.map((child) => {
    const node = child as RootContent;
    if (wanted.alerts && node.type === 'blockquote') return alert(node) ?? node;
    if (wanted.images && node.type === 'html') return imageBlock(node) ?? node;
    return node;
  }) as Parent['children'];
  for (const child of parent.children) {
    const node = child as RootContent;
    if (node.type === 'heading') {
      if (wanted.attributes) dropAttributes(node);
      if (wanted.images) inlineImages(node);
    } else if (node.type === 'paragraph' || node.type === 'tableCell') {
      if (wanted.images) inlineImages(node);
    } else if ('children' in node) walk(node as Parent, wanted);
  }
}

/** The alert a blockquote opens with, as a div without its `[!TYPE]` line; null when it is none. */
function alert(quote: Extract<RootContent, { type: 'blockquote' }>): FencedDiv | null {
  const first = quote.children[0];
  if (first?.type !== 'paragraph') return null;
  const lead = first.children[0];
  if (lead?.type !== 'text') return null;
  const match = ALERT.exec(lead.value);
  if (!match) return null;
  lead.value = lead.value.slice(match[0].length);
  if (lead.value === '') first.children.shift();
  const children = first.children.length === 0 ? quote.children.slice(1) : quote.children;
  return { type: 'fencedDiv', name: match[1]!.toLowerCase(), children, position: quote.position };
}

function dropAttributes(heading: Heading): void {
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'text') return;
  const match = HEADING_ATTRIBUTES.exec(last.value);
  if (!match || (match.index === 0 && heading.children.length === 1)) return;
  last.value = last.value.slice(0, match.index).trimEnd();
}

/** A block of HTML that shows only images, as a paragraph of them; null for any other HTML. */
function imageBlock(html: Html): Paragraph | null {
  const tags = html.value.match(IMG);
  if (!tags || html.value.replace(IMG, '').replace(WRAPPER, '').trim() !== '') return null;
  const children: PhrasingContent[] = [];
  for (const tag of tags) {
    const image = imageOf(tag, html);
    if (!image) return null;
    if (children.length > 0) children.push({ type: 'text', value: ' ' });
    children.push(image);
  }
  return { type: 'paragraph', children, position: html.position };
}

function inlineImages(parent: Paragraph | Heading | Extract<RootContent, { type: 'tableCell' }>): void {
  if (!parent.children.some((child) => child.type === 'html')) return;
  parent.children = parent.children.map((child) => (child.type === 'html' && /^<img\b[^>]*>$/i.test(child.value.trim()) ? imageOf(child.value.trim(), child) ?? child : child));
}

/** Attributes an image tag may have and still be read as an image (no handler, nothing live). */
const PLAIN_ATTRIBUTES = new Set(['src', 'alt', 'title', 'width', 'height', 'align', 'class', 'id', 'style', 'loading', 'border', 'decoding']);
const ATTRIBUTE_NAME = /\s([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;

/**
 * The image a tag shows, or null: a tag with any other attribute (an `onerror=` handler) or a
 * `javascript:`/`data:` source stays the text it was, shown as text.
 */
function imageOf(tag: string, at: Html): Image | null {
  for (const [, name] of tag.slice(4).replace(/\/?>$/, '').matchAll(ATTRIBUTE_NAME)) {
    if (!PLAIN_ATTRIBUTES.has(name!.toLowerCase())) return null;
  }
  const url = attribute(tag, 'src');
  if (!url || /^\s*(?:javascript|vbscript|data):/i.test(url)) return null;
  return { type: 'image', url, alt: attribute(tag, 'alt') ?? '', title: attribute(tag, 'title'), position: at.position };
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  if (!match) return null;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}
