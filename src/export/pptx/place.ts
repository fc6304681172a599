/**
 * Where each block of a slide goes: blocks stacked top-down in the body area, rows of boxes side by
 * side (columns of a row as tall as the tallest), pictures scaled to fit. Everything scaled together
 * when the content would not fit, so no box runs off the slide or over another. Pure.
 */
import { blockHeight, fitScale, STACK_GAP, type Block } from './blocks.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Placed {
  block: Block;
  box: Box;
  scale: number;
}

/** Natural picture sizes, by source path, for aspect ratios. */
export type Sizes = (src: string) => { width: number; height: number; type?: string } | undefined;

/** Places blocks in `area`, scaled down when needed. */
export function placeBlocks(blocks: readonly Block[], area: Box, sizes: Sizes): Placed[] {
  const prepared = blocks.map((block) => fitImage(block, area.w, sizes));
  const scale = fitScale(prepared, area.w, area.h);
  const placed: Placed[] = [];
  let y = area.y;
  for (const block of prepared) {
    const height = Math.min(blockHeight(block, area.w, scale), area.y + area.h - y);
    place(block, { x: area.x, y, w: area.w, h: height }, scale, sizes, placed);
    y += height + STACK_GAP * scale;
  }
  return placed;
}

function place(block: Block, box: Box, scale: number, sizes: Sizes, into: Placed[]): void {
  if (block.kind === 'image') {
    const size = sizes(block.src);
    let { w, h } = box;
    if (size && size.width > 0 && size.height > 0) {
      if (size.type && size.type !== 'svg') w = Math.min(w, size.width);
      const ratio = size.width / size.height;
      if (w / h > ratio) w = h * ratio;
      else h = w / ratio;
    }
    into.push({ block, box: { x: box.x + (box.w - w) / 2, y: box.y, w, h }, scale });
    return;
  }
  if (block.kind !== 'row') {
    into.push({ block, box, scale });
    return;
  }
  const width = (box.w - block.gap * (block.columns - 1)) / block.columns;
  let y = box.y;
  for (let start = 0; start < block.cells.length; start += block.columns) {
    const row = block.cells.slice(start, start + block.columns);
    const heights = row.map((cell) => cell.map((child) => blockHeight(child, width, scale)));
    const tallest = Math.max(0, ...heights.map((list) => list.reduce((a, b) => a + b, 0)));
    row.forEach((cell, column) => {
      let cy = y;
      const x = box.x + column * (width + block.gap);
      cell.forEach((child, index) => {
        // The last block of a column stretches to the row's height, as the theme's grid does.
        const last = index === cell.length - 1;
        const h = last ? y + tallest - cy : heights[column][index];
        place(child, { x, y: cy, w: width, h }, scale, sizes, into);
        cy += h;
      });
    });
    y += tallest + block.gap;
  }
}

/** A picture no taller than its width allows (wide diagrams would otherwise reserve empty space). */
function fitImage(block: Block, width: number, sizes: Sizes): Block {
  if (block.kind !== 'image') return block;
  const size = sizes(block.src);
  if (!size || size.width <= 0) return block;
  // A photo or screenshot is shown at most at its own size, as in the PDF; drawings scale up.
  const natural = size.type && size.type !== 'svg' ? size.height : Infinity;
  return { ...block, maxHeight: Math.min(block.maxHeight, natural, (width * size.height) / size.width) };
}
