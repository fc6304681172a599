/**
 * The heading tree of a lesson: each heading owns the content up to the next heading of its level.
 */
import type { Heading, RootContent, List, ListItem, Paragraph, PhrasingContent, Strong } from 'mdast';
import { inlineMarkdown, plainText } from './markdown.js';

export interface Block {
  heading: Heading;
  depth: number;
  /** Inline Markdown of the heading. */
  title: string;
  line: number;
  content: RootContent[];
  children: Block[];
}

/** Builds the heading tree of a run of sibling nodes. */
export function buildBlocks(nodes: RootContent[]): { intro: RootContent[]; blocks: Block[] } {
  const intro: RootContent[] = [];
  const blocks: Block[] = [];
  const stack: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'heading') {
      const block: Block = {
        heading: node,
        depth: node.depth,
        title: headingText(node),
        line: node.position?.start.line ?? 0,
        content: [],
        children: [],
      };
      while (stack.length > 0 && stack[stack.length - 1].depth >= node.depth) stack.pop();
      if (stack.length > 0) stack[stack.length - 1].children.push(block);
      else blocks.push(block);
      stack.push(block);
    } else if (stack.length > 0) {
      stack[stack.length - 1].content.push(node);
    } else {
      intro.push(node);
    }
  }
  return { intro, blocks };
}

/** The heading's text as inline Markdown, trimmed. */
export function headingText(heading: Heading): string {
  return inlineMarkdown(heading.children);
}

/** A block flattened back to nodes: its content, then each child heading and its nodes. */
export function blockNodes(block: Block, includeHeading = false): RootContent[] {
  const nodes: RootContent[] = includeHeading ? [block.heading] : [];
  nodes.push(...block.content);
  for (const child of block.children) nodes.push(...blockNodes(child, true));
  return nodes;
}

export function lineOf(node: { position?: { start: { line: number } } } | null | undefined): number {
  return node?.position?.start.line ?? 0;
}

/** The first paragraph of a list item, and the rest of its children. */
export function splitItem(item: ListItem): { lead: PhrasingContent[]; rest: RootContent[]; nested: List[] } {
  const [first, ...others] = item.children;
  const lead = first?.type === 'paragraph' ? first.children : [];
  const rest = (first?.type === 'paragraph' ? others : item.children) as RootContent[];
  return { lead, rest: rest.filter((node) => node.type !== 'list'), nested: rest.filter((node): node is List => node.type === 'list') };
}

export interface Labelled {
  /** The bold label without its colon: "Challenge", "Exercise 1: Build it". */
  label: string;
  /** What follows the label on the same paragraph, as inline Markdown. */
  rest: string;
}

/** Reads `**Label**: rest` or `**Label:** rest` at the start of phrasing content. */
export function readLabel(children: PhrasingContent[]): Labelled | null {
  const first = children[0];
  if (!first || first.type !== 'strong') return null;
  // (plainText has trimmed the start.)
  const label = plainText(first as Strong).replace(/[:\s]+$/, '');
  if (!label) return null;
  const tail = children.slice(1);
  if (tail[0]?.type === 'text') tail[0] = { ...tail[0], value: tail[0].value.replace(/^\s*[:\-–—]?\s*/, '') };
  const rest = inlineMarkdown(tail);
  return { label, rest };
}

/** A paragraph's label, if the paragraph starts with one. */
export function paragraphLabel(node: RootContent): Labelled | null {
  return node.type === 'paragraph' ? readLabel((node as Paragraph).children) : null;
}
