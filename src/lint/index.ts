/**
 * The lint stage: every rule, run over one analysed lesson, reporting into its vfile. Each rule is
 * one file of src/lint/rules/, listed here.
 */
import type { LintContext, Rule } from './rule.js';
import { brokenLink } from './rules/broken-link.js';
import { caseStudyIncomplete } from './rules/case-study-incomplete.js';
import { configSyntax } from './rules/config-syntax.js';
import { duplicateSection } from './rules/duplicate-section.js';
import { emptySection } from './rules/empty-section.js';
import { fenceLanguage } from './rules/fence-language.js';
import { imageAlt } from './rules/image-alt.js';
import { missingObjectives } from './rules/missing-objectives.js';
import { missingTitle } from './rules/missing-title.js';
import { objectiveVerb } from './rules/objective-verb.js';
import { placeholderText } from './rules/placeholder-text.js';

export type { LintContext, Rule } from './rule.js';
export { report } from './rule.js';

/** Every rule, in the order its messages are most useful to read. */
export const rules: Rule[] = [
  missingTitle,
  missingObjectives,
  objectiveVerb,
  fenceLanguage,
  configSyntax,
  caseStudyIncomplete,
  emptySection,
  brokenLink,
  imageAlt,
  duplicateSection,
  placeholderText,
];

/** Runs every rule over the lesson; findings become messages on `ctx.file`. */
export function lintLesson(ctx: LintContext): void {
  for (const rule of rules) rule.run(ctx);
}
