// Deck-plan edges that the mutation run (stryker.config.mjs) showed untested: the title slide and its
// duration, objectives and questions, which examples and diagrams get slides of their own, best
// practices, case studies, pitfalls, and the section slides (deck-sections.ts: instructor notes,
// sub-headings, `---` parts, notes drawn from the text, lists and callouts continued across slides).
// Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson, type Example, type Lesson } from '../src/model/lesson.js';
import type { DiagramAsset, RenderContext } from '../src/render/context.js';
import { assetResolver, durationLabel, planDeck, type DeckTuning, type PlannedSlide, type SlideKind } from '../src/plan/deck-plan.js';
import { normalizeCode, planSections } from '../src/plan/deck-sections.js';

const item = (text: string, line: number) => ({ text, line });
const example = (code: string, fill: Partial<Example> = {}): Example => ({ title: '', language: 'python', declaredLanguage: 'python', code, line: 30, ...fill });
const lessonOf = (fill: Partial<Lesson>): Lesson => ({ ...createLesson('lessons/m/1.1-x.md', '1.1-x'), title: 'Containers', ...fill });

function contextOf(fill: Partial<Lesson>, more: Partial<RenderContext> = {}): RenderContext {
  return {
    lesson: lessonOf(fill), courseTitle: 'Course', moduleTitle: 'Module', diagrams: [], images: {}, notes: null, notesDiagrams: [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' }, paper: 'a4', theme: 'lectern', version: '0.0.0-test',
    ...more,
  };
}
const deckOf = (fill: Partial<Lesson>, tuning: DeckTuning = {}, more: Partial<RenderContext> = {}): PlannedSlide[] => planDeck(contextOf(fill, more), tuning);
const ofKind = (slides: PlannedSlide[], kind: SlideKind) => slides.filter((slide) => slide.kind === kind);
const sectionsOf = (fill: Partial<Lesson>, minParts = 1, more: Partial<RenderContext> = {}) =>
  planSections(lessonOf(fill), assetResolver(contextOf(fill, more)), () => minParts);
const section = (title: string, markdown: string, line = 5) => ({ title, markdown, line });
/** `n` lines of code. */
const lines = (n: number, prefix = 'x') => Array.from({ length: n }, (_, i) => `${prefix}${i} = ${i}`).join('\n');

describe('title slide', () => {
  it('shows the lesson, its module, course and duration, and welcomes everyone', () => {
    const [title] = deckOf({ number: '1.1', meta: { teachingMinutes: 40, exerciseMinutes: 15 } });
    expect(title).toMatchObject({ key: 'title', kind: 'title', title: 'Containers', line: 1, part: 1, parts: 1, exercise: false, classes: [] });
    expect(title.data).toEqual({ number: '1.1', module: 'Module', course: 'Course', duration: '55 min (40 min teaching, 15 min exercises)' });
    expect(title.say).toEqual(['Welcome everyone and introduce the lesson: Containers.', 'Planned duration: 55 min (40 min teaching, 15 min exercises).']);
  });

  it('falls back to the lesson id, and says no duration without one', () => {
    const [title] = deckOf({ title: '' });
    expect(title.title).toBe('1.1-x');
    expect(title.data.duration).toBeNull();
    expect(title.say).toEqual(['Welcome everyone and introduce the lesson: 1.1-x.']);
  });

  it('takes the instructor notes when there is no agenda', () => {
    const [title, ...rest] = deckOf({ sections: [section('Instructor notes', 'Keep it short.')] });
    expect(rest).toEqual([]);
    expect(title.say.at(-1)).toBe('Instructor note: Keep it short.');
  });
});

describe('duration label', () => {
  const label = (teachingMinutes: number | null, exerciseMinutes: number | null) => durationLabel(lessonOf({ meta: { teachingMinutes, exerciseMinutes } }));
  it('adds teaching and exercises, or names the one given', () => {
    expect(label(40, 15)).toBe('55 min (40 min teaching, 15 min exercises)');
    expect(label(40, null)).toBe('40 min');
    expect(label(null, 15)).toBe('15 min of exercises');
    expect(label(null, null)).toBeNull();
    expect(label(0, 15)).toBe('15 min of exercises');
  });
});

describe('assets', () => {
  it('finds an image by the URL as written or decoded, and a diagram by its code', () => {
    const diagrams = [{ title: 'Flow', type: 'flowchart', code: 'graph TD\n  A-->B\n', line: 3 }];
    const rendered: DiagramAsset = { src: 'assets/d1.svg', svg: '<svg/>', error: null };
    const resolve = assetResolver(contextOf({ diagrams }, {
      images: { 'a b.png': { original: 'a b.png', src: 'assets/a-b.png' }, 'c.png': { original: 'c.png', src: 'assets/c.png' }, 'gone.png': { original: 'gone.png', src: null } },
      diagrams: [rendered],
    }));
    expect(resolve.image('a%20b.png')).toBe('assets/a-b.png');
    expect(resolve.image('c.png')).toBe('assets/c.png');
    expect(resolve.image('gone.png')).toBeNull();
    expect(resolve.image('%E0%A4%A.png')).toBeUndefined();
    expect(resolve.image('other.png')).toBeUndefined();
    expect(resolve.diagram('  graph TD\n  A-->B\n')).toEqual({ title: 'Flow', src: 'assets/d1.svg', error: null });
    expect(resolve.diagram('graph LR')).toBeUndefined();
    const failed = assetResolver(contextOf({ diagrams }, { diagrams: [{ src: null, svg: null, error: 'bad' }] }));
    expect(failed.diagram('graph TD\n  A-->B')).toEqual({ title: 'Flow', src: null, error: 'bad' });
    const missing = assetResolver(contextOf({ diagrams }));
    expect(missing.diagram('graph TD\n  A-->B')).toEqual({ title: 'Flow', src: null, error: null });
  });

  it('reads an image whose undecodable URL is written as is', () => {
    const resolve = assetResolver(contextOf({}, { images: { '%E0%A4%A.png': { original: '%E0%A4%A.png', src: 'assets/odd.png' } } }));
    expect(resolve.image('%E0%A4%A.png')).toBe('assets/odd.png');
  });
});

describe('objectives and questions', () => {
  it('lists the objectives, then the questions, with notes for each', () => {
    const slides = deckOf({ objectives: [item('Build an image', 12), item('', 13)], questions: [item('Why **layers**?', 9)] });
    const [slide] = ofKind(slides, 'objectives');
    expect(slide).toMatchObject({ key: 'objectives', title: 'Learning Objectives', line: 12, part: 1, parts: 1 });
    expect(slide.data).toEqual({ items: ['Build an image'], questions: ['Why **layers**?'] });
    expect(slide.say).toEqual([
      'Read the objectives aloud; tell learners these are what they will be able to do by the end.',
      'Objective: Build an image',
      'Question: Why layers?',
    ]);
  });

  it('are titled "Questions" when the lesson has only questions', () => {
    const [slide] = ofKind(deckOf({ questions: [item('Why?', 9), item('How?', 10)] }), 'objectives');
    expect(slide).toMatchObject({ title: 'Questions', line: 9 });
    expect(slide.data).toEqual({ items: [], questions: [] });
    expect(slide.say).toEqual(['Pose the questions this lesson answers; come back to them in the summary.', 'Question: Why?', 'Question: How?']);
  });

  it('are left out when every item is empty, and split when there are many', () => {
    expect(ofKind(deckOf({ objectives: [item('', 3)] }), 'objectives')).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => item(`Objective ${i + 1}`, 20 + i));
    expect(ofKind(deckOf({ objectives: many }), 'objectives').map((s) => [s.part, s.parts])).toEqual([[1, 2], [2, 2]]);
    // Nine fit alone; with a question as well, the "Questions" heading takes room too.
    expect(ofKind(deckOf({ objectives: many.slice(0, 8) }), 'objectives')).toHaveLength(1);
    expect(ofKind(deckOf({ objectives: many.slice(0, 7), questions: [item('Why?', 2)] }), 'objectives')).toHaveLength(2);
    // Questions alone have no heading to make room for.
    expect(ofKind(deckOf({ questions: many.slice(0, 8) }), 'objectives')).toHaveLength(1);
    expect(ofKind(deckOf({ questions: [item('', 3)] }), 'objectives')).toEqual([]);
  });

  it('are split as often as the tuning asks, a fraction rounded down', () => {
    const objectives = [item('A', 1), item('B', 2), item('C', 3), item('D', 4)];
    expect(ofKind(deckOf({ objectives }, { objectives: { split: 2.7 } }), 'objectives')).toHaveLength(2);
    expect(ofKind(deckOf({ objectives }, { objectives: { split: 0 } }), 'objectives')).toHaveLength(1);
  });
});

