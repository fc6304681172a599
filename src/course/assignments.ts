/**
 * A lesson folder's `assignment.md` belongs to its lesson (see lesson-folders.ts). It becomes the lesson's
 * last exercise, so its instructions and rubric reach the lab sheets, where students work from them and
 * instructors grade by them; the lesson's own "## Assignment" section (a link to the file, often with a
 * word of advice) is the start of that exercise instead of a loose section. The assignment is then not a
 * document of its own, as lecture notes paired with a lesson are not. Pure.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Lesson } from '../model/lesson.js';
import { blockMarkdown } from '../extract/markdown.js';
import { normalizeHeading } from '../extract/headings.js';

const ASSIGNMENT_SECTION = /^(?:your )?(?:assignments?|homework)$/;

/** The assignment's text below its title, its headings set under the exercise's (## Rubric → #### Rubric). */
function assignmentBody(tree: Root): string {
  const nodes = tree.children.filter((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
  const title = nodes.findIndex((node) => node.type === 'heading');
  const body = nodes.filter((node, index) => !(index === title && node.type === 'heading' && node.depth === 1));
  return blockMarkdown(body.map((node) => (node.type === 'heading' ? ({ ...node, depth: Math.min(6, node.depth + 2) } as Heading) : node)) as RootContent[]);
}

/** True when a section's Markdown is only a link to the assignment (`[Reading the docs](assignment.md)`). */
function onlyTheLink(paragraph: string, fileName: string): boolean {
  return new RegExp(`^\\[[^\\]]*\\]\\((?:\\./)?${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`, 'i').test(paragraph.trim());
}

/**
 * Adds the assignment (its title, tree and file name) to the lesson as an exercise, taking the lesson's
 * "Assignment" section in as the exercise's opening words.
 */
export function attachAssignment(lesson: Lesson, assignment: { title: string; tree: Root; fileName: string }): void {
  const at = lesson.sections.findIndex((section) => ASSIGNMENT_SECTION.test(normalizeHeading(section.title)));
  const section = at >= 0 ? lesson.sections.splice(at, 1)[0]! : null;
  const opening = (section?.markdown ?? '')
    .split(/\n{2,}/)
    .filter((paragraph) => !onlyTheLink(paragraph, assignment.fileName))
    .join('\n\n');
  const body = assignmentBody(assignment.tree);
  lesson.exercises.push({
    title: assignment.title ? `Assignment: ${assignment.title}` : 'Assignment',
    prompt: [opening, body].filter((part) => part.trim() !== '').join('\n\n'),
    steps: [],
    hints: [],
    solution: null,
    instructorNotes: [],
    line: section?.line ?? 0,
  });
}
