// More slide-budget edges, for survivors of the last mutation run of deck-split.ts: where a forced
// split of code moves a cut (two or three lines back to land after a blank line, never onto the start
// of the next part), and that `pack` keeps its balanced cuts when a unit costs nothing. The inputs
// were found by comparing each mutant with the code on every short code of blank, short and wrapped
// lines. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { pack, splitCode } from '../src/plan/deck-split.js';

const id = (n: number) => n;
/** A line of 99 characters: two rows of code. */
const W = 'w'.repeat(99);

describe('splitCode with a forced number of parts, moving a cut', () => {
  it('moves a cut two lines back to land after a blank line', () => {
    expect(splitCode([W, '', 'l2', '', 'l4', 'l5', W, 'l7'].join('\n'), 17, 3)).toEqual([W, 'l2', ['l4', 'l5', W, 'l7'].join('\n')]);
  });

  it('moves a cut three lines back to land after a blank line', () => {
    expect(splitCode(['a0', '', 'b0', 'b1', 'b2', W, W, W, W, W].join('\n'), 17, 3)).toEqual([
      'a0',
      ['b0', 'b1', 'b2', W, W].join('\n'),
      [W, W, W].join('\n'),
    ]);
  });

  it('never moves a cut onto the start of the next part, which would leave a part empty', () => {
    expect(splitCode([W, 'a1', '', W, 'b1'].join('\n'), 17, 3)).toEqual([W, 'a1', [W, 'b1'].join('\n')]);
  });
});

describe('pack', () => {
  it('cuts nearest to equal shares when a unit costs nothing', () => {
    expect(pack([1, 0, 5, 5], id, 5)).toEqual([[1], [0, 5], [5]]);
  });
});

describe('splitCode, survivors of the rerun on the merged code (2026-12-07)', () => {
  const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i}`);

  it('splits code over the budget into the fewest parts, each within it', () => {
    expect(splitCode(lines(12).join('\n'), 5)).toEqual([lines(12).slice(0, 5).join('\n'), lines(12).slice(5, 10).join('\n'), lines(12).slice(10).join('\n')]);
  });

  it('starts a forced split at the first line with something on it, spaces counting as nothing', () => {
    expect(splitCode(['    ', 'const a = 1;', 'const b = 2;', 'const c = 3;', 'const d = 4;'].join('\n'), 2, 2)).toEqual([
      'const a = 1;\nconst b = 2;',
      'const c = 3;\nconst d = 4;',
    ]);
  });

  it('keeps one line of a code block that is all blank lines, however many parts it is asked for', () => {
    expect(splitCode('   \n   \n', 5, 2)).toEqual(['   ']);
  });

  it('makes no part of a line of spaces', () => {
    expect(splitCode('a\n   ', 1, 2)).toEqual(['a']);
  });
});