describe('concepts', () => {
  const outline = (text: string, children: string[] = []) => ({ text, children: children.map((child) => ({ text: child, children: [] })) });
  const groups = [outline('Images', ['Layers', 'Tags']), outline('Containers', ['Run', 'Stop'])];

  it('set two to four groups of short points as cards', () => {
    const [slide] = ofKind(deckOf({ concepts: [{ title: 'Basics', line: 20, items: groups }] }), 'concept');
    expect(slide).toMatchObject({ key: 'concept:0', title: 'Basics', line: 20, classes: ['cards', 'cols-2'], parts: 1 });
    expect(slide.data).toEqual({ items: groups, cards: true });
    expect(slide.say[0]).toContain('Images');
  });

  it('are not set as cards when a point is too long for its card', () => {
    const [slide] = ofKind(deckOf({ concepts: [{ title: 'Basics', line: 20, items: [outline('Images', ['word '.repeat(60).trim()]), groups[1]] }] }), 'concept');
    expect(slide).toMatchObject({ classes: [], data: { cards: false } });
  });

  it('list other items as an outline, split over slides when long', () => {
    const items = Array.from({ length: 12 }, (_, i) => outline(`Point ${i + 1}`));
    const slides = ofKind(deckOf({ concepts: [{ title: 'Basics', line: 20, items }] }), 'concept');
    expect(slides.map((s) => [s.key, s.part, s.parts, s.classes, (s.data.items as unknown[]).length, s.data.cards])).toEqual([
      ['concept:0', 1, 2, [], 6, false],
      ['concept:0', 2, 2, [], 6, false],
    ]);
    expect(slides[0].data.items).toEqual(items.slice(0, 6));
    // Nine fit under a short title; a title that wraps takes room.
    const long = 'A title long enough to wrap onto a second line here';
    expect(ofKind(deckOf({ concepts: [{ title: 'Basics', line: 20, items: items.slice(0, 9) }] }), 'concept')).toHaveLength(1);
    expect(ofKind(deckOf({ concepts: [{ title: long, line: 20, items: items.slice(0, 9) }] }), 'concept')).toHaveLength(2);
  });

  it('are not set as cards when the tuning splits them, by the key of that concept', () => {
    const concepts = [{ title: 'One', line: 20, items: groups }, { title: 'Two', line: 30, items: groups }];
    const slides = ofKind(deckOf({ concepts }, { 'concept:1': { split: 2 } }), 'concept');
    expect(slides.map((s) => [s.key, s.title, s.part, s.parts, s.data.cards])).toEqual([
      ['concept:0', 'One', 1, 1, true],
      ['concept:1', 'Two', 1, 2, false],
      ['concept:1', 'Two', 2, 2, false],
    ]);
    expect(slides[1].data.items).toEqual([groups[0]]);
  });
});

