// src/extract/exercise.ts: what its mutation run left alive (issue 20). House-format exercises
// (headings and bold labels for solutions and hints, numbered steps, sections of several exercises)
// and Carpentries challenges (questions split at headings and solutions), each written as a lesson
// author would and read back whole. Lessons are built inside the tests (Stryker activates a mutant
// only once the file is collected).
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { RootContent } from 'mdast';
import { analyzeLesson } from '../src/pipeline.js';
import { parseLesson, type FencedDiv } from '../src/parse/parse.js';
import { divBody, exerciseTitle, readChallenge, readExercise } from '../src/extract/exercise.js';
import type { Exercise, Lesson } from '../src/model/lesson.js';

/** The top-level nodes of a parsed Markdown string. */
function nodesOf(value: string): RootContent[] {
  return parseLesson(new VFile({ path: 'x.md', value })).children;
}

/** The first node of a parsed Markdown string, as the div it is. */
function divOf(value: string): FencedDiv {
  return nodesOf(value)[0] as unknown as FencedDiv;
}

/** The lesson model of a Markdown string, without the lint rules. */
function extract(value: string): Lesson {
  return analyzeLesson(new VFile({ path: 'lessons/module-1/1.1-sample.md', value }), { lint: false }).lesson;
}

/** An exercise with the fields a case does not name left empty. */
function exercise(fields: Partial<Exercise> & Pick<Exercise, 'title' | 'line'>): Exercise {
  return { prompt: '', steps: [], hints: [], solution: null, instructorNotes: [], ...fields };
}

describe('exerciseTitle', () => {
  it('strips the "Exercise N:" label in its spellings, and keeps a title that is only the label', () => {
    const cases: Array<[string, string]> = [
      ['Exercise 1: Build an image', 'Build an image'],
      ['Exercise: Build an image', 'Build an image'],
      ['Exercise 12: Tag it', 'Tag it'],
      ['Exercise 1.10: Push it', 'Push it'],
      ['Exercise 1 : Run it', 'Run it'],
      ['Exercise 1:Run it', 'Run it'],
      ['  Task #3 — Clean up  ', 'Clean up'],
      ['Subtask: Write the tests', 'Subtask: Write the tests'],
      ['Final task: deploy', 'Final task: deploy'],
      ['Exercise 2: ', 'Exercise 2:'],
      ['Exercise 3', 'Exercise 3'],
    ];
    expect(cases.map(([title]) => [title, exerciseTitle(title)])).toEqual(cases);
  });
});

