// Lab-sheet planning edges that the mutation run (stryker.config.mjs) showed untested: the fields of
// each task kind, which pitfalls a task names as common mistakes, the prerequisites and instructor
// notes taken from sections, how the lesson's exercise minutes are shared out, which examples become
// "write this file" tasks, and the discussion questions. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { createLesson, type Example, type Exercise, type Lesson } from '../src/model/lesson.js';
import { defaultLabMinutes, discussionQuestion, isSnippetLesson, planLab, taskExamples } from '../src/plan/lab-tasks.js';

const lessonOf = (fill: Partial<Lesson>): Lesson => ({ ...createLesson('lessons/m/1.1-x.md', '1.1-x'), title: 'X', ...fill });
const exercise = (title: string, prompt: string, fill: Partial<Exercise> = {}): Exercise => ({
  title, prompt, steps: [], hints: [], solution: null, instructorNotes: [], line: 40, ...fill,
});
const example = (language: string | null, code: string, title = ''): Example => ({ title, language, declaredLanguage: language, code, line: 10 });
/** `k` lines of code: `x = 10`, `x = 11` … */
const code = (k: number, prefix = 'x = 1') => Array.from({ length: k }, (_, i) => `${prefix}${i}`).join('\n');
const item = (text: string, line: number) => ({ text, line });

