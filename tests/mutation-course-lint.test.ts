// The course rules (nav-mismatch, orphan-lesson, duplicate-number, cross-file broken-link) and
// their helpers: the cases the mutation run (stryker.config.mjs) showed untested. Each asserts
// what an instructor reads from `lectern check`: which warning, on which file, at which place.
// Pure and fast (lessons analysed from strings): Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { analyzeLesson } from '../src/pipeline.js';
import { lintCourse, type CourseFile, type CourseFileKind } from '../src/course/lint/index.js';
import { numberScope } from '../src/course/lint/number-scope.js';
import { describeLink, linkPlace, titlePlace } from '../src/course/lint/places.js';
import { anchorsOf } from '../src/course/lint/anchors.js';

function file(path: string, text: string, kind?: CourseFileKind): CourseFile {
  const { lesson, tree } = analyzeLesson(new VFile({ path, value: text }));
  return kind ? { path, lesson, tree, kind } : { path, lesson, tree };
}

/** `file:line:column rule message` for each finding. */
function lint(files: CourseFile[], options: Parameters<typeof lintCourse>[1] = {}): string[] {
  return lintCourse(files, options).map(({ path, diagnostic: d }) => `${path}:${d.line}:${d.column} ${d.rule} ${d.message}`);
}

/** `file:line:column rule` for each finding, of one file when `path` is given. */
function where(files: CourseFile[], path?: string): string[] {
  return lint(files)
    .filter((line) => path === undefined || line.startsWith(`${path}:`))
    .map((line) => line.split(' ').slice(0, 2).join(' '));
}

describe('where a lesson number must be unique', () => {
  it('compares a plain number that is the page’s place in its folder per folder', () => {
    expect(numberScope('/c/m/01-intro.md', '01-intro', '1')).toBe('/c/m\u00001');
    expect(numberScope('/c/m/12_more.md', '12_more', '12')).toBe('/c/m\u000012');
    expect(numberScope('/c/m/01.md', '01', '1')).toBe('/c/m\u00001');
  });

  it('compares every other number course-wide', () => {
    expect(numberScope('/c/m/01-intro.md', '01-intro', '2')).toBe('2');
    expect(numberScope('/c/m/01-intro.md', '01-intro', '1.0')).toBe('1.0');
    expect(numberScope('/c/m/intro.md', 'intro', '1')).toBe('1');
    expect(numberScope('/c/m/lesson-2-setup.md', 'lesson-2-setup', '2')).toBe('2');
    expect(numberScope('/c/m/4_1_2_x.md', '4_1_2_x', '4')).toBe('4');
    expect(numberScope('/c/m/6.7-http.md', '6.7-http', '6.7')).toBe('6.7');
  });
});

describe('where a course warning points', () => {
  it('at the level-1 title, also below front matter and a level-2 heading', () => {
    expect(titlePlace(file('/c/m/a.md', '---\nteaching: 5\n---\n\n# Lesson 1.1: A\n'))).toEqual(expect.objectContaining({ line: 5, column: 1 }));
    expect(titlePlace(file('/c/m/a.md', 'Intro.\n\n## Part\n\n# Lesson 1.1: A\n'))).toEqual(expect.objectContaining({ line: 5, column: 1 }));
  });

  it('at the first line when there is no title, no tree or no position', () => {
    expect(titlePlace(file('/c/m/a.md', 'Just text.\n\n## Part\n'))).toEqual({ line: 1, column: 1 });
    expect(titlePlace({ path: '/c/m/a.md', lesson: file('/c/m/a.md', '# A\n').lesson })).toEqual({ line: 1, column: 1 });
    const bare: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'A' }] }] };
    expect(titlePlace({ path: '/c/m/a.md', lesson: file('/c/m/a.md', '# A\n').lesson, tree: bare })).toEqual({ line: 1, column: 1 });
  });

  it('at the link with the same URL and text, ignoring emphasis and spacing, else the first with that URL', () => {
    const f = file('/c/m/a.md', '# A\n\n[other](./c.md) [a b](./b.md) [**ab**](./b.md) [x](./b.md)\n');
    expect(linkPlace(f, { href: './b.md', text: ' ab ' })).toMatchObject({ line: 3, column: 31 });
    expect(linkPlace(f, { href: './b.md', text: 'a  b' })).toMatchObject({ line: 3, column: 17 });
    expect(linkPlace(f, { href: './b.md', text: '__x__' })).toMatchObject({ line: 3, column: 48 });
    expect(linkPlace(f, { href: './b.md', text: 'none of them' })).toMatchObject({ line: 3, column: 17 });
    expect(linkPlace(f, { href: './d.md', text: 'other' })).toEqual({ line: 1, column: 1 });
  });

  it('at a link, not at a link definition or image with the same URL', () => {
    const f = file('/c/m/a.md', '# A\n\n![pic](./b.md)\n\n[ref]: ./b.md\n\nSee [x](./b.md) and [a b](./b.md).\n');
    expect(linkPlace(f, { href: './b.md', text: 'none of them' })).toMatchObject({ line: 7, column: 5 });
    expect(linkPlace(f, { href: './b.md', text: 'a  b' })).toMatchObject({ line: 7, column: 21 });
  });

  it('at the first line for a link in a tree without positions', () => {
    const bare: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: './b.md', children: [{ type: 'text', value: 'b' }] }] }] };
    expect(linkPlace({ path: '/c/m/a.md', lesson: file('/c/m/a.md', '# A\n').lesson, tree: bare }, { href: './b.md', text: 'b' })).toEqual({ line: 1, column: 1 });
  });

  it('names a link definition by its label as written', () => {
    expect(describeLink({ type: 'definition', label: 'Setup Guide', identifier: 'setup guide', url: './b.md' })).toBe('Link definition [Setup Guide]');
    expect(describeLink({ type: 'definition', identifier: 'setup guide', url: './b.md' })).toBe('Link definition [setup guide]');
  });
});

