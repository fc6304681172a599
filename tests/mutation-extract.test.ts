// Extraction (src/extract/**): the cases the mutation run (stryker.config.mjs, README ›
// Development › Mutation testing) showed untested. Each builds its lesson inside the test (Stryker
// activates a mutant only once the file is collected) and asserts the model fields an author sees.
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import type { Lesson } from '../src/model/lesson.js';
import { readNavigation, slotOf } from '../src/extract/navigation.js';
import { isNavLine, takeNavLines } from '../src/extract/nav-line.js';
import { parseLesson } from '../src/parse/parse.js';
import { durationFromLine, metaOf, minutes } from '../src/extract/front-matter.js';
import { classifyHeading, normalizeHeading } from '../src/extract/headings.js';
import { frontMatterTitled, lessonLayout } from '../src/extract/front-matter-title.js';
import { buildBlocks, lineOf, readLabel, splitItem } from '../src/extract/blocks.js';
import { liftListDivs, pullAnswers } from '../src/extract/answers.js';
import { caseStudyTitle, hasCaseStudyParts, readCaseStudy } from '../src/extract/case-study.js';
import type { RootContent } from 'mdast';

/** The top-level nodes of a parsed Markdown string. */
function nodesOf(value: string) {
  return parseLesson(new VFile({ path: 'x.md', value })).children;
}

const noNavigation = () => ({ overview: null, previous: null, next: null, details: null });

/** The lesson model of a Markdown string, without the lint rules. */
function extract(value: string, path = 'lessons/module-1/1.1-sample.md'): Lesson {
  return analyzeLesson(new VFile({ path, value }), { lint: false }).lesson;
}

describe('navigation: slotOf', () => {
  it('puts each link text in its slot', () => {
    const cases: Array<[string, string, string | null]> = [
      ['Detailed content', 'x.md', 'details'],
      ['Lecture notes', 'x.md', 'details'],
      ['Full notes', 'x.md', 'details'],
      ['Detailed notes', 'x.md', 'details'],
      ['Read more', 'x.md', 'details'],
      ['Full lecture', 'x.md', 'details'],
      ['In-depth', 'x.md', 'details'],
      ['In depth', 'x.md', 'details'],
      ['Next module', 'x.md', null],
      ['Previous', 'x.md', 'previous'],
      ['PREVIOUS', 'x.md', 'previous'],
      ['Prev', 'x.md', 'previous'],
      ['Prev lesson', 'x.md', 'previous'],
      ['Prevent', 'x.md', null],
      ['Lesson 1 ←', 'x.md', 'previous'],
      ['Lesson 1 ←  ', 'x.md', 'previous'],
      ['Go ← here', 'x.md', null],
      ['« Lesson 1', 'x.md', 'previous'],
      ['  « Lesson 1', 'x.md', 'previous'],
      ['Lesson « 1', 'x.md', null],
      ['Back to previous', 'x.md', 'overview'],
      ['Next', 'x.md', 'next'],
      ['NEXT', 'x.md', 'next'],
      ['Lesson 3 →', 'x.md', 'next'],
      ['Lesson 3 →  ', 'x.md', 'next'],
      ['Go → here', 'x.md', null],
      ['Lesson 3 »', 'x.md', 'next'],
      ['Lesson 3 »  ', 'x.md', 'next'],
      ['Go » here', 'x.md', null],
      ['Overview', 'x.md', 'overview'],
      ['Back to start', 'x.md', 'overview'],
      ['Module home', 'x.md', 'overview'],
      ['Index', 'x.md', 'overview'],
      ['Contents', 'x.md', 'overview'],
      ['Lesson plan', 'x.md', 'overview'],
      ['Start', 'README.md', 'overview'],
      ['Start', 'docs/readme.md', 'overview'],
      ['Start', 'myreadme.md', null],
      ['Start', 'README.md#top', null],
      ['Start', 'x.md', null],
    ];
    expect(cases.map(([text, href]) => [text, href, slotOf(text, href)])).toEqual(cases);
  });

  it('fills each slot once, sends the rest to others, and leaves paragraphs without links', () => {
    const lesson = extract(
      [
        '# 1.1 Sample',
        '',
        'Intro text.',
        '',
        '## Navigation',
        '',
        'Some words without a link.',
        '',
        '- [Previous lesson](1.0-before.md)',
        '- [Prev again](0.9-older.md)',
        '- [Next lesson](1.2-after.md)',
        '- [Course site](https://example.org)',
        '- [Course *notes*](notes.md)',
        '- [](empty.md)',
        '',
      ].join('\n'),
    );
    expect(lesson.navigation.previous).toEqual({ text: 'Previous lesson', href: '1.0-before.md' });
    expect(lesson.navigation.next).toEqual({ text: 'Next lesson', href: '1.2-after.md' });
    expect(lesson.navigation.others).toEqual([
      { text: 'Prev again', href: '0.9-older.md' },
      { text: 'Course site', href: 'https://example.org' },
      { text: 'Course *notes*', href: 'notes.md' },
      { text: '', href: 'empty.md' },
    ]);
    expect(lesson.sections.map((s) => [s.title, s.markdown])).toEqual([
      ['Introduction', 'Intro text.'],
      ['Navigation', 'Some words without a link.'],
    ]);
  });
});