describe('examples', () => {
  it('get a slide each with the file name, language and a walk-through in the notes', () => {
    const [slide] = ofKind(deckOf({ examples: [example('# Set up\nimport os\n# Run it\nos.run()', { title: 'app.py', declaredLanguage: 'py3' })] }), 'example');
    expect(slide).toMatchObject({ key: 'example:0', title: 'app.py', line: 30, part: 1, parts: 1 });
    expect(slide.data).toEqual({ code: '# Set up\nimport os\n# Run it\nos.run()', language: 'python', fileName: 'app.py' });
    expect(slide.say).toEqual([
      'This is app.py (python). Say what it is for before reading it line by line.',
      'The lesson labels it py3, but it is python.',
      'Walk through the steps: Set up → Run it.',
    ]);
  });

  it('are called "Example" without a title, and say the language when they have no file name', () => {
    const [slide] = ofKind(deckOf({ examples: [example('$ ls', { language: null, declaredLanguage: null })] }), 'example');
    expect(slide.title).toBe('Example');
    expect(slide.data.fileName).toBeNull();
    expect(slide.say).toEqual(['This is a code example. Say what it does before reading it line by line.']);
  });

  it('say the label the lesson gave only when it names another language', () => {
    const notes = (language: string | null, declaredLanguage: string | null) =>
      ofKind(deckOf({ examples: [example('print(1)', { language, declaredLanguage })] }), 'example')[0].say.filter((line) => line.startsWith('The lesson labels'));
    expect(notes('python', 'py3')).toEqual(['The lesson labels it py3, but it is python.']);
    expect(notes('python', 'python')).toEqual([]);
    expect(notes('python', null)).toEqual([]);
    expect(notes(null, 'weird')).toEqual([]);
  });

  it('continue on more slides when long, numbered in the notes', () => {
    const slides = ofKind(deckOf({ examples: [example(lines(30))] }), 'example');
    expect(slides.map((s) => [s.part, s.parts])).toEqual([[1, 2], [2, 2]]);
    expect(slides[1].say).toEqual(['Continue the walk-through (part 2 of 2).']);
    expect(ofKind(deckOf({ examples: [example(lines(6))] }, { 'example:0': { split: 2 } }), 'example')).toHaveLength(2);
  });

  it('are left out when empty, shown in a section or quoted in a solution', () => {
    const code = 'print(1)\nprint(2)';
    const exercise = (solution: string | null) => ({ title: 'E', prompt: 'Go.', steps: [], hints: [], solution, instructorNotes: [], line: 50 });
    const shown = (fill: Partial<Lesson>) => ofKind(deckOf({ examples: [example(code), example('  \n')], ...fill }), 'example').length;
    expect(shown({})).toBe(1);
    expect(shown({ sections: [section('Try', `Run:\n\n\`\`\`python\nimport os\n${code}  \n\`\`\``)] })).toBe(0);
    expect(shown({ exercises: [exercise(null), exercise(`Answer:\n${code}\nDone.`)] })).toBe(0);
    expect(shown({ exercises: [exercise('See below.'), exercise(`${code}\nDone.`)] })).toBe(0);
    // Whole lines only.
    expect(shown({ sections: [section('Try', '```python\nprint(1)\nprint(22)\n```')] })).toBe(1);
    expect(shown({ exercises: [exercise(`xprint(1)\nprint(2)`)] })).toBe(1);
    expect(shown({ exercises: [exercise(null)] })).toBe(1);
  });
});

describe('diagrams', () => {
  const diagram = (title: string, type = 'flowchart') => ({ title, type, code: 'graph TD\n  A-->B', line: 8 });
  it('are titled by the lesson, or by their kind under a bare "Diagrams" heading', () => {
    const titles = (title: string, type?: string) => ofKind(deckOf({ diagrams: [diagram(title, type)] }), 'diagram').map((s) => s.title);
    expect(titles('Build flow')).toEqual(['Build flow']);
    expect(titles('2. 📊 Diagrams')).toEqual(['Flowchart Diagram']);
    expect(titles('Architecture diagram', 'sequence')).toEqual(['Sequence Diagram']);
    expect(titles('System Diagrams')).toEqual(['Flowchart Diagram']);
    expect(titles('Diagram of the system')).toEqual(['Diagram of the system']);
    expect(titles('Our diagrams')).toEqual(['Our diagrams']);
    expect(titles('', '')).toEqual(['Diagram']);
  });

  it('are not repeated when a section shows them', () => {
    const shown = { ...diagram('Flow'), code: 'graph TD\n  A-->B\n' };
    const slides = deckOf({ diagrams: [shown, { ...diagram('Other'), code: 'graph LR\n  C-->D' }], sections: [section('How', 'It goes:\n\n```mermaid\ngraph TD\n  A-->B\n```')] });
    expect(ofKind(slides, 'diagram').map((s) => [s.key, s.title])).toEqual([['diagram:1', 'Other']]);
  });
});

