/**
 * What a course-level lint rule is. Course rules look across files (navigation chains, links into
 * other lessons, lesson numbers), so they run over the whole course at once. They are pure: they read
 * the files' models and trees and return findings; the file system is reached only through `fileExists`.
 */
import type { Root } from 'mdast';
import type { Diagnostic, Lesson, Severity } from '../../model/lesson.js';

/** What a file is in the course (see `../classify.ts`). */
export type CourseFileKind = 'lesson' | 'module-overview' | 'lecture-notes' | 'document';

export interface CourseFile {
  /** Absolute path; links are resolved against it. */
  path: string;
  lesson: Lesson;
  /** The parsed Markdown; without it, rules that read links and headings skip the file. */
  tree?: Root;
  /** The `#fragment`s the file answers to (heading slugs), when there is no tree to read them from. */
  anchors?: readonly string[];
  /** Defaults to the lesson's `meta.kind` (`lesson` when it has none). */
  kind?: CourseFileKind;
}

export interface CourseFinding {
  /** The file the diagnostic belongs to (`CourseFile.path`). */
  path: string;
  diagnostic: Diagnostic;
}

export interface CourseLintOptions {
  /** Answers whether an absolute path exists; without it, links to files outside the course are not judged. */
  fileExists?: (absolutePath: string) => boolean;
  /** The course's input folders: a navigation link to an existing file below them that is no lesson is a mismatch. */
  roots?: readonly string[];
}

export interface CourseContext extends CourseLintOptions {
  files: readonly CourseFile[];
  /** Files by path. */
  byPath: ReadonlyMap<string, CourseFile>;
  kindOf(file: CourseFile): CourseFileKind;
  report(file: CourseFile, rule: Pick<CourseRule, 'id' | 'severity'>, message: string, place: { line: number; column: number }): void;
}

export interface CourseRule {
  /** Stable kebab-case id, printed with every message and documented in the README. */
  id: string;
  severity: Severity;
  run(ctx: CourseContext): void;
}
