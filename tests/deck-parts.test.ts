// Issue 19: `---` between parts starts a new slide for lessons not in the house format (the Marp
// convention); house-format lessons ignore it as before. Pure: the deck plan, no browser.
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import type { Lesson } from '../src/model/lesson.js';
import type { RenderContext } from '../src/render/context.js';
import { planDeck } from '../src/plan/deck-plan.js';
import { splitAtRules, breaksAtRules } from '../src/plan/deck-parts.js';

const lessonOf = (markdown: string, path = 'notes/4_1_1_parts.md'): Lesson => analyzeLesson(new VFile({ path, value: markdown }), { lint: false }).lesson;

function sectionSlides(lesson: Lesson): Array<{ title: string; part: number; body: string }> {
  const context: RenderContext = {
    lesson, courseTitle: 'Course', moduleTitle: null, diagrams: [], images: {}, notes: null, notesDiagrams: [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' },
    paper: 'a4', theme: 'lectern', version: '0.0.0-test',
  };
  return planDeck(context)
    .filter((slide) => slide.kind === 'section')
    .map((slide) => ({ title: slide.title, part: slide.part, body: String((slide.data as { body: string }).body) }));
}

const threeParts = [
  '# Course 4.1.1 — What is Caching?',
  '',
  'Alpha: caching keeps the answers to slow questions close at hand.',
  '',
  '---',
  '',
  'Bravo: a cached answer goes stale when the data behind it changes.',
  '',
  '---',
  '',
  '## Using the cache',
  '',
  'Charlie: look the answer up first.',
  '',
  '---',
  '',
  'Delta: clear the cache when the data changes.',
  '',
].join('\n');

describe('--- as a slide break outside the house format', () => {
  it('gives each part its own slide; a part without a heading continues the previous title', () => {
    const slides = sectionSlides(lessonOf(threeParts));
    expect(slides.map((slide) => slide.title)).toEqual(['Introduction', 'Introduction (continued)', 'Using the cache', 'Using the cache (continued)']);
    expect(slides.map((slide) => slide.body.split(':')[0])).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    for (const slide of slides) expect(slide.body).not.toMatch(/^(?:---|\*\*\*|___)\s*$/m);
  });

  it('still splits a long part onto continuation slides, within the part', () => {
    const long = Array.from({ length: 30 }, (_, index) => `- Point ${index + 1} about how a cache is filled and when it is emptied again`).join('\n');
    const slides = sectionSlides(lessonOf(`# Course 1.1 — Caching\n\n## Filling\n\n${long}\n\n---\n\nAfter the list: the last part.\n`));
    const filling = slides.filter((slide) => slide.title === 'Filling');
    expect(filling.length).toBeGreaterThan(1);
    expect(filling.map((slide) => slide.part)).toEqual(filling.map((_, index) => index + 1));
    expect(slides[slides.length - 1]).toMatchObject({ title: 'Filling (continued)', body: 'After the list: the last part.' });
  });

  it('leaves a house-format lesson as it was: its --- is no slide break (twin of the first test)', () => {
    const house = threeParts.replace('Alpha:', '## Learning Objectives\n\n- Explain caching\n\n## Overview\n\nAlpha:');
    const lesson = lessonOf(house);
    expect(breaksAtRules(lesson)).toBe(false);
    const titles = sectionSlides(lesson).map((slide) => slide.title);
    expect(titles).not.toContain('Overview (continued)');
    expect(titles).not.toContain('Using the cache (continued)');
    expect(sectionSlides(lesson).find((slide) => slide.title === 'Overview')?.body).toMatch(/Alpha[\s\S]*Bravo/);
  });

  it('cuts at top-level rules only, keeps link definitions in every piece, and takes a leading rule for a break', () => {
    expect(splitAtRules('a\n\n---\n\nb')).toEqual(['\na\n\n', '\n\nb']);
    expect(splitAtRules('---\n\nb\n\n---\n\nc').map((piece) => piece.trim())).toEqual(['', 'b', 'c']);
    expect(splitAtRules('> quote\n>\n> ---\n>\n> more')).toHaveLength(1);
    const pieces = splitAtRules('See [the docs][d].\n\n---\n\nAgain [the docs][d].\n\n[d]: https://example.org/docs');
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) expect(piece).toContain('[d]: https://example.org/docs');
  });
});