describe('best practices', () => {
  it('are titled as such, with the reasons in the notes, and skip empty items', () => {
    const practices = [{ title: 'Images', items: [{ title: 'Pin **versions**', points: ['Reproducible', 'Safe'] }, { title: '', points: [] }, { title: 'Small', points: [] }] }];
    const [slide] = ofKind(deckOf({ practices }), 'practices');
    expect(slide).toMatchObject({ key: 'practice:0', title: 'Best Practices: Images', line: 1 });
    expect(slide.data.items).toEqual([{ title: 'Pin **versions**', points: ['Reproducible', 'Safe'] }, { title: 'Small', points: [] }]);
    expect(slide.say).toEqual(['For each practice, say why it matters and what goes wrong without it.', 'Pin versions: Reproducible and Safe.', 'Small.']);
    // A practice or point that ends its own sentence gets no second full stop.
    const stopped = ofKind(deckOf({ practices: [{ title: 'P', items: [{ title: 'Pin versions.', points: [] }, { title: 'Scan', points: ['Daily.'] }] }] }), 'practices');
    expect(stopped[0].say.slice(1)).toEqual(['Pin versions.', 'Scan: Daily.']);
    expect(ofKind(deckOf({ practices: [{ title: 'Our best practice', items: [{ title: 'A', points: [] }] }] }), 'practices')[0].title).toBe('Our best practice');
    expect(ofKind(deckOf({ practices: [{ title: 'Empty', items: [{ title: '', points: [] }] }] }), 'practices')).toEqual([]);
    // An item of points only is kept.
    const pointsOnly = ofKind(deckOf({ practices: [{ title: 'P', items: [{ title: '', points: ['Only a point'] }] }] }), 'practices');
    expect(pointsOnly[0].data.items).toEqual([{ title: '', points: ['Only a point'] }]);
  });

  it('are set as cards when there are two to four with short points, unless the tuning splits them', () => {
    const items = [{ title: 'Pin', points: ['Reproducible'] }, { title: 'Scan', points: ['Safe'] }, { title: 'Slim', points: ['Fast'] }];
    const [cards] = ofKind(deckOf({ practices: [{ title: 'Best practices', items }] }), 'practices');
    expect(cards).toMatchObject({ key: 'practice:0', classes: ['cards', 'cols-3'], data: { items, cards: true }, parts: 1 });
    const split = ofKind(deckOf({ practices: [{ title: 'Best practices', items }] }, { 'practice:0': { split: 2 } }), 'practices');
    expect(split.map((s) => [s.part, s.parts, s.classes, s.data.cards])).toEqual([[1, 2, [], false], [2, 2, [], false]]);
  });

  it('are packed into slides when they are not cards', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ title: `Practice ${i + 1}`, points: [] as string[] }));
    const slides = ofKind(deckOf({ practices: [{ title: 'Best practices', items }] }), 'practices');
    expect(slides.map((s) => [s.part, s.parts, (s.data.items as unknown[]).length, s.data.cards])).toEqual([[1, 2, 6, false], [2, 2, 6, false]]);
    const long = 'Best practices for a title long enough to wrap onto a second line';
    expect(ofKind(deckOf({ practices: [{ title: 'Best practices', items: items.slice(0, 9) }] }), 'practices')).toHaveLength(1);
    expect(ofKind(deckOf({ practices: [{ title: long, items: items.slice(0, 9) }] }), 'practices')).toHaveLength(2);
    // Points take room as well: five practices of three points each need three slides.
    const pointed = Array.from({ length: 5 }, (_, i) => ({ title: `Practice ${i + 1}`, points: ['one', 'two', 'three'] }));
    expect(ofKind(deckOf({ practices: [{ title: 'Best practices', items: pointed }] }), 'practices').map((s) => (s.data.items as unknown[]).length)).toEqual([2, 1, 2]);
  });
});

describe('case studies', () => {
  const study = (fill: Partial<{ title: string; challenge: string; solution: string[]; results: string[] }> = {}) => ({
    title: 'Acme', challenge: 'Slow builds.', solution: ['Cache layers'], results: ['Builds in 2 min'], line: 70, ...fill,
  });
  it('show challenge, solution and results side by side, with the story in the notes', () => {
    const [slide] = ofKind(deckOf({ caseStudies: [study()] }), 'case-study');
    expect(slide).toMatchObject({ key: 'case-study:0', title: 'Case Study: Acme', line: 70, classes: [], parts: 1 });
    expect(slide.data).toEqual({
      columns: [
        { heading: 'Challenge', text: 'Slow builds.', items: [] },
        { heading: 'Solution', text: null, items: ['Cache layers'] },
        { heading: 'Results', text: null, items: ['Builds in 2 min'] },
      ],
    });
    expect(slide.say).toEqual([
      'Tell it as a story: the situation, what the team did, and what changed.',
      'Challenge: Slow builds.',
      'What they did: Cache layers.',
      'Outcome: Builds in 2 min.',
      'Ask: where would this apply in your own work?',
    ]);
    const [stopped] = ofKind(deckOf({ caseStudies: [study({ solution: ['Cached layers.'], results: ['Faster!'] })] }), 'case-study');
    expect(stopped.say.slice(2, 4)).toEqual(['What they did: Cached layers.', 'Outcome: Faster!']);
  });

  it('keep a title that says it is a case study, and leave empty parts out of the notes', () => {
    const [slide] = ofKind(deckOf({ caseStudies: [study({ title: 'Case study: Beta', challenge: '', solution: [], results: [] })] }), 'case-study');
    expect(slide.title).toBe('Case study: Beta');
    expect(ofKind(deckOf({ caseStudies: [study({ title: 'A case study' })] }), 'case-study')[0].title).toBe('Case Study: A case study');
    expect((slide.data.columns as Array<{ text: string | null }>)[0].text).toBeNull();
    expect(slide.say).toEqual(['Tell it as a story: the situation, what the team did, and what changed.', '', '', '', 'Ask: where would this apply in your own work?']);
  });

  it('are set smaller, then split in two, as they grow', () => {
    /** `n` points of `length` characters. */
    const points = (n: number, length: number) => Array.from({ length: n }, (_, i) => `${i}`.padEnd(length, 'x'));
    const layout = (fill: Parameters<typeof study>[0], tuning: DeckTuning = {}) =>
      ofKind(deckOf({ caseStudies: [study(fill)] }, tuning), 'case-study').map((s) => [s.part, s.parts, s.classes, (s.data.columns as unknown[]).length]);
    expect(layout({})).toEqual([[1, 1, [], 3]]);
    // 1.25 rows a short point: eight fit, nine are set a size smaller.
    expect(layout({ solution: points(8, 20) })).toEqual([[1, 1, [], 3]]);
    expect(layout({ solution: points(9, 20) })).toEqual([[1, 1, ['compact', 'shrink-90'], 3]]);
    // Two points of five rows each fill the 10.5 rows exactly; a title that wraps leaves less room.
    expect(layout({ solution: points(2, 110) })).toEqual([[1, 1, [], 3]]);
    expect(layout({ title: 'A case study title long enough to wrap onto two lines', solution: points(8, 20) })).toEqual([[1, 1, ['compact', 'shrink-90'], 3]]);
    // Points that wrap in a third of the slide but not in the compact card's wider columns.
    expect(layout({ solution: points(5, 28) })).toEqual([[1, 1, ['compact'], 3]]);
    // A long challenge counts the same way: 11 rows at 26 characters, 9 at 32; 14 and 11 rows.
    expect(layout({ challenge: 'c'.repeat(26 * 11) })).toEqual([[1, 1, ['compact'], 3]]);
    expect(layout({ challenge: 'c'.repeat(32 * 11) })).toEqual([[1, 1, ['compact', 'shrink-90'], 3]]);
    // Exactly the room in the compact card's columns: not set smaller.
    expect(layout({ solution: points(2, 130) })).toEqual([[1, 1, ['compact'], 3]]);
    expect(layout({ solution: points(6, 36) })).toEqual([[1, 2, ['split-first'], 2], [2, 2, ['split-results'], 1]]);
    // Split, and more than 85 % of the room even in two wide columns: the first half is set smaller.
    expect(layout({ solution: points(8, 35) })).toEqual([[1, 2, ['split-first', 'compact'], 2], [2, 2, ['split-results'], 1]]);
    expect(layout({ solution: points(30, 20) })).toEqual([[1, 2, ['split-first', 'compact'], 2], [2, 2, ['split-results'], 1]]);
    expect(layout({ results: points(30, 20) })).toEqual([[1, 2, ['split-first', 'compact'], 2], [2, 2, ['split-results'], 1]]);
    expect(layout({}, { 'case-study:0': { split: 2 } })).toEqual([[1, 2, ['split-first'], 2], [2, 2, ['split-results'], 1]]);
  });
});

