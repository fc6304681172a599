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
