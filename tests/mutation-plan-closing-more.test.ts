// A resource-slide edge that the last mutation run of deck-closing.ts left alive: a link is labelled
// only when its scheme comes first, so a relative link that carries a web address in its query gets
// no label. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson } from '../src/model/lesson.js';
import type { RenderContext } from '../src/render/context.js';
import { planDeck } from '../src/plan/deck-plan.js';

describe('resources slide', () => {
  it('labels no relative link, even one with a web address in its query', () => {
    const resources = [
      { text: 'Redirect', url: 'go.html?to=https://example.org', line: 95 },
      { text: 'Docs', url: 'https://docs.docker.com', line: 96 },
    ];
    const lesson = { ...createLesson('lessons/m/1.1-x.md', '1.1-x'), title: 'Containers', resources };
    const context: RenderContext = {
      lesson, courseTitle: 'Course', moduleTitle: 'Module', diagrams: [], images: {}, notes: null, notesDiagrams: [],
      links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' }, paper: 'a4', theme: 'lectern', version: '0.0.0-test',
    };
    const slide = planDeck(context).find((s) => s.kind === 'resources');
    expect(slide?.data.items).toEqual([
      { text: 'Redirect', url: 'go.html?to=https://example.org', label: null },
      { text: 'Docs', url: 'https://docs.docker.com', label: 'docs.docker.com' },
    ]);
  });
});