describe('pitfalls', () => {
  it('ask for stories first, then continue, seven to a slide', () => {
    const pitfalls = Array.from({ length: 8 }, (_, i) => item(`Pitfall **${i + 1}**`, 90 + i));
    expect(ofKind(deckOf({ pitfalls: pitfalls.slice(0, 7) }), 'pitfalls')).toHaveLength(1);
    const slides = ofKind(deckOf({ pitfalls }), 'pitfalls');
    expect(slides.map((s) => [s.key, s.title, s.line, s.part, s.parts, (s.data.items as string[]).length])).toEqual([
      ['pitfalls', 'Common Pitfalls', 90, 1, 2, 4],
      ['pitfalls', 'Common Pitfalls', 90, 2, 2, 4],
    ]);
    // Long ones take more room: five of two rows each (2.15 with the gap) do not fit one slide.
    expect(ofKind(deckOf({ pitfalls: pitfalls.slice(0, 5).map((p) => ({ ...p, text: 'p'.repeat(100) })) }), 'pitfalls')).toHaveLength(2);
    expect(ofKind(deckOf({ pitfalls: pitfalls.slice(0, 4).map((p) => ({ ...p, text: 'p'.repeat(100) })) }), 'pitfalls')).toHaveLength(1);
    // The tuning splits them.
    expect(ofKind(deckOf({ pitfalls: pitfalls.slice(0, 3) }, { pitfalls: { split: 2 } }), 'pitfalls')).toHaveLength(2);
    expect(slides[0].say.slice(0, 2)).toEqual([
      'Ask who has already run into one of these; let them tell the story.',
      'Pitfall: Pitfall 1 — how would you notice it, and how do you avoid it?',
    ]);
    expect(slides[1].say[0]).toBe('Continue with the remaining pitfalls.');
  });

  it('drop empty items', () => {
    const [slide] = ofKind(deckOf({ pitfalls: [item('', 3), item('Real one', 4)] }), 'pitfalls');
    expect(slide).toMatchObject({ line: 3, data: { items: ['Real one'] } });
  });
});

describe('deck order', () => {
  it('opens with an introduction section and puts other sections after the pitfalls', () => {
    const slides = deckOf({
      sections: [section('Introduction', 'Containers package an application with what it needs.', 2), section('Wrap-up', 'That is all there is to it, really.', 200)],
      concepts: [{ title: 'Images', line: 20, items: [{ text: 'Layers', children: [] }] }],
      pitfalls: [item('Large images', 150)],
    });
    expect(slides.map((s) => s.title)).toEqual(['Containers', 'Agenda', 'Introduction', 'Images', 'Common Pitfalls', 'Wrap-up']);
  });

  it('gives a slide without a line the first line', () => {
    const slides = deckOf({ concepts: [{ title: 'Images', line: 0, items: [] }] });
    expect(ofKind(slides, 'concept')[0]).toMatchObject({ line: 1, data: { items: [], cards: false } });
  });
});

