// A lab-sheet edge that the last mutation run of lab-tasks.ts left alive: a prerequisite item whose
// text starts on the line after its marker (CommonMark allows it) is read even when the marker's line
// ends in a space. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson, type Lesson } from '../src/model/lesson.js';
import { planLab } from '../src/plan/lab-tasks.js';

const prerequisites = (markdown: string) => {
  const lesson: Lesson = { ...createLesson('lessons/m/1.1-x.md', '1.1-x'), title: 'X', sections: [{ title: 'Prerequisites', markdown, line: 3 }] };
  return planLab(lesson).prerequisites;
};

describe('the prerequisites of a lab sheet', () => {
  it('read an item whose text starts on the line after its marker', () => {
    expect(prerequisites('-\n  Docker installed\n- Git')).toEqual(['Docker installed', 'Git']);
    expect(prerequisites('- \n  Docker installed\n- Git')).toEqual(['Docker installed', 'Git']);
  });
});