describe('readExercise: the house format', () => {
  it('reads solution and hint headings (however spelt), and starts the next question after a solution', () => {
    const nodes = nodesOf(
      [
        'Build the image.',
        '',
        'Answer',
        '',
        'It has three layers.',
        '',
        '#### Sample Solution :',
        '',
        '```sh',
        'docker build .',
        '```',
        '',
        '##### Why',
        '',
        'Layers cache.',
        '',
        '#### Hint',
        '',
        '- Look at `docker history`',
        '- Count the lines',
        '',
        'Second para of hint.',
        '',
        '#### Part 2',
        '',
        'Run it.',
        '',
        '**Solution:**',
        '',
        '#### Part 3',
        '',
      ].join('\n'),
    );
    expect(readExercise('Exercise 1: Layers', 3, nodes)).toEqual([
      exercise({
        title: 'Layers, part 1',
        prompt: 'Build the image.\n\nAnswer\n\nIt has three layers.',
        hints: ['Look at `docker history`', 'Count the lines', 'Second para of hint.'],
        solution: '```sh\ndocker build .\n```\n\n##### Why\n\nLayers cache.',
        line: 3,
      }),
      // An empty "**Solution:**" placeholder gives no solution, so its question goes on.
      exercise({ title: 'Part 2', prompt: 'Run it.\n\n#### Part 3', line: 24 }),
    ]);
  });

  it('starts the next question at a heading after a solution div, a hint label or an answered step', () => {
    const nodes = nodesOf(
      [
        'Which port does the app use?',
        '',
        '::: solution',
        'Port 8000.',
        ':::',
        '',
        '**Hint:** Look at `EXPOSE`.',
        '',
        '#### Going further',
        '',
        'Map it to port 80.',
        '',
        '#### Solution',
        '',
        '`docker run -p 80:8000 web`',
        '',
        '**Hint:** Read `docker run --help`.',
        '',
        '#### Cleaning up',
        '',
        '1. Stop the container',
        '',
        '   ::: solution',
        '   `docker stop web`',
        '   :::',
        '',
        '#### Checking',
        '',
        'Is it gone?',
      ].join('\n'),
    );
    expect(readExercise('Exercise 3: Ports', 7, nodes)).toEqual([
      exercise({ title: 'Ports, part 1', prompt: 'Which port does the app use?', hints: ['Look at `EXPOSE`.'], solution: 'Port 8000.', line: 7 }),
      exercise({ title: 'Going further', prompt: 'Map it to port 80.', hints: ['Read `docker run --help`.'], solution: '`docker run -p 80:8000 web`', line: 9 }),
      exercise({ title: 'Cleaning up', steps: ['Stop the container'], solution: '**Step 1:** `docker stop web`', line: 19 }),
      exercise({ title: 'Checking', prompt: 'Is it gone?', line: 27 }),
    ]);
  });

  it('starts the next question at a heading right after a solution div', () => {
    expect(readExercise('Ports', 1, nodesOf('Which port?\n\n::: solution\nPort 8000.\n:::\n\n#### Going further\n\nMap it to port 80.\n'))).toEqual([
      exercise({ title: 'Ports, part 1', prompt: 'Which port?', solution: 'Port 8000.', line: 1 }),
      exercise({ title: 'Going further', prompt: 'Map it to port 80.', line: 7 }),
    ]);
  });

  it('goes on with the question at a heading after a hint alone, and splits again after a deeper one', () => {
    const nodes = nodesOf(
      [
        'Find the bug.',
        '',
        '#### Hint',
        '',
        'Read the traceback.',
        '',
        '#### Extension',
        '',
        'Fix it too.',
        '',
        '#### Solution',
        '',
        'Line 3 divides by zero.',
        '',
        '#### Part 2',
        '',
        'Now handle the error.',
        '',
        '::: solution',
        'Use `try`.',
        ':::',
        '',
        '##### Going deeper',
        '',
        'Log it.',
      ].join('\n'),
    );
    expect(readExercise('Bugs', 1, nodes)).toEqual([
      exercise({
        title: 'Bugs, part 1',
        prompt: 'Find the bug.\n\n#### Extension\n\nFix it too.',
        hints: ['Read the traceback.'],
        solution: 'Line 3 divides by zero.',
        line: 1,
      }),
      exercise({ title: 'Part 2', prompt: 'Now handle the error.', solution: 'Use `try`.', line: 15 }),
      exercise({ title: 'Going deeper', prompt: 'Log it.', line: 23 }),
    ]);
  });

  it('reads bold solution and hint labels, with or without text after them', () => {
    const nodes = nodesOf(
      [
        'Which port does the app use?',
        '',
        '**Hint:**',
        '',
        'Look at the `EXPOSE` line.',
        '',
        '**Hint 2:** Read the Dockerfile.',
        '',
        'Then answer.',
        '',
        '**Answer:**',
        '',
        'Port 8000.',
        '',
        '**Solution:** `docker port web`',
      ].join('\n'),
    );
    expect(readExercise('Ports', 1, nodes)).toEqual([
      exercise({
        title: 'Ports',
        prompt: 'Which port does the app use?\n\nThen answer.',
        hints: ['Look at the `EXPOSE` line.', 'Read the Dockerfile.'],
        solution: 'Port 8000.\n\n`docker port web`',
        line: 1,
      }),
    ]);
  });

  it('takes the first numbered list as the steps, and leaves later lists and paragraphs in the prompt', () => {
    const nodes = nodesOf(
      [
        'Set up the project.',
        '',
        '1. Clone the repository',
        '2. Build the image',
        '',
        '   ::: solution',
        '   ```sh',
        '   docker build -t web .',
        '   ```',
        '   :::',
        '',
        '3. Run it',
        '',
        '   ::: solution',
        '   Use `docker run web`.',
        '   :::',
        '',
        'Then clean up:',
        '',
        '1. Stop the container',
        '2. Remove the image',
        '',
        '- Keep notes',
      ].join('\n'),
    );
    expect(readExercise('Exercise 2: Images', 5, nodes)).toEqual([
      exercise({
        title: 'Images',
        prompt: 'Set up the project.\n\nThen clean up:\n\n1. Stop the container\n2. Remove the image\n\n- Keep notes',
        steps: ['Clone the repository', 'Build the image', 'Run it'],
        solution: '**Step 2:**\n\n```sh\ndocker build -t web .\n```\n\n**Step 3:** Use `docker run web`.',
        line: 5,
      }),
    ]);
  });

  it('takes only a numbered list as steps', () => {
    expect(readExercise('Tags', 1, nodesOf('Try:\n\n- `git tag`\n- `git tag -a`\n'))).toEqual([
      exercise({ title: 'Tags', prompt: 'Try:\n\n- `git tag`\n- `git tag -a`', line: 1 }),
    ]);
  });

  it('keeps solution and hint divs out of the prompt, and drops empty hints and notes', () => {
    const nodes = nodesOf(
      [
        'Write a loop.',
        '',
        '::: hint',
        ':::',
        '',
        '::: hint',
        '## Hint',
        'Use `for`.',
        ':::',
        '',
        '::: instructor',
        ':::',
        '',
        '::: instructor',
        'Give them ten minutes.',
        ':::',
        '',
        '::: solution',
        '## Solution',
        '`for f in *; do echo $f; done`',
        ':::',
      ].join('\n'),
    );
    expect(readExercise('Loops', 1, nodes)).toEqual([
      exercise({
        title: 'Loops',
        prompt: 'Write a loop.',
        hints: ['Use `for`.'],
        solution: '`for f in *; do echo $f; done`',
        instructorNotes: ['Give them ten minutes.'],
        line: 1,
      }),
    ]);
  });
});