describe('the tasks of each kind', () => {
  const lesson = lessonOf({
    exercises: [
      exercise('Build the cache', 'Use layers.', { steps: ['a', 'b', 'c', 'd', 'e'], hints: ['h'], solution: 'sol', instructorNotes: ['watch'] }),
      exercise('Other', 'Go.'),
    ],
    pitfalls: [item('Forgetting the `cache` layers order', 70), item('Large images without pruning', 71)],
    reviewQuestions: [item('Why?', 80)],
    caseStudies: [
      { title: 'Acme', challenge: '', solution: ['did a', 'did c'], results: ['got b', 'got d'], line: 60 },
      { title: 'Beta', challenge: 'Reduce costs.', solution: [], results: [], line: 61 },
      { title: 'Gamma', challenge: 'Scale up', solution: [], results: ['faster'], line: 62 },
    ],
  });
  // Planned inside each test, not while the file is collected: Stryker activates a mutant only then.
  const planned = () => {
    const plan = planLab(lesson, null, 42);
    const [solved, unsolved, acme, beta, gamma, checklist, review] = plan.tasks;
    return { plan, solved, unsolved, acme, beta, gamma, checklist, review };
  };

  it('keeps an exercise with its steps, hints, solution and notes, and facilitation to match', () => {
    const { solved } = planned();
    expect(solved).toMatchObject({
      kind: 'exercise', title: 'Build the cache', prompt: 'Use layers.', steps: ['a', 'b', 'c', 'd', 'e'], hints: ['h'], checkpoints: [],
      solution: { markdown: 'sol', code: null, language: null, fileName: null }, expected: null, notes: ['watch'], line: 40,
      commonMistakes: ['Forgetting the `cache` layers order'],
      facilitation: [
        'Check progress after step 3: most difficulties show up by then.',
        'Hold the hints back until learners have tried on their own for a few minutes.',
        'Ask one or two learners to share their answer before you show the solution.',
      ],
    });
  });

  it('asks for a written answer when an exercise has no steps, and says when it has no solution', () => {
    const { unsolved } = planned();
    expect(unsolved).toMatchObject({
      prompt: 'Go.', checkpoints: ['Answer written down', 'Answer compared with a neighbour'], solution: null, commonMistakes: [],
      expected: 'The lesson gives no reference answer: agree on one with your co-instructors before class.',
      facilitation: ['There is no reference solution in the lesson: collect a few answers and discuss their trade-offs.'],
    });
    // An empty prompt is none; fewer than three steps need no progress check.
    const [bare] = planLab(lessonOf({ exercises: [exercise('T', '', { steps: ['a', 'b'], solution: 'x' })] })).tasks;
    expect(bare.prompt).toBeNull();
    expect(bare.checkpoints).toEqual([]);
    expect(bare.facilitation).toEqual(['Ask one or two learners to share their answer before you show the solution.']);
    const [three] = planLab(lessonOf({ exercises: [exercise('T', 'p', { steps: ['a', 'b', 'c'] })] })).tasks;
    expect(three.facilitation[0]).toBe('Check progress after step 2: most difficulties show up by then.');
  });

  it('reads an exercise without instructor notes (an older analysis cache) as having none', () => {
    const old = { ...exercise('T', 'p'), instructorNotes: undefined } as unknown as Exercise;
    expect(planLab(lessonOf({ exercises: [old] })).tasks[0].notes).toEqual([]);
  });

  it('turns a case study into discussion questions, with what the team did for instructors', () => {
    const { acme, beta, gamma } = planned();
    expect(acme).toMatchObject({
      kind: 'discussion', title: 'Acme', goal: 'Discuss the case “Acme”.', line: 60,
      questions: [
        'How would you approach “Acme”?',
        'What would you do first, and what would you leave for later? Why?',
        'How would you know that it worked? Name one thing you would measure.',
      ],
      solution: { markdown: '**What the team did:**\n\n- did a\n- did c\n\n**Results:**\n\n- got b\n- got d', code: null, language: null, fileName: null },
      steps: [], hints: [], checkpoints: [], notes: [], fileName: null, starter: null, check: null,
      expected: 'Groups name concrete steps and at least one measurable outcome.',
      facilitation: ['Let small groups discuss for a few minutes, then collect one answer per group before showing what the team did.'],
    });
    expect(beta).toMatchObject({ goal: null, solution: null });
    expect(beta.questions[0]).toBe('How would you reduce costs?');
    expect(gamma.solution).toEqual({ markdown: '**Results:**\n\n- faster', code: null, language: null, fileName: null });
    const [doneOnly] = planLab(lessonOf({ caseStudies: [{ title: 'D', challenge: 'c', solution: ['did x'], results: [], line: 1 }] })).tasks;
    expect(doneOnly.solution?.markdown).toBe('**What the team did:**\n\n- did x');
  });

  it('makes the pitfalls a checklist and asks the review questions', () => {
    const { plan, checklist, review } = planned();
    expect(checklist).toMatchObject({
      kind: 'troubleshooting', title: 'Troubleshooting checklist', line: 70, questions: [],
      goal: 'Go through your work and tick each problem once you have ruled it out.',
      checkpoints: ['Forgetting the `cache` layers order', 'Large images without pruning'],
      commonMistakes: ['Forgetting the `cache` layers order', 'Large images without pruning'],
      facilitation: ['Ask learners which item they had to fix: it shows which part of the lesson to revisit.'],
    });
    expect(review).toMatchObject({
      kind: 'review', title: 'Review questions', line: 80, goal: 'Answer in a sentence or two each.', questions: ['Why?'], checkpoints: [],
      facilitation: ['Use these as an exit ticket, or pair learners to answer them aloud.'],
    });
    expect(plan.tasks).toHaveLength(7);
  });

  it('makes no checklist and no review task without pitfalls or questions', () => {
    expect(planLab(lessonOf({ exercises: [exercise('T', 'p')] })).tasks.map((task) => task.kind)).toEqual(['exercise']);
  });

  it('gives a generated task its file, steps, starter, checkpoints and the example as the solution', () => {
    const compose = example('yaml', 'services:\n  web:\n    image: nginx', 'docker-compose.yml');
    const [task] = planLab(lessonOf({ examples: [compose] })).tasks;
    expect(task).toMatchObject({ kind: 'build', fileName: 'docker-compose.yml', language: 'yaml', line: 10, hints: [], questions: [], notes: [] });
    expect(task.steps[0]).toBe('Create a new folder for this task and, in it, a file named `docker-compose.yml`.');
    expect(task.steps[1]).toBe('Copy the starter below into `docker-compose.yml` and replace every `TODO` line with what it describes; keep the comments.');
    expect(task.checkpoints.slice(0, 2)).toEqual(['`docker-compose.yml` created', 'No `TODO` left in the file']);
    expect(task.solution).toEqual({ markdown: null, code: compose.code, language: 'yaml', fileName: 'docker-compose.yml' });
    const [program] = planLab(lessonOf({ examples: [example('python', code(4))] })).tasks;
    expect(program.fileName).toBe('example.py');
    expect(program.steps.at(-1)).toBe('Check your work: run `python3 -m py_compile example.py` and fix anything it reports.');
    expect(program.checkpoints).toEqual(['`example.py` created', 'No `TODO` left in the file', '`python3 -m py_compile example.py` succeeds']);
  });

  it("names the pitfalls that share a word with the example's title or code", () => {
    const pitfalls = [item('Unpinned nginx image', 70), item('Forgotten healthchecks', 71), item('Services without names', 72)];
    const [task] = planLab(lessonOf({ examples: [example('yaml', 'services:\n  web:\n    image: nginx', 'docker-compose.yml')], pitfalls })).tasks;
    expect(task.commonMistakes.slice(-2)).toEqual(['Unpinned nginx image', 'Services without names']);
  });

  it('asks for a last read-through when there is no command to check the file', () => {
    const [page] = planLab(lessonOf({ examples: [example('html', code(4, '<p>x</p>'))] })).tasks;
    expect(page.steps.at(-1)).toBe('Read your file top to bottom once more and compare it with the goal.');
    expect(page.checkpoints).toEqual(['`example.html` created', 'No `TODO` left in the file']);
    expect(page.expected).toBeNull();
  });

  it('takes the file name an exercise gives when one example alone has that extension', () => {
    const names = (examples: Example[]) =>
      planLab(lessonOf({ examples, exercises: [exercise('Write it', 'Save it as `app.py` and run it.')] })).tasks.filter((t) => t.kind === 'build').map((t) => t.fileName);
    expect(names([example('python', code(4))])).toEqual(['app.py']);
    expect(names([example('python', code(4)), example('javascript', code(4, 'let a'))])).toEqual(['app.py', 'example.js']);
    expect(names([example('python', code(4)), example('python', code(5))])).toEqual(['example.py', 'example.py']);
  });
});

