/**
 * `duplicate-number`: no two lessons of a course share a number ("6.7" twice makes the index,
 * the module books and every "see lesson 6.7" ambiguous). Each lesson involved is warned, naming the others.
 * Numbers that are only a page's place in its folder (`01-…`, `02-…`) are compared per folder (number-scope.ts).
 */
import { relativeName, titlePlace } from '../places.js';
import { numberScope } from '../number-scope.js';
import type { CourseFile, CourseRule } from '../rule.js';

export const duplicateNumber: CourseRule = {
  id: 'duplicate-number',
  severity: 'warning',
  run(ctx) {
    const byNumber = new Map<string, CourseFile[]>();
    for (const file of ctx.files) {
      const { number } = file.lesson;
      if (ctx.kindOf(file) !== 'lesson' || number === null) continue;
      const key = numberScope(file.path, file.lesson.id, number);
      byNumber.set(key, [...(byNumber.get(key) ?? []), file]);
    }
    for (const files of byNumber.values()) {
      if (files.length < 2) continue;
      for (const file of files) {
        const { number } = file.lesson;
        const others = files.filter((other) => other !== file).map((other) => relativeName(file.path, other.path));
        ctx.report(file, duplicateNumber, `Lesson number ${number} is also used by ${others.join(', ')}`, titlePlace(file));
      }
    }
  },
};
