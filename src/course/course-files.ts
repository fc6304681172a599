/** The course as the course rules see it: every file with what it is. */
import type { Course, SourceDoc } from '../orchestrate/course.js';
import type { CourseFile } from './lint/index.js';
import { outlineOf } from '../cache/analysis-cache.js';

/** Lessons, module READMEs, lecture notes and documents of the course, each once. */
export function courseFiles(course: Course): CourseFile[] {
  const files = new Map<string, CourseFile>();
  const add = (doc: SourceDoc, kind: CourseFile['kind']) => {
    if (!files.has(doc.absolute)) files.set(doc.absolute, { path: doc.absolute, lesson: doc.analysis.lesson, tree: outlineOf(doc.analysis), kind });
  };
  for (const doc of course.lessons) add(doc, 'lesson');
  for (const module of course.modules) if (module.overview) add(module.overview, 'module-overview');
  for (const doc of course.notes.values()) add(doc, 'lecture-notes');
  for (const doc of course.documents) add(doc, 'document');
  return [...files.values()];
}
