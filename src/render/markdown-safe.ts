/**
 * Markdown-aware escaping for documents that are themselves Markdown (the Marp deck).
 *
 * Lesson text is inline or block Markdown written by someone else. Before it is spliced into a
 * deck it is parsed (remark), sanitised as a tree, and serialised again, so that it can never:
 * - become live HTML (raw HTML turns into visible text; `<kbd>`-style wrappers are dropped),
 * - become a Marp directive or presenter note (HTML comments are dropped, `<` is always escaped),
 * - start a new slide (thematic breaks are removed),
 * - close a code fence (fences are always longer than any backtick run inside),
 * - fetch anything remote (remote images become visible links), or link to `javascript:`.
 *
 * Handlebars' HTML escaping is wrong for Markdown (entities show literally inside code), so the deck
 * helpers use these functions instead. The tree sanitising itself is in markdown-sanitize.ts. Pure: no
 * fs, no network.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, PhrasingContent, RootContent, Root, Paragraph, Definition } from 'mdast';
import { parseLesson } from '../parse/parse.js';
import { trimEdges } from '../extract/markdown.js';
import {
  type AssetResolver, noAssets, collapse, fenceLanguage, sanitizeFlow, sanitizePhrasing, collectDefinitions,
} from './markdown-sanitize.js';

const inlineProcessor = unified().use(remarkParse).use(remarkGfm).freeze();

const serializeOptions: ToMarkdownOptions = {
  extensions: [gfmToMarkdown()],
  bullet: '-',
  // Marp shows `*` bullets and `1)` lists one item at a time (fragments): never produce them.
  bulletOther: '+',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  resourceLink: true,
  // marp-core renders `$…$` as math and every `<` could start HTML or a comment: escape both always.
  unsafe: [
    { character: '$', inConstruct: 'phrasing' },
    { character: '<', inConstruct: 'phrasing' },
    { character: '<', atBreak: true },
  ],
};

// ---------------------------------------------------------------------------------------------
// Plain strings
// ---------------------------------------------------------------------------------------------

/** Escapes plain text (not Markdown) so it shows literally as one line of Markdown. */
export function escapeText(text: string): string {
  const value = collapse(String(text ?? ''));
  if (value === '') return '';
  if (isPlain(value)) return value;
  return serializeInline([{ type: 'text', value }]);
}

/** A YAML single-quoted scalar, one line. */
export function yamlString(text: string): string {
  const value = String(text ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return `'${value.replace(/'/g, "''")}'`;
}

/** Makes text safe inside an HTML comment (presenter notes): nothing can end or nest the comment. */
export function commentText(text: string): string {
  return String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/--+!?>/g, '→')
    .replace(/<!-*/g, '‹!')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}