describe('navigation: readNavigation', () => {
  it('gives a navigation without others an empty list of them', () => {
    const navigation: Parameters<typeof readNavigation>[1] = noNavigation();
    const leftover = readNavigation(nodesOf('Text.\n\n[Next](b.md)\n'), navigation);
    expect(leftover.map((node) => node.type)).toEqual(['paragraph']);
    expect(navigation).toEqual({ ...noNavigation(), next: { text: 'Next', href: 'b.md' }, others: [] });
  });
});

describe('headings: normalizeHeading and classifyHeading', () => {
  it('strips emoji, numbering, punctuation and case', () => {
    const cases: Array<[string, string]> = [
      ['🚀 Objectives', 'objectives'],
      ['👍🏽 Goals', 'goals'],
      ['1️⃣ Objectives', 'objectives'],
      ['Key\u200dPoints', 'key points'],
      ['Part 2: Objectives', 'objectives'],
      ['section iv) Goals', 'goals'],
      ['Step 1. Goals', 'goals'],
      ['a. Goals', 'goals'],
      ['  3. Goals', 'goals'],
      ['1.2.3) Goals', 'goals'],
      ['1.2. Goals', 'goals'],
      ['xv. Goals', 'goals'],
      ['1.2 Goals', 'goals'],
      ['12 Goals', 'goals'],
      ['  12 Goals', 'goals'],
      ['Goals!?', 'goals'],
      ['Goals : ', 'goals'],
      ['Key   Points', 'key points'],
      ['x.Goals', 'x.goals'],
      ['2.Goals', '2.goals'],
      ['ab. Goals', 'ab. goals'],
      ['Partial 2: Goals', 'partial 2: goals'],
      ['Part 2 Goals', 'part 2 goals'],
      ['Goals 2', 'goals 2'],
      ['Part  2. Goals', 'goals'],
      ['12. Goals', 'goals'],
      ['1.12. Goals', 'goals'],
      ['1.12 Goals', 'goals'],
    ];
    expect(cases.map(([text]) => [text, normalizeHeading(text)])).toEqual(cases);
  });

  it('reads "&" as "and"', () => {
    expect(classifyHeading('Case Studies & Examples')).toBe('caseStudies');
    expect(classifyHeading('Self-study & review')).toBeNull();
    expect(classifyHeading('Review & Self-Study')).toBe('resources');
    expect(classifyHeading('Something else')).toBeNull();
  });
});

describe('front-matter-title: frontMatterTitled and lessonLayout', () => {
  it('takes the title from a lesson layout whose text does not open with the title heading', () => {
    const meta = (extra: Record<string, unknown>) => ({ teachingMinutes: null, exerciseMinutes: null, ...extra });
    expect(frontMatterTitled(meta({ layout: 'lecture', title: 'Shell' }), -1)).toBe(true);
    expect(frontMatterTitled(meta({ layout: 'lecture', title: 'Shell' }), 2)).toBe(true);
    expect(frontMatterTitled(meta({ layout: 'lecture', title: 'Shell' }), 0)).toBe(false);
    expect(frontMatterTitled(meta({ layout: 'page', title: 'Shell' }), 2)).toBe(false);
    expect(frontMatterTitled(meta({ layout: 'lecture', title: '  ' }), 2)).toBe(false);
    expect(frontMatterTitled(meta({ layout: 'lecture', title: 3 }), 2)).toBe(false);
    expect(frontMatterTitled(meta({ layout: 'lecture' }), 2)).toBe(false);
    for (const layout of ['lecture', 'lesson', 'episode', 'tutorial', 'chapter', ' Lecture ', 'EPISODE']) expect(lessonLayout(meta({ layout }))).toBe(true);
    for (const layout of ['page', 'default', '', 7, undefined]) expect(lessonLayout(meta({ layout }))).toBe(false);
  });

  it('titles a Jekyll lecture page from its front matter and keeps its # headings as parts', () => {
    const lesson = extract('---\nlayout: lecture\ntitle: "Shell tools"\n---\n\nSome prose first.\n\n# Part one\n\nText.\n');
    expect(lesson.title).toBe('Shell tools');
    expect(lesson.sections.map((s) => s.title)).toEqual(['Introduction', 'Part one']);
  });
});

