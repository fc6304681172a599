/**
 * `placeholder-text`: a line of `lectern new`'s scaffold (templates/new/lesson.md.hbs) that is still
 * there. The scaffold's sentences say what belongs in each section; taught as they are, they become
 * slides and handouts about nothing, so an untouched scaffold fails `check` until each is replaced.
 * Matched per source line and reported once per section, at its first placeholder line;
 * tests/lint.test.ts holds these lists to the template.
 */
import type { Rule } from '../rule.js';
import { report } from '../rule.js';

/** Sentences that start a scaffold line once its list marker, label or emphasis is taken off. */
export const placeholderLines: readonly string[] = [
  'Link the module overview and the previous and next lessons here',
  'Explain the problem this lesson solves and when to use its approach',
  'Configure a minimal working example step by step',
  'Compare two alternatives and justify a choice between them',
  'Diagnose a common failure from its symptoms',
  'Replace these: three to six objectives',
  'One short point per line, written as a slide bullet',
  'Nest details one level down; a third level is folded into the notes',
  'Define each term the first time it is used',
  'Link it to something learners already know',
  'The moving parts, in the order a request or a change passes through them',
  'What each part is responsible for',
  'The situations it fits',
  'The situations it does not fit, and what to use there instead',
  'Replace with a real, working configuration file',
  'Replace with the commands learners type',
  'Say what to do and why it matters',
  'Name what goes wrong without it',
  'Keep each practice short enough for a slide',
  'Prefer concrete advice over general principles',
  'Describe the situation and the problem a real team faced',
  'What the team changed, one step per item',
  'Which tools or settings they used',
  'What improved, measured where possible',
  'What they would do differently',
  'Describe the task in one or two sentences',
  'Write the first step as an instruction',
  'Write the next step; one action per step',
  'Say how learners check their result',
  'Give a nudge for the step most learners get stuck on',
  'Write the reference answer here',
  'Name a mistake learners make, and its symptom',
  'Name a misconception, and the correct picture',
  'Ask a question that checks the first objective',
  'Ask a question that makes learners compare or choose',
  'Say what learners can do next to practise',
  'Point to the lesson that builds on this one',
];

/** Scaffold text found anywhere in a line (inside code, where no marker comes first). */
export const placeholderFragments: readonly string[] = [
  'Tool[The tool this lesson teaches]',
  'Replace with the command that runs the example',
  '(https://example.com/docs)',
];

/** The line without its list marker, quote, code comment, emphasis or a `**Label**:` in front. */
function bare(line: string): string {
  return line
    .trim()
    .replace(/^(?:>\s*)*/, '')
    .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/^#\s+/, '')
    .replace(/^\*\*[^*]+\*\*:?\s*:?\s*/, '')
    .replace(/^[_*]+/, '');
}

export const placeholderText: Rule = {
  id: 'placeholder-text',
  severity: 'error',
  run(ctx) {
    // One message per section, at its first placeholder line: a fresh scaffold reads as a to-do list
    // of sections, not forty lines of the same complaint.
    const found: Array<{ line: number; column: number; phrase: string; count: number; last: number }> = [];
    const source = String(ctx.file.value);
    // Most files hold no scaffold text at all: then no line needs looking at (each line costs five
    // pattern replacements).
    if (!placeholderLines.some((phrase) => source.includes(phrase)) && !placeholderFragments.some((fragment) => source.includes(fragment))) return;
    let fence: string | null = null;
    let sectionStart = true;
    source
      .split(/\r?\n/)
      .forEach((line, index) => {
        const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
        if (marker && (fence === null || marker.startsWith(fence))) fence = fence === null ? marker : null;
        else if (fence === null && /^#{1,6}\s/.test(line)) sectionStart = true;
        const text = bare(line);
        const phrase = placeholderLines.find((candidate) => text.startsWith(candidate)) ?? placeholderFragments.find((fragment) => line.includes(fragment));
        if (phrase === undefined) return;
        const current = found[found.length - 1];
        if (!sectionStart && current) {
          current.count++;
          current.last = index + 1;
          return;
        }
        sectionStart = false;
        found.push({ line: index + 1, column: line.length - line.trimStart().length + 1, phrase, count: 1, last: index + 1 });
      });
    for (const { line, column, phrase, count, last } of found) {
      const shown = phrase.length > 60 ? `${phrase.slice(0, 57)}…` : phrase;
      const more = count > 1 ? ` and ${count - 1} more line${count === 2 ? '' : 's'} of it up to line ${last}` : '';
      report(ctx, placeholderText, `Placeholder text from \`lectern new\` is still here ("${shown}")${more}; replace it with the lesson's own content`, { line, column });
    }
  },
};
