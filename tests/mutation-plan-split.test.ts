// Slide-budget edges that the mutation run (stryker.config.mjs) showed untested: how many rows a line
// takes, how `pack` divides units into balanced parts (and reaches a wanted part count), and where
// `splitCode` cuts code (structural boundaries, blank lines, forced part counts). Pure and fast:
// Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { CODE_BUDGET, itemRows, pack, rows, splitCode } from '../src/plan/deck-split.js';

const id = (n: number) => n;
/** Lines `p0`, `p1` … */
const lines = (n: number, p = 'l') => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('rows', () => {
  it('wraps at 72 characters by default, and counts at least one row', () => {
    expect(rows('x'.repeat(72))).toBe(1);
    expect(rows('x'.repeat(73))).toBe(2);
    expect(rows('x'.repeat(145))).toBe(3);
    expect(rows('')).toBe(1);
    expect(rows('x'.repeat(21), 10)).toBe(3);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(rows('😀'.repeat(72))).toBe(1);
    expect(rows('😀'.repeat(73))).toBe(2);
  });

  it('counts a top-level item at 72 characters a row and a nested one at 80, 0.86 of a row high', () => {
    expect(itemRows('x'.repeat(73))).toBe(2);
    expect(itemRows('x'.repeat(73), 1)).toBe(2);
    expect(itemRows('x'.repeat(73), 0)).toBe(2);
    expect(itemRows('x'.repeat(80), 2)).toBeCloseTo(0.86);
    expect(itemRows('x'.repeat(81), 2)).toBeCloseTo(1.72);
    expect(itemRows('x'.repeat(81), 3)).toBeCloseTo(1.72);
  });
});

describe('pack', () => {
  it('gives nothing for no units, and a copy of the units when they fit', () => {
    expect(pack([], id, 10)).toEqual([]);
    const units = [3, 3, 4];
    const [part, ...rest] = pack(units, id, 10);
    expect(part).toEqual([3, 3, 4]);
    expect(part).not.toBe(units);
    expect(rest).toEqual([]);
  });

  it('counts a negative cost as nothing', () => {
    // 10 + 0 + 10 needs two parts; read as -10 the three would fit one.
    expect(pack([10, -10, 10], id, 10)).toEqual([[10], [-10, 10]]);
  });

  it('fills parts exactly to the budget', () => {
    expect(pack([5, 5, 5, 5], id, 10)).toEqual([[5, 5], [5, 5]]);
    expect(pack([0.1, 0.2, 0.3, 0.4], (n) => n * 10, 10)).toEqual([[0.1, 0.2, 0.3, 0.4]]);
  });

  it('balances parts rather than filling the first', () => {
    expect(pack([3, 3, 3, 3, 3, 3, 3], id, 10)).toEqual([[3, 3], [3, 3, 3], [3, 3]]);
    expect(pack([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], id, 10)).toEqual([[2, 2, 2, 2], [2, 2, 2], [2, 2, 2, 2]]);
    expect(pack([4, 4, 4, 1, 1, 1], id, 10)).toEqual([[4, 4], [4, 1, 1, 1]]);
  });

  it('gives a unit larger than the budget a part of its own', () => {
    expect(pack([12, 1], id, 10)).toEqual([[12], [1]]);
    expect(pack([1, 12, 1], id, 10)).toEqual([[1], [12], [1]]);
  });

  it('halves the largest part that can still be divided until it has the wanted part count', () => {
    // Even a part per largest unit gives fewer parts than wanted: the rest are cut in halves by cost.
    expect(pack([10, 1, 1], id, 20, 3)).toEqual([[10], [1], [1]]);
    expect(pack([1, 1, 10], id, 20, 3)).toEqual([[1], [1], [10]]);
    expect(pack([6, 1, 2, 3], id, 20, 3)).toEqual([[6], [1, 2], [3]]);
    expect(pack([4, 4, 1, 1, 1, 1], id, 20, 5)).toEqual([[4], [4], [1], [1], [1, 1]]);
    expect(pack([2, 2, 9, 1, 3], id, 20, 4)).toEqual([[2], [2], [9], [1, 3]]);
    expect(pack([1, 3], id, 20, 2)).toEqual([[1], [3]]);
    expect(pack([1, 1, 2], id, 20, 2)).toEqual([[1, 1], [2]]);
    // The cut comes before the last unit even when that unit holds most of the cost.
    expect(pack([20, 1, 10], id, 40, 3)).toEqual([[20], [1], [10]]);
    // Found by comparing the mutants with the code on random input.
    expect(pack([7, 0, 0, 9, 4], id, 10)).toEqual([[7], [0, 0, 9], [4]]);
    expect(pack([9, 8, 1, 1], id, 7)).toEqual([[9], [8], [1, 1]]);
    expect(pack([8, 0, 0.5, 8, 9, 2.5], id, 15, 4)).toEqual([[8], [0, 0.5, 8], [9], [2.5]]);
    expect(pack([2, 2, 1, 4, 1, 8, 0, 4], id, 7, 4)).toEqual([[2, 2, 1], [4, 1], [8], [0, 4]]);
    expect(pack([3, 8, 2, 6], id, 8, 3)).toEqual([[3], [8], [2, 6]]);
    expect(pack([8, 4.5, 4, 8, 3.5, 6, 2, 8], id, 7, 4)).toEqual([[8], [4.5], [4], [8], [3.5], [6, 2], [8]]);
    expect(pack([11, 0, 0, 3, 4, 8, 10, 5], id, 15, 4)).toEqual([[11, 0, 0, 3], [4, 8], [10], [5]]);
    expect(pack([1, 8, 10, 5.5, 2, 8, 7], id, 15, 3)).toEqual([[1, 8], [10], [5.5, 2], [8, 7]]);
    expect(pack([6, 8, 6, 4, 10, 1, 8], id, 13, 4)).toEqual([[6], [8], [6, 4], [10], [1, 8]]);
    expect(pack([11, 1], id, 12)).toEqual([[11, 1]]);
    // However cheap the part: one row or less is still divided.
    expect(pack([10, 0.5, 0.5], id, 20, 3)).toEqual([[10], [0.5], [0.5]]);
    expect(pack([10, 0, 0], id, 20, 3)).toEqual([[10], [0], [0]]);
  });

  it('reaches the wanted part count, but never more parts than units', () => {
    expect(pack([1, 1, 1, 1], id, 10, 2)).toEqual([[1, 1], [1, 1]]);
    expect(pack([1, 1, 1, 1, 1, 1, 1, 1], id, 10, 4)).toEqual([[1, 1], [1, 1], [1, 1], [1, 1]]);
    expect(pack([1, 1, 1], id, 10, 5)).toEqual([[1], [1], [1]]);
    expect(pack([3, 3, 3], id, 10, 2)).toEqual([[3], [3, 3]]);
    expect(pack([5, 1, 1, 1, 1, 1], id, 10, 2)).toEqual([[5], [1, 1, 1, 1, 1]]);
    expect(pack([1, 1, 1, 1, 5], id, 10, 2)).toEqual([[1, 1, 1, 1], [5]]);
  });
});

