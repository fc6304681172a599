/** Small pure helpers shared by the lint rules. */
import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import type { Lesson } from '../model/lesson.js';
import type { Place } from './rule.js';

/** True for ordinary lessons; module overviews and lecture notes are not held to lesson-only rules. */
export function isLesson(lesson: Lesson): boolean {
  const kind = lesson.meta.kind;
  return kind === undefined || kind === null || kind === 'lesson';
}

/** Strips inline Markdown (emphasis, code, links, images) from a one-line text. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The place of the first node of one of `types` that starts on `line` (its first child's start for
 * list items, so a bullet's text is pointed at, not its marker); column 1 when the tree has none.
 */
export function placeAtLine(tree: Root, line: number, types: readonly string[]): Place {
  let found: Place | undefined;
  visit(tree, (node) => {
    const position = node.position;
    // Whole subtrees before or after the line cannot hold it.
    if (position && (position.end.line < line || position.start.line > line)) return SKIP;
    if (!types.includes(node.type) || position?.start.line !== line) return undefined;
    const first = node.type === 'listItem' ? (node as Nodes & { children: Nodes[] }).children[0] : undefined;
    const start = first?.position?.start.line === line ? first.position.start : position.start;
    found = { line, column: start.column };
    return EXIT;
  });
  return found ?? { line: Math.max(1, line), column: 1 };
}

/** A heading's text with emoji, leading numbering ("1.", "2.3)") and trailing colons removed. */
export function normaliseHeading(heading: Heading): string {
  return toString(heading)
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]/gu, '')
    .replace(/^\s*\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/[\s:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
