/**
 * `duplicate-number`: no two lessons of a course share a number ("6.7" twice makes the index,
 * the module books and every "see lesson 6.7" ambiguous). Each lesson involved is warned, naming the others.
 */
import { relativeName, titlePlace } from '../places.js';
import type { CourseFile, CourseRule } from '../rule.js';

export const duplicateNumber: CourseRule = {
  id: 'duplicate-number',
  severity: 'warning',
  run(ctx) {
    const byNumber = new Map<string, CourseFile[]>();
    for (const file of ctx.files) {
      const { number } = file.lesson;
      if (ctx.kindOf(file) !== 'lesson' || number === null) continue;
      byNumber.set(number, [...(byNumber.get(number) ?? []), file]);
    }
    for (const [number, files] of byNumber) {
      if (files.length < 2) continue;
      for (const file of files) {
        const others = files.filter((other) => other !== file).map((other) => relativeName(file.path, other.path));
        ctx.report(file, duplicateNumber, `Lesson number ${number} is also used by ${others.join(', ')}`, titlePlace(file));
      }
    }
  },
};
