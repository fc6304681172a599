/**
 * What a slide of the editable deck holds, before it is placed: stacked blocks of paragraphs, code,
 * tables, pictures and rows of boxes (cards, case-study columns). Sizes are CSS pixels of the
 * 1280×720 slide, as in the theme, so the PPTX follows deck.pdf's proportions. Also how tall a block
 * will be: text is wrapped with DejaVu's glyph widths, so a slide can be set smaller before its text
 * could overflow (PowerPoint's shrink-on-overflow only acts once the text is edited). Pure.
 */
import { runsText, type Run } from './runs.js';

export interface Para {
  runs: Run[];
  /** Text size in px. */
  size: number;
  /** 0: no bullet; 1…3: bullet nesting level. */
  level: number;
  /** Numbered list item: its number. */
  number?: number;
  /** A custom bullet character (pitfalls' warning sign). */
  bulletChar?: string;
  bulletColor?: string;
  color?: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Space after the paragraph, px. */
  after?: number;
  mono?: boolean;
}

export interface TextBlock {
  kind: 'text';
  paras: Para[];
  fill?: string;
  /** A coloured bar on one side (callouts: left; cards: top). */
  bar?: { side: 'left' | 'top'; color: string; width: number };
  /** Inner padding, px. */
  pad?: number;
  /** Fixed height (column bodies stretch to the tallest). */
  minHeight?: number;
  name?: string;
}

export interface CodeBlock {
  kind: 'code';
  lines: Run[][];
  size: number;
  name?: string;
}

export interface TableBlock {
  kind: 'table';
  header: Run[][];
  rows: Run[][][];
  size: number;
}

export interface ImageBlock {
  kind: 'image';
  /** Path relative to the lesson's output folder. */
  src: string;
  alt: string;
  maxHeight: number;
}

/** Boxes side by side (and wrapped into rows of `columns`), each a stack of blocks. */
export interface RowBlock {
  kind: 'row';
  columns: number;
  gap: number;
  cells: Block[][];
}

export type Block = TextBlock | CodeBlock | TableBlock | ImageBlock | RowBlock;

/** Line height of body text as a share of its size (PowerPoint and LibreOffice with DejaVu Sans). */
export const LINE = 1.2;
export const CODE_LINE = 1.2;
const PAD_DEFAULT = 0;
const BULLET_INDENT = 0.9;
const WIDE_INDENT = 1.4;

