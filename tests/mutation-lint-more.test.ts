// A lesson-lint edge that the last mutation run of src/lint left alive: section headings are compared
// in lower case, so "Maße" (measures) and "Masse" (mass) stay two sections, which upper case ("MASSE")
// would merge. Pure and fast: Stryker runs this file once per mutant (STRYKER_VITEST=lint).
import { describe, expect, it } from 'vitest';
import { lintContext, ruleById } from './helpers/lint.js';

function duplicates(markdown: string): string[] {
  const ctx = lintContext(markdown);
  ruleById('duplicate-section').run(ctx);
  return ctx.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
}

describe('duplicate-section', () => {
  it('compares headings in lower case: "Maße" and "Masse" are two sections', () => {
    expect(duplicates('## Maße\n\nText.\n\n## Masse\n\nMore.\n')).toEqual([]);
    expect(duplicates('## MASSE\n\nText.\n\n## Masse\n\nMore.\n')).toEqual(['5:1 Section "Masse" appears twice (first at line 1); merge or rename one']);
  });
});

describe('placeholder-text', () => {
  function placeholders(markdown: string): string[] {
    const ctx = lintContext(markdown);
    ruleById('placeholder-text').run(ctx);
    return ctx.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
  }

  it('finds a scaffold fragment in a lesson that holds no scaffold line (a Mermaid node left as `lectern new` wrote it)', () => {
    const lesson = '# Lesson 1.1: Tools\n\n## Architecture Diagrams\n\n```mermaid\ngraph LR\n  A[Learner] --> B[Tool[The tool this lesson teaches]]\n```\n';
    expect(placeholders(lesson)).toEqual(['7:3 placeholder-text']);
    // The twin: the node renamed, nothing to report.
    expect(placeholders(lesson.replace('Tool[The tool this lesson teaches]', 'Docker'))).toEqual([]);
  });
});
