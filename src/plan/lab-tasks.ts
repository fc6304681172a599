/**
 * The exercise list of a lab sheet, planned from the lesson model:
 *  1. the lesson's own exercises (Carpentries challenges included);
 *  2. a "write this file" task for each configuration example, with a starter whose substantive
 *     lines are replaced by `TODO` hints, and a command that checks the result;
 *  3. the rest: case studies as discussion questions, pitfalls as a troubleshooting checklist,
 *     review questions.
 * Solutions, expected results, common mistakes and facilitation notes are planned here too; the
 * renderer shows them to instructors only.
 *
 * Pure: no fs, no clock.
 */
import type { Example, Lesson, Section } from '../model/lesson.js';
import { inferFileName, labelTraits } from '../languages/index.js';
import { starterCode } from '../languages/starters.js';
import { checkFor, fileKind, labFacts } from '../languages/file-kinds.js';
import { goalFor } from '../languages/goals.js';
import { packOf } from '../languages/tables.js';
import { COMMAND_TOOLS, commandTool } from '../languages/commands.js';
import type { CheckYourWork } from '../languages/pack.js';
export { COMMAND_TOOLS, commandTool, type CheckYourWork };
import { collectDivs, splitFencedDivs } from '../render/html.js';
import { exampleExtension, labFileName, labPrerequisites, lessonTools, type PreviousLesson } from '../render/lab-facts.js';

export type TaskKind = 'exercise' | 'build' | 'discussion' | 'troubleshooting' | 'review';

/** What an instructor sees as the answer. */
export interface TaskSolution {
  /** Markdown (an explicit exercise's solution, a case study's approach). */
  markdown: string | null;
  /** Complete code (a generated task's example). */
  code: string | null;
  language: string | null;
  fileName: string | null;
}

export interface LabTask {
  kind: TaskKind;
  title: string;
  /** One sentence saying what to produce (inline Markdown), or null. */
  goal: string | null;
  /** The exercise text (block Markdown), or null. */
  prompt: string | null;
  /** File to create, for generated tasks. */
  fileName: string | null;
  language: string | null;
  /** Numbered steps (inline Markdown). */
  steps: string[];
  /** Hints (block Markdown). */
  hints: string[];
  /** Code to start from, with `TODO` hints where the answer goes. */
  starter: string | null;
  check: CheckYourWork | null;
  /** Things to tick off (inline Markdown). */
  checkpoints: string[];
  /** Questions to answer in writing (inline Markdown): discussion and review tasks. */
  questions: string[];
  minutes: number;
  /** Instructor only from here on. */
  solution: TaskSolution | null;
  expected: string | null;
  commonMistakes: string[];
  facilitation: string[];
  /** The lesson's own notes for the instructor about this task (block Markdown). */
  notes: string[];
  line: number;
}

export interface LabPlan {
  objectives: string[];
  prerequisites: string[];
  /** Software the checks need ("Docker", "Python 3"). */
  tools: string[];
  tasks: LabTask[];
  totalMinutes: number;
  /** True when the times come from the lesson's `exerciseMinutes`. */
  timedByLesson: boolean;
  /** Instructor notes from the lesson (block Markdown): "Instructor Notes" sections, `instructor` divs. */
  facilitationNotes: string[];
}

/** Default minutes per task kind, used alone or as weights for the lesson's exercise time. */
export const DEFAULT_MINUTES: Record<TaskKind, number> = {
  exercise: 10,
  build: 8,
  discussion: 5,
  troubleshooting: 5,
  review: 5,
};

/** Sections whose content is for instructors only. */
export const INSTRUCTOR_SECTION = /\b(?:instructor|facilitat\w*|teach(?:er|ing) notes?|trainer|for the instructor)\b/i;
export const PREREQUISITE_SECTION = /^(?:prerequisites?|before you (?:start|begin)|requirements|what you need|setup)$/i;

/**
 * Plans a lab sheet for a lesson; `previous` is the lesson before it in its module, when known, and
 * `exerciseMinutes` the lesson's exercise time in the course's timing model (`lessonMinutes`).
 */
