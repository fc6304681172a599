// Speaker-note and agenda edges that the mutation run (stryker.config.mjs) showed untested: the
// notes' timing cue and transition, minutes per slide, talking points from outlines and code
// comments, and the agenda's topics, parts and columns. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson, type Outline } from '../src/model/lesson.js';
import type { PlannedSlide, SlideKind } from '../src/plan/deck-plan.js';
import { formatNotes, slideMinutes, minutesLabel, listProse, outlineTalkingPoints, codeTalkingPoints, sentence } from '../src/plan/notes.js';
import { planAgenda } from '../src/plan/deck-agenda.js';
import { inlinePlainText } from '../src/render/markdown-safe.js';

const node = (text: string, ...children: Outline[]): Outline => ({ text, children });
const slide = (kind: SlideKind, title: string, extra: Partial<PlannedSlide> = {}): PlannedSlide => ({
  key: `${kind}:${title}`, kind, title, line: 1, part: 1, parts: 1, classes: [], data: {}, say: [], exercise: false, ...extra,
});

describe('notes text', () => {
  it('starts with the timing cue, tidies each talking point and ends with the next slide', () => {
    expect(formatNotes({ minutes: 1.5, say: ['  Say   this\n now ', '', '   '], next: 'Wrap-up' })).toBe('Timing ≈ 1.5 min\nSay this now\nNext: Wrap-up');
  });

  it('says "as needed" without minutes, and closes on the last slide', () => {
    expect(formatNotes({ minutes: null, say: [], next: null })).toBe('Timing as needed\nThis is the last slide: take questions and close.');
  });
});

describe('a talking point', () => {
  it('is trimmed before it gets its full stop (a Mermaid accDescr block keeps its line breaks and indent)', () => {
    expect(sentence('\n    Requests reach the API gateway first\n')).toBe('Requests reach the API gateway first.');
    expect(sentence('  It matters.  ')).toBe('It matters.');
  });
});

describe('minutes per slide', () => {
  const lesson = (teachingMinutes: number | null, exerciseMinutes: number | null) => {
    const model = createLesson('lessons/m/1.1-x.md', '1.1-x');
    model.meta = { teachingMinutes, exerciseMinutes };
    return model;
  };
  const plan = [slide('concept', 'A'), slide('concept', 'B'), slide('concept', 'C'), slide('exercises', 'D', { exercise: true }), slide('exercises', 'E', { exercise: true })];

  it('spreads the teaching time over teaching slides and the exercise time over exercise slides', () => {
    expect(slideMinutes(lesson(30, 10), plan)).toEqual([10, 10, 10, 5, 5]);
  });

  it('gives two minutes a slide when a time is missing', () => {
    expect(slideMinutes(lesson(null, 10), plan)).toEqual([2, 2, 2, 5, 5]);
    expect(slideMinutes(lesson(30, null), plan)).toEqual([10, 10, 10, 2, 2]);
  });

  it.each([
    [0, '15 s'], [0.1, '15 s'], [0.5, '30 s'], [0.74, '45 s'], [0.75, '1 min'], [1.25, '1.5 min'], [2, '2 min'], [2.2, '2 min'],
  ])('labels %d minutes as %j', (minutes, label) => {
    expect(minutesLabel(minutes)).toBe(label);
  });
});

