/**
 * Lists to model items: flat text items, outlines, resources, practice items.
 */
import type { List, ListItem, RootContent, Paragraph, Link as MdLink, PhrasingContent } from 'mdast';
import type { Outline, TextItem, Resource, PracticeItem } from '../model/lesson.js';
import { inlineMarkdown, plainText } from './markdown.js';
import { type Block, splitItem, readLabel, lineOf } from './blocks.js';

/** The text of a list item: its lead paragraph, with any nested items appended. */
export function itemText(item: ListItem): string {
  const { lead, rest, nested } = splitItem(item);
  const parts = [inlineMarkdown(lead)];
  for (const node of rest) if (node.type === 'paragraph') parts.push(inlineMarkdown(node.children));
  let text = parts.filter(Boolean).join(' ');
  const children = nested.flatMap((list) => list.children.map(itemText)).filter(Boolean);
  if (children.length > 0) text = text ? `${text} — ${children.join('; ')}` : children.join('; ');
  return text;
}

/** A list as an outline, to any depth. */
export function outlineOf(list: List): Outline[] {
  return list.children.map((item) => {
    const { lead, rest, nested } = splitItem(item);
    const children: Outline[] = [];
    for (const node of rest) {
      if (node.type === 'paragraph') children.push({ text: inlineMarkdown(node.children), children: [] });
    }
    for (const sub of nested) children.push(...outlineOf(sub));
    return { text: inlineMarkdown(lead), children };
  });
}

export interface Collected<T> {
  items: T[];
  /** Nodes that gave no item: they go to `sections`. */
  leftover: RootContent[];
}

/**
 * Text items from every list in a block and its subsections. Where a block has no list,
 * its paragraphs are the items; a subsection without a list becomes one item of its title and text.
 */
export function collectTextItems(block: Block): Collected<TextItem> {
  const items: TextItem[] = [];
  const leftover: RootContent[] = [];
  const hasList = block.content.some((node) => node.type === 'list');
  for (const node of block.content) {
    if (node.type === 'list') {
      for (const item of node.children) {
        const text = itemText(item);
        if (text) items.push({ text, line: lineOf(item) });
      }
    } else if (node.type === 'paragraph' && !hasList && !isLeadIn(node)) {
      items.push({ text: inlineMarkdown(node.children), line: lineOf(node) });
    } else if (node.type !== 'code') {
      leftover.push(node);
    }
  }
  for (const child of block.children) {
    const sub = collectTextItems(child);
    if (sub.items.length > 0) {
      items.push(...sub.items);
      leftover.push(...sub.leftover);
    } else {
      const body = sub.leftover.filter((node) => node.type === 'paragraph') as Paragraph[];
      const text = [child.title, ...body.map((p) => inlineMarkdown(p.children))].filter(Boolean).join(': ');
      items.push({ text, line: child.line });
      leftover.push(...sub.leftover.filter((node) => node.type !== 'paragraph'));
    }
  }
  return { items, leftover };
}

/** "By the end of this lesson you will be able to:" and the like introduce a list; they are no item. */
function isLeadIn(node: Paragraph): boolean {
  return /:\s*$/.test(plainText(node));
}

/** A resource from a list item or paragraph: its text, and the URL of its first link. */
export function resourceOf(children: PhrasingContent[], line: number, extra = ''): Resource {
  const link = findLink(children);
  const meaningful = children.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  let text: string;
  if (link && meaningful.length === 1 && meaningful[0] === link) text = inlineMarkdown(link.children);
  else text = inlineMarkdown(children);
  if (extra) text = text ? `${text} — ${extra}` : extra;
  return { text, url: link ? link.url : null, line };
}

function findLink(children: PhrasingContent[]): MdLink | null {
  for (const node of children) {
    if (node.type === 'link') return node;
    if ('children' in node) {
      const inner = findLink(node.children as PhrasingContent[]);
      if (inner) return inner;
    }
  }
  return null;
}

/** Resources from every list (or, without lists, every paragraph) of a block. */
export function collectResources(block: Block): Collected<Resource> {
  const items: Resource[] = [];
  const leftover: RootContent[] = [];
  const visit = (current: Block) => {
    const hasList = current.content.some((node) => node.type === 'list');
    for (const node of current.content) {
      if (node.type === 'list') {
        for (const item of node.children) {
          const { lead, nested } = splitItem(item);
          const extra = nested.flatMap((list) => list.children.map(itemText)).join('; ');
          items.push(resourceOf(lead, lineOf(item), extra));
        }
      } else if (node.type === 'paragraph' && !hasList && !isLeadIn(node)) {
        items.push(resourceOf(node.children, lineOf(node)));
      } else if (node.type !== 'code') {
        leftover.push(node);
      }
    }
    current.children.forEach(visit);
  };
  visit(block);
  return { items, leftover };
}

/** A best-practice item: `**Title**` with sub-points, or plain text. */
export function practiceItemOf(item: ListItem): PracticeItem {
  const { lead, rest, nested } = splitItem(item);
  const label = readLabel(lead);
  const points: string[] = [];
  let title: string;
  if (label) {
    title = label.label;
    if (label.rest) points.push(label.rest);
  } else {
    title = inlineMarkdown(lead);
  }
  for (const node of rest) if (node.type === 'paragraph') points.push(inlineMarkdown(node.children));
  for (const list of nested) for (const sub of list.children) points.push(itemText(sub));
  return { title, points: points.filter(Boolean) };
}
