// Section-slide edges that the last mutation run of deck-sections.ts left alive: what a callout
// costs and when it is divided (a heading inside it, its bold title kept with what follows, a callout
// of exactly a slide), the "… like this:" glue, a long paragraph's pieces (their cost, a sentence that
// goes on after a link, no trailing space), the note under a wide table, a heading that says
// "(continued)", and code of blank lines in the notes. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson, type Lesson } from '../src/model/lesson.js';
import type { RenderContext } from '../src/render/context.js';
import { assetResolver } from '../src/plan/deck-plan.js';
import { planSections } from '../src/plan/deck-sections.js';

const lessonOf = (fill: Partial<Lesson>): Lesson => ({ ...createLesson('lessons/m/1.1-x.md', '1.1-x'), title: 'Containers', ...fill });
function contextOf(lesson: Lesson): RenderContext {
  return {
    lesson, courseTitle: 'Course', moduleTitle: 'Module', diagrams: [], images: {}, notes: null, notesDiagrams: [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' }, paper: 'a4', theme: 'lectern', version: '0.0.0-test',
  };
}
/** The slides of one section holding `markdown`. */
const slidesOf = (markdown: string, fill: Partial<Lesson> = {}) => {
  const lesson = lessonOf({ sections: [{ title: 'S', markdown, line: 5 }], ...fill });
  return planSections(lesson, assetResolver(contextOf(lesson)), () => 1).slides;
};
const bodies = (markdown: string) => slidesOf(markdown).map((slide) => slide.data.body as string);

/** `n` words: 5 characters each with its space, so 180 of them take 11 rows of 84. */
const words = (n: number) => 'word '.repeat(n).trim();
/** A paragraph of exactly `n` rows (84 characters a row). */
const para = (n: number) => 'p'.repeat(84 * n - 2);
const sentences = (n: number) => 'This is a sentence of some length. '.repeat(n).trim();
const code = (n: number, prefix = 'e') => `\`\`\`sh\n${Array.from({ length: n }, (_, i) => `${prefix}${i}`).join('\n')}\n\`\`\``;

describe('a callout across slides', () => {
  it('counts a heading inside it, so that a callout with one is divided', () => {
    // Heading 1.5 + 11.4 + 0.8 is over a slide: the heading and the text are units of their own.
    expect(bodies(`> ## Heading\n>\n> ${words(180)}\n\nAfter.`)).toEqual(['> ## Heading', `> ${words(180)}\n\nAfter.`]);
  });

  it('keeps only a bold title with what follows, not a plain first paragraph or a bold line further down', () => {
    expect(bodies(`> Short first paragraph.\n>\n> ${words(180)}\n>\n> Last.`)).toEqual([
      `> Short first paragraph.\n>\n> ${words(180)}`,
      '> Last.',
    ]);
    expect(bodies(`> **Tip**\n>\n> ${words(90)}\n>\n> **Note**\n>\n> ${words(140)}`)).toEqual([
      `> **Tip**\n>\n> ${words(90)}\n>\n> **Note**`,
      `> **Tip (cont.)**\n>\n> ${words(140)}`,
    ]);
    const filler = 'Filler sentence here. '.repeat(12).trim();
    const tip = 'A long tip sentence. '.repeat(20).trim();
    const other = 'Another long one. '.repeat(20).trim();
    expect(bodies(`${filler}\n\n> **Tip**\n>\n> ${tip}\n>\n> ${other}`)).toEqual([
      `${filler}\n\n> **Tip**\n>\n> ${tip}`,
      `> **Tip (cont.)**\n>\n> ${other}`,
    ]);
  });

  it('takes as its title only a paragraph of bold text alone', () => {
    // A heading of bold text is no title: it is not repeated on the next slide.
    expect(bodies(`> ## **Tip**\n>\n> ${words(180)}\n>\n> ${words(100)}`)).toEqual([`> ## **Tip**\n>\n> ${words(180)}`, `> ${words(100)}`]);
    // Nor is bold text with more after it.
    const tip = 'A long tip sentence. '.repeat(30).trim();
    const other = 'Another long one. '.repeat(30).trim();
    expect(bodies(`> **Tip** and more\n>\n> ${tip}\n>\n> ${other}`)).toEqual([`> **Tip** and more\n>\n> ${tip}`, `> ${other}`]);
  });

  it('moves whole when it fits a slide, up to exactly a slide', () => {
    expect(bodies(`${para(3)}\n\n> ${para(5)}\n>\n> ${para(5)}`)).toEqual([para(3), `> ${para(5)}\n>\n> ${para(5)}`]);
    // 1.4 + 1.4 + 9.4 and 0.8 for the callout: 13 rows.
    expect(bodies(`Before.\n\n> **Tip**\n>\n> Tip text.\n>\n> ${para(9)}`)).toEqual(['Before.', `> **Tip**\n>\n> Tip text.\n>\n> ${para(9)}`]);
  });
});

describe('text that introduces code', () => {
  it('stays with the code when together they fill exactly a slide', () => {
    // Two rows and a bit (2.4), then 14 lines of code (9.8 + 0.8): 13.
    const intro = `${'q'.repeat(165)} :`;
    expect(bodies(`Before.\n\n${intro}\n\n${code(14)}`)).toEqual(['Before.', `${intro}\n\n${code(14)}`]);
  });

  it('is text that ends on a colon, not text with a colon inside', () => {
    const filler = 'Filler sentence here. '.repeat(20).trim();
    const lines = code(10, 'x');
    expect(bodies(`${filler}\n\nThe docs are at https://example.com/docs\n\n${lines}`)).toEqual([
      `${filler}\n\nThe docs are at [https://example.com/docs](https://example.com/docs)`,
      lines,
    ]);
  });
});

describe('a long paragraph across slides', () => {
  it('costs its rows and a bit a piece, so that a short last piece still takes a slide of its own', () => {
    // 29 sentences, 13 rows: pieces of 27 sentences (12 rows) and 2.
    expect(bodies(sentences(29))).toEqual([sentences(27), sentences(2)]);
  });

  it("counts a link's text in a piece's length", () => {
    const link = '[a link with quite some text in it here](https://x.y)';
    const parts = bodies(`${sentences(20)} ${link} ${'More text in a sentence. '.repeat(20).trim()}`);
    // 700 characters, the link's 39, then sentences of 25 until the piece is over 924: 8 of them.
    expect(parts.map((part) => [part.split('length.').length - 1, part.includes(link), part.split('a sentence.').length - 1])).toEqual([
      [20, true, 8],
      [0, false, 12],
    ]);
  });

  it('goes on after a link until the next sentence end, and never ends a piece on a space', () => {
    expect(bodies(`${sentences(27)}[a link](https://x.y) and more text. ${sentences(3)}`)).toEqual([
      `${sentences(27)}[a link](https://x.y) and more text.`,
      sentences(3),
    ]);
  });
});

describe('a table wider than a slide', () => {
  it('counts the note on the columns left out as a line of text', () => {
    const row = (cell: (i: number) => string) => `| ${Array.from({ length: 26 }, (_, i) => cell(i)).join(' | ')} |`;
    const table = [row((i) => `c${i}`), row(() => '-'), row((i) => `v${i}`)].join('\n');
    // Three slices of two rows (2.9 each), the note (1.4) and two paragraphs of a row: 12.9, one slide.
    const slides = bodies(`${para(1)}\n\n${table}\n\n${para(1)}`);
    expect(slides).toHaveLength(1);
    expect(slides[0]).toContain('*Columns 25–26 of 26 are not on the slides: the handout has the whole table.*');
  });
});

describe('a heading continued after `---`', () => {
  it('says "(continued)" once, even when the heading holds those words', () => {
    const slides = slidesOf('## Setup (continued) notes\n\nText.\n\n---\n\nMore.');
    expect(slides.map((slide) => slide.title)).toEqual(['Setup (continued) notes', 'Setup (continued) notes (continued)']);
  });
});

describe('the notes of a section slide', () => {
  it('ask for no live-coding of a code block of blank lines', () => {
    expect(slidesOf('```sh\n\n\n```')[0].say).toEqual(['Talk through this slide in your own words.']);
  });
});
