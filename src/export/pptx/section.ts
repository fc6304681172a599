/**
 * A section slide's body (Markdown the deck's sanitiser already produced) as blocks: paragraphs,
 * nested lists, code, callouts, tables and pictures, in order. Pure.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, List, PhrasingContent, Image } from 'mdast';
import { phrasingRuns, tidy, type Run } from './runs.js';
import { codeLines } from './code.js';
import type { Block, Para } from './blocks.js';
import type { PptxTheme } from './theme.js';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Sizes of section content at the theme's 25 px section text. */
export interface SectionSizes {
  text: number;
  code: number;
}

/** Blocks of sanitised section Markdown. */
export function sectionBlocks(markdown: string, theme: PptxTheme, sizes: SectionSizes): Block[] {
  const tree = parser.parse(markdown) as Root;
  const blocks: Block[] = [];
  let text: Para[] = [];
  const flush = () => {
    if (text.length > 0) blocks.push({ kind: 'text', paras: text });
    text = [];
  };
  for (const node of tree.children) {
    const image = soleImage(node);
    if (image) {
      flush();
      blocks.push({ kind: 'image', src: image.url, alt: image.alt || 'Image', maxHeight: 360 });
      continue;
    }
    switch (node.type) {
      case 'code':
        flush();
        blocks.push({ kind: 'code', lines: codeLines(node.value, node.lang, theme), size: sizes.code });
        break;
      case 'table':
        flush();
        blocks.push({
          kind: 'table',
          header: node.children[0]?.children.map((cell) => tidy(phrasingRuns(cell.children))) ?? [],
          rows: node.children.slice(1).map((row) => row.children.map((cell) => tidy(phrasingRuns(cell.children)))),
          size: sizes.text * 0.8,
        });
        break;
      case 'blockquote': {
        flush();
        const paras = flowParas(node.children as RootContent[], theme, sizes.text * 0.9, 0);
        // The callout's bold title, as the theme colours it.
        const first = paras[0];
        if (first && first.runs.length > 0 && first.runs[0].bold) first.runs[0] = { ...first.runs[0], color: '8A4B0F' };
        blocks.push({ kind: 'text', paras, fill: theme.accentSoft, bar: { side: 'left', color: theme.accent, width: 6 }, pad: 14, name: 'Callout' });
        break;
      }
      default:
        text.push(...flowParas([node], theme, sizes.text, 0));
    }
  }
  flush();
  return blocks;
}

/** Paragraphs of flow content; lists nest up to three levels; code inside lists becomes monospace lines. */
function flowParas(nodes: RootContent[], theme: PptxTheme, size: number, depth: number): Para[] {
  const paras: Para[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        paras.push({ runs: tidy(phrasingRuns(node.children)), size, level: depth });
        break;
      case 'heading':
        paras.push({ runs: tidy(phrasingRuns(node.children)), size: size * 1.05, level: 0, bold: true, color: theme.primary });
        break;
      case 'list':
        paras.push(...listParas(node, theme, size, depth + 1));
        break;
      case 'code':
        for (const line of codeLines(node.value, node.lang, theme)) {
          paras.push({ runs: line.length > 0 ? line : [{ text: ' ' }], size: size * 0.72, level: 0, mono: true, after: 0 });
        }
        break;
      case 'blockquote':
        paras.push(...flowParas(node.children as RootContent[], theme, size * 0.9, depth));
        break;
      case 'table':
        for (const row of node.children) paras.push({ runs: tidy(row.children.flatMap((cell, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...phrasingRuns(cell.children)])), size: size * 0.8, level: depth });
        break;
      default: {
        const runs = 'children' in node ? tidy(phrasingRuns(node.children as PhrasingContent[])) : 'value' in node ? [{ text: String(node.value) }] : [];
        if (runs.length > 0) paras.push({ runs, size, level: depth });
      }
    }
  }
  return paras;
}

function listParas(list: List, theme: PptxTheme, size: number, level: number): Para[] {
  const paras: Para[] = [];
  const shown = Math.min(level, 3);
  const itemSize = level > 1 ? size * 0.9 : size;
  list.children.forEach((item, index) => {
    const [head, ...rest] = item.children;
    const number = list.ordered ? (list.start ?? 1) + index : undefined;
    const checkbox: Run[] = item.checked === true ? [{ text: '☑ ' }] : item.checked === false ? [{ text: '☐ ' }] : [];
    if (head?.type === 'paragraph') {
      paras.push({ runs: tidy([...checkbox, ...phrasingRuns(head.children)]), size: itemSize, level: shown, number, bulletColor: theme.accent, after: itemSize * 0.15 });
    } else if (head) {
      paras.push({ runs: checkbox.length > 0 ? checkbox : [{ text: ' ' }], size: itemSize, level: shown, number, bulletColor: theme.accent });
      rest.unshift(head);
    }
    for (const child of rest) {
      if (child.type === 'list') paras.push(...listParas(child, theme, itemSize, level + 1));
      else paras.push(...flowParas([child as RootContent], theme, itemSize, 0));
    }
  });
  return paras;
}

function soleImage(node: RootContent): Image | null {
  if (node.type !== 'paragraph') return null;
  const children = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return children.length === 1 && children[0].type === 'image' ? children[0] : null;
}
