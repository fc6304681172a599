// Shared by the tests of boxes written in other tools' syntax (admonitions, shortcodes, <details>):
// a tree's outline, and the check that a box read as a solution stays out of its exercise's prompt.
import { expect } from 'vitest';
import { VFile } from 'vfile';
import type { Root, RootContent } from 'mdast';
import { parseLesson } from '../../src/parse/parse.js';
import { analyze } from './render.js';

/** Lesson text parsed as Lectern parses it. */
export function parseAt(path: string): (value: string) => Root {
  return (value) => parseLesson(new VFile({ path, value }));
}

/** Each node's type; a div as `div:name[its children]`, a heading as `hN:text`. */
export function outline(nodes: RootContent[]): string[] {
  return nodes.map((node) =>
    node.type === 'fencedDiv'
      ? `div:${node.name}[${outline(node.children).join(', ')}]`
      : node.type === 'heading'
        ? `h${node.depth}:${(node.children[0] as { value: string }).value}`
        : node.type,
  );
}

/** The lesson has one exercise, whose solution holds `answer` and whose prompt does not. */
export function expectSolutionKeptOut(markdown: string, path: string, answer: string): void {
  const lesson = analyze(markdown, path);
  expect(lesson.exercises).toHaveLength(1);
  expect(lesson.exercises[0]!.prompt).not.toContain(answer);
  expect(lesson.exercises[0]!.solution).toContain(answer);
}
