/**
 * Layout choices for the deck's list slides: outlines folded to three visible levels and packed
 * into slides, 2–4 short groups set as cards instead of bullets, and the room a wrapped title takes.
 * Pure estimates in rows of the theme's text (deck-split.ts holds the budgets).
 */
import type { Outline } from '../model/lesson.js';
import type { OutlineView } from './deck-plan.js';
import { inlinePlainText } from '../render/markdown-safe.js';
import { pack, rows, itemRows } from './deck-split.js';

/** Outline levels a slide shows; deeper ones are folded into their parent. */
export const VISIBLE_DEPTH = 3;
const MAX_CARDS = 4;
const CARD_ROWS = 6;

/** Folds an outline for a slide: items below depth 3 are appended to their level-3 parent's text. */
export function foldOutline(item: Outline, depth: number): OutlineView {
  if (depth >= VISIBLE_DEPTH) return { text: flattenText(item), children: [] };
  return { text: item.text, children: item.children.map((child) => foldOutline(child, depth + 1)) };
}

/** An outline item and everything under it as one line: "parent — child; child". */
export function flattenText(item: Outline | OutlineView): string {
  const children = item.children.map(flattenText).filter(Boolean);
  if (children.length === 0) return item.text;
  return item.text ? `${item.text} — ${children.join('; ')}` : children.join('; ');
}

function outlineRows(item: OutlineView, depth = 1): number {
  return itemRows(inlinePlainText(item.text), depth) + item.children.reduce((sum, child) => sum + outlineRows(child, depth + 1), 0);
}

/** Packs an outline into slides: whole top-level items where possible, long ones continued. */
export function packOutline(items: OutlineView[], budget: number, minParts: number): OutlineView[][] {
  const units: OutlineView[] = [];
  for (const item of items) {
    if (outlineRows(item) <= budget || item.children.length <= 1) {
      units.push(item);
      continue;
    }
    // Too long for one slide: continue its children under a repeated parent.
    const groups = pack(item.children, (child) => outlineRows(child, 2), budget - 1);
    for (const group of groups) units.push({ text: item.text, children: group });
  }
  return pack(units, (unit) => outlineRows(unit), budget, minParts);
}

/** Extra rows a slide title takes when it wraps (40 px titles: ~48 characters a line). */
export function titleRows(title: string): number {
  return rows(inlinePlainText(title), 48) > 1 ? 1.3 : 0;
}

export function cardClasses(count: number, columns: number): string[] {
  return ['cards', `cols-${columns}`, ...(count > columns ? ['grid-2x2'] : [])];
}

/** Columns for a card layout (2–4 titled groups of short points), or 0 when bullets suit better. */
export function cardColumns(items: { title: string; points: string[] }[]): number {
  if (items.length < 2 || items.length > MAX_CARDS) return 0;
  if (items.some((item) => item.points.length === 0)) return 0;
  const columns = items.length === 4 ? 2 : items.length;
  const width = columns === 3 ? 24 : 38;
  const fits = items.every(
    (item) => rows(inlinePlainText(item.title), width) + item.points.reduce((sum, point) => sum + rows(inlinePlainText(point), width - 2), 0) <= CARD_ROWS,
  );
  return fits ? columns : 0;
}