export function planLab(lesson: Lesson, previous: PreviousLesson | null = null, exerciseMinutes: number | null = lesson.meta.exerciseMinutes): LabPlan {
  const tasks: LabTask[] = [];
  const pitfalls = lesson.pitfalls.map((p) => p.text);

  for (const exercise of lesson.exercises) {
    const steps = exercise.steps;
    tasks.push({
      ...emptyTask('exercise', exercise.title, exercise.line),
      prompt: exercise.prompt || null,
      steps,
      hints: exercise.hints,
      checkpoints: steps.length > 0 ? [] : ['Answer written down', 'Answer compared with a neighbour'],
      solution: exercise.solution ? { markdown: exercise.solution, code: null, language: null, fileName: null } : null,
      expected: exercise.solution ? null : 'The lesson gives no reference answer: agree on one with your co-instructors before class.',
      commonMistakes: relevantPitfalls(pitfalls, `${exercise.title} ${exercise.prompt} ${steps.join(' ')}`),
      facilitation: exerciseFacilitation(exercise.steps, exercise.hints, exercise.solution),
      // `??`: a model from an analysis cache written before the field existed has none.
      notes: exercise.instructorNotes ?? [],
    });
  }

  const examples = taskExamples(lesson);
  for (const example of examples) {
    const sameKind = examples.filter((other) => exampleExtension(other) === exampleExtension(example)).length;
    tasks.push(buildTask(example, pitfalls, labFileName(example, lesson, sameKind)));
  }

  for (const study of lesson.caseStudies) {
    tasks.push({
      ...emptyTask('discussion', study.title, study.line),
      goal: study.challenge ? null : `Discuss the case “${study.title}”.`,
      questions: [
        discussionQuestion(study.challenge, study.title),
        'What would you do first, and what would you leave for later? Why?',
        'How would you know that it worked? Name one thing you would measure.',
      ],
      solution:
        study.solution.length + study.results.length > 0
          ? {
              markdown: [
                study.solution.length > 0 ? `**What the team did:**\n\n${study.solution.map((s) => `- ${s}`).join('\n')}` : '',
                study.results.length > 0 ? `**Results:**\n\n${study.results.map((s) => `- ${s}`).join('\n')}` : '',
              ]
                .filter(Boolean)
                .join('\n\n'),
              code: null,
              language: null,
              fileName: null,
            }
          : null,
      expected: 'Groups name concrete steps and at least one measurable outcome.',
      facilitation: ['Let small groups discuss for a few minutes, then collect one answer per group before showing what the team did.'],
    });
  }

  if (pitfalls.length > 0) {
    tasks.push({
      ...emptyTask('troubleshooting', 'Troubleshooting checklist', lesson.pitfalls[0]?.line ?? 0),
      goal: 'Go through your work and tick each problem once you have ruled it out.',
      checkpoints: pitfalls,
      commonMistakes: pitfalls,
      facilitation: ['Ask learners which item they had to fix: it shows which part of the lesson to revisit.'],
    });
  }

  if (lesson.reviewQuestions.length > 0) {
    tasks.push({
      ...emptyTask('review', 'Review questions', lesson.reviewQuestions[0]?.line ?? 0),
      goal: 'Answer in a sentence or two each.',
      questions: lesson.reviewQuestions.map((q) => q.text),
      facilitation: ['Use these as an exit ticket, or pair learners to answer them aloud.'],
    });
  }

  const timedByLesson = assignMinutes(tasks, exerciseMinutes);
  return {
    objectives: lesson.objectives.map((o) => o.text),
    prerequisites: labPrerequisites(lesson, prerequisiteSection(lesson), previous),
    tools: lessonTools(lesson, commandTool),
    tasks,
    totalMinutes: tasks.reduce((sum, task) => sum + task.minutes, 0),
    timedByLesson,
    facilitationNotes: facilitationNotes(lesson.sections),
  };
}

/**
 * `planLab(lesson).totalMinutes` with no exercise time given (the lab's own estimate), without
 * writing the tasks: every task kind takes its default minutes, so only the count of each kind
 * matters. The index asks this of every lesson on every build; planning each lab sheet whole
 * (file names, starters, checks) cost a tenth of a one-lesson rebuild. tests/lab-minutes.test.ts
 * holds it equal to `planLab` on every lesson of the test corpora.
 */
export function defaultLabMinutes(lesson: Lesson): number {
  return (
    lesson.exercises.length * DEFAULT_MINUTES.exercise +
    taskExamples(lesson).length * DEFAULT_MINUTES.build +
    lesson.caseStudies.length * DEFAULT_MINUTES.discussion +
    (lesson.pitfalls.length > 0 ? DEFAULT_MINUTES.troubleshooting : 0) +
    (lesson.reviewQuestions.length > 0 ? DEFAULT_MINUTES.review : 0)
  );
}

