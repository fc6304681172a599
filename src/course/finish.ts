/**
 * Course-level outputs made after every lesson is built: per-module books (merged PDFs) and the like.
 */
import type { BrowserManager } from '../browser/manager.js';
import type { Course } from '../build/course.js';
import type { LessonReport } from '../build/build.js';
import type { Templates } from '../render/templates.js';
import type { Progress } from '../build/progress.js';

export interface CourseJob {
  outRoot: string;
  course: Course;
  /** One per built lesson, in course order. */
  reports: LessonReport[];
  manager: BrowserManager;
  templates: Templates;
  assets: Record<string, string>;
  progress: Progress;
  paper: 'a4' | 'letter';
}

/** Writes the course-level outputs. */
export async function finishCourse(job: CourseJob): Promise<void> {
  void job;
}
