// What the detector's one pass reads from a snippet (`analyse`), written out so a test can pin it
// whole: the scores per language, and the structure facts with empty counts and sets left out.
import { analyse } from '../../src/languages/detect.js';

type Plain = Record<string, unknown>;

function nonEmpty(record: object): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(record)) {
    const plain = value instanceof Set ? [...value] : value;
    if (plain === 0 || (Array.isArray(plain) && plain.length === 0)) continue;
    out[key] = typeof plain === 'object' && !Array.isArray(plain) && plain !== null ? nonEmpty(plain) : plain;
    if (typeof out[key] === 'object' && !Array.isArray(out[key]) && Object.keys(out[key] as Plain).length === 0) delete out[key];
  }
  return out;
}

/** The scores and facts of `analyse(code)`, as plain data (the trimmed code itself left out). */
export function read(code: string): { scores: Record<string, number>; facts: Plain } {
  const { scores, facts } = analyse(code);
  const { code: _code, ...rest } = facts;
  return { scores: Object.fromEntries(scores), facts: nonEmpty(rest) };
}

/** Joins lines into a snippet. */
export const lines = (...text: string[]): string => text.join('\n');
