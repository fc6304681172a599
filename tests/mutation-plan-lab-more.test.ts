// A lab-sheet edge that the last mutation run of lab-tasks.ts left alive: a prerequisite item whose
// text starts on the line after its marker (CommonMark allows it) is read even when the marker's line
// ends in a space. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson, type Lesson } from '../src/model/lesson.js';
import { planLab, taskExamples } from '../src/plan/lab-tasks.js';

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

describe('lab tasks, survivors of the rerun on the merged code (2026-12-07)', () => {
  const base = (): Lesson => ({ ...createLesson('lessons/m/1.1-x.md', '1.1-x'), title: 'X' });
  const exercise = (title: string, solution: string | null = null) => ({ title, prompt: `Do ${title}.`, steps: [], hints: [], solution, instructorNotes: [], line: 5 });

  it('gives a discussion and the review questions no common mistakes of their own', () => {
    const lesson: Lesson = {
      ...base(),
      caseStudies: [{ title: 'Retail outage', challenge: 'Checkout failed at peak.', solution: ['Added a queue'], results: ['No lost orders'], line: 9 }],
      reviewQuestions: [{ text: 'Why use a queue?', line: 20 }],
    };
    const tasks = planLab(lesson).tasks;
    expect(tasks.map((task) => [task.kind, task.commonMistakes])).toEqual([
      ['discussion', []],
      ['review', []],
    ]);
  });

  it('gives the spare minute to the first of tasks with equal shares', () => {
    const lesson: Lesson = { ...base(), exercises: [exercise('A'), exercise('B'), exercise('C')] };
    expect(planLab(lesson, null, 10).tasks.map((task) => task.minutes)).toEqual([4, 3, 3]);
  });

  it('makes no task of an example that a solution quotes, though its fence starts with a blank line', () => {
    const dockerfile = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]';
    const example = { title: 'The image', language: 'dockerfile', declaredLanguage: 'dockerfile', code: `\n${dockerfile}`, line: 12 };
    const quoted: Lesson = { ...base(), examples: [example], exercises: [exercise('Build it', `${dockerfile}\n\nThen run \`docker build .\`.`)] };
    expect(taskExamples(quoted)).toEqual([]);
    // The twin: without the solution quoting it, the same example is a task.
    expect(taskExamples({ ...quoted, exercises: [exercise('Build it', 'Run `docker build .`.')] })).toEqual([example]);
  });
});
