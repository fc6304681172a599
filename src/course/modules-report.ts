/** The `modules` part of the build report: each module's README, lessons, documents and books. Pure. */
import type { Course } from '../orchestrate/course.js';
import type { Diagnostic } from '../model/lesson.js';
import type { BookRecord } from './book-manifest.js';
import { documentTitle } from './classify.js';
import { documentPage } from './course-links.js';
import type { ModuleReport } from './report.js';

/**
 * One entry per module of the course, in course order. `books` are the books the last course step
 * made; `courseFindings` the course rules' findings by printed path (for documents and READMEs,
 * which have no lesson report to carry them).
 */
export function describeModules(course: Course, books: readonly BookRecord[], courseFindings: ReadonlyMap<string, Diagnostic[]>): ModuleReport[] {
  const withFindings = (path: string, own: Diagnostic[]) =>
    [...own, ...(courseFindings.get(path) ?? [])].sort((a, b) => a.line - b.line || a.column - b.column);
  return course.modules.map((module) => ({
    dir: module.dir,
    title: module.title,
    overview: module.overview ? { source: module.overview.path, diagnostics: withFindings(module.overview.path, module.overview.analysis.lesson.diagnostics) } : null,
    lessons: module.lessons.map((doc) => doc.path),
    documents: module.documents.map((doc) => ({
      source: doc.path,
      id: doc.analysis.lesson.id,
      title: documentTitle(doc.analysis.lesson),
      page: documentPage(doc),
      diagnostics: withFindings(doc.path, doc.analysis.lesson.diagnostics),
    })),
    books: books.filter((record) => record.module === module.dir).map((record) => record.report),
  }));
}
