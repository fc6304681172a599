// The smaller modules of src/extract/ (link-blockquote, front-matter, case-study, navigation,
// items): what their mutation run left alive (issue 20). Lessons and front matter as authors write
// them, read back into the model fields they fill. Lessons are built inside the tests (Stryker
// activates a mutant only once the file is collected).
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { RootContent } from 'mdast';
import { analyzeLesson } from '../src/pipeline.js';
import { parseLesson } from '../src/parse/parse.js';
import { durationFromLine, minutes, readFrontMatter } from '../src/extract/front-matter.js';
import { caseStudyTitle, readCaseStudy } from '../src/extract/case-study.js';
import { buildBlocks } from '../src/extract/blocks.js';
import { inlineMarkdown } from '../src/extract/markdown.js';
import type { Lesson } from '../src/model/lesson.js';

/** The top-level nodes of a parsed Markdown string. */
function nodesOf(value: string): RootContent[] {
  return parseLesson(new VFile({ path: 'x.md', value })).children;
}

/** The lesson model of a Markdown string, without the lint rules. */
function extract(value: string, path = 'lessons/module-1/1.1-sample.md'): Lesson {
  return analyzeLesson(new VFile({ path, value }), { lint: false }).lesson;
}

describe('link-blockquote: which openings are resource lines', () => {
  /** The resources a lesson's opening gives, and its introduction's Markdown. */
  const opening = (value: string) => {
    const lesson = extract(`# Routing\n\n${value}\n`);
    return [lesson.resources.map((r) => [r.text, r.url, r.line]), lesson.sections.map((s) => s.markdown)];
  };

  it('names a resource by its link alone when no label stands outside it, colon or not', () => {
    expect(opening('> [Docs: routing](https://e.org/r)')).toEqual([[['Docs: routing', 'https://e.org/r', 3]], []]);
  });

  it('keeps a separator at the end of a line with that line', () => {
    expect(opening('> Video: [A](https://e.org/a),\n> Docs: [B](https://e.org/b)')).toEqual([
      [
        ['Video: A', 'https://e.org/a', 3],
        ['Docs: B', 'https://e.org/b', 3],
      ],
      [],
    ]);
  });

  it('leaves a blockquote with a line that is no resource, even a label with its link on the next line', () => {
    expect(opening('> Video: [A](https://e.org/a)\n> and some words')).toEqual([[], ['> Video: [A](https://e.org/a)\n> and some words']]);
    expect(opening('> Watch:\n> [A](https://e.org/a)')).toEqual([[], ['> Watch:\n> [A](https://e.org/a)']]);
  });

  it('leaves a list whose item is a code block', () => {
    expect(opening('- ```sh\n  npm start\n  ```')).toEqual([[], ['- ```sh\n  npm start\n  ```']]);
  });

  it('looks at nothing when the page opens with a heading', () => {
    const lesson = extract('## Setup\n\n> Video: [A](https://e.org/a)\n', 'lessons/routing.md');
    expect(lesson.resources).toEqual([]);
    expect(lesson.sections).toEqual([{ title: 'Setup', markdown: '> Video: [A](https://e.org/a)', line: 1 }]);
  });
});

describe('front-matter: lists, lines and minutes', () => {
  it('reads the list items of a leniently read front matter on their own lines, trimmed', () => {
    const lesson = extract('---\ntitle: "Loops\ncontinued"\nobjectives:\n  - "  Write a loop  "\n  - Trace one\n---\n\n# Loops\n');
    expect(lesson.objectives).toEqual([
      { text: 'Write a loop', line: 5 },
      { text: 'Trace one', line: 6 },
    ]);
  });

  it('counts lines from the second when the node has no position', () => {
    const file = new VFile({ path: 'x.md' });
    const read = readFrontMatter({ type: 'yaml', value: 'title: T\nquestions:\n  - Why?' }, file);
    expect(read.lists.questions).toEqual([{ text: 'Why?', line: 4 }]);
  });

  it('ignores front matter that is a sentence, not a mapping', () => {
    const lesson = extract('---\njust a sentence\n---\n\n# Loops\n');
    expect(lesson.meta).toEqual({ teachingMinutes: null, exerciseMinutes: null, kind: 'lesson' });
  });

  it('says which tool reported a front-matter problem', () => {
    const sources = (value: string) => analyzeLesson(new VFile({ path: 'x.md', value }), { lint: false }).file.messages.map((m) => [m.ruleId, m.source]);
    expect(sources('---\ntitle: "A\ncontinued"\n---\n\n# T\n')).toEqual([['front-matter', 'lectern']]);
    expect(sources('---\ntitle: [unclosed\n---\n\n# T\n')).toEqual([['front-matter', 'lectern']]);
    const bomb = '---\na: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n---\n\n# T\n';
    expect(sources(bomb)).toEqual([['front-matter', 'lectern']]);
  });

  it('reads minutes only from numbers and strings, with every digit of hours', () => {
    expect([minutes([25]), minutes(['1h']), minutes('12h'), minutes('1.25h'), minutes('1.25 h 5 m')]).toEqual([null, null, 720, 75, 80]);
    expect(durationFromLine('Time', '1 hr')).toEqual({ teaching: 60, exercises: null });
    expect(durationFromLine('Time', '2 hrs 15 min')).toEqual({ teaching: 135, exercises: null });
  });
});

describe('case-study: titles and parts', () => {
  it('strips "Case Study N:" and trims what is left', () => {
    expect(caseStudyTitle('Case Study 2: Retail  ')).toBe('Retail');
    expect(caseStudyTitle('Case study: ')).toBe('Case study: ');
  });

  it('leaves a heading that names no part, and a list whose items are all parts leaves nothing', () => {
    const { blocks } = buildBlocks(
      nodesOf(
        [
          '### Case Study 1: Retail',
          '',
          '#### Timeline',
          '',
          'A shop.',
          '',
          '#### Challenge',
          '',
          'Orders lost.',
          '',
          '- **Solution:** Queues',
          '- **Results:** No loss',
        ].join('\n'),
      ),
    );
    const { study, leftover } = readCaseStudy(blocks[0]);
    expect(study).toEqual({ title: 'Retail', challenge: 'Orders lost.', solution: ['Queues'], results: ['No loss'], line: 1 });
    expect(leftover.map((node) => node.type)).toEqual(['heading', 'paragraph']);
  });
});

describe('navigation and items', () => {
  it('names a navigation link by its inline Markdown', () => {
    const lesson = extract('# Git\n\n## Navigation\n\n- [Next: `git log`](./1.2-log.md)\n');
    expect(lesson.navigation.next).toEqual({ text: 'Next: `git log`', href: './1.2-log.md' });
  });

  it('reads an objectives subsection of only a lead-in under an empty heading as the lead-in alone', () => {
    const lesson = extract('# Git\n\n## Learning Objectives\n\n###\n\nYou will be able to:\n');
    expect(lesson.objectives).toEqual([{ text: 'You will be able to:', line: 5 }]);
  });
});

describe('markdown: inlineMarkdown of separate text nodes', () => {
  it('joins them as they stand', () => {
    expect(inlineMarkdown([{ type: 'text', value: 'Docker ' }, { type: 'text', value: 'images' }])).toBe('Docker images');
  });
});
