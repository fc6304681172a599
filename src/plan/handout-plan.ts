/**
 * The handout's plan: which parts of a lesson the printed handout shows, in reading order. Each
 * leftover section is slotted before the first part that follows it in the source; instructor
 * sections, solutions and code already printed in the prose are left out. Pure: the render turns
 * each part into HTML (render/handout.ts).
 */
import type { Example, Lesson, Section } from '../model/lesson.js';
import { INSTRUCTOR_SECTION } from './lab-tasks.js';

/** One part of the handout, in the order the reader meets it. */
export type HandoutPart =
  | { kind: 'objectives' | 'concepts' | 'practices' | 'case-studies' | 'pitfalls' | 'exercises' | 'review' | 'keypoints' | 'resources' | 'next-steps' }
  /** Diagrams not already shown in the prose, by their index in the lesson. */
  | { kind: 'figures'; diagrams: number[] }
  /** Examples neither in the prose nor an exercise's solution. */
  | { kind: 'examples'; examples: Example[] }
  | { kind: 'section'; section: Section };

export interface HandoutPlan {
  parts: HandoutPart[];
  /** The index of the lesson diagram a Mermaid block in the prose is (matched by its code). */
  diagramOf(code: string): number | undefined;
  /** The lesson example a code block in the prose is (matched by its code). */
  exampleOf(code: string): Example | undefined;
}

/** Code compared by content: line endings and trailing spaces do not count. */
export const normalizeCode = (code: string): string =>
  code.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n').trim();

/** Plans the parts of `lesson` (the lesson itself or its lecture notes) for the handout. */
export function planHandout(lesson: Lesson): HandoutPlan {
  const sections = lesson.sections.filter((s) => !INSTRUCTOR_SECTION.test(s.title));
  const sectionText = sections.map((s) => normalizeCode(s.markdown)).join('\n\n');
  const solutions = lesson.exercises.map((e) => normalizeCode(e.solution ?? '')).join('\n\n');
  const inProse = (code: string) => {
    const normal = normalizeCode(code);
    return normal !== '' && sectionText.includes(normal);
  };

  const diagramIndex = new Map<string, number>();
  lesson.diagrams.forEach((d, i) => diagramIndex.set(normalizeCode(d.code), i));
  const exampleInfo = new Map<string, Example>();
  for (const example of lesson.examples) exampleInfo.set(normalizeCode(example.code), example);

  const whenAny = (count: number, part: HandoutPart): HandoutPart | null => (count === 0 ? null : part);
  const shownDiagrams = lesson.diagrams.map((d, i) => ({ d, i })).filter(({ d }) => !inProse(d.code));
  const shownExamples = lesson.examples.filter((e) => !inProse(e.code) && !(solutions && solutions.includes(normalizeCode(e.code))));

  // Parts in the handout's order, each with the source line it starts at (0: unknown).
  const parts: Array<{ line: number; part: HandoutPart | null }> = [
    { line: firstLine([...lesson.objectives, ...lesson.questions]), part: whenAny(lesson.objectives.length + lesson.questions.length, { kind: 'objectives' }) },
    { line: firstLine(lesson.concepts), part: whenAny(lesson.concepts.length, { kind: 'concepts' }) },
    {
      line: firstLine(lesson.diagrams.filter((d) => !inProse(d.code))),
      part: whenAny(shownDiagrams.length, { kind: 'figures', diagrams: shownDiagrams.map(({ i }) => i) }),
    },
    { line: firstLine(lesson.examples.filter((e) => !inProse(e.code))), part: whenAny(shownExamples.length, { kind: 'examples', examples: shownExamples }) },
    { line: 0, part: whenAny(lesson.practices.length, { kind: 'practices' }) },
    { line: firstLine(lesson.caseStudies), part: whenAny(lesson.caseStudies.length, { kind: 'case-studies' }) },
    { line: firstLine(lesson.pitfalls), part: whenAny(lesson.pitfalls.length, { kind: 'pitfalls' }) },
    { line: firstLine(lesson.exercises), part: whenAny(lesson.exercises.length, { kind: 'exercises' }) },
    { line: firstLine(lesson.reviewQuestions), part: whenAny(lesson.reviewQuestions.length, { kind: 'review' }) },
    { line: firstLine(lesson.keypoints), part: whenAny(lesson.keypoints.length, { kind: 'keypoints' }) },
    { line: firstLine(lesson.resources), part: whenAny(lesson.resources.length, { kind: 'resources' }) },
    { line: firstLine(lesson.nextSteps), part: whenAny(lesson.nextSteps.length, { kind: 'next-steps' }) },
  ];

  // Slot each section before the first later part (by source line); the rest go last.
  const order: Array<{ kind: 'part'; index: number } | { kind: 'section'; section: Section }> = parts.map((_, index) => ({ kind: 'part', index }));
  for (const section of sections) {
    const before = order.findIndex((entry) => entry.kind === 'part' && parts[entry.index]!.line > section.line);
    const place = before < 0 || section.line <= 0 ? order.length : before;
    order.splice(place, 0, { kind: 'section', section });
  }

  return {
    parts: order
      .map((entry) => (entry.kind === 'part' ? parts[entry.index]!.part : { kind: 'section' as const, section: entry.section }))
      .filter((part): part is HandoutPart => part !== null),
    diagramOf: (code) => diagramIndex.get(normalizeCode(code)),
    exampleOf: (code) => exampleInfo.get(normalizeCode(code)),
  };
}

function firstLine(items: Array<{ line: number }>): number {
  const lines = items.map((i) => i.line).filter((l) => l > 0);
  return lines.length > 0 ? Math.min(...lines) : 0;
}
