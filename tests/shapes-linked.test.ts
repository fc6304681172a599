// Issue 19: a page a lesson links to as previous/next is a lesson; link blockquotes at the top are resources.
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import { linkedInChains } from '../src/course/linked-lessons.js';
import { analyzeLesson } from '../src/pipeline.js';

const lessonOf = (markdown: string, path = 'course/notes/intro.md') => analyzeLesson(new VFile({ path, value: markdown }), { lint: false }).lesson;

describe('linkedInChains', () => {
  it('follows previous/next links from the lessons through the pages they reach', () => {
    const pages = { a: { absolute: 'a' }, b: { absolute: 'b' }, c: { absolute: 'c' }, d: { absolute: 'd' } };
    const links: Record<string, string[]> = { a: ['b'], b: ['a', 'c'], c: [], d: [] };
    expect(linkedInChains([pages.a], [pages.b, pages.c, pages.d], (page) => links[page.absolute]!).map((p) => p.absolute)).toEqual(['b', 'c']);
  });
});

describe('link blockquotes become resources', () => {
  it('a blockquote of labelled links at the top leaves the content and fills resources', () => {
    const lesson = lessonOf('# Course 4.1.2 — What is X?\n\n> Video: [X in ten minutes](https://example.org/v)\n> Documentation: [X reference](https://example.org/d)\n\nX is a thing.\n\n## Part\n\nText.\n');
    expect(lesson.resources.map((r) => [r.text, r.url])).toEqual([
      ['Video: X in ten minutes', 'https://example.org/v'],
      ['Documentation: X reference', 'https://example.org/d'],
    ]);
    expect(lesson.sections.map((s) => s.markdown).join('\n')).not.toContain('example.org');
  });

  it('a note, a quotation, or a blockquote after the first heading stays content (twin of the above)', () => {
    const lesson = lessonOf('# Title\n\n> Note: the first build is slow, see [the docs](https://example.org/d).\n\n> A quote with a [link](https://example.org/q) in the middle of a sentence.\n\n## Part\n\n> Video: [X](https://example.org/v)\n');
    expect(lesson.resources).toEqual([]);
    const text = lesson.sections.map((s) => s.markdown).join('\n');
    expect(text).toContain('Note: the first build is slow');
    expect(text).toContain('A quote with a');
    expect(text).toContain('Video: [X]');
  });

  it('a list of labelled videos and docs at the top is resources; a plain list of links is not', () => {
    expect(lessonOf('# T\n\n- Video: [A](https://e.org/a)\n- Docs: [B](https://e.org/b)\n\nText.\n').resources).toHaveLength(2);
    expect(lessonOf('# T\n\n- [A](https://e.org/a)\n- [B](https://e.org/b)\n\nText.\n').resources).toHaveLength(0);
  });
});