describe('the anchors of a file', () => {
  it('are the heading slugs and the HTML ids and names, lower-cased, nothing else', () => {
    const { tree } = analyzeLesson(
      new VFile({ path: '/c/m/a.md', value: '# Setup\n\nSome words here.\n\n## Setup\n\n<a id="Step-One"></a>\n\n<span name = \'x\'></span> <div id=\'b2\'>\n' }),
    );
    expect([...anchorsOf(tree)].sort()).toEqual(['b2', 'setup', 'setup-1', 'step-one', 'x']);
  });

  it('are read once per tree', () => {
    const { tree } = analyzeLesson(new VFile({ path: '/c/m/a.md', value: '# Setup\n' }));
    expect(anchorsOf(tree)).toBe(anchorsOf(tree));
  });
});

describe('course findings', () => {
  it('come in source order within a file, whichever rule found them', () => {
    const a = file('/c/m/1.1-a.md', '# Lesson 1.1: A\n\nSee [b](./1.2-b.md#nope) and [c](./1.2-b.md#gone).\n\n## Navigation\n- [Next →](./1.2-b.md)\n');
    const b = file('/c/m/1.2-b.md', '# Lesson 1.2: B\n\n## Navigation\n- [← Previous](./1.3-c.md)\n');
    const c = file('/c/m/1.3-c.md', '# Lesson 1.3: C\n');
    expect(where([a, b, c], '/c/m/1.1-a.md')).toEqual([
      '/c/m/1.1-a.md:3:5 broken-link',
      '/c/m/1.1-a.md:3:30 broken-link',
      '/c/m/1.1-a.md:6:3 nav-mismatch',
    ]);
  });

  it('come in column order on one line, whichever rule found them', () => {
    const a = file('/c/m/1.1-a.md', '# Lesson 1.1: A\n\n## Navigation\n- [Guide](./1.2-b.md#nope) [Next →](./1.2-b.md)\n');
    const b = file('/c/m/1.2-b.md', '# Lesson 1.2: B\n\n## Navigation\n- [← Previous](./1.3-c.md)\n');
    const c = file('/c/m/1.3-c.md', '# Lesson 1.3: C\n');
    expect(where([a, b, c], '/c/m/1.1-a.md')).toEqual([
      '/c/m/1.1-a.md:4:3 broken-link',
      '/c/m/1.1-a.md:4:28 nav-mismatch',
    ]);
  });

  it('take a file’s kind from its model when none is given', () => {
    const overview = file('/c/m/README.md', '# Module\n\n- [A](./1.1-a.md)\n');
    const a = file('/c/m/1.1-a.md', '# Lesson 1.1: A\n');
    const b = file('/c/m/1.2-b.md', '# Lesson 1.1: B\n');
    const notes = file('/c/m/lectures/1.1-notes.md', '# Lesson 1.1: Notes\n');
    expect(notes.lesson.meta.kind).toBe('lecture-notes');
    expect(where([overview, a, b, notes])).toEqual([
      '/c/m/1.1-a.md:1:1 duplicate-number',
      '/c/m/1.2-b.md:1:1 orphan-lesson',
      '/c/m/1.2-b.md:1:1 duplicate-number',
    ]);
  });

  it('hold a document’s model kind to no lesson rule', () => {
    const a = file('/c/m/1.1-a.md', '# Lesson 1.1: A\n');
    const doc = file('/c/m/1.1-doc.md', '# Lesson 1.1: Cheatsheet\n');
    doc.lesson.meta.kind = 'document';
    expect(lint([a, doc])).toEqual([]);
  });
});

