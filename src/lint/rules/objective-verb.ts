/**
 * `objective-verb`: an objective has to start with something a teacher can observe or assess.
 * "Understand X" cannot be checked; "Explain X" can. Suggestions follow Bloom's taxonomy, picked
 * for the level the weak verb was probably aiming at.
 */
import type { Rule } from '../rule.js';
import { report } from '../rule.js';
import { isLesson, placeAtLine, stripInlineMarkdown } from '../util.js';

/** Weak openings, longest first so "learn about" wins over "learn", with measurable alternatives. */
const weakVerbs: ReadonlyArray<{ phrase: string; suggest: string }> = [
  { phrase: 'become familiar with', suggest: 'identify, describe, use, navigate' },
  { phrase: 'get familiar with', suggest: 'identify, describe, use, navigate' },
  { phrase: 'be familiar with', suggest: 'identify, describe, use, navigate' },
  { phrase: 'gain an understanding of', suggest: 'explain, describe, compare, configure, build' },
  { phrase: 'have an understanding of', suggest: 'explain, describe, compare, configure, build' },
  { phrase: 'be aware of', suggest: 'identify, recognise, list, describe' },
  { phrase: 'learn about', suggest: 'describe, explain, identify, summarise' },
  { phrase: 'understand', suggest: 'explain, describe, compare, configure, build' },
  { phrase: 'appreciate', suggest: 'justify, evaluate, compare, explain why' },
  { phrase: 'master', suggest: 'implement, configure, troubleshoot, optimise' },
  { phrase: 'learn', suggest: 'use, apply, demonstrate, explain' },
  { phrase: 'know', suggest: 'identify, list, define, recall' },
];

/** Lead-ins that come before the verb and say nothing about it. */
const leadIn =
  /^(?:(?:by the end of (?:this|the) (?:lesson|module|session),?\s*)?(?:you|students|learners|participants|attendees) will\s+|to\s+)?(?:be able to\s+)?/i;

/** The weak verb phrase `text` opens with, as written, with its suggestions; undefined if none. */
export function findWeakVerb(text: string): { verb: string; suggest: string } | undefined {
  const plain = stripInlineMarkdown(text).replace(/^[^\p{L}]+/u, '');
  const rest = plain.replace(leadIn, '');
  for (const { phrase, suggest } of weakVerbs) {
    const head = rest.slice(0, phrase.length);
    const next = rest.charAt(phrase.length);
    if (head.toLowerCase() === phrase && (next === '' || !/[\p{L}\p{N}]/u.test(next))) {
      return { verb: head, suggest };
    }
  }
  return undefined;
}

export const objectiveVerb: Rule = {
  id: 'objective-verb',
  severity: 'warning',
  run(ctx) {
    if (!isLesson(ctx.lesson)) return;
    for (const objective of ctx.lesson.objectives) {
      const weak = findWeakVerb(objective.text);
      if (!weak) continue;
      const verb = weak.verb.charAt(0).toUpperCase() + weak.verb.slice(1);
      report(
        ctx,
        objectiveVerb,
        `Objective "${stripInlineMarkdown(objective.text)}" starts with "${verb}", which cannot be observed or assessed; use a measurable verb such as ${weak.suggest}.`,
        placeAtLine(ctx.tree, objective.line, ['listItem', 'paragraph']),
      );
    }
  },
};
