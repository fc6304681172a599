/**
 * `table-too-wide`: a Markdown table with more columns than a slide or a printed page can show. The
 * HTML keeps every column, but a PDF (or a PPTX slide) has a fixed width and cuts the rest off, so
 * such a table is reported at its line for each output that would cut it. Pure: the lesson's text in.
 */
import type { VFile } from 'vfile';

/** Columns a 16:9 slide shows legibly, from the back of a room. */
export const DECK_MAX_COLUMNS = 8;
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

/** Reports each table too wide for the outputs being made; a Markdown or HTML output cuts nothing. */
export function reportWideTables(file: VFile, made: { formats: string[]; to: string[] }): void {
  const fixedWidth = made.to.includes('pdf') || made.to.includes('pptx');
  if (!fixedWidth) return;
  for (const { line, columns } of tableWidths(String(file.value))) {
    const cut: string[] = [];
    if (made.formats.includes('deck') && columns > DECK_MAX_COLUMNS) cut.push(`a slide shows ${DECK_MAX_COLUMNS}`);
    if ((made.formats.includes('handout') || made.formats.includes('lab')) && columns > PAGE_MAX_COLUMNS && made.to.includes('pdf')) {
      cut.push(`a printed page ${PAGE_MAX_COLUMNS}`);
    }
    if (cut.length === 0) continue;
    const message = file.message(
      `Table has ${columns.toLocaleString('en')} columns, more than ${cut.join(' and ')}: the PDF cuts or shrinks the rest out of reach. Split it into narrower tables, or turn it into a list`,
      { place: { line, column: 1 }, ruleId: 'table-too-wide', source: 'lectern' },
    );
    message.fatal = false;
  }
}