/** Advance widths of DejaVu Sans, in em, by character class (the font's own values, rounded up). */
function charWidth(char: string, bold: boolean, mono: boolean): number {
  if (mono) return 0.602;
  let width: number;
  if (char === ' ') width = 0.318;
  else if (/[iljI.,:;'!|]/.test(char)) width = 0.3;
  else if (/[frt()[\]{}"`-]/.test(char)) width = 0.41;
  else if (/[mwMW@%]/.test(char)) width = 0.92;
  else if (/[A-Z]/.test(char)) width = 0.72;
  else if (/[a-z0-9#$&*+<=>?^_~/\\]/.test(char)) width = 0.63;
  else if (char.codePointAt(0)! > 0x2e80) width = 1.0;
  else width = 0.7;
  return bold ? width * 1.1 : width;
}

/** Width of runs in px at `size`. */
export function textWidth(runs: readonly Run[], size: number, mono = false): number {
  let total = 0;
  for (const run of runs) for (const char of run.text) total += charWidth(char, Boolean(run.bold), mono || Boolean(run.code));
  return total * size;
}

/** Lines the runs wrap to in `width` px (word by word; a word wider than the line breaks inside). */
export function wrapLines(runs: readonly Run[], size: number, width: number, mono = false): number {
  if (width <= 0) return 1;
  const words: Run[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split(/(?<= )/);
    parts.forEach((part, index) => {
      if (index > 0) words.push([]);
      words[words.length - 1].push({ ...run, text: part });
    });
  }
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = textWidth(word, size, mono);
    if (used > 0 && used + w > width) {
      lines++;
      used = 0;
    }
    if (w > width) {
      lines += Math.floor(w / width);
      used = w % width;
    } else {
      used += w;
    }
  }
  return lines;
}

/** Left indent of a paragraph, px (bullets hang into it). */
export function indentOf(para: Para): number {
  if (para.level === 0 && para.number === undefined) return 0;
  return indentUnit(para) * Math.max(1, para.level);
}

/** Room for the bullet of one level, px: numbers and warning signs are wider than a dot. */
export function indentUnit(para: Para): number {
  return para.size * (para.number !== undefined || para.bulletChar ? WIDE_INDENT : BULLET_INDENT);
}

/** Height of a paragraph in `width` px at `scale`. */
export function paraHeight(para: Para, width: number, scale: number): number {
  const size = para.size * scale;
  const inner = width - indentOf(para) * scale;
  const lines = para.runs.length === 0 ? 1 : wrapLines(para.runs, size, inner, para.mono);
  return lines * size * LINE + (para.after ?? size * 0.3) * scale;
}

/** Height of a block in `width` px at `scale`. */
export function blockHeight(block: Block, width: number, scale: number): number {
  switch (block.kind) {
    case 'text': {
      const pad = (block.pad ?? PAD_DEFAULT) * scale;
      const bar = block.bar?.side === 'top' ? block.bar.width : 0;
      const inner = width - 2 * pad - (block.bar?.side === 'left' ? block.bar.width : 0);
      const text = block.paras.reduce((sum, para) => sum + paraHeight(para, inner, scale), 0);
      return Math.max(block.minHeight ?? 0, text + 2 * pad + bar);
    }
    case 'code': {
      const size = block.size * scale;
      const inner = width - 40 * scale;
      const lines = block.lines.reduce((sum, line) => sum + (line.length === 0 ? 1 : wrapLines(line, size, inner, true)), 0);
      return lines * size * CODE_LINE + 24 * scale;
    }
    case 'table': {
      const size = block.size * scale;
      const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length), 1);
      const cell = width / columns - 24 * scale;
      const rowHeight = (cells: Run[][]) => Math.max(1, ...cells.map((runs) => wrapLines(runs, size, cell))) * size * LINE + 14 * scale;
      return (block.header.length > 0 ? rowHeight(block.header) : 0) + block.rows.reduce((sum, row) => sum + rowHeight(row), 0);
    }
    case 'image':
      return block.maxHeight * Math.max(scale, 0.7);
    case 'row': {
      const cellWidth = (width - block.gap * (block.columns - 1)) / block.columns;
      let total = 0;
      for (let start = 0; start < block.cells.length; start += block.columns) {
        const heights = block.cells.slice(start, start + block.columns).map((cell) => stackHeight(cell, cellWidth, scale, 0));
        total += Math.max(0, ...heights) + (start > 0 ? block.gap : 0);
      }
      return total;
    }
  }
}

/** Gap between stacked blocks, px. */
export const STACK_GAP = 14;

export function stackHeight(blocks: readonly Block[], width: number, scale: number, gap = STACK_GAP): number {
  return blocks.reduce((sum, block, index) => sum + blockHeight(block, width, scale) + (index > 0 ? gap * scale : 0), 0);
}

/** The largest scale (1, 0.95 … 0.55) at which the blocks fit in `height`. */
export function fitScale(blocks: readonly Block[], width: number, height: number): number {
  for (let scale = 1; scale > 0.56; scale -= 0.05) {
    if (stackHeight(blocks, width, scale) <= height) return Math.round(scale * 100) / 100;
  }
  return 0.55;
}

/** Plain text of a block, for tests and alt text. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'text':
      return block.paras.map((para) => runsText(para.runs)).join('\n');
    case 'code':
      return block.lines.map(runsText).join('\n');
    case 'table':
      return [block.header, ...block.rows].map((row) => row.map(runsText).join(' | ')).join('\n');
    case 'image':
      return block.alt;
    case 'row':
      return block.cells.map((cell) => cell.map(blockText).join('\n')).join('\n');
  }
}
