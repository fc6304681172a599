// A lesson's own sections keep their place among the slides Lectern makes from what it recognises
// (key concepts, diagrams, examples, pitfalls …), as the handout keeps them: a tutorial page whose
// "Common Mistakes" closes it must not warn about its steps before teaching them. Pure: the deck plan.
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import type { RenderContext } from '../src/render/context.js';
import { planDeck } from '../src/plan/deck-plan.js';

function titles(markdown: string): string[] {
  const { lesson } = analyzeLesson(new VFile({ path: 'tutorial/02-branching.md', value: markdown }), { lint: false });
  const context: RenderContext = {
    lesson, courseTitle: 'Course', moduleTitle: null, diagrams: [], images: {}, notes: null, notesDiagrams: [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' },
    paper: 'a4', theme: 'lectern', version: '0.0.0-test',
  };
  return planDeck(context)
    .filter((slide) => slide.kind !== 'title' && slide.kind !== 'agenda')
    .map((slide) => slide.title);
}

const tutorial = (mistakesLast: boolean) => {
  const mistakes = ['## Common Mistakes', '', '- Committing on `main` when you meant a branch.', '- Forgetting to pull before merging.', ''];
  const steps = ['## Creating a branch', '', 'Run `git switch -c feature` to start one.', '', '## Merging', '', 'Switch back to `main` and run `git merge feature`.', ''];
  return [
    '# Branching',
    '',
    '[← Previous](01-getting-started.md) | [Next →](03-remotes.md)',
    '',
    'Branches let you work on features in isolation.',
    '',
    ...(mistakesLast ? [...steps, ...mistakes] : [...mistakes, ...steps]),
    '## Wrap-up',
    '',
    'Ask who has merged a branch before.',
    '',
  ].join('\n');
};

describe('the deck keeps the lesson’s order', () => {
  it('puts the steps of a tutorial before the mistakes listed at its end', () => {
    const order = titles(tutorial(true));
    expect(order.indexOf('Creating a branch')).toBeGreaterThan(-1);
    expect(order.indexOf('Creating a branch')).toBeLessThan(order.indexOf('Merging'));
    expect(order.indexOf('Merging')).toBeLessThan(order.indexOf('Common Pitfalls'));
    expect(order.indexOf('Common Pitfalls')).toBeLessThan(order.indexOf('Wrap-up'));
  });

  it('puts the mistakes first where the lesson does (twin)', () => {
    const order = titles(tutorial(false));
    expect(order.indexOf('Common Pitfalls')).toBeGreaterThan(-1);
    expect(order.indexOf('Common Pitfalls')).toBeLessThan(order.indexOf('Creating a branch'));
    expect(order.indexOf('Merging')).toBeLessThan(order.indexOf('Wrap-up'));
  });
});