describe('splitCode', () => {
  it('keeps code of up to 17 rows whole, and fills the first slide before the next', () => {
    expect(splitCode(lines(17).join('\n'))).toEqual([lines(17).join('\n')]);
    expect(splitCode(lines(20).join('\n'))).toEqual([lines(17).join('\n'), lines(20).slice(17).join('\n')]);
  });

  it('gives code that fits back as it is, a leading blank line included', () => {
    expect(splitCode('\nx\ny')).toEqual(['\nx\ny']);
    expect(splitCode(['', ...lines(16)].join('\n'))).toEqual([['', ...lines(16)].join('\n')]);
  });

  it('reads CR and CRLF line ends and drops trailing blank lines', () => {
    expect(splitCode('a\r\nb\rc\n\n\n')).toEqual(['a\nb\nc']);
  });

  it('counts a long line as the rows it wraps to (98 characters a row)', () => {
    const code = ['x'.repeat(300), ...lines(15)].join('\n'); // 4 + 15 rows
    expect(splitCode(code)).toEqual([['x'.repeat(300), ...lines(13)].join('\n'), 'l13\nl14']);
  });

  /** 20 lines indented by four spaces, with some lines replaced. */
  const code = (at: Record<number, string>, base = '    x') => Array.from({ length: 20 }, (_, i) => at[i] ?? `${base}${i}`);
  /** The line each part starts with. */
  const starts = (parts: string[]) => parts.map((part) => part.split('\n')[0]);

  it('cuts at a document separator (trailing spaces allowed) rather than at a top-level line', () => {
    expect(starts(splitCode(code({ 13: '---  ', 15: 'top:' }).join('\n')))).toEqual(['    x0', '---  ']);
    // Only a line that is `---` alone is a separator.
    expect(starts(splitCode(code({ 13: '---', 16: 'a: ---' }).join('\n')))).toEqual(['    x0', '---']);
    expect(starts(splitCode(code({ 13: '---', 16: '----' }).join('\n')))).toEqual(['    x0', '---']);
  });

  it('cuts after a blank line (spaces only) rather than at a later top-level line', () => {
    expect(starts(splitCode(code({ 13: '   ', 16: 'top' }).join('\n')))).toEqual(['    x0', '    x14']);
  });

  it('counts a tab as four spaces of indentation', () => {
    // Tab-indented lines cost 6 + 4; the top-level `y` (4) beats them and the one-space ` z` (7).
    expect(starts(splitCode(code({ 13: 'y', 16: ' z' }, '\tx').join('\n')))).toEqual(['\tx0', 'y']);
  });

  it('does not start a part with a closing bracket, indented or not', () => {
    expect(starts(splitCode(code({ 13: 'top', 16: '}' }).join('\n')))).toEqual(['    x0', 'top']);
    // `  }` would cost 8 as an indented line, less than the 10 of the lines around it.
    expect(starts(splitCode(code({ 16: '  }' }).join('\n')))).toEqual(['    x0', '    x17']);
  });

  it('gives a line longer than a slide a part of its own', () => {
    const huge = 'x'.repeat(98 * 18); // 18 rows
    expect(splitCode(['a', huge, 'b'].join('\n'))).toEqual(['a', huge, 'b']);
  });

  it('drops all the blank lines at a cut', () => {
    expect(splitCode([...lines(13, 'a'), '', '', ...lines(6, 'b')].join('\n'))).toEqual([lines(13, 'a').join('\n'), lines(6, 'b').join('\n')]);
    // The cut after the first of three blank lines (17 rows) leaves two at the start of the next part.
    expect(splitCode([...lines(16, '    x'), '', '', '', ...lines(3, '    y')].join('\n'))).toEqual([lines(16, '    x').join('\n'), lines(3, '    y').join('\n')]);
  });

  it('weighs fill, cut penalties and indentation as before (small cases found by random search)', () => {
    // A slide that is not the last should be at least 70 % full: 7 of 10 rows is enough.
    expect(splitCode('}\n  }\n  }\n    y3\n\ntop5\n\n---\n\tz8\n\n}', 10)).toEqual(['}\n  }\n  }\n    y3\n\ntop5', '---\n\tz8\n\n}']);
    expect(splitCode('  }\nw1\n\n\nw4\nw5\nw6\n    y7', 7)).toEqual(['  }\nw1\n\n\nw4\nw5', 'w6\n    y7']);
    expect(splitCode('  }\n\n  x2\n  }', 3)).toEqual(['  }\n\n  x2', '  }']);
    // A top-level line costs 4, two less than a line indented by none but counted as such (6).
    const x = 'x'.repeat(100); // two rows
    const mixed = ['  ', 'top1', 'v2', '  x3', '  ', 'v5', '    y6', 'v7', '  x8', '---', '\tz10', '  x11', '  x12', '  x13', '  }', `${x}15`, 'top16', '  }', '', '    y19', 'top20', 'w21', '  x22'];
    expect(splitCode(mixed.join('\n'), 8)).toEqual([
      mixed.slice(0, 7).join('\n'), mixed.slice(7, 15).join('\n'), mixed.slice(15, 21).join('\n'), mixed.slice(21).join('\n'),
    ]);

    expect(splitCode('  }\n  }\nw2\ntop3\n  \nv5\n  \n  \n  x8\n  x9\n\n  }\n---\n  \n}\n}\nv16', 8)).toEqual([
      '  }\n  }\nw2\ntop3\n  \nv5\n  \n  ', '  x8\n  x9\n\n  }\n---\n  ', '}\n}\nv16',
    ]);
  });

  it('cuts at a YAML document separator', () => {
    const code = [...lines(10, 'a: '), '---', ...lines(10, 'b: ')].join('\n');
    expect(splitCode(code)).toEqual([
      [...lines(10, 'a: '), '---', ...lines(6, 'b: ')].join('\n'),
      lines(10, 'b: ').slice(6).join('\n'),
    ]);
  });

  it('cuts before a top-level line rather than inside a block', () => {
    const code = ['def f():', ...lines(12, '    x'), 'def g():', ...lines(8, '    y')].join('\n');
    expect(splitCode(code)).toEqual([['def f():', ...lines(12, '    x')].join('\n'), ['def g():', ...lines(8, '    y')].join('\n')]);
  });

  it('never starts a part with a closing bracket', () => {
    const code = ['{', ...lines(12, '  x'), '}', '{', ...lines(8, '  y'), '}'].join('\n');
    expect(splitCode(code)).toEqual([['{', ...lines(12, '  x'), '}'].join('\n'), ['{', ...lines(8, '  y'), '}'].join('\n')]);
  });

  it('divides code into a forced number of parts, moving a cut to a blank line', () => {
    expect(splitCode('one line', CODE_BUDGET, 2)).toEqual(['one line']);
    expect(splitCode(lines(10).join('\n'), CODE_BUDGET, 2)).toEqual(['l0\nl1\nl2\nl3\nl4', 'l5\nl6\nl7\nl8\nl9']);
    expect(splitCode(lines(9).join('\n'), CODE_BUDGET, 3)).toEqual(['l0\nl1\nl2', 'l3\nl4\nl5', 'l6\nl7\nl8']);
    expect(splitCode([...lines(6, 'a'), '', ...lines(6, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([lines(6, 'a').join('\n'), lines(6, 'b').join('\n')]);
    // Balanced cut before b1; one line earlier it lands after the blank line.
    expect(splitCode([...lines(4, 'a'), '', ...lines(7, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([lines(4, 'a').join('\n'), lines(7, 'b').join('\n')]);
    // A blank line just before the cut wins over one just after it.
    expect(splitCode([...lines(4, 'a'), '', 'mid', '', ...lines(5, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([
      lines(4, 'a').join('\n'),
      ['mid', '', ...lines(5, 'b')].join('\n'),
    ]);
    // Each cut of three parts moves, within its neighbours.
    expect(splitCode([...lines(4, 'a'), '', ...lines(5, 'b'), '', ...lines(7, 'c')].join('\n'), CODE_BUDGET, 3)).toEqual([
      lines(4, 'a').join('\n'), lines(5, 'b').join('\n'), lines(7, 'c').join('\n'),
    ]);
    // A line of spaces is blank too.
    expect(splitCode([...lines(4, 'a'), '   ', ...lines(7, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([[...lines(4, 'a'), '   '].join('\n'), lines(7, 'b').join('\n')]);
    // Two lines later, the first part would be 8 lines against at most 7: the balanced cut stays.
    expect(splitCode([...lines(7, 'a'), '', ...lines(4, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([lines(6, 'a').join('\n'), ['a6', '', ...lines(4, 'b')].join('\n')]);
    // With parts of 6 and 7, it may be 8 (one more than the longest part).
    expect(splitCode([...lines(7, 'a'), '', ...lines(5, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([lines(7, 'a').join('\n'), lines(5, 'b').join('\n')]);
    // All the blank lines at a cut are dropped, from both parts.
    expect(splitCode([...lines(4, 'a'), '', '', '', '', ...lines(4, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([lines(4, 'a').join('\n'), lines(4, 'b').join('\n')]);
    // Small cases (found by comparing the mutants with the code on random input).
    expect(splitCode('top0\ntop1\n  \ntop3', 7, 3)).toEqual(['top0', 'top1\n  ', 'top3']);
    expect(splitCode('w0\n}', 6, 2)).toEqual(['w0', '}']);
    // Parts of 6 and 7 lines: a moved cut may make a part one line longer than the longest (8).
    expect(splitCode([...lines(4, 'a'), '', ...lines(8, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([lines(4, 'a').join('\n'), lines(8, 'b').join('\n')]);
    // Two lines earlier, the second part would be 8 lines against 6: the balanced cut stays.
    expect(splitCode([...lines(3, 'a'), '', ...lines(8, 'b')].join('\n'), CODE_BUDGET, 2)).toEqual([
      ['a0', 'a1', 'a2', '', 'b0', 'b1'].join('\n'),
      lines(8, 'b').slice(2).join('\n'),
    ]);
  });
});

describe('splitCode with a forced number of parts', () => {
  it('never gives an empty part, whatever blank lines the code starts with or holds', () => {
    // A code slide with nothing on it: found by the mutation run (the first part was '').
    expect(splitCode('\nw1\n---', 15, 2)).toEqual(['w1', '---']);
    for (const code of ['\n\n  \nalpha\nbeta\ngamma', 'alpha\n\n\n\n\n\nbeta', 'a\n\n\n\n\n\n\n\nb\n\n\n\nc']) {
      for (const minParts of [2, 3, 4]) {
        const parts = splitCode(code, 15, minParts);
        for (const part of parts) expect(part.trim(), `${JSON.stringify(code)} in ${minParts}`).not.toBe('');
        // Nothing of the code is lost.
        expect(parts.join('\n').replace(/\s+/g, ''), JSON.stringify(code)).toBe(code.replace(/\s+/g, ''));
      }
    }
  });
});
