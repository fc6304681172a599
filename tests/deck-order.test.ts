// A lesson's own sections keep their place among the slides Lectern makes from what it recognises
// (key concepts, diagrams, examples, pitfalls …), as the handout keeps them: a tutorial page whose
// "Common Mistakes" closes it must not warn about its steps before teaching them. Pure: the deck plan.
import { describe, it, expect } from 'vitest';
import { planDeck } from '../src/plan/deck-plan.js';
import { analyze, contextFor } from './helpers/render.js';

function titles(markdown: string): string[] {
  return planDeck(contextFor(analyze(markdown, 'tutorial/02-branching.md')))
    .filter((slide) => slide.kind !== 'title' && slide.kind !== 'agenda')
    .map((slide) => slide.title);
}

const mistakes = '## Common Mistakes\n\n- Committing on `main` when you meant a branch.\n- Forgetting to pull before merging.\n\n';
const steps = '## Creating a branch\n\nRun `git switch -c feature` to start one.\n\n## Merging\n\nSwitch back to `main` and run `git merge feature`.\n\n';
const tutorial = (mistakesLast: boolean) =>
  `# Branching\n\n[← Previous](01-getting-started.md) | [Next →](03-remotes.md)\n\nBranches let you work on features in isolation.\n\n` +
  (mistakesLast ? steps + mistakes : mistakes + steps) +
  '## Wrap-up\n\nAsk who has merged a branch before.\n';

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
