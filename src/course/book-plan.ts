/**
 * Which module books a build can make, and from which lesson PDFs. A module gets a book of each kind
 * when its lessons were found in a folder (a lesson named on the command line is built on its own),
 * every lesson this build did not touch still has its PDF in OUT (so a partial rebuild keeps the
 * book whole and a shard never makes half a book), and at least one lesson has that PDF. A lesson
 * this build failed to print is left out of the book.
 */
import { join } from 'node:path';
import type { Course, Module } from '../orchestrate/course.js';
import type { BookParts } from '../orchestrate/build.js';
import { lessonOutDir } from '../output/paths.js';
import type { BookSource } from './book.js';
import type { BookKind } from './report.js';

export interface BookPlan {
  module: Module;
  kind: BookKind;
  sources: BookSource[];
}

/** The lesson PDF each kind of book is made of. */
export const PART: Record<BookKind, string> = { handouts: 'handout.pdf', labs: 'lab.pdf' };

const FILE: Record<BookKind, string> = { handouts: 'module-handouts.pdf', labs: 'module-labs.pdf' };

/** The OUT-relative path of a module's book. */
export function bookPath(moduleDir: string, kind: BookKind): string {
  return moduleDir ? `${moduleDir}/${FILE[kind]}` : FILE[kind];
}

/** The books to make, module by module in course order. */
export function planBooks(course: Course, reports: readonly BookParts[], outRoot: string, exists: (path: string) => boolean): BookPlan[] {
  const bySource = new Map(reports.map((report) => [report.source, report]));
  const plans: BookPlan[] = [];
  for (const module of course.modules) {
    if (module.lessons.length === 0 || module.lessons.some((doc) => doc.named)) continue;
    for (const kind of ['handouts', 'labs'] as const) {
      const sources: BookSource[] = [];
      let complete = true;
      for (const doc of module.lessons) {
        const { lesson } = doc.analysis;
        const report = bySource.get(doc.path);
        let pdf: string | null = null;
        if (report) {
          const artifact = `${report.outDir}/${PART[kind]}`;
          if (report.artifacts.includes(artifact)) pdf = join(outRoot, artifact);
        } else {
          const path = join(lessonOutDir(outRoot, doc.moduleDir, lesson.id), PART[kind]);
          if (exists(path)) pdf = path;
          else complete = false;
        }
        if (pdf) sources.push({ source: doc.path, title: lesson.title || lesson.id, number: lesson.number, pdf });
      }
      if (complete && sources.length > 0) plans.push({ module, kind, sources });
    }
  }
  return plans;
}
