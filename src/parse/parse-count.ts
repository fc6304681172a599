/**
 * Counts Markdown parses, so a test can prove that a nothing-changed build parses nothing
 * (issue 11) without timing anything. The count stays in memory: parsing touches no file;
 * the CLI's test hook (cli/parse-count-report.ts) writes it out.
 */
let parses = 0;

/** Records one parse of a Markdown text. */
export function countParse(): void {
  parses += 1;
}

/** Parses counted in this process so far. */
export function parseCount(): number {
  return parses;
}
