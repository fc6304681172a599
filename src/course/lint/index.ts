/**
 * The course-level lint stage: every course rule, run over all the files of a course at once. Pure.
 * Each rule is one file of src/course/lint/rules/, listed here.
 */
import type { Diagnostic } from '../../model/lesson.js';
import type { CourseContext, CourseFile, CourseFileKind, CourseFinding, CourseLintOptions, CourseRule } from './rule.js';
import { navMismatch } from './rules/nav-mismatch.js';
import { crossFileLink } from './rules/broken-link.js';
import { duplicateNumber } from './rules/duplicate-number.js';
import { orphanLesson } from './rules/orphan-lesson.js';

export type { CourseFile, CourseFileKind, CourseFinding, CourseLintOptions, CourseRule } from './rule.js';

/** Every course rule, in the order its messages are most useful to read. */
export const courseRules: CourseRule[] = [navMismatch, orphanLesson, duplicateNumber, crossFileLink];

/** Runs every course rule; returns the findings, file by file in the order of `files`, each in source order. */
export function lintCourse(files: readonly CourseFile[], options: CourseLintOptions = {}): CourseFinding[] {
  const found = new Map<string, Diagnostic[]>();
  const ctx: CourseContext = {
    ...options,
    files,
    byPath: new Map(files.map((file) => [file.path, file])),
    kindOf,
    report(file, rule, message, place) {
      const list = found.get(file.path) ?? [];
      list.push({ severity: rule.severity, rule: rule.id, message, line: place.line, column: place.column });
      found.set(file.path, list);
    },
  };
  for (const rule of courseRules) rule.run(ctx);
  return files.flatMap((file) =>
    (found.get(file.path) ?? []).sort((a, b) => a.line - b.line || a.column - b.column).map((diagnostic) => ({ path: file.path, diagnostic })),
  );
}

function kindOf(file: CourseFile): CourseFileKind {
  if (file.kind) return file.kind;
  const kind = file.lesson.meta.kind;
  return kind === 'module-overview' || kind === 'lecture-notes' || kind === 'document' ? kind : 'lesson';
}
