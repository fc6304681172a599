// Deck closing-slide edges that the mutation run (stryker.config.mjs) showed untested: the exercises
// slide (titles, one-line prompts, notes, lab link), review questions, the summary or recap, next
// steps and resources (URL labels), and where each splits. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson, type Exercise, type Lesson } from '../src/model/lesson.js';
import type { RenderContext } from '../src/render/context.js';
import { planDeck, type DeckTuning, type PlannedSlide, type SlideKind } from '../src/plan/deck-plan.js';

const item = (text: string, line: number) => ({ text, line });
const exercise = (title: string, prompt: string, fill: Partial<Exercise> = {}): Exercise => ({
  title, prompt, steps: [], hints: [], solution: null, instructorNotes: [], line: 40, ...fill,
});

function deckOf(fill: Partial<Lesson>, lab = 'lab.pdf', tuning: DeckTuning = {}): PlannedSlide[] {
  const lesson = { ...createLesson('lessons/m/1.1-x.md', '1.1-x'), title: 'Containers', ...fill };
  const context: RenderContext = {
    lesson, courseTitle: 'Course', moduleTitle: 'Module', diagrams: [], images: {}, notes: null, notesDiagrams: [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab, labInstructor: 'lab-instructor.pdf' }, paper: 'a4', theme: 'lectern', version: '0.0.0-test',
  };
  return planDeck(context, tuning);
}
const ofKind = (slides: PlannedSlide[], kind: SlideKind) => slides.filter((slide) => slide.kind === kind);
const many = (n: number, what: string) => Array.from({ length: n }, (_, i) => item(`${what} ${i + 1}`, 60 + i));

describe('exercises slide', () => {
  it('lists each exercise with a one-line prompt and points to the lab sheet', () => {
    const [slide] = ofKind(deckOf({ exercises: [exercise('Build it', 'Write a *Dockerfile*.\n\nThen run it.'), exercise('', 'Push it.')] }), 'exercises');
    expect(slide).toMatchObject({ title: 'Hands-on Exercises', line: 40, exercise: true, part: 1, parts: 1 });
    expect(slide.data).toEqual({ items: [{ title: 'Build it', prompt: 'Write a *Dockerfile*.' }, { title: 'Exercise 2', prompt: 'Push it.' }], lab: 'lab.pdf' });
  });

  it('links the lab sheet the build made', () => {
    const [slide] = ofKind(deckOf({ exercises: [exercise('Build it', 'Go.')] }, 'labs/1.1-lab.pdf'), 'exercises');
    expect(slide.data.lab).toBe('labs/1.1-lab.pdf');    // No lab link from the build: the default file name.
    expect(ofKind(deckOf({ exercises: [exercise('Build it', 'Go.')] }, ''), 'exercises')[0].data.lab).toBe('lab.pdf');
  });

  it('shortens a long prompt to its first sentence, or cuts it at a word', () => {
    const sentence = 'Build a small image for the web service first.';
    const long = `${sentence} ${'Then add a health check and a non-root user to it. '.repeat(3)}`;
    const words = 'alpha '.repeat(30).trim(); // 179 characters, no sentence end: cut before the word at 140
    const [slide] = ofKind(deckOf({ exercises: [exercise('A', long), exercise('B', words), exercise('C', '```\ncode only\n```')] }), 'exercises');
    expect((slide.data.items as Array<{ prompt: string }>).map((i) => i.prompt)).toEqual([sentence, `${'alpha '.repeat(23).trim()} …`, '']);
    // A sentence must start the prompt and end within 151 characters, at a space or the end.
    const late = `${'alpha '.repeat(26)}omega. Then more.`; // first full stop at character 162
    const last = `${'alpha '.repeat(24)}omegas.`; // 151 characters, the full stop last
    const [other] = ofKind(deckOf({ exercises: [exercise('A', late), exercise('B', last)] }), 'exercises');
    expect((other.data.items as Array<{ prompt: string }>).map((i) => i.prompt)).toEqual([`${'alpha '.repeat(23).trim()} …`, last]);
  });

  it('keeps a prompt of up to 150 characters whole, with its Markdown', () => {
    const prompt = `Use the *cache* well ${'x'.repeat(131)}`; // 150 characters as text
    const [slide] = ofKind(deckOf({ exercises: [exercise('A', prompt)] }), 'exercises');
    expect((slide.data.items as Array<{ prompt: string }>)[0].prompt).toBe(prompt);
  });

  it('gives the notes the steps, hints and where the solutions are', () => {
    const solved = exercise('Build it', 'Go.', { steps: ['a', 'b', 'c'], hints: ['Use `FROM`'], solution: 'FROM node' });
    const [slide] = ofKind(deckOf({ exercises: [solved, exercise('Ship it', 'Go.')] }), 'exercises');
    expect(slide.say).toEqual([
      'Introduce each exercise, check everyone knows where the lab sheet is, then let learners work.',
      'Build it (3 steps).', 'Hint if learners get stuck: Use FROM', 'Ship it.', 'Solutions are in the instructor lab sheet.',
    ]);
    // A title that ends its own sentence gets no second full stop.
    expect(ofKind(deckOf({ exercises: [exercise('Is it shipped?', 'Go.'), exercise('Ship it.', 'Go.')] }), 'exercises')[0].say.slice(1, 3)).toEqual(['Is it shipped?', 'Ship it.']);
    const [unsolved] = ofKind(deckOf({ exercises: [exercise('Ship it', 'Go.')] }), 'exercises');
    expect(unsolved.say.at(-1)).toBe('');
  });

  it('fits six short exercises on a slide, not eight (1.3 rows each in 8.5)', () => {
    const exercises = (n: number) => Array.from({ length: n }, (_, i) => exercise(`Task ${i + 1}`, 'Go.'));
    expect(ofKind(deckOf({ exercises: exercises(6) }), 'exercises')).toHaveLength(1);
    expect(ofKind(deckOf({ exercises: exercises(7) }), 'exercises')).toHaveLength(2);
    // Title and prompt share a line: past 72 characters together they take two rows (2.3 each).
    const wordy = (n: number) => Array.from({ length: n }, (_, i) => exercise(`Build the image for service ${i + 1}`, 'Write a Dockerfile for it and build it with a tag.'));
    expect(ofKind(deckOf({ exercises: wordy(3) }), 'exercises')).toHaveLength(1);
    expect(ofKind(deckOf({ exercises: wordy(4) }), 'exercises')).toHaveLength(2);
  });
});

