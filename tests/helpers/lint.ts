// A lint rule's context built from a Markdown string, for the tests that call one rule at a time
// (tests/lint.test.ts, tests/mutation-lint.test.ts). Pure: no pipeline, so the lint mutation run stays fast.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { createLesson, type Example, type Lesson } from '../../src/model/lesson.js';
import { rules, type LintContext, type Rule } from '../../src/lint/index.js';

/** The rule with this id (a test that names an unknown rule fails at once). */
export function ruleById(id: string): Rule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/**
 * A parsed lesson "A Lesson" at `path` (null: a file with no path) in the course /course, with
 * `patch` over its model and `extra` over the context.
 */
export function lintContext(markdown: string, patch: Partial<Lesson> = {}, extra: Partial<LintContext> = {}, path: string | null = '/course/module-1/1.1-lesson.md'): LintContext {
  const file = new VFile(path === null ? { value: markdown, cwd: '/course' } : { path, value: markdown, cwd: '/course' });
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(file) as Root;
  const lesson = { ...createLesson('module-1/1.1-lesson.md', '1.1-lesson'), title: 'A Lesson', ...patch };
  return { lesson, tree, file, ...extra };
}

/** A code example of the lesson model, untitled languages unless given. */
export function example(partial: Partial<Example>): Example {
  return { title: 'Example', language: null, declaredLanguage: null, code: '', line: 1, ...partial };
}
