// HTML disclosure blocks, as GitHub-hosted tutorials hide their answers:
//   <details>
//   <summary>Solution</summary>
//   …
//   </details>
// are read as divs: a solution stays out of the exercise's prompt (so out of the student's lab),
// a hint becomes a hint, any other summary titles a box of more detail. Pure: the extractor.
import { describe, it, expect } from 'vitest';
import { analyze as analyzeAt } from './helpers/render.js';
import { divByTitle, prepareSource } from '../src/parse/preprocess.js';
import type { Lesson } from '../src/model/lesson.js';

const analyze = (value: string): Lesson => analyzeAt(value, 'tutorial/01-start.md');

const exercise = (opening: string) =>
  [
    '# Getting started',
    '',
    '## Exercise',
    '',
    'Create a repository and commit two files.',
    '',
    ...opening.split('\n'),
    '',
    '```bash',
    'git init demo',
    '```',
    '',
    '</details>',
    '',
    '## Wrap-up',
    '',
    'Well done.',
  ].join('\n');

describe('<details> blocks', () => {
  it.each([
    ['summary on its own line', '<details>\n<summary>Solution</summary>'],
    ['summary on the same line', '<details><summary>Show the answer</summary>'],
    ['bold summary after a blank line', '<details markdown="1">\n\n<summary><b>Solution</b></summary>'],
  ])('keeps a solution out of the prompt (%s)', (_, opening) => {
    const lesson = analyze(exercise(opening));
    expect(lesson.exercises).toHaveLength(1);
    expect(lesson.exercises[0].prompt).toContain('Create a repository');
    expect(lesson.exercises[0].prompt).not.toContain('git init');
    expect(lesson.exercises[0].prompt).not.toMatch(/details|summary/);
    expect(lesson.exercises[0].solution).toContain('git init demo');
    // The rest of the lesson is not swallowed by the block.
    expect(lesson.sections.map((section) => section.title)).toContain('Wrap-up');
  });

  it('reads a hint as a hint', () => {
    const lesson = analyze(exercise('<details>\n<summary>Hint</summary>').replace('```bash\ngit init demo\n```', 'Use `git init`.'));
    expect(lesson.exercises[0].hints).toEqual(['Use `git init`.']);
    expect(lesson.exercises[0].prompt).not.toContain('Use `git init`');
  });

  it('keeps any other summary as the title of a box, with its content, in place', () => {
    const lesson = analyze('# T\n\n## Output\n\nRun it.\n\n<details>\n<summary>Expected <em>output</em></summary>\n\n```\nok\n```\n\n</details>\n\nThen stop.\n');
    const output = lesson.sections.find((section) => section.title === 'Output')!;
    expect(output.markdown).toMatch(/Run it\.[\s\S]*::: spoiler\n#### Expected output\n[\s\S]*ok[\s\S]*:::[\s\S]*Then stop\./);
    expect(output.markdown).not.toContain('<summary>');
  });

  it('leaves a block that never closes as the HTML it was, and the lesson after it in place (twin)', () => {
    const prepared = prepareSource('<details>\n<summary>Solution</summary>\n\nText\n');
    expect(prepared.text).toBe('<details>\n<summary>Solution</summary>\n\nText\n');
    const closed = prepareSource('<details>\n<summary>Solution</summary>\n\nText\n</details>\n');
    expect(closed.text).toMatch(/^<!--lectern-div-open:solution t=Solution-->\n\n\nText\n<!--lectern-div-close-->/);
  });

  it('does not read <details> inside a code block', () => {
    const prepared = prepareSource('```html\n<details>\n<summary>Solution</summary>\n</details>\n```\n');
    expect(prepared.text).not.toContain('lectern-div');
  });

  it('names the div by what the summary says', () => {
    expect(divByTitle('Click to reveal the <b>answers</b>')).toEqual({ name: 'solution', title: 'Click to reveal the answers' });
    expect(divByTitle('💡 **Hint**')).toEqual({ name: 'hint', title: '💡 Hint' });
    expect(divByTitle('More about --> comments')).toEqual({ name: 'spoiler', title: 'More about --> comments' });
  });
});