describe('section slides', () => {
  it('leave out empty sections and timing lines, and send instructor sections and hidden divs to the notes', () => {
    const plan = sectionsOf({
      sections: [
        section('Empty', '  \n'),
        section('Timing', '**Duration:** 40 minutes'),
        section('Hidden', '::: instructor\nOnly for you.\n:::'),
        section("Instructor's notes", 'Watch the clock.\n\n::: instructor\nAnd this.\n:::'),
        section('Teaching notes', '**Time:** 5 min'),
      ],
    });
    expect(plan.slides).toEqual([]);
    expect(plan.instructorNotes).toEqual(['Only for you.', 'Watch the clock. And this.']);
  });

  it('cut long instructor notes at a word, under 600 characters', () => {
    const plan = sectionsOf({ sections: [section('Instructor notes', 'word '.repeat(200))] });
    expect(plan.instructorNotes).toEqual([`${'word '.repeat(120).trim()} …`]);
    // A cut inside a word drops that word.
    expect(sectionsOf({ sections: [section('Instructor notes', `x${'word '.repeat(200)}`)] }).instructorNotes).toEqual([`x${'word '.repeat(119).trim()} …`]);
    expect(sectionsOf({ sections: [section('Instructor notes', 'y'.repeat(600))] }).instructorNotes).toEqual(['y'.repeat(600)]);
    expect(sectionsOf({ sections: [section('Instructor notes', 'y'.repeat(601))] }).instructorNotes).toEqual([`${'y'.repeat(600)} …`]);
  });

  it('are split at sub-headings, keep their code and the diagrams they show', () => {
    const plan = sectionsOf({
      diagrams: [{ title: 'Flow', type: 'flowchart', code: 'graph TD\n  A-->B\n', line: 3 }, { title: 'Other', type: 'flowchart', code: 'graph LR\n  C', line: 4 }],
      sections: [section('Setup', 'First install it.\n\n## Step one\n\nRun `make`.\n\n```mermaid\ngraph TD\n  A-->B\n```\n\n- one\n  ```sh\n  make all\n  ```\n\n## Step two\n\nDone.')],
    });
    expect(plan.slides.map((s) => [s.key, s.title, s.data.section])).toEqual([
      ['section:0/0', 'Setup', 'Setup'],
      ['section:0/1', 'Step one', 'Setup'],
      ['section:0/2', 'Step two', 'Setup'],
    ]);
    expect(plan.code).toEqual(['make all']);
    expect([...plan.diagramCode]).toEqual(['graph TD\n  A-->B']);
  });

  it('start with the first sub-heading when no text comes before it', () => {
    const plan = sectionsOf({ sections: [section('Setup', '## Step one\n\nRun it.')] });
    expect(plan.slides.map((s) => s.title)).toEqual(['Step one']);
    const only = sectionsOf({ sections: [section('Setup', '## Step one')] });
    expect(only.slides.map((s) => [s.title, s.data.body, s.say])).toEqual([['Step one', '', ['Talk through this slide in your own words.']]]);
  });

  it('start a new slide at `---` outside the house format, continuing the heading', () => {
    const markdown = '## Part A\n\nOne text here.\n\n---\n\nMore text here.\n\n---\n\nEven more.\n\n---\n\n## Part B\n\nB text.';
    const plan = sectionsOf({ sections: [section('Notes', markdown)] });
    expect(plan.slides.map((s) => s.title)).toEqual(['Part A', 'Part A (continued)', 'Part A (continued)', 'Part B']);
    const first = sectionsOf({ sections: [section('Notes', 'Text.\n\n---\n\nMore.')] });
    expect(first.slides.map((s) => s.title)).toEqual(['Notes', 'Notes (continued)']);
    // The house format keeps them on one slide.
    const house = sectionsOf({ objectives: [item('o', 1)], sections: [section('Notes', 'Text.\n\n---\n\nMore.')] });
    expect(house.slides.map((s) => s.title)).toEqual(['Notes']);
  });

  it('mark an introduction that comes before the structured content', () => {
    const intro = (title: string, line: number, fill: Partial<Lesson>) => sectionsOf({ sections: [section(title, 'Some words.', line)], ...fill }).slides[0].data.intro;
    const concepts = [{ title: 'C', line: 20, items: [] }];
    expect(intro('Overview', 5, { concepts })).toBe(true);
    expect(intro('Why containers?', 5, { examples: [example('a')] })).toBe(true);
    expect(intro('Overview', 25, { concepts })).toBe(false);
    expect(intro('Overview', 5, {})).toBe(false);
    expect(intro('Overview of tools', 5, { concepts })).toBe(false);
    expect(intro('Overview', 5, { concepts, diagrams: [{ title: 'd', type: 'flowchart', code: 'graph TD', line: 3 }] })).toBe(false);
  });

  it('take the line of the example their code shows, never going back', () => {
    const examples = [example('make all', { line: 40 }), example('make test', { line: 20 })];
    const plan = sectionsOf({ examples, sections: [section('Build', `${'Some words. '.repeat(60)}\n\n\`\`\`sh\nmake all\n\`\`\`\n\n${'More words. '.repeat(80)}\n\n\`\`\`sh\nmake test\n\`\`\``, 5)] });
    expect(plan.slides.map((s) => s.line)).toEqual([40, 40, 40]);
    expect(sectionsOf({ sections: [section('Build', '```sh\nmake all\n```', 5)] }).slides[0].line).toBe(5);
  });

  it('draw the notes from the first sentence, the code to live-code and callouts', () => {
    const [slide] = sectionsOf({
      sections: [section('Run', 'Short.\n\nThis sentence explains the point well. And more text follows.\n\n```sh\n# comment\nmake all\n```\n\n> **Note**\n> Think.')],
    }).slides;
    expect(slide.say).toEqual([
      'Key message: This sentence explains the point well.',
      'Live-code this rather than reading it: start with make all and show the output.',
      'Pause on the callout: it answers a question learners often ask.',
    ]);
  });

  it('skip text that introduces something, output and comments-only code', () => {
    const say = (markdown: string) => sectionsOf({ sections: [section('S', markdown)] }).slides[0].say;
    expect(say('Here is what the command prints as follows:\n\n```output\nok\n```')).toEqual(['Talk through this slide in your own words.']);
    expect(say('```sh\n# only a comment\n```')).toEqual(['Live-code this rather than reading it: start with # only a comment and show the output.']);
    expect(say('```\n// one\n-- two\nrun it\n```')).toEqual(['Live-code this rather than reading it: start with run it and show the output.']);
    expect(say('```text\nplain\n```\n\n```error\nbad\n```')).toEqual(['Talk through this slide in your own words.']);
    expect(say(`${'a'.repeat(250)}`)).toEqual([`Key message: ${'a'.repeat(200)} …`.replace(/ …$/, ' …')]);
  });

  it('give the hidden text of a section to the notes of its first slide', () => {
    const slides = sectionsOf({ sections: [section('S', 'Text.\n\n## Next\n\nMore.\n\n::: instructor\nWatch this.\n:::')] }).slides;
    expect(slides.map((s) => s.say.at(-1))).toEqual(['Instructor only (not on the slide): Watch this.', 'Talk through this slide in your own words.']);
  });
});

