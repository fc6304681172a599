/**
 * `---` between parts as a slide break (the Marp convention), for lessons not in the house format
 * (issue 19). Class notes and tutorial pages mark their parts with thematic breaks; the house format
 * uses them as decoration, so its decks ignore them as before. Pure.
 */
import { VFile } from 'vfile';
import type { Lesson } from '../model/lesson.js';
import { parseLesson } from '../parse/parse.js';

/**
 * True when a lesson's `---` lines start new slides: none of the house format's own sections (objectives,
 * concepts, practices, case studies) was recognised in it, so it is written in parts of its own.
 */
export function breaksAtRules(lesson: Lesson): boolean {
  return lesson.objectives.length === 0 && lesson.concepts.length === 0 && lesson.practices.length === 0 && lesson.caseStudies.length === 0;
}

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };

/**
 * A section's Markdown cut at its top-level thematic breaks (the breaks themselves go). Each piece keeps
 * the section's link definitions, so a reference link still resolves in a part other than its definition's.
 */
export function splitAtRules(markdown: string): string[] {
  // A leading newline: a section that opens with `---` is a break, not front matter.
  const text = `\n${markdown}`;
  const tree = parseLesson(new VFile({ value: text }));
  const rules = tree.children.filter((node) => node.type === 'thematicBreak');
  if (rules.length === 0) return [markdown];
  const start = (node: Positioned) => node.position?.start.offset ?? 0;
  const end = (node: Positioned) => node.position?.end.offset ?? 0;
  const definitions = tree.children.filter((node) => node.type === 'definition').map((node) => text.slice(start(node), end(node))).join('\n');
  const pieces: string[] = [];
  let from = 0;
  for (const rule of rules) {
    pieces.push(text.slice(from, start(rule)));
    from = end(rule);
  }
  pieces.push(text.slice(from));
  return pieces.map((piece) => (definitions ? `${piece}\n\n${definitions}\n` : piece));
}
