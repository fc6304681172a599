/**
 * Turning mdast back into text: inline Markdown for list items, block Markdown for sections.
 */
import { toMarkdown, type Options as ToMarkdownOptions, type Handle } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, PhrasingContent, RootContent, Paragraph } from 'mdast';
import type { FencedDiv } from '../parse/parse.js';

const fencedDiv: Handle = (node, _parent, state, info) => {
  const div = node as FencedDiv;
  const exit = state.enter('blockquote' as never);
  const body = state.containerFlow(div, info);
  exit();
  return `::: ${div.name}\n${body}\n:::`;
};

const options: ToMarkdownOptions = {
  extensions: [gfmToMarkdown()],
  handlers: { fencedDiv } as ToMarkdownOptions['handlers'],
  bullet: '-',
  emphasis: '*',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
};

/** Serialises block content to Markdown (no trailing newline). */
export function blockMarkdown(nodes: RootContent[]): string {
  if (nodes.length === 0) return '';
  return toMarkdown({ type: 'root', children: nodes }, options).trim();
}

/**
 * Text that serialises to itself: none of the characters Markdown (with GFM) would escape inside a
 * line, and none of the pairs that look like the start of a bare link ("www.x", "https:/", "a@b").
 * Most list items are such text, and skipping the serialiser for them halves the cost of extraction.
 */
const escapes = /[\\`*_[\]<>&|~@=\r\n]|[Ww]\.[-.\w]|[ps]:\//;

/** Serialises phrasing content to one line of inline Markdown. */
export function inlineMarkdown(nodes: PhrasingContent[]): string {
  const children = trimEdges(nodes);
  if (children.length === 0) return '';
  if (children.every((child) => child.type === 'text')) {
    const text = children.map((child) => (child as { value: string }).value).join('');
    // It must also start with a letter or digit (a line's first character has rules of its own) and
    // end with no space (written as a character reference).
    if (!escapes.test(text) && /^[\p{L}\p{N}]/u.test(text) && /\S$/.test(text)) return collapse(text);
  }
  return serialiseInline(children);
}

/** `inlineMarkdown` through the Markdown serialiser, for any phrasing content (exported for tests). */
export function serialiseInline(children: PhrasingContent[]): string {
  const paragraph: Paragraph = { type: 'paragraph', children };
  // Escapes that only matter at the start of a line ("2\. Diagrams", "\- item") are noise once the
  // lines are joined into one: at the start of every line, not only the first (an item wrapped
  // before "2. …" read "… 2\. …").
  const markdown = toMarkdown(paragraph, options)
    .replace(/^(\d+)\\([.)])/gm, '$1$2')
    .replace(/^\\([-+#>*])/gm, '$1');
  return collapse(markdown);
}

/** Drops leading/trailing whitespace so it is not escaped as `&#x20;`. */
export function trimEdges(nodes: PhrasingContent[]): PhrasingContent[] {
  const children = [...nodes];
  const first = children[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '');
    if (value) children[0] = { ...first, value };
    else children.shift();
  }
  const last = children[children.length - 1];
  if (last?.type === 'text') {
    const value = last.value.replace(/\s+$/, '');
    if (value) children[children.length - 1] = { ...last, value };
    else children.pop();
  }
  return children;
}

/** Plain text of a node, whitespace collapsed. */
export function plainText(node: Nodes | Nodes[]): string {
  const nodes = Array.isArray(node) ? node : [node];
  return collapse(nodes.map((n) => toString(n, { includeImageAlt: true })).join(' '));
}

/** Collapses runs of whitespace (including hard breaks) to single spaces and trims. */
export function collapse(text: string): string {
  return text.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Already-serialised Markdown carried through a tree unchanged (an `html` node is printed verbatim). */
export function rawMarkdown(markdown: string): RootContent {
  return { type: 'html', value: markdown };
}