describe('duplicate-number', () => {
  it('warns both of two lessons sharing a number, and neither of two without one', () => {
    const found = lint([file('/c/m/a.md', '# Lesson 2.1: A\n'), file('/c/m/b.md', '# Lesson 2.1: B\n')]);
    expect(found).toEqual([
      '/c/m/a.md:1:1 duplicate-number Lesson number 2.1 is also used by ./b.md',
      '/c/m/b.md:1:1 duplicate-number Lesson number 2.1 is also used by ./a.md',
    ]);
    expect(lint([file('/c/m/a.md', '# Intro\n\nText.\n'), file('/c/m/b.md', '# Setup\n\nText.\n')])).toEqual([]);
  });

  it('does not count documents and lecture notes', () => {
    const a = file('/c/m/a.md', '# Lesson 2.1: A\n');
    expect(lint([a, file('/c/m/b.md', '# Lesson 2.1: B\n', 'document')])).toEqual([]);
    expect(lint([a, file('/c/m/n.md', '# Lesson 2.1: Notes\n', 'lecture-notes')])).toEqual([]);
  });
});

describe('nav-mismatch', () => {
  const nav = (title: string, links: string) => `# ${title}\n\n## Navigation\n${links}\n`;

  it('names a lesson that links to itself', () => {
    expect(lint([file('/c/m/a.md', nav('Lesson 1.1: A', '- [Next →](./a.md)'))])).toEqual(['/c/m/a.md:4:3 nav-mismatch Next link points at this lesson itself']);
  });

  it('does not judge external links, documents’ links or links to a module README', () => {
    const doc = file('/c/m/doc.md', nav('Cheatsheet', '- [Next →](./b.md)'), 'document');
    const b = file('/c/m/b.md', nav('Lesson 1.2: B', '- [← Previous](./a.md)'));
    const a = file('/c/m/a.md', nav('Lesson 1.1: A', '- [← Previous](./README.md)\n- [Next →](./b.md)'));
    const readme = file('/c/m/README.md', '# Module\n\n- [A](./a.md)\n- [B](./b.md)\n');
    const web = file('/c/m/w.md', nav('Lesson 1.3: W', '- [Next →](https://example.com/next)'));
    expect(lint([doc, a, b, readme, web])).toEqual(['/c/m/w.md:1:1 orphan-lesson Lesson is not reachable from the module overview README.md: link it there, or from the previous lesson\'s next link']);
  });

  it('says what a link to lecture notes or a document points at', () => {
    const a = file('/c/m/a.md', nav('Lesson 1.1: A', '- [Next →](./n.md)'));
    const b = file('/c/m/b.md', nav('Lesson 1.2: B', '- [Next →](./d.md)'));
    const found = lint([a, b, file('/c/m/n.md', '# Notes\n', 'lecture-notes'), file('/c/m/d.md', '# Doc\n', 'document')]);
    expect(found).toEqual([
      '/c/m/a.md:4:3 nav-mismatch Next link points at ./n.md, which is lecture notes, not a lesson',
      '/c/m/b.md:4:3 nav-mismatch Next link points at ./d.md, which is a document, not a lesson',
    ]);
  });

  it('names the other end when it points outside the course or at itself', () => {
    const a = file('/c/m/a.md', nav('Lesson 1.1: A', '- [Next →](./b.md)'));
    const b = file('/c/m/b.md', nav('Lesson 1.2: B', '- [← Previous](https://example.com/a)'));
    const c = file('/c/m/c.md', nav('Lesson 1.3: C', '- [Next →](./d.md)'));
    const d = file('/c/m/d.md', nav('Lesson 1.4: D', '- [← Previous](./d.md)'));
    const found = lint([a, b, c, d]).filter((line) => line.includes('but its'));
    expect(found).toEqual([
      '/c/m/a.md:4:3 nav-mismatch Next link points at ./b.md, but its previous link points at "https://example.com/a"',
      '/c/m/c.md:4:3 nav-mismatch Next link points at ./d.md, but its previous link points at itself',
    ]);
  });

  it('judges a link to a file that is no lesson only inside one of the course folders, and only when it can ask the disk', () => {
    const a = file('/c/m/a.md', nav('Lesson 1.1: A', '- [Next →](../other/b.md)'));
    const message = '/c/m/a.md:4:3 nav-mismatch Next link points at ../other/b.md, which is not a lesson of this course';
    expect(lint([a], { fileExists: () => true, roots: ['/c/m', '/c/other'] })).toEqual([message]);
    expect(lint([a], { roots: ['/c/m', '/c/other'] })).toEqual([]);
    expect(lint([a], { fileExists: () => true })).toEqual([]);
  });
});

