// Handout plan edges that the mutation run (stryker.config.mjs) showed untested: the order of the
// handout's parts, where leftover sections are slotted, and which diagrams and examples are left
// out because the prose or a solution already shows them. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson, type Diagram, type Example, type Lesson } from '../src/model/lesson.js';
import { planHandout, normalizeCode, type HandoutPart } from '../src/plan/handout-plan.js';

const item = (text: string, line: number) => ({ text, line });
const section = (title: string, line: number, markdown = 'Some prose.') => ({ title, line, markdown });
const diagram = (code: string, line: number): Diagram => ({ title: `Diagram ${line}`, type: 'flowchart', code, line });
const example = (code: string, line: number): Example => ({ title: `Example ${line}`, language: 'yaml', declaredLanguage: 'yaml', code, line });
const exercise = (line: number, solution: string | null = null) => ({ title: 'Try it', prompt: 'Do it.', steps: [], hints: [], solution, instructorNotes: [], line });
const fence = (code: string) => `\`\`\`\n${code}\n\`\`\``;

function lessonWith(fill: Partial<Lesson>): Lesson {
  return { ...createLesson('lessons/m/1.1-x.md', '1.1-x'), ...fill };
}
/** The kinds of the handout's parts, sections by title. */
const kinds = (parts: HandoutPart[]) => parts.map((part) => (part.kind === 'section' ? `section:${part.section.title}` : part.kind));

describe('handout order', () => {
  it('keeps the reading order and slots each section before the first part that follows it', () => {
    const lesson = lessonWith({
      objectives: [item('Build an image', 5)],
      questions: [item('Why containers?', 3)],
      concepts: [{ title: 'Images', line: 10, items: [] }],
      diagrams: [diagram('graph TD\nA-->B', 20)],
      examples: [example('FROM node', 30)],
      practices: [{ title: 'Practices', items: [{ title: 'Pin versions', points: [] }] }],
      caseStudies: [{ title: 'Acme', challenge: 'Slow builds', solution: [], results: [], line: 40 }],
      pitfalls: [item('Huge images', 50)],
      exercises: [exercise(60)],
      reviewQuestions: [item('What is a layer?', 70)],
      keypoints: [item('Layers cache', 80)],
      resources: [{ text: 'Docs', url: 'https://docs.docker.com', line: 90 }],
      nextSteps: [item('Compose', 100)],
      sections: [section('Intro', 0), section('Background', 15), section('Instructor notes', 16), section('Middle', 35), section('Appendix', 200)],
    });
    expect(kinds(planHandout(lesson).parts)).toEqual([
      'objectives', 'concepts', 'section:Background', 'figures', 'examples', 'practices', 'section:Middle', 'case-studies',
      'pitfalls', 'exercises', 'review', 'keypoints', 'resources', 'next-steps', 'section:Intro', 'section:Appendix',
    ]);
  });

  it('places a part by its first known line (0 is unknown)', () => {
    const lesson = lessonWith({
      concepts: [{ title: 'From front matter', line: 0, items: [] }, { title: 'Images', line: 25, items: [] }, { title: 'Layers', line: 45, items: [] }],
      sections: [section('Background', 20), section('Aside', 30)],
    });
    expect(kinds(planHandout(lesson).parts)).toEqual(['section:Background', 'concepts', 'section:Aside']);
  });

  it('puts a section that comes before the objectives first', () => {
    const lesson = lessonWith({ objectives: [item('Build an image', 8)], sections: [section('Overview', 2)] });
    expect(kinds(planHandout(lesson).parts)).toEqual(['section:Overview', 'objectives']);
  });

  it('slots no section before a part whose lines are all unknown', () => {
    const lesson = lessonWith({ objectives: [item('Build an image', 0)], sections: [section('Overview', 2)] });
    expect(kinds(planHandout(lesson).parts)).toEqual(['objectives', 'section:Overview']);
  });

  it('has no parts for an empty lesson, and an objectives part for questions alone', () => {
    expect(planHandout(lessonWith({})).parts).toEqual([]);
    expect(kinds(planHandout(lessonWith({ questions: [item('Why?', 3)] })).parts)).toEqual(['objectives']);
  });
});

describe('figures and examples the prose already shows', () => {
  it('leaves out diagrams shown in a section, but not a diagram with no code', () => {
    const shown = 'graph TD\nA-->B';
    const lesson = lessonWith({
      diagrams: [diagram(`${shown}  \r\n`, 12), diagram('graph LR\nX-->Y', 40), diagram('  ', 41)],
      sections: [section('Walkthrough', 10, `Look:\n\n${fence(shown)}`), section('Later', 35)],
    });
    const plan = planHandout(lesson);
    // The figures part starts at line 40 (the diagram at line 12 is in the prose), so "Later" comes before it.
    expect(plan.parts).toEqual([
      { kind: 'section', section: lesson.sections[0] },
      { kind: 'section', section: lesson.sections[1] },
      { kind: 'figures', diagrams: [1, 2] },
    ]);
    expect(plan.diagramOf('graph LR  \r\nX-->Y\n')).toBe(1);
    expect(plan.diagramOf('graph LR')).toBeUndefined();
  });

  it('leaves out examples shown in a section or in a solution, but not ones in an instructor section', () => {
    const lesson = lessonWith({
      examples: [example('FROM node', 14), example('services: {}', 30), example('kind: Pod', 45), example('apiVersion: v1', 46)],
      exercises: [exercise(60, `Answer:\n\n${fence('services: {}')}`)],
      sections: [section('Walkthrough', 10, fence('FROM node')), section('Later', 20), section('For the instructor', 50, fence('apiVersion: v1'))],
    });
    const plan = planHandout(lesson);
    // The examples part starts at line 30 (the example at line 14 is in the prose), after "Later".
    expect(kinds(plan.parts)).toEqual(['section:Walkthrough', 'section:Later', 'examples', 'exercises']);
    expect(plan.parts[2]).toEqual({ kind: 'examples', examples: [lesson.examples[2], lesson.examples[3]] });
    expect(plan.exampleOf('kind: Pod\n')).toBe(lesson.examples[2]);
  });

  it('keeps every example when the exercises give no solution', () => {
    const lesson = lessonWith({ examples: [example('FROM node', 14)], exercises: [exercise(60)] });
    expect(kinds(planHandout(lesson).parts)).toEqual(['examples', 'exercises']);
  });
});

describe('code compared by content', () => {
  it('ignores line endings, trailing spaces and surrounding blank lines', () => {
    expect(normalizeCode('\n  a  \r\nb\t\r c \n\n')).toBe('a\nb\n c');
  });
});
