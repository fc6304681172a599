/**
 * Test hook: counts Markdown parses so tests can prove a nothing-changed build parses nothing
 * (issue 11) without timing anything. With LECTERN_TEST_COUNT_PARSES=<file>, each process (and
 * worker thread) appends its count to that file as it exits; the test sums the lines.
 */
import { appendFileSync } from 'node:fs';

let parses = 0;
let hooked = false;

/** Records one parse of a Markdown text. */
export function countParse(): void {
  parses += 1;
  const file = process.env.LECTERN_TEST_COUNT_PARSES;
  if (!file || hooked) return;
  hooked = true;
  process.on('exit', () => {
    try {
      appendFileSync(file, `${parses}\n`);
    } catch {
      // A test hook that cannot write only loses its count.
    }
  });
}

/** Parses counted in this process so far. */
export function parseCount(): number {
  return parses;
}
