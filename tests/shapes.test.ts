// Course shapes that are not the house format (issue 19): navigation lines and numbered file names.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import { looksLikeLesson, numberedName } from '../src/course/classify.js';
import { imageLabel } from '../src/render/image-label.js';

const fixture = (path: string) => join(import.meta.dirname, 'fixtures-shapes', path);
const analyse = (path: string, text = readFileSync(fixture(path), 'utf8')) => analyzeLesson(new VFile({ path: `tests/fixtures-shapes/${path}`, value: text })).lesson;

describe('navigation lines', () => {
  it('fills navigation from a line at top and bottom, and keeps it out of the content', () => {
    const lesson = analyse('tutorial/03-images.md');
    expect(lesson.navigation.overview?.href).toBe('README.md');
    expect(lesson.navigation.previous?.href).toBe('02-setup.md');
    expect(lesson.navigation.next?.href).toBe('04-database.md');
    expect(lesson.navigation.others).toEqual([]);
    expect(JSON.stringify(lesson.sections)).not.toMatch(/Previous|↑ Up/);
  });

  it('knows « Back · Home and Prev / Next lines', () => {
    expect(analyse('class-notes/2_more.md').navigation.previous?.href).toBe('1_basics.md');
    expect(analyse('notes-module/notes/02-core-02.md').navigation.next?.href).toBe('03-core-03.md');
  });

  it('keeps a prose paragraph that only mentions a link (twin: the same links as a bare line are navigation)', () => {
    const prose = analyse('x/01-a.md', '# A\n\nSee [the next step](02-b.md) before you go on.\n\n## S\n\nText.\n');
    expect(prose.navigation.next).toBeNull();
    expect(JSON.stringify(prose.sections)).toContain('the next step');
    const line = analyse('x/01-a.md', '# A\n\n[Next →](02-b.md)\n\n## S\n\nText.\n');
    expect(line.navigation.next?.href).toBe('02-b.md');
    expect(JSON.stringify(line.sections)).not.toContain('02-b.md');
  });
});

describe('numbered pages are lessons', () => {
  it('recognises sequence names', () => {
    for (const id of ['01-intro', '1_basics', '4_1_2_handlers', 'lesson-3', 'week-2', 'day1', 'part_2']) expect(numberedName(id), id).toBe(true);
    for (const id of ['curriculum-overview', 'glossary', 'README', 'python3-setup']) expect(numberedName(id), id).toBe(false);
  });

  it('reads a number from a "Course 4.1.2 —" title', () => {
    const lesson = analyse('class-notes/4_1_2_handlers.md');
    expect(lesson.number).toBe('4.1.2');
    expect(lesson.title).toBe('What is a Handler?');
  });

  it('a curriculum overview stays a document', () => {
    expect(looksLikeLesson(analyse('mixed/curriculum-overview.md'))).toBe(false);
    expect(looksLikeLesson(analyse('mixed/lesson-3.md'))).toBe(true);
  });
});

describe('image labels', () => {
  it('name the file when the alt text is empty, and keep the alt text otherwise', () => {
    expect(imageLabel('', 'images/thumbnail.jpg')).toBe('[image: thumbnail.jpg]');
    expect(imageLabel('A whale', 'images/thumbnail.jpg')).toBe('[image: A whale]');
    expect(imageLabel('  ', 'https://example.org/a%20b.png?x=1')).toBe('[image: a b.png]');
  });
});