describe('nav-line: navigation lines', () => {
  it('tells a navigation line from content', () => {
    const cases: Array<[string, boolean]> = [
      ['[Next](b.md)', true],
      ['> [Next](b.md)', false],
      ['[Next](b.md) [Prev](a.md)', true],
      ['**[Next](b.md)**', true],
      ['*[Next](b.md)* · [Top](#top)', true],
      ['[Next](b.md) — [Back](c.md)', true],
      ['[Next](b.md) , ; : / [Top](#t)', true],
      ['[Next](b.md)\\\n[Top](#t)', false],
      ['[Home](h.md)', false],
      ['[Overview](README.md)', false],
      ['[Top](#t) | [Contents](c.md)', true],
      ['[Home](index.md) | [Top](#top)', true],
      ['[↑ Up](u.md) | [Top](#top)', true],
      ['[Upload](u.md) | [Top](#top)', false],
      ['[Index](i.md) | [Overview](o.md)', true],
      ['[Back](b.md) [Lesson 2 »](c.md)', true],
      ['[x »](c.md)', true],
      ['[Lesson](c.md)', false],
      ['[Next](b.md) | [Docs](d.md)', false],
      ['[Prev](a.md) and [Next](b.md)', false],
      ['[Prev](a.md) `code`', false],
      ['[Prev](a.md) ![i](i.png)', false],
      ['[Prev](a.md) **bold**', false],
      ['...[Prev](a.md)', false],
      ['Just text', false],
    ];
    expect(cases.map(([text]) => [text, isNavLine(nodesOf(text)[0])])).toEqual(cases);
    expect(isNavLine(nodesOf('## [Next](b.md)')[0])).toBe(false);
    // Separators without a link, and one lone link that says next but names no slot.
    expect(isNavLine(nodesOf('· | ·')[0])).toBe(false);
    expect(isNavLine(nodesOf('[Next module](c.md)')[0])).toBe(false);
  });

  it('reads the lines in page order, so the first of two wins a slot', () => {
    const navigation = noNavigation();
    const kept = takeNavLines(nodesOf('A.\n\nB.\n\nC.\n\nD.\n\n[Next](a.md)\n\n[Next](b.md)\n'), navigation);
    expect(kept).toHaveLength(4);
    expect(navigation.next).toEqual({ text: 'Next', href: 'a.md' });
    expect(navigation.others).toEqual([{ text: 'Next', href: 'b.md' }]);
    // Past ten blocks, the order is by number, not by text ("10" before "9").
    const many = noNavigation();
    const blocks = Array.from({ length: 8 }, (_, index) => `P${index}.`).join('\n\n');
    takeNavLines(nodesOf(`[Next](a.md)\n\n${blocks}\n\n[Next](b.md)\n\n[Next](c.md)\n`), many);
    expect(many.next?.href).toBe('a.md');
    expect(many.others?.map((link) => link.href)).toEqual(['b.md', 'c.md']);
  });

  it('takes lines from the first three and the last three blocks only', () => {
    const sectionOf = (value: string) => {
      const lesson = extract(value);
      return [lesson.navigation.next?.href ?? null, lesson.sections.map((s) => s.markdown)];
    };
    expect(sectionOf('# T\n\nA.\n\nB.\n\n[Next](b.md)\n\nC.\n\nD.\n\nE.\n\nF.\n')).toEqual(['b.md', ['A.\n\nB.\n\nC.\n\nD.\n\nE.\n\nF.']]);
    expect(sectionOf('# T\n\nA.\n\nB.\n\nC.\n\n[Next](b.md)\n\nD.\n\nE.\n\nF.\n\nG.\n')).toEqual([null, ['A.\n\nB.\n\nC.\n\n[Next](b.md)\n\nD.\n\nE.\n\nF.\n\nG.']]);
    expect(sectionOf('# T\n\nA.\n\nB.\n\nC.\n\nD.\n\n[Next](b.md)\n\nE.\n\nF.\n')).toEqual(['b.md', ['A.\n\nB.\n\nC.\n\nD.\n\nE.\n\nF.']]);
    expect(sectionOf('# T\n\nA.\n\nB.\n\nC.\n\nD.\n\n[Next](b.md)\n\nE.\n\nF.\n\nG.\n')).toEqual([null, ['A.\n\nB.\n\nC.\n\nD.\n\n[Next](b.md)\n\nE.\n\nF.\n\nG.']]);
    expect(sectionOf('# T\n\n[Next](b.md)\n')).toEqual(['b.md', []]);
  });

  it('reads the same line at top and bottom once, and keeps links given before', () => {
    const nav = '**[↑ Up](README.md)** | **[← Previous](02-setup.md)** | **[Next →](04-database.md)** | [Top](#top) | [Top](#top)';
    const lesson = extract(`# T\n\n${nav}\n\nBody.\n\n${nav}\n`);
    expect(lesson.navigation).toEqual({
      overview: { text: '↑ Up', href: 'README.md' },
      previous: { text: '← Previous', href: '02-setup.md' },
      next: { text: 'Next →', href: '04-database.md' },
      details: null,
      others: [{ text: 'Top', href: '#top' }],
    });
    expect(lesson.sections).toEqual([{ title: 'Introduction', markdown: 'Body.', line: 5 }]);

    const given = { ...noNavigation(), others: [{ text: 'Home', href: 'h.md' }] };
    const kept = takeNavLines(nodesOf('[Next](b.md) | [Home](h.md) | [Top](#t)\n\nBody.\n\n[Next](b.md) | [Home](h.md) | [Top](#t)\n'), given);
    expect(kept.map((node) => node.type)).toEqual(['paragraph']);
    expect(given.others).toEqual([
      { text: 'Home', href: 'h.md' },
      { text: 'Home', href: 'h.md' },
      { text: 'Top', href: '#t' },
      { text: 'Home', href: 'h.md' },
    ]);
    const none = noNavigation();
    const nodes = nodesOf('Body.\n');
    expect(takeNavLines(nodes, none)).toBe(nodes);
    expect(none).toEqual(noNavigation());
    expect(takeNavLines([], noNavigation())).toEqual([]);
  });

  it('drops the rules on either side of a navigation line, and only those', () => {
    const types = (value: string) => takeNavLines(nodesOf(value), noNavigation()).map((node) => node.type);
    expect(types('Body.\n\n---\n\n[Next](b.md)\n\n---\n')).toEqual(['paragraph']);
    expect(types('[Next](b.md)\n\n---\n\nBody.\n\n---\n\nMore.\n')).toEqual(['paragraph', 'thematicBreak', 'paragraph']);
    expect(types('[Next](b.md)\n\n---\n\n[Prev](a.md)\n\nBody.\n')).toEqual(['paragraph']);
    expect(types('Body.\n\n[Next](b.md)\n\n---\n\n[Prev](a.md)\n')).toEqual(['paragraph']);
    expect(types('Body.\n\n***\n\nMore.\n\n[Next](b.md)\n\n---\n')).toEqual(['paragraph', 'thematicBreak', 'paragraph']);
    expect(types('***\n\n[Next](b.md)\n\nBody.\n')).toEqual(['paragraph']);
    // A tutorial page: the rule under its navigation line was left as a first section of its own
    // ("Introduction", holding only `---`), and the one above the bottom line ended the last section.
    const page = extract('[← Previous](a.md) | [Next →](b.md)\n\n---\n\n# T\n\n## Part\n\nBody.\n\n---\n\n[← Previous](a.md) | [Next →](b.md)\n');
    expect(page.sections.map((section) => [section.title, section.markdown])).toEqual([['Part', 'Body.']]);
  });
});