describe('section content across slides', () => {
  const bodies = (markdown: string, minParts = 1) => sectionsOf({ sections: [section('S', markdown)] }, minParts).slides.map((s) => s.data.body as string);

  it('continues an ordered list with its numbers', () => {
    const list = Array.from({ length: 16 }, (_, i) => `${i + 3}. Item number ${i + 3}`).join('\n');
    const parts = bodies(list);
    expect(parts).toHaveLength(2);
    expect(parts[0].startsWith('3. Item number 3')).toBe(true);
    expect(parts[1]).toMatch(/^(\d+)\. Item number \1\n/);
    expect(parts[1].endsWith('18. Item number 18')).toBe(true);
  });

  it('keeps "… as follows:" with what it introduces', () => {
    const parts = bodies(`${'Filler sentence here. '.repeat(40)}\n\nRun this as follows:\n\n\`\`\`sh\n${lines(8)}\n\`\`\``);
    expect(parts).toHaveLength(2);
    expect(parts[1].startsWith('Run this as follows:')).toBe(true);
  });

  it('splits a long paragraph at sentence ends', () => {
    const parts = bodies('This is a sentence of some length. '.repeat(60).trim());
    expect(parts.length).toBeGreaterThan(1);
    // About 11 rows (924 characters) a piece: 27 sentences of 35 characters, 27, then 6.
    expect(parts.map((part) => part.split('length.').length - 1)).toEqual([27, 27, 6]);
    for (const part of parts) expect(part.startsWith('This is a sentence of some length. This is')).toBe(true);
    expect(parts[2].endsWith('length.')).toBe(true);
    // A piece ends once it is over 924 characters: 28 sentences of 33 (924) are not over, 29 are.
    const exact = bodies('Here is a sentence, of 33 chars. '.repeat(40).trim());
    expect(exact.map((part) => part.split('chars.').length - 1)).toEqual([29, 11]);
    // Two spaces between sentences are one between them in a piece.
    expect(bodies('This is a sentence of some length.  '.repeat(60).trim())[0]).not.toContain('  ');
    const coded = bodies(`${'This is a sentence of some length. '.repeat(40)}Run \`make\` now.`);
    expect(coded.at(-1)).toMatch(/Run `make` now\.$/);
  });

  it('splits long code and repeats a callout title on the next slide', () => {
    const code = bodies(`\`\`\`sh\n${lines(40)}\n\`\`\``);
    expect(code.length).toBeGreaterThan(1);
    const callout = bodies(`> **Tip**\n>\n> ${'A long tip sentence. '.repeat(30)}\n>\n> ${'Another long one. '.repeat(30)}\n>\n> ${'Third part. '.repeat(30)}`);
    expect(callout.length).toBeGreaterThan(1);
    expect(callout[0].startsWith('> **Tip**')).toBe(true);
    expect(callout[1].startsWith('> **Tip (cont.)**')).toBe(true);
  });

  it('fits an image, a heading or a short callout whole', () => {
    expect(bodies('> **Tip**\n>\n> Short.')).toEqual(['> **Tip**\n>\n> Short.']);
    expect(bodies('Text.', 3)).toEqual(['Text.']);
  });
});

describe('section slides, what the notes say', () => {
  const say = (markdown: string) => sectionsOf({ sections: [section('S', markdown)] }).slides[0].say;
  const long = 'This sentence is long enough to be the key message.';

  it('take the key message from a paragraph of text, not a list or a paragraph of one link or emphasis', () => {
    expect(say(`- ${long}\n\n**A bold paragraph that is long enough here.**\n\nAnd this paragraph is the one to say.`)).toEqual(['Key message: And this paragraph is the one to say.']);
    expect(say(`**Note** that ${long.toLowerCase()}`)).toEqual([`Key message: Note that ${long.toLowerCase()}`]);
  });

  it('take a sentence of more than 20 characters that does not end on a colon', () => {
    expect(say('Exactly twenty char.')).toEqual(['Talk through this slide in your own words.']);
    expect(say('Exactly twenty-one c.')).toEqual(['Key message: Exactly twenty-one c.']);
    expect(say('Note: a colon inside is fine here.')).toEqual(['Key message: Note: a colon inside is fine here.']);
    expect(say('The docs are at https://example.com/docs')).toEqual(['Key message: The docs are at https://example.com/docs']);
  });

  it('cut a text without an early sentence end at 200 characters', () => {
    const text = `${'word '.repeat(46)}end. More`; // the first full stop at character 233
    expect(say(text)).toEqual([`Key message: ${'word '.repeat(40).trim()} …`]);
    const whole = `${'word '.repeat(42)}ends.`; // 215 characters, one sentence
    expect(say(whole)).toEqual([`Key message: ${whole}`]);
  });

  it('live-code the first line that is not a comment, trimmed, from code that is not output', () => {
    expect(say('```sh\n\n   make all  \n```')).toEqual(['Live-code this rather than reading it: start with make all and show the output.']);
    expect(say('```sh\nmake all # build\nmake test\n```')).toEqual(['Live-code this rather than reading it: start with make all # build and show the output.']);
    expect(say('```subtext\nrun it\n```')).toEqual(['Live-code this rather than reading it: start with run it and show the output.']);
    expect(say('```outputs\nrun it\n```')).toEqual(['Live-code this rather than reading it: start with run it and show the output.']);
  });
});