/** An inline code span of plain text: the backtick fence is longer than any run inside. */
export function codeSpan(text: string): string {
  const value = collapse(text);
  if (!value) return '';
  let longest = 0;
  for (const run of value.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || (value.startsWith(' ') && value.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A fenced code block that no content can close early: the fence is longer than any backtick run inside. */
export function codeFence(code: string, language?: string | null): string {
  const body = String(code ?? '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${fenceLanguage(language)}\n${body}\n${fence}`;
}

// ---------------------------------------------------------------------------------------------
// Inline Markdown
// ---------------------------------------------------------------------------------------------

/** Lesson inline Markdown → safe inline Markdown on one line (emphasis, code and safe links kept). */
export function inlineMarkdown(markdown: string, assets: AssetResolver = noAssets): string {
  const text = collapse(String(markdown ?? ''));
  if (isPlain(text)) return text;
  return inlineMarkdownFull(text, assets);
}

/** {@link inlineMarkdown} without the plain-text shortcut: always parsed and serialised (exported for tests). */
export function inlineMarkdownFull(markdown: string, assets: AssetResolver = noAssets): string {
  const phrasing = parseInline(markdown);
  if (phrasing.length === 0) return '';
  return serializeInline(sanitizePhrasing(phrasing, assets));
}

/**
 * Collapsed text that is its own safe inline Markdown: it starts with a letter and holds only
 * letters, digits, spaces and punctuation that starts no Markdown construct and needs no escape
 * where it stands: a `.` not after a `w`, so no `www.`; a `:` not before a `/`, so no `http://`. Most bullets of a deck are such text; parsing and serialising one
 * costs about a millisecond each and would give it back unchanged (tests/markdown-plain.test.ts
 * checks that on every line of the test corpora and on random text near the constructs).
 */
const PLAIN = /^\p{L}(?:[\p{L}\p{M}\p{N} ,;'"?%/()+=>\u2013\u2014-]|(?<![Ww])\.|:(?!\/))*$/u;

export function isPlain(text: string): boolean {
  return PLAIN.test(text);
}

/** Lesson inline Markdown → plain text (for notes and alt text). */
export function inlinePlainText(markdown: string): string {
  const text = collapse(String(markdown ?? ''));
  if (isPlain(text)) return text;
  const phrasing = sanitizePhrasing(parseInline(markdown), noAssets);
  return collapse(phrasing.map((node) => toString(node, { includeImageAlt: true })).join(''));
}

/**
 * Parses one line of inline Markdown. A leading word keeps block syntax (`# `, `- `, `<script>` HTML
 * blocks, `---`) from applying: the text is always read as the inside of a paragraph.
 */
function parseInline(markdown: string): PhrasingContent[] {
  const text = collapse(String(markdown ?? ''));
  if (text === '') return [];
  // The same short strings are parsed many times per deck (plan, notes, templates); parsing is the cost.
  const cached = inlineCache.get(text);
  if (cached) return cached;
  if (inlineCache.size >= INLINE_CACHE_SIZE) inlineCache.clear();
  const parsed = parseInlineUncached(text);
  inlineCache.set(text, parsed);
  return parsed;
}

/** Parsed inline Markdown by text. Callers never mutate the nodes (sanitising builds new ones). */
const inlineCache = new Map<string, PhrasingContent[]>();
const INLINE_CACHE_SIZE = 4000;

function parseInlineUncached(text: string): PhrasingContent[] {
  const tree = inlineProcessor.parse(`${INLINE_GUARD}${text}`) as Root;
  const [first] = tree.children;
  if (tree.children.length !== 1 || first.type !== 'paragraph') return [{ type: 'text', value: text }];
  const children = [...first.children];
  const head = children[0];
  if (head?.type !== 'text' || !head.value.startsWith(INLINE_GUARD)) return [{ type: 'text', value: text }];
  const rest = head.value.slice(INLINE_GUARD.length);
  if (rest) children[0] = { ...head, value: rest };
  else children.shift();
  return children;
}

const INLINE_GUARD = 'x ';

/** Serialises already sanitised phrasing content (from {@link parseBlocks}) to one line of inline Markdown. */
export function phrasingMarkdown(children: PhrasingContent[]): string {
  return serializeInline(children);
}

function serializeInline(children: PhrasingContent[]): string {
  const trimmed = trimEdges(children);
  if (trimmed.length === 0) return '';
  const paragraph: Paragraph = { type: 'paragraph', children: trimmed };
  let out = collapse(toMarkdown(paragraph, serializeOptions));
  // A trailing ` #` would be read as the closing sequence of an ATX heading.
  out = out.replace(/(\s)(#+)$/, (_m, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Block Markdown
// ---------------------------------------------------------------------------------------------

/**
 * Lesson block Markdown → sanitised mdast nodes, ready to be split into slides and serialised with
 * {@link blocksToMarkdown}. Fenced divs (`::: callout`) become blockquotes with a bold title;
 * `solution` and `instructor` divs are returned separately (they belong in the notes, not on screen).
 */
export function parseBlocks(markdown: string, assets: AssetResolver = noAssets): { nodes: RootContent[]; hidden: RootContent[] } {
  const tree = parseLesson(new VFile({ value: String(markdown ?? '') }));
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const hidden: RootContent[] = [];
  const nodes = sanitizeFlow(tree.children, { assets, definitions, hidden });
  return { nodes, hidden };
}

/** Serialises sanitised nodes (from {@link parseBlocks}) to Markdown. */
export function blocksToMarkdown(nodes: RootContent[]): string {
  if (nodes.length === 0) return '';
  return toMarkdown({ type: 'root', children: nodes }, serializeOptions).trim();
}

/** Plain text of nodes, whitespace collapsed. */
export function nodesPlainText(nodes: Nodes | Nodes[]): string {
  const list = Array.isArray(nodes) ? nodes : [nodes];
  return collapse(list.map((node) => toString(node, { includeImageAlt: false })).join(' '));
}