describe('common mistakes', () => {
  const mistakes = (pitfalls: string[], title: string, prompt = '', steps: string[] = []) =>
    planLab(lessonOf({ exercises: [exercise(title, prompt, { steps })], pitfalls: pitfalls.map((text, i) => item(text, 70 + i)) })).tasks[0].commonMistakes;

  it('are the pitfalls sharing a word of five letters or more (not a stop word, not code) with the task', () => {
    expect(mistakes(['Using latest tags', 'Missing healthchecks', 'Caching secrets', 'Slow `docker build` runs'], 'Tag your images', 'Add a healthcheck', ['docker builds']))
      .toEqual(['Missing healthchecks']);
  });

  it('match a word at its start only, singular or plural', () => {
    expect(mistakes(['Ports clash'], 'Map ports')).toEqual(['Ports clash']);
    expect(mistakes(['Ports clash'], 'Map reports')).toEqual([]);
    expect(mistakes(['The ports'], 'Map the port')).toEqual(['The ports']);
    expect(mistakes(['Using volumes'], 'using a volume')).toEqual(['Using volumes']);
    // Only a final s is dropped.
    expect(mistakes(['Broken assets'], 'Copy the asset folder')).toEqual(['Broken assets']);
    // Stop words never match.
    expect(mistakes(['Without thinking'], 'without')).toEqual([]);
    // The steps are read as separate words.
    expect(mistakes(['Forgotten volumes'], 'T', '', ['Add caching', 'volumes mounted'])).toEqual(['Forgotten volumes']);
  });
});

describe('prerequisites and instructor notes from sections', () => {
  const prerequisites = (title: string, markdown: string) => planLab(lessonOf({ sections: [{ title, markdown, line: 2 }] })).prerequisites;

  it('takes the items of a Prerequisites section, or its first line', () => {
    expect(prerequisites('## Prerequisites', '- Docker\n* Git\n3) Node\n+ Make')).toEqual(['Docker', 'Git', 'Node', 'Make']);
    expect(prerequisites('📋 Prerequisites', 'You need Docker.\nAnd Git.')).toEqual(['You need Docker.']);
    expect(prerequisites('Before you start', '1. A\n2) B')).toEqual(['A', 'B']);
    expect(prerequisites('Prerequisites  ', '- A')).toEqual(['A']);
    // Only list items, each at the start of its line, of any number, trimmed.
    expect(prerequisites('Prerequisites', 'Intro - not a list\n  -   spaced item  \n10. ten\nx- no')).toEqual(['spaced item', 'ten']);
  });

  it('ignores an empty section and one whose title only starts like it', () => {
    const none: string[] = [];
    expect(prerequisites('Setup', '  ')).toEqual(none);
    expect(prerequisites('Prerequisites of X', '- A')).toEqual(none);
  });

  it('collects instructor sections and instructor or facilitator divs, skipping empty ones', () => {
    const notes = planLab(lessonOf({
      sections: [
        { title: 'Notes for the instructor', markdown: '  ', line: 1 },
        { title: 'Facilitation', markdown: ' f ', line: 2 },
        { title: 'X', markdown: '::: facilitator\nfa\n:::\n\n::: callout\nc\n:::\n\n::: instructor\n:::\n', line: 3 },
      ],
    })).facilitationNotes;
    expect(notes).toEqual(['f', 'fa']);
  });
});