describe('readExerciseSection, through a lesson: the shapes of an exercises section', () => {
  it('keeps an intro that is no exercise, code and all, and reads each subsection, even an empty one', () => {
    const lesson = extract(
      [
        '# 1.1: Git',
        '',
        '## Exercises',
        '',
        'Clone first:',
        '',
        '```sh',
        'git clone https://example.org/repo',
        '```',
        '',
        '### Exercise 1: Log',
        '',
        'Run git log.',
        '',
        '### Exercise 2: To be written',
        '',
      ].join('\n'),
    );
    expect(lesson.exercises).toEqual([exercise({ title: 'Log', prompt: 'Run git log.', line: 11 }), exercise({ title: 'To be written', line: 15 })]);
    expect(lesson.sections).toEqual([{ title: 'Exercises', markdown: 'Clone first:\n\n```sh\ngit clone https://example.org/repo\n```', line: 3 }]);
    expect(lesson.examples).toEqual([]);
  });

  it('keeps a code-only intro as a section too', () => {
    const lesson = extract('# 1.1: Git\n\n## Exercises\n\n```sh\ngit init\n```\n\n### Exercise 1: Log\n\nRun git log.\n');
    expect(lesson.exercises).toEqual([exercise({ title: 'Log', prompt: 'Run git log.', line: 9 })]);
    expect(lesson.sections).toEqual([{ title: 'Exercises', markdown: '```sh\ngit init\n```', line: 3 }]);
  });

  it('reads exercises in the intro: several labelled ones, or one with a title of its own', () => {
    const several = extract(
      '# 1.1: Git\n\n## Exercises\n\n**Exercise 1:** Run `git log`.\n\n**Exercise 2:** Run `git status`.\n\n### Exercise 3: Branch\n\nMake a branch.\n',
    );
    expect(several.exercises.map((e) => [e.title, e.prompt])).toEqual([
      ['Exercise 1', 'Run `git log`.'],
      ['Exercise 2', 'Run `git status`.'],
      ['Branch', 'Make a branch.'],
    ]);
    expect(several.sections).toEqual([]);
    const one = extract('# 1.1: Git\n\n## Exercises\n\n**Task:** Run `git log`.\n\n### Exercise 2: Branch\n\nMake a branch.\n');
    expect(one.exercises.map((e) => [e.title, e.prompt])).toEqual([
      ['Task', 'Run `git log`.'],
      ['Branch', 'Make a branch.'],
    ]);
  });

  it('reads a section without subsections as one exercise titled by it, and an empty one as none', () => {
    const lesson = extract('# 1.1: Git\n\n## Hands-on Exercise\n\nInitialise a repository.\n\n## Exercises\n\n## Summary\n\nDone.\n');
    expect(lesson.exercises).toEqual([exercise({ title: 'Hands-on Exercise', prompt: 'Initialise a repository.', line: 3 })]);
    expect(lesson.sections.map((section) => section.title)).toEqual(['Summary']);
  });
});

