/**
 * The one line a build prints for a folder whose pages are all documents (issue 19): it builds nothing
 * there, so it says why and names the config line that makes those pages lessons.
 */
import { lessonsConfigLine } from '../course/explicit-kind.js';
import type { Course } from './course.js';

export function noLessonLines(course: Course, configFile = 'lectern.config.yaml'): string[] {
  const lines: string[] = [];
  for (const module of course.modules) {
    if (module.lessons.length > 0 || module.documents.length === 0) continue;
    const count = module.documents.length;
    lines.push(
      `${module.dir || module.title}: no lesson found, ${count} document${count === 1 ? '' : 's'} ` +
        '(a page is a lesson when it has a "## Learning Objectives" list, a number in its title or file name like 01-intro.md, ' +
        `or front matter "lectern: lesson"); to make ${count === 1 ? 'it a lesson' : 'them lessons'}, add  ${lessonsConfigLine(module.dir)}  to ${configFile}`,
    );
  }
  return lines;
}
