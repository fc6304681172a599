/** `missing-objectives`: a lesson should say what learners will be able to do after it. */
import type { Rule } from '../rule.js';
import { report } from '../rule.js';
import { isLesson } from '../util.js';

export const missingObjectives: Rule = {
  id: 'missing-objectives',
  severity: 'warning',
  run(ctx) {
    const { lesson, tree } = ctx;
    if (!isLesson(lesson) || lesson.objectives.length > 0) return;
    const title = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
    report(
      ctx,
      missingObjectives,
      'Lesson has no learning objectives; add a "## Learning Objectives" list of what learners will be able to do',
      title?.position?.start ?? { line: 1, column: 1 },
    );
  },
};