describe('readExerciseRun, through a lesson: labelled paragraphs and lists of tasks', () => {
  it('gives the text before the first label to the first exercise only, code included', () => {
    const lesson = extract(
      [
        '# 1.1: Git',
        '',
        '## Exercises',
        '',
        'Set up first:',
        '',
        '```sh',
        'git init',
        '```',
        '',
        '**Exercise 1:**',
        '',
        'Commit a file.',
        '',
        '**Exercise 2:** Branch.',
      ].join('\n'),
    );
    expect(lesson.exercises).toEqual([
      exercise({ title: 'Exercise 1', prompt: 'Set up first:\n\n```sh\ngit init\n```\n\nCommit a file.', line: 11 }),
      exercise({ title: 'Exercise 2', prompt: 'Branch.', line: 15 }),
    ]);
  });

  it('makes each task of a list an exercise, the intro line going to the first', () => {
    const lesson = extract(
      [
        '# 1.1: Git',
        '',
        '## Exercises',
        '',
        'Try these:',
        '',
        '1. Run `git log`',
        '2. **Status:** Run `git status`',
        '3. **Warm-up:**',
      ].join('\n'),
    );
    expect(lesson.exercises).toEqual([
      exercise({ title: 'Exercise 1', prompt: 'Try these:\n\nRun `git log`', line: 7 }),
      exercise({ title: 'Status', prompt: 'Run `git status`', line: 8 }),
      exercise({ title: 'Warm-up', line: 9 }),
    ]);
    const bare = extract('# 1.1: Git\n\n## Exercises\n\n- Run `git log`\n- Run `git status`\n');
    expect(bare.exercises.map((e) => [e.title, e.prompt])).toEqual([
      ['Exercise 1', 'Run `git log`'],
      ['Exercise 2', 'Run `git status`'],
    ]);
    const empty = extract('# 1.1: Git\n\n## Exercises\n\nTry this one:\n\n- **Warm-up:**\n');
    expect(empty.exercises.map((e) => [e.title, e.prompt])).toEqual([['Warm-up', 'Try this one:']]);
  });

  it('reads a list with more than an intro line beside it as one exercise that keeps everything', () => {
    const withCode = extract('# 1.1: Git\n\n## Exercises\n\nTry these:\n\n1. Run `git log`\n2. Run `git status`\n\n```sh\ngit help\n```\n');
    expect(withCode.exercises).toEqual([
      exercise({ title: 'Exercises', prompt: 'Try these:\n\n```sh\ngit help\n```', steps: ['Run `git log`', 'Run `git status`'], line: 3 }),
    ]);
    const twoParagraphs = extract('# 1.1: Git\n\n## Exercises\n\nTry these.\n\nTake your time.\n\n- Run `git log`\n');
    expect(twoParagraphs.exercises).toEqual([
      exercise({ title: 'Exercises', prompt: 'Try these.\n\nTake your time.\n\n- Run `git log`', line: 3 }),
    ]);
    const quoted = extract('# 1.1: Git\n\n## Exercises\n\n> Careful.\n\n- Run `git log`\n');
    expect(quoted.exercises).toEqual([exercise({ title: 'Exercises', prompt: '> Careful.\n\n- Run `git log`', line: 3 })]);
    const twoLists = extract('# 1.1: Git\n\n## Exercises\n\n- Run `git log`\n\n1. Commit\n2. Push\n');
    expect(twoLists.exercises).toEqual([exercise({ title: 'Exercises', prompt: '- Run `git log`', steps: ['Commit', 'Push'], line: 3 })]);
  });
});