describe('link-blockquote: resource lines before the first heading', () => {
  /** The resources taken from an opening and what is left of the introduction. */
  const opening = (quote: string) => {
    const lesson = extract(`# T\n\n${quote}\n\nBody.\n\n## Part\n\n${quote}\n`);
    expect(lesson.sections.at(-1)?.markdown).not.toBe('');
    return [lesson.resources.map((r) => [r.text, r.url, r.line]), lesson.sections[0].markdown];
  };

  it('takes a blockquote of labelled links, line by line', () => {
    expect(opening('> Video: [A](https://e.org/a)\n> Documentation: [B](https://e.org/b)')).toEqual([
      [['Video: A', 'https://e.org/a', 3], ['Documentation: B', 'https://e.org/b', 3]],
      'Body.',
    ]);
    expect(opening('> [A](https://e.org/a) | [B](https://e.org/b)')).toEqual([[['A', 'https://e.org/a', 3], ['B', 'https://e.org/b', 3]], 'Body.']);
    expect(opening('> **Video:** [A](https://e.org/a)')).toEqual([[['Video: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('> *Watch*: [A](https://e.org/a)')).toEqual([[['Watch: A', 'https://e.org/a', 3]], 'Body.']);
    // The space beside an emphasised word stays (it was lost: "Videorecording: A").
    expect(opening('> **Video** recording: [A](https://e.org/a)')).toEqual([[['Video recording: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('> Video *recording*: [A](https://e.org/a)')).toEqual([[['Video recording: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('> Video: [A](https://e.org/a)  \n> Docs: [B](https://e.org/b)')).toEqual([[['Video: A', 'https://e.org/a', 3], ['Docs: B', 'https://e.org/b', 3]], 'Body.']);
    expect(opening('> Video: [A](https://e.org/a)\n>\n> Docs: [B](https://e.org/b)')).toEqual([[['Video: A', 'https://e.org/a', 3], ['Docs: B', 'https://e.org/b', 5]], 'Body.']);
    expect(opening('> - Video: [A](https://e.org/a)\n> - [B](https://e.org/b)')).toEqual([[['Video: A', 'https://e.org/a', 3], ['B', 'https://e.org/b', 4]], 'Body.']);
    expect(opening('> Label thirty chars long here xx: [A](https://e.org/a)')).toEqual([[['Label thirty chars long here xx: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('> Video: [A](https://e.org/a).')).toEqual([[['Video: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('> Video: [A](https://e.org/a), [B](https://e.org/b)')).toEqual([[['Video: A', 'https://e.org/a', 3], ['Video: B', 'https://e.org/b', 3]], 'Body.']);
    expect(opening('> Videos/Slides & more: [A](https://e.org/a)')).toEqual([[['Videos/Slides & more: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('> Video: [A](https://e.org/a)\n\n> Docs: [B](https://e.org/b)')).toEqual([[['Video: A', 'https://e.org/a', 3], ['Docs: B', 'https://e.org/b', 5]], 'Body.']);
  });

  it('leaves a quotation, a note or anything else in a blockquote', () => {
    for (const quote of [
      '> - Video: [A](https://e.org/a)\n> - Some text',
      '> - Video: [A](https://e.org/a)\n>   More [B](https://e.org/b)\n>\n>   para',
      '> Video: [A](https://e.org/a)\n>\n> ```\n> x\n> ```',
      '> Video: [A](https://e.org/a) `x`',
      '> An extremely long label that goes on: [A](https://e.org/a)',
      '> 3 videos: [A](https://e.org/a)',
      '> Video. [A](https://e.org/a)',
      '> Video',
      '>',
      '> Note: see [the docs](https://e.org/d) first.',
    ]) {
      expect(opening(quote)[0], quote).toEqual([]);
      expect(opening(quote)[1], quote).toContain(quote.split('\n')[0].slice(0, 7));
    }
  });

  it('takes a list only when every item is one labelled resource line', () => {
    expect(opening('- Video: [A](https://e.org/a)\n- Docs: [B](https://e.org/b)')).toEqual([[['Video: A', 'https://e.org/a', 3], ['Docs: B', 'https://e.org/b', 4]], 'Body.']);
    expect(opening('- Videos and more stuff here: [A](https://e.org/a)')).toEqual([[['Videos and more stuff here: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('- Watch this: [A](https://e.org/a)')).toEqual([[['Watch this: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('-   Reading: [A](https://e.org/a)')).toEqual([[['Reading: A', 'https://e.org/a', 3]], 'Body.']);
    expect(opening('* **Docs:** [A](https://e.org/a)')).toEqual([[['Docs: A', 'https://e.org/a', 3]], 'Body.']);
    for (const list of [
      '- [A](https://e.org/a)\n- [B](https://e.org/b)',
      '- Video about many many many many things: [A](https://e.org/a)',
      '- Watchmen: [A](https://e.org/a)',
      '- Video: [A](https://e.org/a)\n\n  More',
      '- Video: [A](https://e.org/a)\n- Text',
      '-\n- Video: [A](https://e.org/a)',
      '- **Docs [x](y)**: [A](https://e.org/a)',
    ]) {
      expect(opening(list)[0], list).toEqual([]);
    }
  });

  it('looks only before the first heading, and at every block there', () => {
    const lesson = extract('Intro.\n\n> Video: [A](https://e.org/a)\n\n## Part\n\n> Docs: [B](https://e.org/b)\n');
    expect(lesson.resources).toEqual([{ text: 'Video: A', url: 'https://e.org/a', line: 3 }]);
    const untitled = extract('Intro.\n\n> Video: [A](https://e.org/a)\n');
    expect(untitled.resources).toEqual([{ text: 'Video: A', url: 'https://e.org/a', line: 3 }]);
    expect(untitled.sections.map((s) => s.markdown)).toEqual(['Intro.']);
  });
});

describe('front-matter: metadata, minutes and duration lines', () => {
  it('reads minutes from numbers and strings', () => {
    const cases: Array<[unknown, number | null]> = [
      [25, 25], [0, 0], [-1, null], [Infinity, null], [NaN, null], ['25', 25], [' 25 ', 25], ['25 min', 25],
      ['1h 30m', 90], ['1.5h', 90], ['2 H', 120], ['90M', 90], ['1h', 60], ['10 m', 10], ['1.5 hours 10 min', 100],
      ['abc', null], ['25x', null], ['2.5', null], [null, null], [undefined, null], [true, null],
    ];
    expect(cases.map(([value]) => [value, minutes(value)])).toEqual(cases);
  });

  it('reads a duration line by its label and the words near each number', () => {
    const cases: Array<[string, string, { teaching: number | null; exercises: number | null } | null]> = [
      ['Duration', '45 minutes', { teaching: 45, exercises: null }],
      ['Duration', '25 minutes teaching · 15 minutes exercises', { teaching: 25, exercises: 15 }],
      ['Exercises', '10 min', { teaching: null, exercises: 10 }],
      ['Exercise', '10 min', { teaching: null, exercises: 10 }],
      ['Time', '1 hour', { teaching: 60, exercises: null }],
      ['Time', '1.5 hrs', { teaching: 90, exercises: null }],
      ['Time', '2h', { teaching: 120, exercises: null }],
      ['Duration', '1.25 h', { teaching: 75, exercises: null }],
      ['Lab time', '30 min', { teaching: null, exercises: 30 }],
      ['Practice time', '5 mins', { teaching: null, exercises: 5 }],
      ['Timing', '20 min lecture, 10 min hands-on', { teaching: 20, exercises: 10 }],
      ['Duration', '10 min, 5 min practice and 2 min lab', { teaching: 10, exercises: 7 }],
      ['Duration', '3 min, 4 min', { teaching: 7, exercises: null }],
      [' Duration ', '5 min', { teaching: 5, exercises: null }],
      ['Time required', '3 minutes', { teaching: 3, exercises: null }],
      ['Estimated time', '3 m', { teaching: 3, exercises: null }],
      ['Teaching time', '4 min', { teaching: 4, exercises: null }],
      ['Length', '4 min', { teaching: 4, exercises: null }],
      ['exercise time', '6 min', { teaching: null, exercises: 6 }],
      ['Duration', '10minutes', { teaching: 10, exercises: null }],
      ['Duration', '10 mo', null],
      ['Length', 'long', null],
      ['Author', '10 min', null],
      ['Total duration', '10 min', null],
      ['Duration of it', '10 min', null],
    ];
    expect(cases.map(([label, text]) => [label, text, durationFromLine(label, text)])).toEqual(cases);
  });

  it('normalises the minutes of the front matter and keeps every key', () => {
    expect(metaOf({ teaching: 10, exercises: '5 min', x: 1 })).toEqual({ teaching: 10, exercises: '5 min', x: 1, teachingMinutes: 10, exerciseMinutes: 5 });
    expect(metaOf({ teachingMinutes: 7, exerciseMinutes: 3 })).toEqual({ teachingMinutes: 7, exerciseMinutes: 3 });
    expect(metaOf({ duration: '1h' })).toEqual({ duration: '1h', teachingMinutes: 60, exerciseMinutes: null });
    expect(metaOf({ teaching: 0, duration: 9 })).toEqual({ teaching: 0, duration: 9, teachingMinutes: 0, exerciseMinutes: null });
  });

  it('reads the list keys item by item, on their lines', () => {
    const lesson = extract('---\ntitle: T\nobjectives:\n  - "Learn  a\n    thing"\n  - 3\n  - \n  - [x]\n  - ""\nquestions:\n  - Why?\nkeypoints: not a list\n---\n\n# T\n\nText.\n');
    expect(lesson.objectives).toEqual([{ text: 'Learn a thing', line: 4 }, { text: '3', line: 6 }]);
    expect(lesson.questions).toEqual([{ text: 'Why?', line: 11 }]);
    expect(lesson.keypoints).toEqual([]);
    expect(lesson.meta.keypoints).toBe('not a list');
    expect(lesson.diagnostics).toEqual([]);
  });

  it('reads a Jekyll continuation leniently, with a warning at its place', () => {
    const lesson = extract('---\ntitle: "A quoted string\ncontinued at column 0"\nteaching: 5\n---\n\n# T\n\nText.\n');
    expect(lesson.meta).toMatchObject({ title: 'A quoted string continued at column 0', teachingMinutes: 5 });
    expect(lesson.diagnostics).toEqual([
      { severity: 'warning', rule: 'front-matter', message: 'Front matter is not valid YAML (Missing closing "quote); read it leniently, as Jekyll does', line: 2, column: 24 },
    ]);
  });

  it('reports YAML it cannot read, and ignores front matter that is not a mapping', () => {
    const broken = extract('# T\n\nText.\n'.replace('# T', '---\nx: 1\ntitle: [unclosed\n---\n\n# T'));
    expect(broken.meta).toEqual({ teachingMinutes: null, exerciseMinutes: null, kind: 'lesson' });
    expect(broken.diagnostics).toEqual([
      { severity: 'error', rule: 'front-matter', message: 'Invalid YAML front matter: Flow sequence in block collection must be sufficiently indented and end with a ]', line: 3, column: 17 },
    ]);
    const bomb = extract('---\na: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n---\n\n# T\n\nText.\n');
    expect(bomb.meta).toEqual({ teachingMinutes: null, exerciseMinutes: null, kind: 'lesson' });
    expect(bomb.diagnostics).toEqual([
      { severity: 'error', rule: 'front-matter', message: 'Invalid YAML front matter: Excessive alias count indicates a resource exhaustion attack', line: 2, column: 1 },
    ]);
    for (const value of ['- a\n- b', '42']) {
      const lesson = extract(`---\n${value}\n---\n\n# T\n\nText.\n`);
      expect(lesson.meta).toEqual({ teachingMinutes: null, exerciseMinutes: null, kind: 'lesson' });
      expect(lesson.diagnostics).toEqual([]);
    }
  });

  it('fills the minutes the front matter left out from a duration line near the top', () => {
    expect(extract('# T\n\n**Duration:** 25 minutes teaching · 15 minutes exercises\n\nText.\n').meta).toMatchObject({ teachingMinutes: 25, exerciseMinutes: 15 });
    const both = extract('---\nteaching: 10\n---\n# T\n\n**Duration:** 25 minutes teaching · 15 minutes exercises\n\n**Exercises:** 7 min\n\nText.\n');
    expect(both.meta).toMatchObject({ teachingMinutes: 10, exerciseMinutes: 15 });
    const far = ['# T', '', ...Array.from({ length: 12 }, (_, i) => `P${i}.\n`), '**Duration:** 5 min', ''].join('\n');
    expect(extract(far).meta.teachingMinutes).toBeNull();
    const near = ['# T', '', ...Array.from({ length: 11 }, (_, i) => `P${i}.\n`), '**Duration:** 5 min', ''].join('\n');
    expect(extract(near).meta.teachingMinutes).toBe(5);
  });
});

describe('blocks: buildBlocks, lineOf, splitItem and readLabel', () => {
  /** The first list item of a parsed Markdown string. */
  const itemOf = (value: string) => {
    const list = nodesOf(value)[0];
    if (list?.type !== 'list') throw new Error('not a list');
    return list.children[0]!;
  };
  /** The phrasing content of the first paragraph of a parsed Markdown string. */
  const phrasingOf = (value: string) => {
    const paragraph = nodesOf(value)[0];
    if (paragraph?.type !== 'paragraph') throw new Error('not a paragraph');
    return paragraph.children;
  };

  it('gives line 0 to a node without a position', () => {
    expect(lineOf(null)).toBe(0);
    expect(lineOf(undefined)).toBe(0);
    expect(lineOf({})).toBe(0);
    expect(lineOf({ position: { start: { line: 7 } } })).toBe(7);
    const { blocks } = buildBlocks([{ type: 'heading', depth: 2, children: [{ type: 'text', value: 'T' }] }]);
    expect(blocks.map((block) => [block.title, block.line])).toEqual([['T', 0]]);
  });

  it('splits an item into its lead paragraph, the rest, and nested lists', () => {
    const split = splitItem(itemOf('- Lead.\n\n  More.\n\n  - Sub.\n'));
    expect(split.lead.map((node) => node.type)).toEqual(['text']);
    expect(split.rest.map((node) => node.type)).toEqual(['paragraph']);
    expect(split.nested.map((node) => node.type)).toEqual(['list']);
    expect(split.nested[0]!.children).toHaveLength(1);
    const plain = splitItem(itemOf('- Lead.\n'));
    expect([plain.rest, plain.nested]).toEqual([[], []]);
    // An item that does not open with a paragraph has no lead; an empty item has nothing.
    const code = splitItem(itemOf('- ```\n  x\n  ```\n'));
    expect(code.lead).toEqual([]);
    expect(code.rest.map((node) => node.type)).toEqual(['code']);
    const nested = splitItem(itemOf('- - Inner.\n'));
    expect(nested.lead).toEqual([]);
    expect(nested.nested).toHaveLength(1);
    expect(splitItem(itemOf('-\n'))).toEqual({ lead: [], rest: [], nested: [] });
  });

  it('reads a bold label and what follows it', () => {
    expect(readLabel(phrasingOf('**Label**: rest'))).toEqual({ label: 'Label', rest: 'rest' });
    expect(readLabel(phrasingOf('**Label::** rest'))).toEqual({ label: 'Label', rest: 'rest' });
    expect(readLabel(phrasingOf('**Label** - rest'))).toEqual({ label: 'Label', rest: 'rest' });
    expect(readLabel(phrasingOf('**Label**  - rest'))).toEqual({ label: 'Label', rest: 'rest' });
    expect(readLabel(phrasingOf('**:** rest'))).toBeNull();
  });
});

describe('answers: pullAnswers, hasDiv and liftListDivs', () => {
  /** Each node's type, a list's start and its items' children, a div's name. */
  type Shape = unknown[];
  const shape = (nodes: RootContent[]): Shape[] =>
    nodes.map((node) => {
      if (node.type === 'list') return ['list', node.start, node.children.map((item) => shape(item.children as RootContent[]))];
      const div = node as unknown as { type: string; name?: string; children?: RootContent[] };
      if (div.type === 'fencedDiv') return ['div', div.name, shape(div.children ?? [])];
      return [node.type];
    });

  it('takes answers (with their step number) and instructor notes out, at any depth', () => {
    const nodes = nodesOf(
      '3. Step.\n\n   ::: solution\n   A3.\n   :::\n\n4. Step.\n\n   :::: callout\n   ::: instructor\n   N4.\n   :::\n   ::::\n\nText.\n\n::: answer\nTop.\n:::\n',
    );
    const pulled = pullAnswers(nodes, (div) => div.children as RootContent[]);
    expect(pulled.answers.map((answer) => [answer.item, shape(answer.nodes)])).toEqual([
      [3, [['paragraph']]],
      [null, [['paragraph']]],
    ]);
    expect(pulled.notes.map((note) => shape(note))).toEqual([[['paragraph']]]);
    expect(shape(pulled.nodes)).toEqual([['list', 3, [[['paragraph']], [['paragraph'], ['div', 'callout', []]]]], ['paragraph']]);
  });

  it('leaves nodes alone when no list holds a div', () => {
    const nodes = nodesOf('Text.\n\n- a\n- b\n\n:::: callout\n::: note\nQ.\n:::\n::::\n');
    expect(liftListDivs(nodes)).toBe(nodes);
  });

  it('moves divs out of list items, splitting the list and going on with its numbering', () => {
    const nodes = nodesOf(
      'Intro.\n\n- Plain.\n\n3. One.\n4. Two.\n\n   ::: callout\n   C.\n   :::\n\n   ```\n   code\n   ```\n\n5. Three.\n\n   - Inner.\n\n     ::: instructor\n     N.\n     :::\n\n:::: callout\n::: note\nQ.\n:::\n::::\n',
    );
    const lifted = liftListDivs(nodes);
    expect(shape(lifted)).toEqual([
      ['paragraph'],
      ['list', null, [[['paragraph']]]],
      ['list', 3, [[['paragraph']], [['paragraph'], ['code']]]],
      ['div', 'callout', [['paragraph']]],
      ['list', 5, [[['paragraph'], ['list', null, [[['paragraph']]]]]]],
      ['div', 'instructor', [['paragraph']]],
      ['div', 'callout', [['div', 'note', [['paragraph']]]]],
    ]);
    expect(lifted[0]).toBe(nodes[0]);
    expect(lifted[1]).toBe(nodes[1]);
    expect(lifted.at(-1)).toBe(nodes.at(-1));
  });
});

describe('case-study: caseStudyTitle, hasCaseStudyParts and readCaseStudy', () => {
  it('strips "Case Study 1:" from a title', () => {
    const cases: Array<[string, string]> = [
      ['Case Study 1: Acme', 'Acme'],
      ['Case Study: Acme', 'Acme'],
      ['case  study #12 — Acme', 'Acme'],
      [' Case Study 2. Acme', 'Acme'],
      ['Case Study  2: Acme', 'Acme'],
      ['Case Study 12: Acme', 'Acme'],
      ['Case Study 1 : Acme', 'Acme'],
      ['Case Study 1:Acme', 'Acme'],
      ['Case Study 1:', 'Case Study 1:'],
      ['My case study: Acme', 'My case study: Acme'],
      ['Xcase study: Acme', 'Xcase study: Acme'],
      ['Acme', 'Acme'],
    ];
    expect(cases.map(([title]) => [title, caseStudyTitle(title)])).toEqual(cases);
  });

  it('sees a labelled part in a paragraph, a heading or a list item', () => {
    const cases: Array<[string, boolean]> = [
      ['**Challenge:** x', true],
      ['**Other:** x', false],
      ['### The challenge:\n\nText.', true],
      ['### Results::\n\nText.', true],
      ['### Other\n\nText.', false],
      ['- plain\n- **Solution**: y', true],
      ['- plain\n- **Other**: y', false],
      ['Text.\n\n```\ncode\n```', false],
    ];
    expect(cases.map(([value]) => [value, hasCaseStudyParts(nodesOf(value))])).toEqual(cases);
  });

  it('reads challenge, solution and results, and returns what it cannot place', () => {
    const markdown = [
      '## Case Study 1: Acme',
      'Intro text.',
      '- loose item',
      '```sh\ncode\n```',
      '> Quote.',
      '### The problem:',
      'First.',
      'Second.',
      '### Notes',
      '- **Solution**: Rebuilt it.\n\n  More detail.\n\n  ```sh\n  x\n  ```\n\n  - Step a.\n  - Step b.\n- unlabelled item\n- **Note**: labelled aside.',
      '**Note:** aside.',
      '**Results:** Faster.',
      '- **Outcome**: Cheaper.',
      '- after result',
    ].join('\n\n');
    const block = buildBlocks(nodesOf(markdown)).blocks[0]!;
    const { study, leftover } = readCaseStudy(block);
    expect(study).toEqual({
      title: 'Acme',
      challenge: 'First. Second.',
      solution: ['Rebuilt it.', 'More detail.', 'Step a.', 'Step b.', 'unlabelled item', '**Note**: labelled aside.', '**Note:** aside.'],
      results: ['Faster.', 'Cheaper.', 'after result'],
      line: 1,
    });
    expect(leftover.map((node) => [node.type, node.type === 'list' ? node.children.length : null])).toEqual([
      ['paragraph', null],
      ['list', 1],
      ['blockquote', null],
      ['heading', null],
    ]);
  });
});