describe('minutes', () => {
  const minutes = (given: number | null, exercises = 3) => {
    const plan = planLab(lessonOf({ exercises: Array.from({ length: exercises }, (_, i) => exercise(`E${i}`, 'Go.')), reviewQuestions: [item('q', 3)] }), null, given);
    return { timed: plan.timedByLesson, minutes: plan.tasks.map((task) => task.minutes), total: plan.totalMinutes };
  };

  it('default to 10 a task of each exercise and 5 for review without a usable exercise time', () => {
    for (const given of [null, Number.NaN, 0, -5, Number.POSITIVE_INFINITY]) expect(minutes(given)).toEqual({ timed: false, minutes: [10, 10, 10, 5], total: 35 });
  });

  it('share the lesson time by those weights, largest remainders first, at least a minute each', () => {
    expect(minutes(21)).toEqual({ timed: true, minutes: [6, 6, 6, 3], total: 21 });
    expect(minutes(21.6)).toEqual({ timed: true, minutes: [7, 6, 6, 3], total: 22 });
    expect(minutes(2)).toEqual({ timed: true, minutes: [1, 1, 1, 1], total: 4 });
    expect(minutes(9)).toEqual({ timed: true, minutes: [3, 3, 2, 1], total: 9 });
    expect(minutes(37)).toEqual({ timed: true, minutes: [11, 11, 10, 5], total: 37 });
  });

  it('give the minutes left over to the largest remainder first, wherever its task is', () => {
    // A build task (8) and a review (5) in 10 minutes: 6.15 and 3.85, so the review gets the extra minute.
    const plan = planLab(lessonOf({ examples: [example('python', code(4))], reviewQuestions: [item('q', 3)] }), null, 10);
    expect(plan.tasks.map((task) => [task.kind, task.minutes])).toEqual([['build', 6], ['review', 4]]);
  });

  it('are not the lesson time when there is no task', () => {
    const plan = planLab(lessonOf({}), null, 30);
    expect(plan).toMatchObject({ timedByLesson: false, totalMinutes: 0, tasks: [] });
  });

  it('add up, without planning the tasks, to the lab sheet default', () => {
    const lesson = lessonOf({
      examples: [example('python', code(4)), example('yaml', 'services:\n  web:\n    image: nginx', 'docker-compose.yml')],
      exercises: [exercise('t', '')],
      caseStudies: [{ title: 'c', challenge: '', solution: [], results: [], line: 1 }],
      pitfalls: [item('p', 1)],
      reviewQuestions: [item('q', 1)],
    });
    expect(defaultLabMinutes(lesson)).toBe(10 + 8 + 8 + 5 + 5 + 5);
    expect(defaultLabMinutes(lesson)).toBe(planLab(lesson).totalMinutes);
    expect(defaultLabMinutes(lessonOf({ exercises: [exercise('t', '')] }))).toBe(10);
  });
});