describe('readChallenge: a Carpentries challenge, question by question', () => {
  it('is titled "Challenge" without a heading, and by its heading after a leading comment', () => {
    expect(readChallenge(divOf('::: challenge\nWhat does `ls -F` print?\n:::\n'))).toEqual([
      exercise({ title: 'Challenge', prompt: 'What does `ls -F` print?', line: 1 }),
    ]);
    expect(readChallenge(divOf('::: challenge\n<!-- from episode 2 -->\n\n## Listing\nWhat does `ls -F` print?\n:::\n'))).toEqual([
      exercise({ title: 'Listing', prompt: '<!-- from episode 2 -->\n\nWhat does `ls -F` print?', line: 1 }),
    ]);
    expect(readChallenge(divOf('::: challenge\n:::\n'))).toEqual([exercise({ title: 'Challenge', line: 1 })]);
  });

  it('starts a question at a heading that follows a solution, keeping the answered one', () => {
    const div = divOf(
      ['::: challenge', '## Paths', 'Where is `/tmp`?', '', ':::: solution', 'At the root.', '::::', '', '### Relative', 'What is `..`?', ':::'].join('\n'),
    );
    expect(readChallenge(div)).toEqual([
      exercise({ title: 'Paths, part 1', prompt: 'Where is `/tmp`?', solution: 'At the root.', line: 1 }),
      exercise({ title: 'Relative', prompt: 'What is `..`?', line: 9 }),
    ]);
  });

  it('keeps each headed question, even one without a solution', () => {
    const div = divOf(['::: challenge', '## Files', '### Create', 'Make a file.', '', '### Delete', 'Remove it.', ':::'].join('\n'));
    expect(readChallenge(div)).toEqual([
      exercise({ title: 'Create', prompt: 'Make a file.', line: 3 }),
      exercise({ title: 'Delete', prompt: 'Remove it.', line: 6 }),
    ]);
  });

  it('gives text after a solution to that question when a heading follows, and lets a comment stay with it', () => {
    const followUp = divOf(
      [
        '::: challenge',
        '## Loops',
        'Count the files.',
        '',
        ':::: solution',
        'Use `wc -l`.',
        '::::',
        '',
        'Why does this work?',
        '',
        '### Sum',
        'Add them up.',
        ':::',
      ].join('\n'),
    );
    expect(readChallenge(followUp)).toEqual([
      exercise({ title: 'Loops, part 1', prompt: 'Count the files.\n\nWhy does this work?', solution: 'Use `wc -l`.', line: 1 }),
      exercise({ title: 'Sum', prompt: 'Add them up.', line: 11 }),
    ]);
    const comment = divOf(
      [
        '::: challenge',
        '## Loops',
        'Count the files.',
        '',
        ':::: solution',
        'Use `wc -l`.',
        '::::',
        '',
        '<!-- second question -->',
        '',
        'Now count the lines.',
        '',
        ':::: solution',
        'Use `cat * | wc -l`.',
        '::::',
        ':::',
      ].join('\n'),
    );
    expect(readChallenge(comment)).toEqual([
      exercise({ title: 'Loops, part 1', prompt: 'Count the files.\n\n<!-- second question -->', solution: 'Use `wc -l`.', line: 1 }),
      exercise({ title: 'Loops, part 2', prompt: 'Now count the lines.', solution: 'Use `cat * | wc -l`.', line: 11 }),
    ]);
  });

  it('reads a solution as a hint only when a heading says so', () => {
    const div = divOf(['::: challenge', '## Close', 'Compare them.', '', ':::: solution', 'Hint', '', 'Use `abs`.', '::::', ':::'].join('\n'));
    expect(readChallenge(div)).toEqual([exercise({ title: 'Close', prompt: 'Compare them.', solution: 'Hint\n\nUse `abs`.', line: 1 })]);
  });

  it('reads an empty solution as none, and keeps a solution whose first heading is its own', () => {
    const div = divOf(
      ['::: challenge', '## Output', 'What prints?', '', ':::: solution', '::::', '', ':::: solution', '### Output', '`hello`', '::::', ':::'].join('\n'),
    );
    expect(readChallenge(div)).toEqual([exercise({ title: 'Output', prompt: 'What prints?', solution: '### Output\n\n`hello`', line: 1 })]);
  });
});

describe('divBody', () => {
  it('drops a "Solution" or "Hint" heading only, and reads an empty div as nothing', () => {
    const texts = (div: FencedDiv) => divBody(div).map((node) => node.type);
    expect(texts(divOf('::: solution\n## Solution\nDone.\n:::\n'))).toEqual(['paragraph']);
    expect(texts(divOf('::: hint\n## Hint 2\nLook.\n:::\n'))).toEqual(['paragraph']);
    expect(texts(divOf('::: solution\n## Explanation\nDone.\n:::\n'))).toEqual(['heading', 'paragraph']);
    expect(texts(divOf('::: solution\nSolution\n:::\n'))).toEqual(['paragraph']);
    expect(divBody(divOf('::: solution\n:::\n'))).toEqual([]);
  });
});
