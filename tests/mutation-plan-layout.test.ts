// Deck list-slide layout edges that the mutation run (stryker.config.mjs) showed untested: how an
// outline is folded to three levels and packed into slides, when a title wraps, and when short
// groups are set as cards. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import type { Outline } from '../src/model/lesson.js';
import type { OutlineView } from '../src/plan/deck-plan.js';
import { foldOutline, flattenText, packOutline, titleRows, cardClasses, cardColumns } from '../src/plan/deck-layout.js';

const leaf = (text: string): Outline => ({ text, children: [] });
const node = (text: string, ...children: Outline[]): Outline => ({ text, children });
/** The text of each slide's items, their children after a colon: "A: b, c". */
const texts = (slides: OutlineView[][]) =>
  slides.map((slide) => slide.map((item) => (item.children.length ? `${item.text}: ${item.children.map((c) => c.text).join(', ')}` : item.text)));

describe('folding an outline', () => {
  it('shows three levels and folds the fourth into its parent', () => {
    const outline = node('a', node('b', node('c', leaf('d'), leaf('e'))));
    expect(foldOutline(outline, 1)).toEqual({ text: 'a', children: [{ text: 'b', children: [{ text: 'c — d; e', children: [] }] }] });
  });

  it('writes a parent and its children as one line, skipping empty children', () => {
    expect(flattenText(node('a', leaf('b'), leaf(''), leaf('c')))).toBe('a — b; c');
    expect(flattenText(node('', leaf('b'), leaf('c')))).toBe('b; c');
    expect(flattenText(leaf('a'))).toBe('a');
  });
});

describe('packing an outline into slides', () => {
  it('continues a parent too long for one slide on the next, repeating its text', () => {
    // 1 row for "A" and 0.86 for each nested point: 3.58 rows against a budget of 3.
    const slides = packOutline([node('A', leaf('b'), leaf('c'), leaf('d'))], 3, 1);
    expect(texts(slides)).toEqual([['A: b, c'], ['A: d']]);
  });

  it('keeps a single item longer than the budget whole rather than dropping it', () => {
    const long = 'word '.repeat(60).trim(); // 299 characters: 5 rows
    expect(texts(packOutline([leaf(long)], 3, 1))).toEqual([[long]]);
    expect(texts(packOutline([node(long, leaf('only child'))], 3, 1))).toEqual([[`${long}: only child`]]);
  });

  it('counts nested points as 0.86 of a row', () => {
    // Two items of 1 + 3 × 0.86 = 3.58 rows fit a 7.5-row slide together (at full rows they would not).
    const items = [node('A', leaf('a1'), leaf('a2'), leaf('a3')), node('B', leaf('b1'), leaf('b2'), leaf('b3'))];
    expect(packOutline(items, 7.5, 1)).toHaveLength(1);
    expect(packOutline(items, 7, 1)).toHaveLength(2);
  });
});

describe('titles that wrap', () => {
  it('take 1.3 extra rows past 48 characters', () => {
    expect(titleRows('x'.repeat(48))).toBe(0);
    expect(titleRows('x'.repeat(49))).toBe(1.3);
  });
});

describe('cards', () => {
  const group = (title: string, ...points: string[]) => ({ title, points });
  const short = (n: number) => Array.from({ length: n }, (_, i) => group(`Group ${i + 1}`, 'one point'));

  it('are set for two to four groups, four in a 2 × 2 grid', () => {
    expect(short(1).length && cardColumns(short(1))).toBe(0);
    expect(cardColumns(short(2))).toBe(2);
    expect(cardColumns(short(3))).toBe(3);
    expect(cardColumns(short(4))).toBe(2);
    expect(cardColumns(short(5))).toBe(0);
    expect(cardClasses(4, 2)).toEqual(['cards', 'cols-2', 'grid-2x2']);
    expect(cardClasses(3, 3)).toEqual(['cards', 'cols-3']);
  });

  it('are not set when a group has no points', () => {
    expect(cardColumns([group('A', 'one'), group('B')])).toBe(0);
  });

  it('need every group to fit six rows of its column', () => {
    const points = (n: number) => Array.from({ length: n }, () => 'p');
    // Three columns: 22 characters a point row. A title row and five points of one row each fit.
    expect(cardColumns([group('A', ...points(5)), group('B', 'p'), group('C', 'p')])).toBe(3);
    // A 23-character point wraps to two rows: seven rows.
    expect(cardColumns([group('A', ...points(4), 'x'.repeat(23)), group('B', 'p'), group('C', 'p')])).toBe(0);
    // Two columns: 36 characters a point row, so a 30-character point takes one row.
    expect(cardColumns([group('A', ...points(4), 'x'.repeat(30)), group('B', 'p')])).toBe(2);
    expect(cardColumns([group('A', ...points(4), 'x'.repeat(37)), group('B', 'p')])).toBe(0);
  });
});
