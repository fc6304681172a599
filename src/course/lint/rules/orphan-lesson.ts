/**
 * `orphan-lesson`: in a module with a README, every lesson must be reachable from it: linked from the
 * README, or reached from a linked lesson by following next links. A lesson nobody links is one
 * learners browsing the course never find. Modules without a README are not checked.
 */
import { dirname } from 'node:path';
import { visit } from 'unist-util-visit';
import { linkTarget } from '../../links.js';
import { titlePlace } from '../places.js';
import type { CourseFile, CourseRule } from '../rule.js';

export const orphanLesson: CourseRule = {
  id: 'orphan-lesson',
  severity: 'warning',
  run(ctx) {
    const isLesson = (path: string | null): path is string => path !== null && ctx.byPath.has(path) && ctx.kindOf(ctx.byPath.get(path)!) === 'lesson';
    const folders = new Map<string, CourseFile[]>();
    for (const file of ctx.files) {
      if (ctx.kindOf(file) === 'module-overview') folders.set(dirname(file.path), [...(folders.get(dirname(file.path)) ?? []), file]);
    }
    for (const [folder, overviews] of folders) {
      const lessons = ctx.files.filter((file) => ctx.kindOf(file) === 'lesson' && dirname(file.path) === folder);
      if (lessons.length === 0 || overviews.some((overview) => !overview.tree)) continue;
      const queue: string[] = [];
      for (const overview of overviews) {
        visit(overview.tree!, (node) => {
          if (node.type === 'link' || node.type === 'definition') {
            const target = linkTarget(overview.path, node.url);
            if (isLesson(target)) queue.push(target);
          }
        });
      }
      const reached = new Set<string>();
      while (queue.length > 0) {
        const path = queue.shift()!;
        if (reached.has(path)) continue;
        reached.add(path);
        const next = ctx.byPath.get(path)!.lesson.navigation.next;
        const target = next ? linkTarget(path, next.href) : null;
        if (isLesson(target)) queue.push(target);
      }
      const name = overviews[0]!.path.split(/[\\/]/).pop();
      for (const lesson of lessons) {
        if (reached.has(lesson.path)) continue;
        ctx.report(lesson, orphanLesson, `Lesson is not reachable from the module overview ${name}: link it there, or from the previous lesson's next link`, titlePlace(lesson));
      }
    }
  },
};
