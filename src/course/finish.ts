/**
 * Course-level outputs made after every lesson is built: the module books (merged PDFs of the
 * module's handouts and of its lab sheets). The PDF tools are loaded only when a book is due, so
 * this step costs nothing in a build that makes none.
 */
import { existsSync } from 'node:fs';
import type { BrowserManager } from '../browser/manager.js';
import type { Course } from '../orchestrate/course.js';
import type { BookParts } from '../orchestrate/build.js';
import type { Templates } from '../render/templates.js';
import type { Progress } from '../orchestrate/progress.js';
import { EnvironmentError } from '../errors.js';
import { planBooks } from './book-plan.js';
import { readBookManifest, writeBookManifest, type BookRecord } from './book-manifest.js';

export interface CourseJob {
  outRoot: string;
  course: Course;
  /** One per built lesson: where its handout and lab PDFs are. */
  reports: readonly BookParts[];
  manager: BrowserManager;
  templates: Templates;
  assets: Record<string, string>;
  progress: Progress;
  paper: 'a4' | 'letter';
}

/** Writes the course-level outputs. */
export async function finishCourse(job: CourseJob): Promise<void> {
  const plans = planBooks(job.course, job.reports, job.outRoot, existsSync);
  const previous = await readBookManifest(job.outRoot);
  const records: BookRecord[] = [];
  if (plans.length > 0) {
    const { makeBook, bookPath } = await import('./book.js');
    // Books are independent: they merge side by side (their contents pages share the page pool).
    const made = await Promise.all(
      plans.map(async (plan) => {
        const path = bookPath(plan.module.dir, plan.kind);
        try {
          const record = await makeBook({
            manager: job.manager,
            templates: job.templates,
            outRoot: job.outRoot,
            paper: job.paper,
            courseTitle: job.course.title === plan.module.title ? null : job.course.title,
            module: plan.module,
            kind: plan.kind,
            sources: plan.sources,
            previous: previous.find((record) => record.report.path === path),
          });
          const { pages, cacheHit } = record.report;
          job.progress.line(`${path}  ${cacheHit ? 'unchanged' : `${pages} pages from ${plan.sources.length} lesson${plan.sources.length === 1 ? '' : 's'}`}`);
          return record;
        } catch (error) {
          // No Chromium or a full disk stops the build; a PDF that cannot be merged costs only its book.
          if (error instanceof EnvironmentError) throw error;
          job.progress.line(`${path}  not made: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          return null;
        }
      }),
    );
    for (const record of made) if (record) records.push(record);
  }
  await writeBookManifest(job.outRoot, records);
}