describe('which examples become tasks', () => {
  const shell = example('bash', 'ls');
  const python = (k: number) => example('python', code(k));

  it('a lesson of six or more examples, most of them short or shell, is made of snippets', () => {
    expect(isSnippetLesson(lessonOf({ examples: [shell, shell, shell, shell, shell] }))).toBe(false);
    expect(isSnippetLesson(lessonOf({ examples: [shell, shell, shell, shell, shell, shell] }))).toBe(true);
    // The median (the upper one of an even count) decides: five lines is short, six is not.
    expect(isSnippetLesson(lessonOf({ examples: [python(6), python(5), python(5), python(5), python(9), python(5)] }))).toBe(true);
    expect(isSnippetLesson(lessonOf({ examples: [python(5), python(5), python(5), python(6), python(6), python(6)] }))).toBe(false);
    // Sorted by size, numerically, whatever the order of the examples.
    expect(isSnippetLesson(lessonOf({ examples: [python(9), python(10), python(9), python(1), python(1), python(1)] }))).toBe(false);
    expect(isSnippetLesson(lessonOf({ examples: [python(10), python(9), python(2), python(1), python(11), python(1)] }))).toBe(false);
    // Blank lines do not count.
    const gappy = example('python', 'a=1\n\n\nb=2\n  \nc=3\nd=4\ne=5');
    expect(isSnippetLesson(lessonOf({ examples: [gappy, gappy, gappy, gappy, gappy, gappy] }))).toBe(true);
  });

  it('so is one where 60 % of the examples are shell or console sessions', () => {
    const long = (language: string) => example(language, code(9, 'echo '));
    const mix = (shells: number) => [...Array.from({ length: shells }, (_, i) => long(i % 2 ? 'bash' : 'console')), ...Array.from({ length: 10 - shells }, () => python(9))];
    expect(isSnippetLesson(lessonOf({ examples: mix(6) }))).toBe(true);
    expect(isSnippetLesson(lessonOf({ examples: mix(5) }))).toBe(false);
  });

  it('needs a language worth a file, three lines of code and a file name', () => {
    const tasks = (x: Example) => taskExamples(lessonOf({ examples: [x] })).length;
    expect(tasks(example(null, code(4)))).toBe(0);
    expect(tasks(example('console', '$ a\n$ b\n$ c'))).toBe(0);
    expect(tasks(example('text', code(4)))).toBe(0);
    // Even when the code would have a file name.
    expect(tasks(example(null, 'FROM node\nRUN npm ci\nCMD ["node", "app.js"]', 'Dockerfile'))).toBe(0);
    // A language Lectern does not know gives no file name.
    expect(tasks(example('foo', code(4)))).toBe(0);
    expect(tasks(python(2))).toBe(0);
    expect(tasks(example('python', 'a=1\n\nb=2\n'))).toBe(0);
    expect(tasks(python(3))).toBe(1);
  });

  it('leaves out an example that a solution quotes', () => {
    const solved = (solution: string | null) => exercise('t', '', { solution });
    expect(taskExamples(lessonOf({ examples: [python(4)], exercises: [solved(null), solved(`See:\n${code(4)}\nok`)] }))).toEqual([]);
    expect(taskExamples(lessonOf({ examples: [python(4)], exercises: [solved(null), solved('other')] }))).toHaveLength(1);
  });

  it('in a lesson of snippets, keeps configuration and programs of more than five lines', () => {
    const compose = example('yaml', 'services:\n  web:\n    image: nginx', 'docker-compose.yml');
    const kept = taskExamples(lessonOf({ examples: [shell, shell, shell, shell, shell, compose, python(5), python(6)] }));
    expect(kept).toEqual([compose, python(6)]);
    // Markup is neither: never a task there, however long.
    expect(taskExamples(lessonOf({ examples: [shell, shell, shell, shell, shell, example('html', code(6, '<p>x</p>'))] }))).toEqual([]);
  });
});

describe('discussion questions', () => {
  it('turn an imperative challenge into "How would you …?"', () => {
    expect(discussionQuestion('Reduce costs.', 'T')).toBe('How would you reduce costs?');
    expect(discussionQuestion('Reduce costs!!', 'T')).toBe('How would you reduce costs?');
    expect(discussionQuestion('  Scale   the   API  ', 'T')).toBe('How would you scale the API?');
    expect(discussionQuestion('Ask them', 'T')).toBe('How would you ask them?');
  });

  it('keep a description, a question or several sentences, and ask how to address it', () => {
    expect(discussionQuestion('Our team was slow.', 'T')).toBe('Our team was slow. How would you address this?');
    expect(discussionQuestion('Teams were slow', 'T')).toBe('Teams were slow. How would you address this?');
    expect(discussionQuestion('Many users', 'T')).toBe('Many users. How would you address this?');
    expect(discussionQuestion('Cut costs. Then grow', 'T')).toBe('Cut costs. Then grow. How would you address this?');
    expect(discussionQuestion('Cut costs! Then grow', 'T')).toBe('Cut costs! Then grow. How would you address this?');
    expect(discussionQuestion('Why is it slow?', 'T')).toBe('Why is it slow? How would you address this?');
    expect(discussionQuestion('Is it slow? Fix it', 'T')).toBe('Is it slow? Fix it. How would you address this?');
  });

  it('ask how to approach the case when there is no challenge', () => {
    expect(discussionQuestion('   ', 'T')).toBe('How would you approach “T”?');
  });
});
