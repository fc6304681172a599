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

/** Serialises phrasing content to one line of inline Markdown. */
export function inlineMarkdown(nodes: PhrasingContent[]): string {
  const children = trimEdges(nodes);
  if (children.length === 0) return '';
  const paragraph: Paragraph = { type: 'paragraph', children };
  return collapse(toMarkdown(paragraph, options))
    // Escapes that only matter at the start of a block ("2\. Diagrams", "\- item") are noise inline.
    .replace(/^(\d+)\\([.)])/, '$1$2')
    .replace(/^\\([-+#>*])/, '$1');
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
