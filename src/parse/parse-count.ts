/**
 * Counts Markdown parses, so a test can prove that a nothing-changed build parses nothing
 * (issue 11) without timing anything. The count stays in memory: parsing touches no file;
 * the CLI's test hook (cli/parse-count-report.ts) writes it out.
 */
let parses = 0;

/** Records one parse of a Markdown text (or `count` of them, made in a worker thread). */
export function countParse(count = 1): void {
  parses += count;
}

/** Parses counted in this process so far. */
export function parseCount(): number {
  return parses;
}
