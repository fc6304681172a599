/** `missing-title`: every document needs a title to put on its deck, handout and index entry. */
import type { Rule } from '../rule.js';
import { report } from '../rule.js';

export const missingTitle: Rule = {
  id: 'missing-title',
  severity: 'error',
  run(ctx) {
    if (ctx.lesson.title.trim() !== '') return;
    report(ctx, missingTitle, 'Lesson has no title; start it with a level-1 heading such as "# Lesson 1.1: Topic"', {
      line: 1,
      column: 1,
    });
  },
};