function emptyTask(kind: TaskKind, title: string, line: number): LabTask {
  return {
    kind,
    title,
    goal: null,
    prompt: null,
    fileName: null,
    language: null,
    steps: [],
    hints: [],
    starter: null,
    check: null,
    checkpoints: [],
    questions: [],
    minutes: DEFAULT_MINUTES[kind],
    solution: null,
    expected: null,
    commonMistakes: [],
    facilitation: [],
    notes: [],
    line,
  };
}

// ---------------------------------------------------------------------------------------------
// Which examples become tasks
// ---------------------------------------------------------------------------------------------

const lineCount = (code: string) => code.split('\n').filter((line) => line.trim() !== '').length;

/**
 * True for lessons made of many small shell snippets (Carpentries episodes): their examples are
 * demonstrations, not files to write.
 */
export function isSnippetLesson(lesson: Lesson): boolean {
  const examples = lesson.examples;
  if (examples.length < 6) return false;
  const sizes = examples.map((e) => lineCount(e.code)).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const shell = examples.filter((e) => e.language === 'bash' || e.language === 'console').length;
  return median <= 5 || shell / examples.length >= 0.6;
}

/** The examples that become "write this file" tasks. */
export function taskExamples(lesson: Lesson): Example[] {
  const snippets = isSnippetLesson(lesson);
  const solutions = lesson.exercises.map((e) => e.solution ?? '').join('\n');
  return lesson.examples.filter((example) => {
    const language = example.language;
    // Terminal sessions and prose are typed or read, never written as a file.
    if (language === null || labelTraits(language).noTask) return false;
    if (lineCount(example.code) < 3) return false;
    // An example quoted in a solution would hand the answer to students.
    if (solutions.includes(example.code.trim())) return false;
    if (inferFileName(example.code, language, example.title) === null) return false;
    if (!snippets) return true;
    // Configuration is worth a task even in a lesson full of small snippets; a program when it is more than a few lines.
    const role = packOf(language)?.role;
    return role === 'config' || (role === 'program' && lineCount(example.code) > 5);
  });
}

// ---------------------------------------------------------------------------------------------
// Generated tasks
// ---------------------------------------------------------------------------------------------

function buildTask(example: Example, pitfalls: string[], fileName: string): LabTask {
  const language = example.language ?? 'text';
  const kind = fileKind(fileName, language, example.code);
  const facts = labFacts(kind);
  const check = checkFor(kind, fileName, example.code);
  const steps = [
    `Create a new folder for this task and, in it, a file named \`${fileName}\`.`,
    `Copy the starter below into \`${fileName}\` and replace every \`TODO\` line with what it describes; keep the comments.`,
    ...facts.steps,
    check ? `Check your work: run \`${check.command}\` and fix anything it reports.` : 'Read your file top to bottom once more and compare it with the goal.',
  ];
  const checkpoints = [`\`${fileName}\` created`, 'No `TODO` left in the file', ...(check ? [`\`${check.command}\` succeeds`] : [])];
  return {
    ...emptyTask('build', example.title, example.line),
    goal: goalFor(kind, fileName, example),
    fileName,
    language,
    steps,
    starter: starterCode(example.code, language),
    check,
    checkpoints,
    solution: { markdown: null, code: example.code, language, fileName },
    expected: check?.expected ?? null,
    commonMistakes: [...facts.mistakes, ...relevantPitfalls(pitfalls, `${example.title} ${example.code}`)],
    facilitation: [...facts.watch],
  };
}

// ---------------------------------------------------------------------------------------------
// Starters
// ---------------------------------------------------------------------------------------------

export { commentPrefix, starterCode } from '../languages/starters.js';

// Discussion, pitfalls, prerequisites, times
// ---------------------------------------------------------------------------------------------

const SENTENCE_START = /^(?:a|an|the|our|their|its|his|her|this|that|these|those|we|they|it|there|customers?|users?|teams?|clients?|many|some|every|each|one|two|three|after|before|when|during|while|as)\b/i;

/** "How would you …?" from a case study's challenge. */
export function discussionQuestion(challenge: string, title: string): string {
  const text = challenge.trim().replace(/\s+/g, ' ');
  if (!text) return `How would you approach “${title}”?`;
  const bare = text.replace(/[.!]+$/, '');
  if (!SENTENCE_START.test(bare) && !/[.!?]\s/.test(bare) && !bare.endsWith('?')) {
    return `How would you ${bare.charAt(0).toLowerCase()}${bare.slice(1)}?`;
  }
  return `${/[.!?]$/.test(text) ? text : `${text}.`} How would you address this?`;
}

