// Fidelity over real Carpentries lessons (issue #15): every episode of both corpora, through the real
// CLI. The exercises must match an independent count of the source's challenge and solution markers,
// and each exercise's prompt must be on the student lab while its solution is only on the
// instructor's. `instructor` blocks never reach a student document.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import type { Lesson } from '../src/model/lesson.js';
import { ensureBuilt, lectern, pdfText } from './helpers/cli.js';
import { blockTexts } from './helpers/render.js';
import { countStyles, countWorkbench, type ChallengeCount } from './helpers/challenge-count.js';

const corpus = join(import.meta.dirname, 'corpus');
const shell = join(corpus, 'shell-novice');
const python = join(corpus, 'python-novice-inflammation');

/** Each corpus folder, the output folder its lessons land in, and the counter for its dialect. */
const FOLDERS = [
  { source: join(shell, 'workbench'), out: 'workbench', count: countWorkbench },
  { source: join(shell, 'styles'), out: 'styles', count: countStyles },
  { source: join(python, 'episodes'), out: 'episodes', count: countWorkbench },
];

const episodes = FOLDERS.flatMap((folder) =>
  readdirSync(folder.source)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ ...folder, name, id: name.replace(/\.md$/, '') })),
);

/** Lower-case words only: PDF text differs from Markdown in spacing, line breaks and punctuation. */
const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * Runs of six words of each text leaf (a whole leaf when shorter, from three words): a paragraph may
 * break across a page, next to its running header, or hold an image the PDF shows as its alt text.
 */
function windows(markdown: string): string[] {
  const out: string[] = [];
  for (const leaf of blockTexts(markdown)) {
    const list = words(leaf).split(' ').filter(Boolean);
    if (list.length < 3) continue;
    if (list.length <= 6) out.push(list.join(' '));
    else for (let i = 0; i + 6 <= list.length; i += 3) out.push(list.slice(i, i + 6).join(' '));
  }
  return out;
}

const lessonOf = (path: string): Lesson => analyzeLesson(new VFile({ path, value: readFileSync(path, 'utf8') }), { lint: false }).lesson;

let out: string;

