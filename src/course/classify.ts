/**
 * src/course/ is what Lectern knows about a course as a whole, beyond each lesson: which files are
 * lessons (this file), their order and their lecture notes (order.ts, notes.ts), links between files,
 * lesson timing, the index's module overviews and document pages, the module books (merged PDFs:
 * book*.ts, finish.ts) and the course-level lint (lint/). Finding the files on disk is the job of
 * src/orchestrate/course.ts.
 *
 * This file: lessons and documents. A course folder holds more than lessons: a curriculum overview, a
 * glossary, unpaired notes. A Markdown file found in a folder (not named on the command line) that is
 * not a module README and not a lesson's lecture notes is a lesson only when it has a title and either
 * learning objectives or a lesson number (in its title or file name). Anything else is a document:
 * listed in the index, never built, and not held to the rules only lessons must follow. A file named on
 * the command line is always built as a lesson.
 */
import type { VFile } from 'vfile';
import type { Lesson } from '../model/lesson.js';
import { diagnosticsOf, type Analysis } from '../pipeline.js';
import { frontMatterKind, lessonLayout } from './explicit-kind.js';

/** Rules that only make sense for a lesson: a document need not have a title or objectives. */
const LESSON_ONLY_RULES = new Set(['missing-title', 'missing-objectives']);

/** True when a file found in a course folder is a lesson rather than a document. */
export function looksLikeLesson(lesson: Lesson): boolean {
  // Front matter `lectern: lesson | document` wins over the guess (explicit-kind.ts).
  const chosen = frontMatterKind(lesson.meta);
  if (chosen) return chosen === 'lesson';
  return lesson.title.trim() !== '' && (lesson.objectives.length > 0 || lesson.number !== null || numberedName(lesson.id) || lessonLayout(lesson.meta));
}

/**
 * A file name that places a page in a numbered sequence, as tutorials and class notes name their pages:
 * `01-intro`, `1_setup`, `4_1_2_what-is-x`, `lesson-3`, `week-2`, `day1`, `part_2`.
 */
const NUMBERED_NAME = /^(?:\d+[-_.]|(?:lesson|week|day|part|module|chapter|unit|session|episode|lecture|class)[-_ ]?\d+(?:[-_.]|$))/i;

export function numberedName(id: string): boolean {
  return NUMBERED_NAME.test(id);
}

/** Drops the lesson-only messages from an analysed file, so a document never fails a build for them. */
export function treatAsDocument(analysis: Analysis): void {
  const file: VFile = analysis.file;
  file.messages = file.messages.filter((message) => !LESSON_ONLY_RULES.has(message.ruleId ?? ''));
  analysis.lesson.diagnostics = diagnosticsOf(file);
}

/** A document's title for lists: its own, or one made from its file name ("curriculum-overview" → "Curriculum overview"). */
export function documentTitle(lesson: Lesson): string {
  if (lesson.title.trim()) return lesson.title.trim();
  const words = lesson.id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
