/** `case-study-incomplete`: a case study teaches through challenge → solution → results; each part is needed. */
import type { Rule } from '../rule.js';
import { report } from '../rule.js';
import { isLesson, placeAtLine } from '../util.js';

/** "a", "a and b", "a, b and c". */
function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export const caseStudyIncomplete: Rule = {
  id: 'case-study-incomplete',
  severity: 'warning',
  run(ctx) {
    if (!isLesson(ctx.lesson)) return;
    for (const study of ctx.lesson.caseStudies) {
      const missing: string[] = [];
      if (study.challenge.trim() === '') missing.push('challenge');
      if (study.solution.length === 0) missing.push('solution');
      if (study.results.length === 0) missing.push('results');
      if (missing.length === 0) continue;
      report(
        ctx,
        caseStudyIncomplete,
        `Case study "${study.title}" has no ${listWords(missing)}; add ${missing.map((part) => `**${part[0]?.toUpperCase()}${part.slice(1)}**`).join(', ')} to it`,
        placeAtLine(ctx.tree, study.line, ['heading']),
      );
    }
  },
};