beforeAll(() => {
  ensureBuilt();
  out = mkdtempSync(join(tmpdir(), 'lectern-carpentries-'));
  const run = lectern(['build', shell, python, '--formats', 'lab', '--out', out], corpus);
  expect(run.status, run.stderr).toBe(0);
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('Carpentries corpora: exercises match the challenges of the source', () => {
  it('finds the questions the issue names (02-numpy: 4 challenges, 9 questions; 07-cond line 336: one question)', () => {
    const numpy = readFileSync(join(python, 'episodes', '02-numpy.md'), 'utf8');
    expect(countWorkbench(numpy)).toEqual({ questions: 9, solved: 9 });
    const lesson = lessonOf(join(python, 'episodes', '07-cond.md'));
    const close = lesson.exercises.filter((e) => e.title.startsWith('Close Enough'));
    expect(close).toHaveLength(1);
    expect(close[0]!.hints.join('\n')).toContain('built-in function');
    expect(close[0]!.solution).toContain('print(abs(a - b) <= 0.1 * abs(b))');
  });

  for (const episode of episodes) {
    describe(`${episode.out}/${episode.name}`, () => {
      const path = join(episode.source, episode.name);
      const lesson = lessonOf(path);
      const expected: ChallengeCount = episode.count(readFileSync(path, 'utf8'));

      it('has one exercise per question, each with the solution the source gives it', () => {
        expect({ questions: lesson.exercises.length, solved: lesson.exercises.filter((e) => e.solution).length }).toEqual(expected);
      });

      it('puts each prompt on both lab sheets and each solution on the instructor sheet only', () => {
        const dir = join(out, episode.out, episode.id);
        const student = words(pdfText(join(dir, 'lab.pdf')));
        const instructor = words(pdfText(join(dir, 'lab-instructor.pdf')));
        // What learners may see anyway: every prompt, the episode's prose and code.
        const shown = words(
          [...lesson.exercises.map((e) => `${e.title}\n${e.prompt}\n${e.steps.join('\n')}\n${e.hints.join('\n')}`), ...lesson.sections.map((s) => s.markdown), ...lesson.examples.map((e) => e.code)].join('\n'),
        );
        const missingPrompts: string[] = [];
        const leaked: string[] = [];
        const missingSolutions: string[] = [];
        let checked = 0;
        for (const exercise of lesson.exercises) {
          const prompt = windows(exercise.prompt);
          if (prompt.length > 0 && !prompt.some((text) => student.includes(text) && instructor.includes(text))) missingPrompts.push(exercise.title);
          if (!exercise.solution) continue;
          // Text of the solution that appears nowhere a learner may look.
          const own = windows(exercise.solution).filter((text) => !shown.includes(text));
          if (own.length === 0) continue;
          checked++;
          for (const text of own) if (student.includes(text)) leaked.push(`${exercise.title}: ${text}`);
          if (!own.some((text) => instructor.includes(text))) missingSolutions.push(exercise.title);
        }
        expect(missingPrompts).toEqual([]);
        expect(leaked).toEqual([]);
        expect(missingSolutions).toEqual([]);
        // Most solutions say something of their own, so the leak check above is not vacuous.
        const solved = lesson.exercises.filter((e) => e.solution).length;
        expect(checked).toBeGreaterThanOrEqual(Math.floor(solved * 0.6));
      });
    });
  }
});

/** The text of every `::: instructor` div of a Workbench source, read from its lines. */
function instructorBlocks(source: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let current: string[] | null = null;
  for (const line of source.split('\n')) {
    if (/^\s*:{3,}\s*$/.test(line)) {
      if (current && depth === 1) {
        blocks.push(current.join('\n'));
        current = null;
      }
      if (depth > 0) depth--;
      continue;
    }
    const opener = /^\s*:{3,}\s*([\w-]+)/.exec(line);
    if (opener) {
      if (current) depth++;
      else if (opener[1] === 'instructor') {
        current = [];
        depth = 1;
      }
      continue;
    }
    current?.push(line.trim());
  }
  return blocks;
}

describe('instructor blocks and answers nested in steps, notes and callouts', () => {
  let course: string;
  let built: string;
  const episodesWithNotes = [
    { from: join(python, 'episodes', '01-intro.md'), to: 'py-01-intro.md' },
    { from: join(python, 'episodes', '07-cond.md'), to: 'py-07-cond.md' },
    { from: join(shell, 'workbench', '02-filedir.md'), to: 'sh-02-filedir.md' },
    { from: join(shell, 'workbench', '03-create.md'), to: 'sh-03-create.md' },
  ];
  // Issue #20's bugs: an answer div inside a numbered step, an instructor note inside an exercise,
  // a solution inside a callout (inside a challenge, and on its own).
  const nested = [
    '# Lesson 1.1: Nested Answers',
    '',
    '## Learning Objectives',
    '- Run a command and read its output',
    '',
    '## Hands-on Exercises',
    '',
    '### Exercise 1: Count the Files',
    'Work in the data folder.',
    '',
    '1. Run `ls | wc -l` in the folder.',
    '',
    '   ::: answer',
    '   Seventeen files quietly reported by wc.',
    '   :::',
    '',
    '2. Run `ls -a | wc -l` and compare.',
    '',
    '::: instructor',
    'Learners on Windows often skip hidden dotfiles entirely.',
    ':::',
    '',
    '::: challenge',
    '## Read the Prompt',
    'What does the dollar sign at the start of a line mean?',
    '',
    ':::: callout',
    '## Think first',
    'Look at the line before the command.',
    '',
    '::::: solution',
    'It marks the shell waiting politely for input.',
    ':::::',
    '::::',
    ':::',
    '',
    '::: callout',
    '## Quick check',
    'Which command prints the working directory?',
    '',
    ':::: solution',
    'The pwd command prints it without any fuss.',
    '::::',
    ':::',
    '',
  ].join('\n');

  beforeAll(() => {
    ensureBuilt();
    course = mkdtempSync(join(tmpdir(), 'lectern-instructor-'));
    mkdirSync(join(course, 'module-1'));
    for (const episode of episodesWithNotes) writeFileSync(join(course, 'module-1', episode.to), readFileSync(episode.from, 'utf8'));
    writeFileSync(join(course, 'module-1', '1.1-nested-answers.md'), nested);
    built = join(course, 'out');
    const run = lectern(['build', 'module-1', '--formats', 'handout,lab', '--out', built], course);
    expect(run.status, run.stderr).toBe(0);
  });

  afterAll(() => {
    if (course) rmSync(course, { recursive: true, force: true });
  });

  const texts = (id: string) => {
    const dir = join(built, id);
    return {
      handout: words(pdfText(join(dir, 'handout.pdf'))),
      student: words(pdfText(join(dir, 'lab.pdf'))),
      instructor: words(pdfText(join(dir, 'lab-instructor.pdf'))),
      studentRaw: pdfText(join(dir, 'lab.pdf')),
      instructorRaw: pdfText(join(dir, 'lab-instructor.pdf')),
    };
  };

  for (const episode of episodesWithNotes) {
    it(`${episode.to}: instructor text is on the instructor lab only, never on the handout or the student lab`, () => {
      const blocks = instructorBlocks(readFileSync(episode.from, 'utf8'));
      expect(blocks.length).toBeGreaterThan(0);
      const pdf = texts(episode.to.replace(/\.md$/, ''));
      for (const block of blocks) {
        const runs = windows(block);
        expect(runs.length).toBeGreaterThan(0);
        expect(runs.filter((run) => pdf.handout.includes(run) || pdf.student.includes(run))).toEqual([]);
        expect(runs.some((run) => pdf.instructor.includes(run)), block).toBe(true);
      }
    });
  }

  it('keeps an answer div inside a numbered step off the student lab (no ::: text) and on the instructor lab', () => {
    const pdf = texts('1.1-nested-answers');
    expect(pdf.studentRaw).not.toContain(':::');
    expect(pdf.student).toContain(words('Run ls a wc l and compare'));
    expect(pdf.student).not.toContain(words('Seventeen files quietly reported'));
    expect(pdf.instructor).toContain(words('Seventeen files quietly reported by wc'));
  });

  it('brings an instructor note inside an exercise and solutions inside callouts to the instructor lab only', () => {
    const pdf = texts('1.1-nested-answers');
    for (const text of ['Learners on Windows often skip hidden dotfiles', 'It marks the shell waiting politely', 'The pwd command prints it without any fuss']) {
      expect(pdf.instructor).toContain(words(text));
      expect(pdf.student).not.toContain(words(text));
      expect(pdf.handout).not.toContain(words(text));
    }
    // The questions stay on the student lab, and the instructor lab no longer claims they have no answer.
    expect(pdf.student).toContain(words('What does the dollar sign at the start of a line mean'));
    expect(pdf.student).toContain(words('Which command prints the working directory'));
    expect(pdf.instructorRaw).not.toMatch(/no reference (?:solution|answer)/i);
  });
});