describe('review, summary and next steps', () => {
  it('asks the review questions, eight to a slide of 1.15 rows each', () => {
    const [slide] = ofKind(deckOf({ reviewQuestions: [item('What is a layer?', 70), item('', 71)] }), 'review');
    expect(slide).toMatchObject({ title: 'Check Your Understanding', line: 70, data: { items: ['What is a layer?'] } });
    expect(slide.say).toEqual(['Ask each question and wait at least ten seconds before taking answers.', 'Ask: What is a layer?']);
    expect(ofKind(deckOf({ reviewQuestions: many(8, 'Question') }), 'review')).toHaveLength(1);
    expect(ofKind(deckOf({ reviewQuestions: many(9, 'Question') }), 'review')).toHaveLength(2);
  });

  it('sums up with the key points when there are some', () => {
    const [slide] = ofKind(deckOf({ keypoints: [item('Layers **cache**', 80), item('', 81)], objectives: [item('Build', 5)] }), 'summary');
    expect(slide).toMatchObject({ title: 'Key Points', line: 80, data: { items: ['Layers **cache**'], recap: false } });
    expect(slide.say).toEqual(['Recap the key points; ask learners which one they found hardest.', 'Layers cache']);
    expect(ofKind(deckOf({ keypoints: many(8, 'Point') }), 'summary')).toHaveLength(1);
  });

  it('recaps the objectives otherwise, with less room under the recap line', () => {
    const [slide] = ofKind(deckOf({ objectives: [item('Build an image', 5)] }), 'summary');
    expect(slide).toMatchObject({ title: 'Summary', line: 5, data: { items: ['Build an image'], recap: true } });
    expect(slide.say).toEqual(['Recap what learners can now do, one objective at a time.', 'Build an image']);
    expect(ofKind(deckOf({ objectives: many(7, 'Objective') }), 'summary')).toHaveLength(1);
    expect(ofKind(deckOf({ objectives: many(8, 'Objective') }), 'summary')).toHaveLength(2);
    expect(ofKind(deckOf({}), 'summary')).toEqual([]);
  });

  it('points to the next steps', () => {
    const [slide] = ofKind(deckOf({ nextSteps: [item('Compose', 90), item('', 91)] }), 'next-steps');
    expect(slide).toMatchObject({ title: 'Next Steps', line: 90, data: { items: ['Compose'] } });
    expect(slide.say).toEqual(['Point to what comes next and how it builds on today.', 'Compose']);
    expect(ofKind(deckOf({ nextSteps: many(9, 'Step') }), 'next-steps')).toHaveLength(2);
  });
});

