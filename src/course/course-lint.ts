/**
 * The course rules applied to a loaded course: their findings by file, and added to the lesson
 * reports of a build. Added after the lessons are built, so the lesson cache never holds them and
 * they are always as fresh as the course.
 */
import { existsSync } from 'node:fs';
import type { Course } from '../orchestrate/course.js';
import type { LessonReport } from '../orchestrate/build.js';
import type { Diagnostic } from '../model/lesson.js';
import { courseFiles } from './course-files.js';
import { lintCourse } from './lint/index.js';

/** The course rules' findings, by the file's printed path. */
export function courseDiagnostics(course: Course): Map<string, Diagnostic[]> {
  const printed = new Map(course.files.map((doc) => [doc.absolute, doc.path]));
  const found = new Map<string, Diagnostic[]>();
  for (const { path, diagnostic } of lintCourse(courseFiles(course), { fileExists: existsSync, roots: course.roots })) {
    const key = printed.get(path) ?? path;
    found.set(key, [...(found.get(key) ?? []), diagnostic]);
  }
  return found;
}

/** Adds the course rules' findings to each lesson's report, keeping every list in reading order. */
export function addCourseDiagnostics(course: Course, reports: LessonReport[]): void {
  const found = courseDiagnostics(course);
  for (const report of reports) {
    const extra = found.get(report.source);
    if (!extra) continue;
    report.diagnostics = [...report.diagnostics, ...extra].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}
