// Issue 19: `duplicate-number` in folder courses. Two modules that each number their pages 01-, 02-… do not
// clash; two 02- pages in one folder, and a dotted 6.7 used in two folders, still do.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadCourse } from '../src/orchestrate/course.js';
import { courseFiles } from '../src/course/course-files.js';
import { lintCourse } from '../src/course/lint/index.js';
import { numberScope } from '../src/course/lint/number-scope.js';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'tests', 'fixtures-course', 'duplicate-number-folders');

async function findings(): Promise<string[]> {
  const course = await loadCourse([dir], root);
  return lintCourse(courseFiles(course), { fileExists: existsSync, roots: course.roots })
    .filter(({ diagnostic }) => diagnostic.rule === 'duplicate-number')
    .map(({ path, diagnostic }) => `${relative(dir, path).split(sep).join('/')}: ${diagnostic.message}`)
    .sort();
}

describe('duplicate-number in a course of numbered module folders (issue 19)', () => {
  it('compares per-folder page numbers per folder, dotted numbers course-wide', async () => {
    expect(await findings()).toEqual([
      'module-a/6.7-volumes.md: Lesson number 6.7 is also used by ../module-b/6.7-networks.md',
      'module-b/02-again.md: Lesson number 2 is also used by ./02-more.md',
      'module-b/02-more.md: Lesson number 2 is also used by ./02-again.md',
      'module-b/6.7-networks.md: Lesson number 6.7 is also used by ../module-a/6.7-volumes.md',
    ]);
  });

  it('scopes a number to the folder only when it is the page\'s place in the file name', () => {
    expect(numberScope('/c/a/01-intro.md', '01-intro', '1')).toBe(numberScope('/c/a/01-other.md', '01-other', '1'));
    expect(numberScope('/c/a/01-intro.md', '01-intro', '1')).not.toBe(numberScope('/c/b/01-intro.md', '01-intro', '1'));
    // A title number that is not the file's place, a dotted number, or class notes named 4_1_2_: course-wide.
    expect(numberScope('/c/a/intro.md', 'intro', '3')).toBe('3');
    expect(numberScope('/c/a/02-intro.md', '02-intro', '3')).toBe('3');
    expect(numberScope('/c/a/6.7-x.md', '6.7-x', '6.7')).toBe('6.7');
    expect(numberScope('/c/a/4_1_2_x.md', '4_1_2_x', '4')).toBe('4');
  });
});