describe('orphan-lesson', () => {
  it('follows links and link definitions from the README, then next links, and stops on a cycle', () => {
    const readme = file('/c/m/README.md', '# Module\n\n- [Web](https://example.com)\n- [A][a]\n\n[a]: ./a.md\n');
    const a = file('/c/m/a.md', '# Lesson 1.1: A\n\n## Navigation\n- [Next →](./b.md)\n');
    const b = file('/c/m/b.md', '# Lesson 1.2: B\n\n## Navigation\n- [Next →](./a.md)\n');
    expect(lint([readme, a, b]).filter((line) => line.includes('orphan-lesson'))).toEqual([]);
  });

  it('passes over README links to files that are not part of the course', () => {
    const readme = file('/c/m/README.md', '# Module\n\n- [Setup script](./setup.sh)\n- [A](./a.md)\n');
    const a = file('/c/m/a.md', '# Lesson 1.1: A\n');
    const b = file('/c/m/b.md', '# Lesson 1.2: B\n');
    expect(lint([readme, a, b]).filter((line) => line.includes('orphan-lesson')).map((line) => line.split(' ')[0])).toEqual(['/c/m/b.md:1:1']);
  });

  it('does not walk through a document to reach a lesson', () => {
    const readme = file('/c/m/README.md', '# Module\n\n- [Cheatsheet](./doc.md)\n');
    const doc = file('/c/m/doc.md', '# Cheatsheet\n\n## Navigation\n- [Next →](./a.md)\n', 'document');
    const a = file('/c/m/a.md', '# Lesson 1.1: A\n');
    expect(lint([readme, doc, a]).filter((line) => line.includes('orphan-lesson'))).toEqual([
      "/c/m/a.md:1:1 orphan-lesson Lesson is not reachable from the module overview README.md: link it there, or from the previous lesson's next link",
    ]);
  });

  it('skips a module whose README has no tree to read', () => {
    const a = file('/c/m/a.md', '# Lesson 1.1: A\n');
    const readme = file('/c/m/README.md', '# Module\n');
    const second = file('/c/m/readme.markdown', '# Module\n\n- [A](./a.md)\n');
    expect(lint([{ path: readme.path, lesson: readme.lesson }, a])).toEqual([]);
    expect(lint([{ path: readme.path, lesson: readme.lesson }, second, a])).toEqual([]);
  });
});

describe('cross-file broken-link', () => {
  it('judges a fragment into a file with neither tree nor anchors as unknown', () => {
    const a = file('/c/m/a.md', '# A\n\nSee [b](./b.md#setup).\n');
    const b = file('/c/m/b.md', '# B\n');
    expect(lint([a, { path: b.path, lesson: b.lesson }])).toEqual([]);
    expect(lint([a, { path: b.path, lesson: b.lesson, anchors: ['b'] }])).toEqual([
      '/c/m/a.md:3:5 broken-link Link "b" points at "./b.md#setup", which matches no heading in ./b.md',
    ]);
  });

  it('quotes the link as written without its surrounding spaces, at the first line when the tree has no positions', () => {
    const a = file('/c/m/a.md', '# A\n\nSee [b](< ./b.md#setup>).\n');
    const b = file('/c/m/b.md', '# B\n');
    expect(lint([a, b])).toEqual(['/c/m/a.md:3:5 broken-link Link "b" points at "./b.md#setup", which matches no heading in ./b.md']);
    const bare: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: './b.md#setup', children: [{ type: 'text', value: 'b' }] }] }] };
    expect(lint([{ path: a.path, lesson: a.lesson, tree: bare }, b])).toEqual([
      '/c/m/a.md:1:1 broken-link Link "b" points at "./b.md#setup", which matches no heading in ./b.md',
    ]);
  });
});