const STOP_WORDS = new Set([
  'about', 'after', 'again', 'being', 'before', 'between', 'could', 'does', 'doing', 'from', 'have', 'into', 'missing',
  'more', 'most', 'other', 'poor', 'should', 'some', 'such', 'than', 'that', 'their', 'them', 'then', 'there', 'these',
  'they', 'this', 'those', 'through', 'under', 'using', 'very', 'what', 'when', 'where', 'which', 'while', 'with',
  'without', 'would', 'your', 'large', 'small', 'forgetting', 'inefficient', 'lack', 'common',
]);

/** Pitfalls that share a significant word with the task. */
function relevantPitfalls(pitfalls: string[], text: string): string[] {
  const haystack = text.toLowerCase();
  return pitfalls.filter((pitfall) =>
    pitfall
      .toLowerCase()
      .replace(/`[^`]*`/g, ' ')
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 5 && !STOP_WORDS.has(word))
      .some((word) => new RegExp(`\\b${word.replace(/s$/, '')}`).test(haystack)),
  );
}

function exerciseFacilitation(steps: string[], hints: string[], solution: string | null): string[] {
  const notes: string[] = [];
  if (steps.length >= 3) notes.push(`Check progress after step ${Math.ceil(steps.length / 2)}: most difficulties show up by then.`);
  if (hints.length > 0) notes.push('Hold the hints back until learners have tried on their own for a few minutes.');
  if (solution !== null) notes.push('Ask one or two learners to share their answer before you show the solution.');
  else notes.push('There is no reference solution in the lesson: collect a few answers and discuss their trade-offs.');
  return notes;
}

/** The items of the lesson's own "Prerequisites" section, or none. */
function prerequisiteSection(lesson: Lesson): string[] {
  const section = lesson.sections.find((s) => PREREQUISITE_SECTION.test(s.title.replace(/^[^\p{L}]+/u, '').trim()));
  if (section) {
    const items = [...section.markdown.matchAll(/^\s*(?:[-*+]|\d+[.)])\s+(.+)$/gm)].map((m) => m[1]!.trim());
    if (items.length > 0) return items;
    const text = section.markdown.trim();
    if (text) return [text.split('\n')[0]!];
  }
  return [];
}


/** Instructor notes: sections titled for instructors, and `instructor` divs anywhere in the sections. */
function facilitationNotes(sections: Section[]): string[] {
  const notes: string[] = [];
  for (const section of sections) {
    if (INSTRUCTOR_SECTION.test(section.title)) {
      if (section.markdown.trim()) notes.push(section.markdown.trim());
      continue;
    }
    for (const div of collectDivs(splitFencedDivs(section.markdown), new Set(['instructor', 'facilitator']))) {
      if (div.markdown) notes.push(div.markdown);
    }
  }
  return notes;
}

/**
 * Sets each task's minutes. The lesson's exercise time (when known) is shared out over every task by
 * the default weights (largest remainder, at least one minute each), so the sheet's total is the time
 * the agenda and the index give the exercises. Returns whether that time was used.
 */
function assignMinutes(tasks: LabTask[], exerciseMinutes: number | null): boolean {
  for (const task of tasks) task.minutes = DEFAULT_MINUTES[task.kind];
  if (exerciseMinutes === null || !Number.isFinite(exerciseMinutes) || exerciseMinutes <= 0) return false;
  const budgeted = tasks;
  if (budgeted.length === 0) return false;
  const weights = budgeted.map((task) => DEFAULT_MINUTES[task.kind]);
  const total = weights.reduce((a, b) => a + b, 0);
  const budget = Math.max(Math.round(exerciseMinutes), budgeted.length);
  const exact = weights.map((w) => (w / total) * budget);
  const minutes = exact.map((m) => Math.max(1, Math.floor(m)));
  let left = budget - minutes.reduce((a, b) => a + b, 0);
  const order = exact.map((m, i) => ({ i, r: m - Math.floor(m) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const index = order[k]!.i;
    minutes[index] = (minutes[index] ?? 0) + 1;
  }
  budgeted.forEach((task, i) => (task.minutes = minutes[i]!));
  return true;
}
