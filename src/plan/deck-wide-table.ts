/**
 * A table wider than a slide, on the deck: its columns in slices a slide can show, a few slices at
 * most, and a line saying which columns the slides leave out. A 10,000-column table laid out whole
 * made Chromium spend most of a minute on one slide (and the PPTX export time out) to show 20
 * columns nobody could read; the handout's HTML keeps every column. Pure.
 */
import type { Paragraph, RootContent, Table } from 'mdast';

/** Columns a 16:9 slide shows legibly, from the back of a room. */
export const DECK_MAX_COLUMNS = 8;
/** Column slices of one table shown on the deck; the rest is named, not shown. */
export const DECK_TABLE_SLICES = 3;

/** The columns of a table that the deck shows: at most this many. */
export function deckColumns(columns: number): number {
  return Math.min(columns, DECK_MAX_COLUMNS * DECK_TABLE_SLICES);
}

/** The widest row's cell count (GFM takes the header's, but a row may carry more cells). */
export function tableColumns(table: Table): number {
  return table.children.reduce((widest, row) => Math.max(widest, row.children.length), 0);
}

/**
 * A table of at most {@link DECK_MAX_COLUMNS} columns as is; a wider one as slices of that many
 * columns (at most {@link DECK_TABLE_SLICES}), then a paragraph naming the columns left out.
 */
export function sliceWideTable(table: Table): RootContent[] {
  const columns = tableColumns(table);
  if (columns <= DECK_MAX_COLUMNS) return [table];
  const shown = deckColumns(columns);
  const slices: RootContent[] = [];
  for (let from = 0; from < shown; from += DECK_MAX_COLUMNS) {
    const to = Math.min(from + DECK_MAX_COLUMNS, shown);
    slices.push({
      ...table,
      align: table.align?.slice(from, to),
      // A short row gets empty cells, so that every slice stays a table of its width.
      children: table.children.map((row) => ({
        ...row,
        children: Array.from({ length: to - from }, (_, i) => row.children[from + i] ?? { type: 'tableCell' as const, children: [] }),
      })),
    });
  }
  if (shown < columns) {
    const count = (n: number) => n.toLocaleString('en');
    const note: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'emphasis', children: [{ type: 'text', value: `Columns ${count(shown + 1)}–${count(columns)} of ${count(columns)} are not on the slides: the handout has the whole table.` }] }],
    };
    slices.push(note);
  }
  return slices;
}