describe('closing slides and the build\'s tuning', () => {
  it('split by the key the build measured them under', () => {
    const lesson = {
      exercises: [exercise('A', 'Go.'), exercise('B', 'Go.')], reviewQuestions: many(2, 'Question'), keypoints: many(2, 'Point'),
      nextSteps: many(2, 'Step'), resources: many(2, 'Link').map((r) => ({ ...r, url: null })),
    };
    const kinds = ['exercises', 'review', 'summary', 'next-steps', 'resources'] as const;
    const plain = deckOf(lesson);
    expect(kinds.map((kind) => ofKind(plain, kind).map((slide) => slide.key))).toEqual(kinds.map((kind) => [kind]));
    const tuning = Object.fromEntries(kinds.map((kind) => [kind, { split: 2 }]));
    const split = deckOf(lesson, 'lab.pdf', tuning);
    expect(kinds.map((kind) => ofKind(split, kind).length)).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('resources slide', () => {
  it('labels web and mail links without their scheme, shortened past 60 characters', () => {
    const long = `https://example.org/${'a'.repeat(60)}`;
    const resources = [
      { text: 'Docs', url: 'HTTPS://docs.docker.com/', line: 95 }, { text: '', url: 'mailto:help@example.org', line: 96 },
      { text: 'Book', url: null, line: 97 }, { text: 'Local', url: 'notes/setup.md', line: 98 }, { text: '', url: null, line: 99 },
      { text: 'Long', url: long, line: 100 }, { text: 'Sixty', url: `http://${'b'.repeat(60)}`, line: 101 },
    ];
    const [slide] = ofKind(deckOf({ resources }), 'resources');
    expect(slide).toMatchObject({ title: 'Resources', line: 95 });
    expect(slide.data.items).toEqual([
      { text: 'Docs', url: 'HTTPS://docs.docker.com/', label: 'docs.docker.com' },
      { text: 'mailto:help@example.org', url: 'mailto:help@example.org', label: 'help@example.org' },
      { text: 'Book', url: null, label: null },
      { text: 'Local', url: 'notes/setup.md', label: null },
      { text: 'Long', url: long, label: `${`example.org/${'a'.repeat(60)}`.slice(0, 57)}…` },
      { text: 'Sixty', url: `http://${'b'.repeat(60)}`, label: 'b'.repeat(60) },
    ]);
    expect(slide.say).toEqual(['Mention which resource to read first; the links are in the handout too.']);
  });

  it('splits past ten rows, counting the label on the same line', () => {
    const resources = (n: number, url: string | null, text = 'Link') => Array.from({ length: n }, (_, i) => ({ text: `${text} ${i + 1}`, url, line: 95 + i }));
    expect(ofKind(deckOf({ resources: resources(8, null) }), 'resources')).toHaveLength(1);
    expect(ofKind(deckOf({ resources: resources(9, null) }), 'resources')).toHaveLength(2);
    // A resource without a link adds no label to its line: 60 characters and " · " stay one row.
    expect(ofKind(deckOf({ resources: resources(5, null, 'x'.repeat(55)) }), 'resources')).toHaveLength(1);
    // "Official reference 1 · " and a 60-character label wrap to two rows: 2.15 rows each.
    expect(ofKind(deckOf({ resources: resources(4, `https://${'c'.repeat(60)}`, 'Official reference') }), 'resources')).toHaveLength(1);
    expect(ofKind(deckOf({ resources: resources(5, `https://${'c'.repeat(60)}`, 'Official reference') }), 'resources')).toHaveLength(2);
  });
});
