/**
 * `table-too-wide`: a Markdown table with more columns than a slide or a printed page can show. The
 * handout's HTML keeps every column; a deck, in any form, shows a few column slices of it (see
 * src/plan/deck-wide-table.ts), and a printed page has a fixed width and cuts the rest off, so such
 * a table is reported at its line for each output that cuts it, saying where the whole table is.
 * Pure: the lesson's text in.
 */
import type { VFile } from 'vfile';
import { DECK_MAX_COLUMNS, deckColumns } from '../plan/deck-wide-table.js';

export { DECK_MAX_COLUMNS };
/** Columns a portrait A4 or Letter page shows legibly. */
export const PAGE_MAX_COLUMNS = 12;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A GFM delimiter row: `| --- | :-: |`, `---|---`.
const DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/;

/** The 1-based line and column count of every table in `text`, outside code fences. */
export function tableWidths(text: string): Array<{ line: number; columns: number }> {
  const tables: Array<{ line: number; columns: number }> = [];
  const lines = text.split('\n');
  let fence: string | null = null;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    const opening = FENCE.exec(line)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = null;
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    if (!DELIMITER.test(line)) continue;
    const columns = line.replace(/^[ \t]*\|/, '').replace(/\|[ \t]*$/, '').split('|').length;
    // The header row opens the table, one line up.
    tables.push({ line: index, columns });
  }
  return tables;
}

/** Reports each table too wide for the outputs being made; a handout or lab as Markdown or HTML cuts nothing. */
export function reportWideTables(file: VFile, made: { formats: string[]; to: string[] }): void {
  const deck = made.formats.includes('deck');
  const printed = (made.formats.includes('handout') || made.formats.includes('lab')) && made.to.includes('pdf');
  if (!deck && !printed) return;
  const count = (n: number) => n.toLocaleString('en');
  // Where the reader finds every column: the handout's HTML when this build makes it.
  const whole = made.formats.includes('handout') && made.to.includes('html')
    ? 'handout.html has every column'
    : 'a handout built as HTML (--formats handout --to html) has every column';
  for (const { line, columns } of tableWidths(String(file.value))) {
    const cut: string[] = [];
    if (deck && columns > DECK_MAX_COLUMNS) cut.push(`a slide shows ${DECK_MAX_COLUMNS} (the deck shows columns 1–${count(deckColumns(columns))}, in slices)`);
    if (printed && columns > PAGE_MAX_COLUMNS) cut.push(`a printed page ${PAGE_MAX_COLUMNS} (the PDF cuts or shrinks the rest out of reach)`);
    if (cut.length === 0) continue;
    const message = file.message(
      `Table has ${count(columns)} columns, more than ${cut.join(' and ')}; ${whole}. Split it into narrower tables, or turn it into a list`,
      { place: { line, column: 1 }, ruleId: 'table-too-wide', source: 'lectern' },
    );
    message.fatal = false;
  }
}
