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
 * helpers use these functions instead. Pure: no fs, no network.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import type {
  Nodes, Parent, PhrasingContent, RootContent, Root, Paragraph, Text, Link, Image, Code, Definition,
  Blockquote, Strong,
} from 'mdast';
import { parseLesson, type FencedDiv } from '../parse/parse.js';
import { trimEdges } from '../extract/markdown.js';

/** What the sanitiser needs from the build: where images and diagrams ended up. */
export interface AssetResolver {
  /** The output path of a local image as written in the lesson: a string, null (must not be shown), or undefined (unknown). */
  image(url: string): string | null | undefined;
  /** The rendered diagram for a Mermaid code block, matched by its code. */
  diagram(code: string): { title: string; src: string | null; error: string | null } | undefined;
}

/** A resolver that knows no assets: every image becomes a placeholder. */
export const noAssets: AssetResolver = { image: () => undefined, diagram: () => undefined };

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

/** A fence info string: a language name only, never attributes or anything a fence could not hold. */
export function fenceLanguage(language: string | null | undefined): string {
  const token = /^[\w#+.-]+/.exec(String(language ?? '').trim())?.[0] ?? '';
  return token.replace(/`/g, '');
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
  const phrasing = parseInline(markdown);
  if (phrasing.length === 0) return '';
  return serializeInline(sanitizePhrasing(phrasing, assets));
}

/** Lesson inline Markdown → plain text (for notes and alt text). */
export function inlinePlainText(markdown: string): string {
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

interface SanitizeState {
  assets: AssetResolver;
  definitions: Map<string, Definition>;
  hidden: RootContent[];
}

const HIDDEN_DIVS = new Set(['solution', 'instructor', 'spoiler']);
const HTML_COMMENT = /^\s*<!--[\s\S]*?(?:-->\s*|$)$/;

function sanitizeFlow(nodes: RootContent[], state: SanitizeState): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) out.push(...sanitizeBlock(node, state));
  return out;
}

function sanitizeBlock(node: RootContent, state: SanitizeState): RootContent[] {
  switch (node.type) {
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      // A rule would start a new slide; definitions are resolved in place; front matter is not content.
      return [];
    case 'html': {
      if (HTML_COMMENT.test(node.value)) return [];
      const text = collapse(defangHtml(node.value));
      return text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [];
    }
    case 'code':
      return [sanitizeCode(node, state)];
    case 'paragraph': {
      const children = sanitizePhrasing(node.children, state.assets, state.definitions);
      return children.length > 0 ? [{ ...node, children }] : [];
    }
    case 'heading': {
      const children = sanitizePhrasing(node.children, state.assets, state.definitions);
      return children.length > 0 ? [{ ...node, children }] : [];
    }
    case 'fencedDiv': {
      const div = node as unknown as FencedDiv;
      if (HIDDEN_DIVS.has(div.name)) {
        state.hidden.push(...sanitizeFlow(div.children, { ...state, hidden: [] }));
        return [];
      }
      return [calloutOf(div, state)];
    }
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'footnoteDefinition': {
      const parent = node as Parent;
      const children = sanitizeFlow(parent.children as RootContent[], state);
      if (node.type === 'footnoteDefinition') {
        return [{ type: 'paragraph', children: [{ type: 'text', value: `[${node.label ?? node.identifier}] ` }] }, ...children];
      }
      return [{ ...node, children } as RootContent];
    }
    case 'table': {
      const rows = node.children.map((row) => ({
        ...row,
        children: row.children.map((cell) => ({ ...cell, children: sanitizePhrasing(cell.children, state.assets, state.definitions) })),
      }));
      return [{ ...node, children: rows }];
    }
    default: {
      // Phrasing content at block level, or a node type we do not know: keep only its text.
      const text = collapse(toString(node));
      return text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [];
    }
  }
}

function sanitizeCode(node: Code, state: SanitizeState): RootContent {
  const language = fenceLanguage(node.lang).toLowerCase();
  if (language === 'mermaid') {
    const diagram = state.assets.diagram(node.value);
    if (diagram?.src) return diagramParagraph(diagram.title, diagram.src);
    const reason = diagram?.error ? `: ${collapse(diagram.error)}` : '';
    return placeholder(`Diagram could not be rendered${reason}`);
  }
  return { type: 'code', lang: language || null, meta: null, value: node.value.replace(/\r\n?/g, '\n') };
}

/** A paragraph holding one diagram image (Marp sizes it; alt text carries no Marp keywords). */
export function diagramParagraph(title: string, src: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'image', url: src, alt: marpSafeAlt(title) || 'Diagram', title: null }] };
}

function placeholder(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: text }] }] };
}

function calloutOf(div: FencedDiv, state: SanitizeState): Blockquote {
  const children = sanitizeFlow(div.children, state);
  const [first] = children;
  const label = div.name.charAt(0).toUpperCase() + div.name.slice(1);
  let title: PhrasingContent[] = [{ type: 'text', value: label }];
  if (first?.type === 'heading') {
    children.shift();
    title = [{ type: 'text', value: `${label}: ` }, ...first.children];
  }
  const heading: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: title } as Strong] };
  return { type: 'blockquote', children: [heading, ...children] as Blockquote['children'] };
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    if (!into.has(node.identifier)) into.set(node.identifier, node);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child as Nodes, into);
}

// ---------------------------------------------------------------------------------------------
// Phrasing
// ---------------------------------------------------------------------------------------------

/** Inline HTML tags that only style their content: dropped, their content kept. */
const HARMLESS_TAG = /^<\/?(?:kbd|b|i|em|strong|u|s|sub|sup|small|mark|span|code|abbr|cite|q|samp|var)(?:\s[^>]*)?>$/i;
const LINE_BREAK_TAG = /^<br\s*\/?>$/i;
const SAFE_URL = /^(?:https?:|mailto:)/i;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const REMOTE = /^(?:https?:)?\/\//i;
/** Pandoc attributes after an image: `{alt='…' width=50%}`. */
const PANDOC_ATTRIBUTES = /^\{[^{}]*\}/;

function sanitizePhrasing(
  nodes: PhrasingContent[],
  assets: AssetResolver,
  definitions: Map<string, Definition> = new Map(),
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let previous: PhrasingContent | undefined;
  for (const [index, node] of nodes.entries()) {
    const next = nodes[index + 1];
    // Pandoc's `![](fig.svg){alt='…'}` keeps the alt text in attributes after the image.
    if (node.type === 'image' && !node.alt && next?.type === 'text') {
      const alt = /^\{[^{}]*?\balt\s*=\s*(["'])(.*?)\1/.exec(next.value)?.[2];
      if (alt) {
        out.push(...sanitizeInline({ ...node, alt }, assets, definitions, previous));
        previous = node;
        continue;
      }
    }
    const produced = sanitizeInline(node, assets, definitions, previous);
    out.push(...produced);
    previous = node;
  }
  return mergeText(out);
}

function sanitizeInline(
  node: PhrasingContent,
  assets: AssetResolver,
  definitions: Map<string, Definition>,
  previous: PhrasingContent | undefined,
): PhrasingContent[] {
  switch (node.type) {
    case 'text': {
      let value = node.value.replace(/\s*\n\s*/g, ' ');
      if (previous?.type === 'image' || previous?.type === 'imageReference') value = value.replace(PANDOC_ATTRIBUTES, '');
      return value ? [{ type: 'text', value }] : [];
    }
    case 'break':
      return [{ type: 'text', value: ' ' }];
    case 'html': {
      if (HARMLESS_TAG.test(node.value.trim())) return [];
      if (LINE_BREAK_TAG.test(node.value.trim())) return [{ type: 'text', value: ' ' }];
      if (HTML_COMMENT.test(node.value)) return [];
      return [{ type: 'text', value: defangHtml(node.value) }];
    }
    case 'inlineCode':
      return [{ type: 'inlineCode', value: node.value.replace(/\s*\n\s*/g, ' ') }];
    case 'link':
      return linkOf(node.url, sanitizePhrasing(node.children, assets, definitions));
    case 'linkReference': {
      const definition = definitions.get(node.identifier);
      const children = sanitizePhrasing(node.children, assets, definitions);
      return definition ? linkOf(definition.url, children) : children;
    }
    case 'image':
      return imageOf(node.url, node.alt ?? '', assets);
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      return definition ? imageOf(definition.url, node.alt ?? '', assets) : [{ type: 'text', value: node.alt ?? '' }];
    }
    case 'footnoteReference':
      return [{ type: 'text', value: `[${node.label ?? node.identifier}]` }];
    case 'emphasis':
    case 'strong':
    case 'delete': {
      const children = sanitizePhrasing(node.children, assets, definitions);
      return children.length > 0 ? [{ ...node, children } as PhrasingContent] : [];
    }
    default: {
      const text = toString(node);
      return text ? [{ type: 'text', value: text }] : [];
    }
  }
}

function linkOf(url: string, children: PhrasingContent[]): PhrasingContent[] {
  const target = url.trim();
  const allowed = SAFE_URL.test(target) || (!SCHEME.test(target) && !target.startsWith('//'));
  if (!allowed || children.length === 0) return children;
  // Links inside link text are not allowed in Markdown: flatten them.
  return [{ type: 'link', url: target, title: null, children: children.flatMap(unlink) } as Link];
}

function unlink(node: PhrasingContent): PhrasingContent[] {
  return node.type === 'link' ? node.children : [node];
}

function imageOf(url: string, alt: string, assets: AssetResolver): PhrasingContent[] {
  const target = url.trim();
  const description = collapse(alt);
  if (REMOTE.test(target)) {
    // Never fetched: a visible link the reader can follow instead.
    const link: Link = { type: 'link', url: target.startsWith('//') ? `https:${target}` : target, title: null, children: [{ type: 'text', value: `image: ${description || 'remote image'}` }] };
    return [{ type: 'text', value: '[' }, link, { type: 'text', value: ']' }];
  }
  const src = SCHEME.test(target) ? null : assets.image(target);
  if (!src) {
    const shown = description.length > 60 ? `${description.slice(0, 57).replace(/\s+\S*$/, '')} …` : description;
    return [{ type: 'emphasis', children: [{ type: 'text', value: `[image unavailable: ${shown || target}]` }] }];
  }
  const image: Image = { type: 'image', url: src, alt: marpSafeAlt(description) || 'Image', title: null };
  return [image];
}

/**
 * Raw HTML is shown as text, never as markup; it is also shown without its event handlers and script
 * URLs, so that not even the visible text carries `onerror=alert(…)` or `href="javascript:…"`.
 */
export function defangHtml(html: string): string {
  return html
    .replace(/\s+on[a-z]+\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*)/gi, '')
    .replace(/\s+[\w:-]+\s*=\s*(?:"\s*(?:javascript|vbscript|data):[^"]*"?|'\s*(?:javascript|vbscript|data):[^']*'?|(?:javascript|vbscript|data):[^\s>]*)/gi, '');
}

/** Marp reads sizing, filter and background keywords from image alt text: drop words that look like them. */
export function marpSafeAlt(text: string): string {
  const keyword = /^(?:bg|contain|cover|fit|auto|left|right|vertical|horizontal|(?:\d*\.)?\d+%|(?:w|h|width|height|blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia|left|right)(?::.*)?)$/i;
  return collapse(text)
    .split(' ')
    .filter((word) => word && !keyword.test(word))
    .join(' ')
    .replace(/[[\]]/g, '');
}

function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') (last as Text).value += node.value;
    else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out;
}


/** Collapses whitespace runs (and hard breaks) to single spaces and trims. */
export function collapse(text: string): string {
  return String(text ?? '').replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
}