describe('talking points', () => {
  it('joins words as prose', () => {
    expect(listProse([])).toBe('');
    expect(listProse(['a'])).toBe('a');
    expect(listProse(['a', '', 'b'])).toBe('a and b');
    expect(listProse(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('says each top-level item with its sub-points, and spells out what the slide folds away', () => {
    const items = [node('**A**', node('B', node('C', node('D', node('E'))), node('C2'))), node('F'), node('')];
    expect(outlineTalkingPoints(items, inlinePlainText)).toEqual(['A: B.', 'F.', 'More detail (not on the slide): B → C → D; B → C → D → E.']);
  });

  it('adds no detail line when the slide shows everything, and starts a path at the top level when only one level shows', () => {
    expect(outlineTalkingPoints([node('F', node('G'))], inlinePlainText)).toEqual(['F: G.']);
    // A sub-point with no text adds nothing, not an empty list after a colon.
    expect(outlineTalkingPoints([node('Ports', node(''))], inlinePlainText)).toEqual(['Ports.']);
    expect(outlineTalkingPoints([node('A', node('B'))], inlinePlainText, 1)).toEqual(['A: B.', 'More detail (not on the slide): A → B.']);
  });

  it('ends each point with one full stop, keeping the lesson’s own ("matters.." was said)', () => {
    expect(outlineTalkingPoints([node('It matters.'), node('Why?'), node('Note:'), node('Wait…'), node('Plain')], inlinePlainText)).toEqual(['It matters.', 'Why?', 'Note:', 'Wait…', 'Plain.']);
    expect(outlineTalkingPoints([node('Steps', node('one'), node('two.'))], inlinePlainText)).toEqual(['Steps: one and two.']);
    expect(outlineTalkingPoints([node('Steps', node('one'), node('two'))], inlinePlainText)).toEqual(['Steps: one and two.']);
  });

  it('walks through the comments of code, not shebangs, preprocessor lines or comments without words', () => {
    const code = [
      '#!/bin/sh', '# Base image', 'FROM node', '#include <stdio.h>', '#  define X 1', '#if DEBUG', '#endif', '#pragma once',
      '# ifconfig lists interfaces', '  // Connect to the db  ', '-- Select rows', '--- a rule', '; ini comment', '# 123',
      '// done */', '-- note -->', '// Arrows --> point right', '//No space', '// Toggle with #define DEBUG', '// end*/', '# client-->server',
    ].join('\n');
    expect(codeTalkingPoints(code, 20)).toEqual([
      'Base image', 'ifconfig lists interfaces', 'Connect to the db', 'Select rows', 'ini comment', 'done', 'note', 'Arrows --> point right',
      'No space', 'Toggle with #define DEBUG', 'end', 'client-->server',
    ]);
  });

  it('stops after eight comments unless told otherwise', () => {
    const code = Array.from({ length: 10 }, (_, i) => `# step ${i + 1}`).join('\n');
    expect(codeTalkingPoints(code)).toHaveLength(8);
    expect(codeTalkingPoints(code, 2)).toEqual(['step 1', 'step 2']);
  });
});

describe('agenda', () => {
  const one = () => 1;
  const labels = (slides: PlannedSlide[]) => slides.flatMap((s) => s.data.items as string[]);

  it('lists one topic per concept or section, and one for several diagrams, examples or case studies', () => {
    const deck = [
      slide('title', 'Lesson'), slide('objectives', 'Objectives'), slide('concept', 'Containers'), slide('concept', '  Containers '),
      slide('diagram', 'D1', { key: 'diagram:0', data: { diagramTitle: 'Build flow' } }), slide('diagram', 'D2', { key: 'diagram:1' }),
      slide('example', 'Dockerfile', { key: 'example:0' }), slide('example', 'Compose', { key: 'example:1' }),
      slide('case-study', 'Acme', { key: 'case:0' }), slide('case-study', 'Globex', { key: 'case:1' }),
      slide('practices', 'Practices'), slide('pitfalls', 'Pitfalls'), slide('section', 'Part', { data: { section: 'Volumes' } }), slide('section', 'Networks'),
      slide('exercises', 'Exercises'), slide('review', 'Review'), slide('summary', 'Summary'), slide('next-steps', 'Next'), slide('resources', 'Links'),
    ];
    expect(labels(planAgenda(deck, [], one, inlinePlainText))).toEqual([
      'Containers', 'Architecture Diagrams', 'Code Examples', 'Case Studies', 'Best Practices', 'Common Pitfalls', 'Volumes', 'Networks',
      'Hands-on Exercises', 'Check Your Understanding', 'Summary',
    ]);
  });

  it('names a single diagram, example or case study (over all its parts), and keeps "Key Points"', () => {
    const deck = [
      slide('diagram', 'D1', { key: 'diagram:0', data: { diagramTitle: 'Build flow' }, part: 1, parts: 2 }), slide('diagram', 'D1', { key: 'diagram:0', part: 2, parts: 2 }),
      slide('diagram', 'D2', { key: 'diagram:0' }),
      slide('example', 'Dockerfile'), slide('case-study', 'Acme'), slide('summary', '**Key Points**'),
    ];
    // Slides of one key are one diagram: each distinct label once, the diagram's title or else the slide's.
    expect(labels(planAgenda(deck, [], one, inlinePlainText))).toEqual(['Build flow', 'D1', 'D2', 'Example: Dockerfile', 'Acme', 'Key Points']);
  });

  it('is left out when no slide makes a topic', () => {
    expect(planAgenda([slide('title', 'Lesson'), slide('objectives', 'Objectives'), slide('concept', '   ')], [], one, inlinePlainText)).toEqual([]);
  });

  it('packs 14 topics a slide, numbered on, with the instructor notes on the first', () => {
    const deck = Array.from({ length: 20 }, (_, i) => slide('concept', `Topic ${i + 1}`));
    const agenda = planAgenda(deck, ['Bring adapters'], one, inlinePlainText);
    expect(agenda.map(({ key, kind, title, line, part, parts, exercise }) => ({ key, kind, title, line, part, parts, exercise }))).toEqual([
      { key: 'agenda', kind: 'agenda', title: 'Agenda', line: 1, part: 1, parts: 2, exercise: false },
      { key: 'agenda', kind: 'agenda', title: 'Agenda', line: 1, part: 2, parts: 2, exercise: false },
    ]);
    expect(agenda.map((s) => [(s.data.items as string[]).length, s.data.start])).toEqual([[10, 1], [10, 11]]);
    expect(agenda[0].say).toEqual(['Walk through the plan for the session so learners know what to expect.', 'Instructor note: Bring adapters']);
    expect(agenda[1].say).toEqual(['Walk through the plan for the session so learners know what to expect.']);
  });

  it('sets more than eight topics on a slide in two columns', () => {
    const deck = (n: number) => Array.from({ length: n }, (_, i) => slide('concept', `Topic ${i + 1}`));
    expect(planAgenda(deck(8), [], one, inlinePlainText)[0].classes).toEqual([]);
    expect(planAgenda(deck(9), [], one, inlinePlainText)[0].classes).toEqual(['columns']);
    // Sixteen topics make two slides of eight: one column each.
    expect(planAgenda(deck(16), [], one, inlinePlainText).map((s) => s.classes)).toEqual([[], []]);
    // Split in two by the build's tuning: four and five topics, one column each.
    const split = planAgenda(deck(9), [], (key) => (key === 'agenda' ? 2 : 1), inlinePlainText);
    expect(split.map((s) => [s.classes, (s.data.items as string[]).length])).toEqual([[[], 4], [[], 5]]);
  });
});
