// The lesson lint rules (src/lint/**): the cases the mutation run (stryker.config.mjs with
// STRYKER_VITEST=lint) showed untested. Each asserts what an author reads from `lectern check`:
// which rule, at which line and column, with which message. Pure and fast (a rule called on a
// parsed string): Stryker runs this file once per mutant.
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../src/model/lesson.js';
import { lintLesson, report, rules, type LintContext } from '../src/lint/index.js';
import { findWeakVerb } from '../src/lint/rules/objective-verb.js';
import { example, lintContext, ruleById } from './helpers/lint.js';

/** `line:column severity message` for each message one rule leaves on the file. */
function runRule(id: string, ctx: LintContext): string[] {
  ruleById(id).run(ctx);
  return ctx.file.messages.map((m) => {
    expect(m.ruleId).toBe(id);
    const severity = m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info';
    return `${m.line}:${m.column} ${severity} ${m.reason}`;
  });
}

function run(id: string, markdown: string, patch: Partial<Lesson> = {}, extra: Partial<LintContext> = {}): string[] {
  return runRule(id, lintContext(markdown, patch, extra));
}

const exists = (known: string[]) => (path: string) => known.includes(path);

describe('objective-verb', () => {
  it('reports the weak verb as written, capitalised, after a lead-in or numbering', () => {
    const found = run('objective-verb', '# T\n', {
      objectives: [
        { text: 'By the end of this lesson, you will be able to learn about volumes', line: 3 },
        { text: '1. understand images', line: 4 },
      ],
    });
    expect(found).toEqual([
      '3:1 warning Objective "By the end of this lesson, you will be able to learn about volumes" starts with "Learn about", which cannot be observed or assessed; use a measurable verb such as describe, explain, identify, summarise.',
      '4:1 warning Objective "1. understand images" starts with "Understand", which cannot be observed or assessed; use a measurable verb such as explain, describe, compare, configure, build.',
    ]);
  });

  it('finds a weak verb that is the whole objective, but not one run into a letter or digit', () => {
    expect(findWeakVerb('Understand')?.verb).toBe('Understand');
    expect(findWeakVerb('Learn2code')).toBeUndefined();
    expect(findWeakVerb('Knowing the CLI')).toBeUndefined();
  });

  it('shows the objective without its Markdown: links, images, references, HTML and runs of spaces', () => {
    const text = '[Understand](https://example.com) the   <b>docker</b> ![logo](l.png) [CLI][ref] `run`';
    const [finding] = run('objective-verb', '# T\n', { objectives: [{ text, line: 2 }] });
    expect(finding).toMatch(/^2:1 warning Objective "Understand the docker logo CLI run" starts with "Understand"/);
  });

  it('points at an objective written as a paragraph (in a quote), not only at a list item', () => {
    const found = run('objective-verb', '# T\n\n> Understand volumes\n', { objectives: [{ text: 'Understand volumes', line: 3 }] });
    expect(found.map((f) => f.split(' ')[0])).toEqual(['3:3']);
  });

  it('reports an objective on line 0 at line 1', () => {
    const found = run('objective-verb', '# T\n', { objectives: [{ text: 'Know things', line: 0 }] });
    expect(found.map((f) => f.split(' ')[0])).toEqual(['1:1']);
  });
});