describe('section slides, more cases', () => {
  it('keep a list whose text looks like a timing line, and note nothing for an instructor section without text', () => {
    expect(sectionsOf({ sections: [section('S', '- Time: 5 min per step\n- Then rest')] }).slides).toHaveLength(1);
    const images = { 'x.png': { original: 'x.png', src: 'assets/x.png' } };
    expect(sectionsOf({ sections: [section('Instructor notes', '![](x.png)')] }, 1, { images }).instructorNotes).toEqual([]);
  });

  it('know a diagram the section shows even when its code has trailing spaces', () => {
    const plan = sectionsOf({ diagrams: [{ title: 'Flow', type: 'flowchart', code: 'graph TD\n  A-->B  ', line: 3 }], sections: [section('S', 'It goes:\n\n```mermaid\ngraph TD\n  A-->B\n```')] });
    expect([...plan.diagramCode]).toEqual(['graph TD\n  A-->B']);
  });

  it('skip an empty part between two `---`', () => {
    expect(sectionsOf({ sections: [section('Notes', 'Text.\n\n---\n\n---\n\nMore.')] }).slides.map((s) => s.title)).toEqual(['Notes', 'Notes (continued)']);
  });

  it('continue a heading after `---` only when it already has content', () => {
    expect(sectionsOf({ sections: [section('Notes', '## A\n\n---\n\nText of A.')] }).slides.map((s) => [s.title, s.data.body])).toEqual([['A', 'Text of A.']]);
  });

  it('number the parts of a long section, each a plain section slide, with the hidden text on the first only', () => {
    const list = Array.from({ length: 16 }, (_, i) => `- Item number ${i + 1}`).join('\n');
    const slides = sectionsOf({ sections: [section('S', `${list}\n\n::: instructor\nWatch this.\n:::`)] }).slides;
    expect(slides.map((s) => [s.part, s.parts, s.exercise, s.classes, s.say.at(-1)])).toEqual([
      [1, 2, false, [], 'Instructor only (not on the slide): Watch this.'],
      [2, 2, false, [], 'Talk through this slide in your own words.'],
    ]);
  });

  it('are not anchored to an example by an empty code block', () => {
    expect(sectionsOf({ examples: [example('make all', { line: 40 })], sections: [section('S', '```sh\n```', 5)] }).slides[0].line).toBe(5);
  });

  it('give an image eight rows, a table 1.2 rows a row and a paragraph its rows and a bit', () => {
    const images = { 'a.png': { original: 'a.png', src: 'assets/a.png' } };
    const count = (markdown: string) => sectionsOf({ sections: [section('S', markdown)] }, 1, { images }).slides.length;
    expect(count('![A](a.png)\n\n![A](a.png)')).toBe(2);
    expect(count('![A](a.png)\n\nShort text.')).toBe(1);
    // An image with a caption is text.
    expect(count('![A](a.png) and a caption\n\n![A](a.png) and a caption')).toBe(1);
    const table = (n: number) => ['| a | b |', '| - | - |', ...Array.from({ length: n }, (_, i) => `| ${i} | x |`)].join('\n');
    // Nine rows with the header: 11.3; with a paragraph of two rows (2.4), over 13.
    expect(count(`${table(8)}\n\n${'p'.repeat(100)}`)).toBe(2);
    expect(count(`${table(7)}\n\n${'p'.repeat(100)}`)).toBe(1);
    // Six paragraphs of two rows each fit (14.4 would not): 2.4 each.
    expect(count(Array.from({ length: 5 }, () => 'p'.repeat(100)).join('\n\n'))).toBe(1);
    expect(count(Array.from({ length: 6 }, () => 'p'.repeat(100)).join('\n\n'))).toBe(2);
  });

  it('count list items by their rows, nested items and code included', () => {
    const count = (markdown: string) => sectionsOf({ sections: [section('S', markdown)] }).slides.length;
    // Items of 82 characters take two rows (81 a row in a list): 2.15 each, seven do not fit.
    const item = (i: number) => `- ${String(i).padEnd(82, 'x')}`;
    expect(count(Array.from({ length: 6 }, (_, i) => item(i)).join('\n'))).toBe(1);
    expect(count(Array.from({ length: 7 }, (_, i) => item(i)).join('\n'))).toBe(2);
    // An item with four nested items: 1 + 4 × 1.15 + 0.15.
    const nested = (i: number) => `- Item ${i}\n  - a\n  - b\n  - c\n  - d`;
    expect(count([1, 2, 3].map(nested).join('\n'))).toBe(2);
    expect(count([1, 2].map(nested).join('\n'))).toBe(1);
    // Nested items wrap at 78 characters: four of 80 take 2.15 rows each.
    const wide = (i: number) => `- Item ${i}\n${Array.from({ length: 4 }, (_, k) => `  - ${String(k).padEnd(80, 'y')}`).join('\n')}`;
    expect(count([1, 2].map(wide).join('\n'))).toBe(2);
    expect(count([1].map(wide).join('\n'))).toBe(1);
    // An item with ten lines of code: 1 + 10 × 0.7 + 0.8 + 0.15.
    const coded = (i: number, n = 10) => `- Item ${i}\n\n  \`\`\`sh\n${Array.from({ length: n }, (_, k) => `  echo ${k}`).join('\n')}\n  \`\`\``;
    expect(count([1, 2].map((i) => coded(i)).join('\n'))).toBe(2);
    // Six lines: 2 × 6.15 fit; seven: 2 × 6.85 do not.
    expect(count([1, 2].map((i) => coded(i, 6)).join('\n'))).toBe(1);
    expect(count([1, 2].map((i) => coded(i, 7)).join('\n'))).toBe(2);
  });

  it('keep code of up to 17 lines whole, however long its lines', () => {
    const code = (n: number) => `\`\`\`sh\n${Array.from({ length: n }, (_, i) => `echo ${i} ${'x'.repeat(200)}`).join('\n')}\n\`\`\``;
    const count = (markdown: string) => sectionsOf({ sections: [section('S', markdown)] }).slides.length;
    expect(count(code(17))).toBe(1);
    expect(count(code(18))).toBeGreaterThan(1);
  });

  it('leave "… like this:" on its own when the code it introduces would not fit with it', () => {
    const bodies = sectionsOf({ sections: [section('S', `Run it like this:\n\n\`\`\`sh\n${lines(17)}\n\`\`\``)] }).slides.map((s) => s.data.body as string);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBe('Run it like this:');
  });

  it('keep "… like this:" with the code it introduces rather than with the text before', () => {
    const bodies = sectionsOf({ sections: [section('S', `${'Filler words here. '.repeat(20).trim()}\n\nRun it like this:\n\n\`\`\`sh\n${lines(10)}\n\`\`\``)] }).slides.map((s) => s.data.body as string);
    expect(bodies).toHaveLength(2);
    expect(bodies[1].startsWith('Run it like this:')).toBe(true);
  });
});

describe('code compared by content', () => {
  it('ignores line endings, trailing spaces and surrounding blank lines', () => {
    expect(normalizeCode('\r\n  a = 1  \r\nb = 2\t\rc\n\n')).toBe('a = 1\nb = 2\nc');
  });
});