describe('config-syntax', () => {
  it('gives the YAML error without its position, at its line in the lesson', () => {
    const found = run('config-syntax', '', { examples: [example({ title: '', language: 'yaml', code: 'a: 1\nb: 2\nc: [1, 2\n', line: 20 })] });
    expect(found).toEqual([
      '24:1 error Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (line 24 of the lesson)',
    ]);
  });

  it('finds the error in a later YAML document, and only the first error of an example', () => {
    const found = run('config-syntax', '', {
      examples: [example({ title: 'k8s', language: 'yaml', code: 'a: 1\n---\nb: [\nc: [\n', line: 1 })],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^5:1 error Invalid YAML in "k8s": Flow sequence/);
  });

  it('adds the indentation of the fence to the column', () => {
    const markdown = '# T\n\n- Step\n\n  ```yaml\n  x: 1\n    y: 2\n  ```\n\n- Then\n\n  ```json\n  {"a": 1\n  ```\n';
    const found = run('config-syntax', markdown, {
      examples: [
        example({ title: '', language: 'yaml', code: 'x: 1\n  y: 2\n', line: 5 }),
        example({ title: '', language: 'json', code: '{"a": 1', line: 12 }),
      ],
    });
    expect(found).toEqual([
      '6:6 error Invalid YAML: Nested mappings are not allowed in compact mappings (line 6 of the lesson)',
      "13:10 error Invalid JSON: Expected ',' or '}' after property value (line 13 of the lesson)",
    ]);
  });

  it('places a JSON error at the offset the parser names, or at the end of the code without one', () => {
    const found = run('config-syntax', '', {
      examples: [
        example({ title: '', language: 'json', code: '{\n  "a": 1,\n}', line: 30 }),
        example({ title: '', language: 'json', code: '{"a": tru}', line: 40 }),
      ],
    });
    expect(found[0]).toBe('33:1 error Invalid JSON: Expected double-quoted property name (line 33 of the lesson)');
    expect(found[1]).toMatch(/^41:11 error Invalid JSON: .+ \(line 41 of the lesson\)$/);
  });

  it('checks JSON fenced as json, skipping only json5, elisions and blank code', () => {
    const bad = '{\n  "a": 1,\n}';
    const found = run('config-syntax', '', {
      examples: [
        example({ title: 'a', language: 'json', declaredLanguage: 'json', code: bad, line: 1 }),
        example({ title: 'b', language: 'json', declaredLanguage: 'json5', code: bad, line: 10 }),
        example({ title: 'c', language: 'json', code: '[\n  1,\n  …\n]', line: 20 }),
        example({ title: 'd', language: 'json', code: '[1, 2, ...3]', line: 30 }),
        example({ title: 'e', language: 'yaml', code: '  \n', line: 40 }),
        example({ title: 'f', language: 'yaml', code: '<my-key>: [\n', line: 50 }),
      ],
    });
    expect(found.map((f) => f.split(':')[0])).toEqual(['4', '31']);
    expect(found[1]).toContain('Invalid JSON in "d"');
  });
});

describe('broken-link', () => {
  it('reports an empty link target, with the link text', () => {
    expect(run('broken-link', 'See [the docs]().\n')).toEqual(['1:5 warning Link "the docs" has an empty target']);
    expect(run('broken-link', '![Chart](< >)\n', {}, { fileExists: exists([]) })).toEqual(['1:1 warning Image "Chart" has an empty target']);
  });

  it('matches fragments to explicit HTML ids and names, case-insensitively and percent-decoded', () => {
    const markdown = [
      '# Café', // 1
      '<a id="Setup-Here"></a>', // 2
      "<span name='old-name'></span>", // 3
      '[a](#setup-here) [b](#OLD-NAME) [c](#caf%C3%A9) [d](#top) [e](#Café)', // 4
      '[f](#missing) [g](#%zz)', // 5
    ].join('\n');
    expect(run('broken-link', markdown)).toEqual([
      '5:1 warning Link "f" points at "#missing", which matches no heading in this lesson',
      '5:15 warning Link "g" points at "#%zz", which matches no heading in this lesson',
    ]);
  });

  it('skips any scheme, in any case, but checks a relative path holding a colon', () => {
    const markdown = '[a](HTTPS://example.com) [b](git+ssh://host/repo) [c](x-over.y:thing) [d](./notes:v2.md)\n';
    expect(run('broken-link', markdown, {}, { fileExists: exists([]) })).toEqual([
      '1:71 warning Link "d" points at "./notes:v2.md", which does not exist',
    ]);
  });

  it('drops a query or fragment before looking for the file, and skips a link that is only a query', () => {
    const markdown = '[a](./here.md?plain=1) [b](?page=2) [c](./gone.md?x#y) [d](./bad%zz.md)\n';
    expect(run('broken-link', markdown, {}, { fileExists: exists(['/course/module-1/here.md']) })).toEqual([
      '1:37 warning Link "c" points at "./gone.md", which does not exist',
      '1:56 warning Link "d" points at "./bad%zz.md", which does not exist',
    ]);
  });

  it('skips file checks for a file without a path', () => {
    const ctx = lintContext('[x](./missing.md)\n', {}, { fileExists: exists([]) }, null);
    expect(runRule('broken-link', ctx)).toEqual([]);
  });
});

describe('placeholder-text', () => {
  const message = (shown: string, more = '') =>
    `Placeholder text from \`lectern new\` is still here ("${shown}")${more}; replace it with the lesson's own content`;

  it('sees scaffold lines behind quotes, numbers, comments, labels and emphasis, one message per section', () => {
    const text = [
      '# T', // 1
      '## A', // 2
      '> > Say what to do and why it matters', // 3
      '## B', // 4
      '   2) Name what goes wrong without it', // 5
      '## C', // 6
      '**Tip**: _Keep each practice short enough for a slide_', // 7
      '## D', // 8
      '```bash', // 9
      '# Replace with the commands learners type', // 10
      '## not a heading inside the fence', // 11
      'Replace with the command that runs the example', // 12
      '```', // 13
    ].join('\r\n');
    expect(run('placeholder-text', text)).toEqual([
      `3:1 error ${message('Say what to do and why it matters')}`,
      `5:4 error ${message('Name what goes wrong without it')}`,
      `7:1 error ${message('Keep each practice short enough for a slide')}`,
      `10:1 error ${message('Replace with the commands learners type', ' and 1 more line of it up to line 12')}`,
    ]);
  });

  it('shortens a long sentence and counts further lines in the plural', () => {
    const text = [
      '## How it works', // 1
      '- The moving parts, in the order a request or a change passes through them', // 2
      '- What each part is responsible for', // 3
      '- The situations it fits', // 4
      '~~~~', // 5
      '```', // 6
      '## still code', // 7
      '~~~~', // 8
      '## After', // 9
      '- The situations it does not fit, and what to use there instead', // 10
    ].join('\n');
    expect(run('placeholder-text', text)).toEqual([
      `2:1 error ${message('The moving parts, in the order a request or a change pass…', ' and 2 more lines of it up to line 4')}`,
      `10:1 error ${message('The situations it does not fit, and what to use there ins…')}`,
    ]);
  });
});

describe('report', () => {
  it('adds a message without a place, at the severity asked for', () => {
    const ctx = lintContext('# T\n');
    report(ctx, { id: 'demo', severity: 'warning' }, 'Whole file', undefined, 'info');
    report(ctx, { id: 'demo', severity: 'warning' }, 'At a place', { line: 3, column: 2 }, 'error');
    expect(ctx.file.messages.map((m) => [m.reason, m.line, m.column, m.fatal, m.ruleId])).toEqual([
      ['Whole file', undefined, undefined, undefined, 'demo'],
      ['At a place', 3, 2, true, 'demo'],
    ]);
  });
});

describe('missing-title and missing-objectives', () => {
  it('treats a title of spaces as none', () => {
    expect(run('missing-title', '\n', { title: '   ' })).toEqual([
      '1:1 error Lesson has no title; start it with a level-1 heading such as "# Lesson 1.1: Topic"',
    ]);
  });

  it('holds a lesson of kind "lesson" or null to objectives, at its level-1 heading or else line 1', () => {
    const meta = (kind: unknown) => ({ teachingMinutes: null, exerciseMinutes: null, kind });
    const message = 'Lesson has no learning objectives; add a "## Learning Objectives" list of what learners will be able to do';
    expect(run('missing-objectives', 'Intro\n\n## Part\n\n# Title\n', { meta: meta('lesson') })).toEqual([`5:1 warning ${message}`]);
    expect(run('missing-objectives', 'Intro\n\n## Part\n', { meta: meta(null) })).toEqual([`1:1 warning ${message}`]);
  });
});

describe('case-study-incomplete', () => {
  it('lists every missing part in the message, in order', () => {
    const found = run('case-study-incomplete', '', {
      caseStudies: [
        { title: 'Outage', challenge: '', solution: [], results: [], line: 7 },
        { title: 'Scale', challenge: 'c', solution: ['s'], results: [], line: 9 },
      ],
    });
    expect(found).toEqual([
      '7:1 warning Case study "Outage" has no challenge, solution and results; add **Challenge**, **Solution**, **Results** to it',
      '9:1 warning Case study "Scale" has no results; add **Results** to it',
    ]);
  });
});

describe('image-alt', () => {
  it('names a reference image by its label, and takes only non-blank kramdown alt text in either quotes', () => {
    const markdown = '![][Fig-One]\n\n![](b.png){alt="A bar chart"}\n\n![](c.png){alt=" "}\n\n![](d.png) {alt="late"}\n\n[fig-one]: a.png\n';
    expect(run('image-alt', markdown).map((f) => f.split(' has ')[0])).toEqual([
      '1:1 warning Image [Fig-One]',
      '5:1 warning Image "c.png"',
      '7:1 warning Image "d.png"',
    ]);
  });
});

describe('empty-section', () => {
  it('does not hold the title or a heading that is a link to content, and counts HTML other than comments', () => {
    const markdown = '# Title\n\n## [Quiz](https://example.com/quiz)\n\n## Widget\n\n<div>demo</div>\n\n## Notes\n\n<!-- a -->\n<!-- b -->\n';
    expect(run('empty-section', markdown)).toEqual(['9:1 warning Section "Notes" is empty; add content under it or remove the heading']);
  });
});

describe('duplicate-section', () => {
  it('reads headings alike without trailing colons, numbering like "1.2)", flags or extra spaces', () => {
    const markdown = ['# Title', '## Setup guide:', '## 1.2) Setup  guide', '## 🇬🇧 setup guide', '## 🚀', '## 🚀'].join('\n');
    expect(run('duplicate-section', markdown)).toEqual([
      '3:1 warning Section "1.2) Setup  guide" appears twice under "Title" (first at line 2); merge or rename one',
      '4:1 warning Section "🇬🇧 setup guide" appears twice under "Title" (first at line 2); merge or rename one',
    ]);
  });

  it('compares top-level headings with no parent above them', () => {
    expect(run('duplicate-section', '## A\n## a\n')).toEqual(['2:1 warning Section "a" appears twice (first at line 1); merge or rename one']);
  });
});

describe('fence-language', () => {
  it('reads labels in any case, and hints to label an unlabelled fence the detector calls plain', () => {
    const found = run('fence-language', '```\nplain words\n```\n', {
      examples: [example({ language: 'yaml', declaredLanguage: 'YAML', line: 1 }), example({ language: 'TEXT', line: 1 })],
    });
    expect(found).toEqual(['1:1 info Code fence has no language; label it (```text for plain output)']);
  });

  it("points at a list item's fence at its own column", () => {
    const found = run('fence-language', '- Step\n\n  ```\n  ls -la\n  ```\n', { examples: [example({ language: 'bash', line: 3 })] });
    expect(found).toEqual(['3:3 warning Code fence has no language; it looks like bash — label it ```bash']);
  });
});

describe('placeAtLine', () => {
  it('points at the marker of a list item whose text starts on the next line', () => {
    const found = run('objective-verb', '  -\n    Know the CLI\n', { objectives: [{ text: 'Know the CLI', line: 1 }] });
    expect(found.map((f) => f.split(' ')[0])).toEqual(['1:3']);
  });
});

describe('lintLesson', () => {
  it('runs the rules in the table order, each reporting into the file', () => {
    const ctx = lintContext('Some text.\n', { title: '' });
    lintLesson(ctx);
    expect(ctx.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['1:1 missing-title', '1:1 missing-objectives']);
  });
});

describe('places and headings, further', () => {
  it('points a case study at its indented heading', () => {
    const found = run('case-study-incomplete', '# T\n\n   ### Case Study: Move\n', {
      caseStudies: [{ title: 'Move', challenge: 'c', solution: ['s'], results: [], line: 3 }],
    });
    expect(found.map((f) => f.split(' ')[0])).toEqual(['3:4']);
  });

  it('points at a nested list item on the line, not at the item around it', () => {
    const found = run('objective-verb', '- Outer\n  - Know the CLI\n', { objectives: [{ text: 'Know the CLI', line: 2 }] });
    expect(found.map((f) => f.split(' ')[0])).toEqual(['2:5']);
  });

  it('does not take paragraphs for headings', () => {
    expect(run('duplicate-section', '# T\n\nSame text.\n\nSame text.\n')).toEqual([]);
  });

  it('strips only leading numbering ("10.", "2.10", "3"), and only trailing colons', () => {
    const markdown = [
      '# T', // 1
      '## Install', // 2
      '## 10. Install', // 3
      '## 2.10 Install', // 4
      '## 3 Install', // 5
      '## Install::', // 6
      '## Part 1 Intro', // 7
      '## Part 2 Intro', // 8
      '## v2 Install', // 9
      '## Set up', // 10
      '## Setup', // 11
    ].join('\n');
    expect(run('duplicate-section', markdown).map((f) => f.split(' ')[0])).toEqual(['3:1', '4:1', '5:1', '6:1']);
  });
});

describe('empty-section, further', () => {
  it('leaves a lone title alone, and a heading that holds a link among its text', () => {
    expect(run('empty-section', '# Only a title\n')).toEqual([]);
    expect(run('empty-section', '# T\n\n## Quiz: [take it](https://example.com/quiz)\n')).toEqual([]);
  });

  it('counts HTML that only ends or only starts with a comment as content', () => {
    expect(run('empty-section', '# T\n\n## A\n\n<br>\n<!-- note -->\n\n## B\n\n<!-- a --> <b>bold</b>\n')).toEqual([]);
  });
});

describe('config-syntax, further', () => {
  it('takes the position off a YAML error past line 9 and column 9', () => {
    const code = `${Array.from({ length: 10 }, (_, i) => `k${i}: ${i}`).join('\n')}\nservices: {a: 1}  x: [\n`;
    expect(run('config-syntax', '', { examples: [example({ title: '', language: 'yaml', code, line: 1 })] })).toEqual([
      '12:19 error Invalid YAML: Unexpected scalar at node end (line 12 of the lesson)',
    ]);
  });

  it('skips blank JSON, but not a line that only ends with an ellipsis or starts with a spread', () => {
    const found = run('config-syntax', '', {
      examples: [
        example({ title: 'blank', language: 'json', code: '   \n', line: 1 }),
        example({ title: 'ends', language: 'json', code: '{\n  "a": 1,\n  "b": 2...\n}', line: 10 }),
        example({ title: 'spread', language: 'json', code: '[\n  ...items\n]', line: 20 }),
      ],
    });
    expect(found.map((f) => /in "(\w+)"/.exec(f)?.[1])).toEqual(['ends', 'spread']);
  });
});

describe('broken-link, further', () => {
  it('takes anchors from whole headings only, and HTML ids written with spaces around "="', () => {
    const markdown = [
      '## *Setup* guide', // 1
      'Notes here.', // 2
      '<a id = "spaced"></a>', // 3
      '[a](#setup-guide) [b](#spaced) [c](#notes-here)', // 4
    ].join('\n');
    expect(run('broken-link', markdown)).toEqual(['4:32 warning Link "c" points at "#notes-here", which matches no heading in this lesson']);
  });

  it('names a link definition by its label as written, and checks paths that only look like schemes', () => {
    const markdown = '[a](s3://bucket/key) [b](images/fig:1.png) [c](./missing-dir//)\n\n[Ref]: ./missing.md\n';
    expect(run('broken-link', markdown, {}, { fileExists: exists([]) })).toEqual([
      '1:22 warning Link "b" points at "images/fig:1.png", which does not exist',
      '1:44 warning Link "c" points at "./missing-dir//", which does not exist',
      '3:1 warning Link definition [Ref] points at "./missing.md", which does not exist',
    ]);
  });
});

describe('placeholder-text, further', () => {
  const lines = (text: string) => run('placeholder-text', text).map((f) => f.replace(/ error Placeholder text .*\("(.*?)"\)(.*); replace.*/, ' $1$2'));

  it('takes off a marker, quote, comment or label however it is spaced', () => {
    const text = [
      '## A', // 1
      '>  Say what to do and why it matters', // 2
      '## B', // 3
      '10. Name what goes wrong without it', // 4
      '## C', // 5
      '-  Keep each practice short enough for a slide', // 6
      '## D', // 7
      '#  Replace with the commands learners type', // 8
      '## E', // 9
      '**Tip** Prefer concrete advice over general principles', // 10
      '## F', // 11
      '**Tip**:Define each term the first time it is used', // 12
      '## G', // 13
      '__Link it to something learners already know__', // 14
    ].join('\n');
    expect(lines(text)).toEqual([
      '2:1 Say what to do and why it matters',
      '4:1 Name what goes wrong without it',
      '6:1 Keep each practice short enough for a slide',
      '8:1 Replace with the commands learners type',
      '10:1 Prefer concrete advice over general principles',
      '12:1 Define each term the first time it is used',
      '14:1 Link it to something learners already know',
    ]);
  });

  it("does not flag the author's own line that only holds the scaffold's words around other marks", () => {
    const text = [
      'Say what to do - and why it matters',
      'Say what to do # and why it matters',
      'Say what to do **now** and why it matters',
      'Say what to do __and why it matters',
    ].join('\n');
    expect(lines(text)).toEqual([]);
  });

  it('starts a section only at a real heading outside a fence, whatever its level', () => {
    const text = [
      '## A', // 1
      'Say what to do and why it matters', // 2
      'Inline:```x``` is code.', // 3
      '`ls` lists files, ~5 of them.', // 4
      '~5 minutes.', // 5
      'Code in C# works.', // 6
      'Name what goes wrong without it', // 7
      '# Part two', // 8
      'Keep each practice short enough for a slide', // 9
      '~~~~', // 10
      '```', // 11
      '## not a heading', // 12
      'Replace with the command that runs the example', // 13
      '~~~~', // 14
    ].join('\n');
    expect(lines(text)).toEqual([
      '2:1 Say what to do and why it matters and 1 more line of it up to line 7',
      '9:1 Keep each practice short enough for a slide and 1 more line of it up to line 13',
    ]);
  });
});

describe('after the forced run', () => {
  it('shows the objective without the space an HTML tag at its end leaves', () => {
    const [finding] = run('objective-verb', '# T\n', { objectives: [{ text: 'Understand volumes <br>', line: 2 }] });
    expect(finding).toMatch(/^2:1 warning Objective "Understand volumes" starts with/);
  });

  it('never takes a paragraph for the parent of a heading', () => {
    expect(run('duplicate-section', '# T\n\nIntro.\n\n## A\n\n## A\n')).toEqual([
      '7:1 warning Section "A" appears twice under "T" (first at line 5); merge or rename one',
    ]);
  });

  it('counts code that holds a comment, and HTML with more than a comment, as content', () => {
    const markdown = '# T\n\n## Snippet\n\n```html\n<!-- comment -->\n```\n\n## Box\n\n<div><!-- a -->\n\n## Tail\n\n<!-- a -->x\n';
    expect(run('empty-section', markdown)).toEqual([]);
  });
});
