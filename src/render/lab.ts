/**
 * Lab sheets: one template (`lab.html.hbs`) for the student sheet and the instructor version. The
 * exercise list is planned in `lab-tasks.ts`; this module turns it into safe HTML fragments. The
 * student view model never receives solutions, expected results or instructor notes, so no template
 * can leak them.
 *
 * Pure: the build prints the HTML with Chromium, passing the header and footer templates returned here.
 */
import type { RenderContext } from './context.js';
import type { Templates } from './templates.js';
import { ANSWER_DIVS, MarkdownRenderer } from './html.js';
import { renderCodeBlock } from './code-block.js';
import { planLab, type LabTask, type TaskKind } from '../plan/lab-tasks.js';
import { coverView, documentHead, documentStyles, documentTitle, minutesText, printChrome, type DocumentOptions, type PrintDocument } from './print-document.js';

export interface LabOptions extends DocumentOptions {
  /** The instructor version: solutions, expected results, timing, common mistakes, facilitation notes. */
  instructor: boolean;
}

const LAB_STYLES = ['styles/print.css', 'styles/lab.css'];

const KIND_LABELS: Record<TaskKind, string> = {
  exercise: 'Exercise',
  build: 'Build task',
  discussion: 'Discussion',
  troubleshooting: 'Troubleshooting',
  review: 'Review',
};

/** Renders the student lab sheet, or the instructor version. */
export function renderLab(context: RenderContext, templates: Templates, options: LabOptions): PrintDocument {
  const { lesson } = context;
  const instructor = options.instructor;
  const plan = planLab(lesson, context.previousLesson ?? null, context.minutes?.exercises ?? lesson.meta.exerciseMinutes);
  const md = new MarkdownRenderer({ images: context.images, dropDivs: ANSWER_DIVS });
  const answers = new MarkdownRenderer({ images: context.images, dropDivs: new Set() });
  const inline = (text: string) => md.inline(text);

  let start = 0;
  const tasks = plan.tasks.map((task, index) => {
    const view = taskView(task, index + 1, md, instructor ? answers : null, start);
    start += task.minutes;
    return view;
  });

  // A lesson that gives its exercises no time (Carpentries' `exercises: 0`) does its tasks within its
  // teaching time: the sheet says so rather than adding minutes the agenda and the index do not have.
  const shared = context.minutes ?? null;
  const withinTeaching = !plan.timedByLesson && tasks.length > 0 && shared !== null && shared.exercises === 0 && shared.source !== 'estimate';
  const totalTime = withinTeaching
    ? `within the lesson's ${minutesText(shared.teaching)} of teaching (no exercise time of its own)`
    : plan.timedByLesson && context.minutes?.source !== 'estimate' ? minutesText(plan.totalMinutes) : `about ${minutesText(plan.totalMinutes)} (estimate)`;
  const kind = instructor ? 'Lab sheet · instructor version' : 'Lab sheet';
  const title = `${instructor ? 'Instructor guide' : 'Lab sheet'} — ${documentTitle(lesson)}`;
  const html = templates.render('lab.html', {
    ...documentHead(context, title, kind),
    styles: documentStyles(options.assets, LAB_STYLES, context.paper),
    instructor,
    // A lesson with nothing to work through says so, not "about 0 min" for "0 tasks".
    cover: { ...coverView(context), kind, totalTime: tasks.length === 0 ? 'none' : totalTime, tasks: tasks.length === 0 ? 'none' : `${tasks.length} task${tasks.length === 1 ? '' : 's'}` },
    objectives: plan.objectives.map(inline),
    prerequisites: plan.prerequisites.map(inline),
    tools: plan.tools,
    facilitationNotes: instructor ? plan.facilitationNotes.map((note) => answers.block(note, 4)) : [],
    schedule: instructor
      ? tasks.map((t) => ({ number: t.number, kindLabel: t.kindLabel, titleHtml: t.titleHtml, minutes: t.minutes, window: t.window }))
      : [],
    timedByLesson: plan.timedByLesson,
    tasks,
  });
  return { html, ...printChrome(context, instructor ? 'Instructor version — not for learners' : 'Lab sheet'), title };
}

function taskView(task: LabTask, number: number, md: MarkdownRenderer, answers: MarkdownRenderer | null, start: number) {
  const inline = (text: string) => md.inline(text);
  return {
    number,
    kind: task.kind,
    kindLabel: KIND_LABELS[task.kind],
    titleHtml: inline(task.title),
    minutes: minutesText(task.minutes),
    window: `${clock(start)}–${clock(start + task.minutes)}`,
    goalHtml: task.goal ? inline(task.goal) : null,
    promptHtml: task.prompt ? md.block(task.prompt, 4) : null,
    fileName: task.fileName,
    steps: task.steps.map(inline),
    hints: task.hints.map((hint) => md.block(hint, 5)),
    hintLabel: task.hints.length > 1 ? 'Hints' : 'Hint',
    starterHtml:
      task.starter !== null
        ? renderCodeBlock({ code: task.starter, language: task.language, fileName: task.fileName, title: 'Starter', className: 'code-block--starter', markTodos: true })
        : null,
    check: task.check ? { command: task.check.command } : null,
    checkpoints: task.checkpoints.map(inline),
    questions: task.questions.map(inline),
    teacher: answers === null ? null : { ...instructorView(task, answers), minutes: minutesText(task.minutes), window: `${clock(start)}–${clock(start + task.minutes)}` },
  };
}

/** What only the instructor version shows for a task. */
function instructorView(task: LabTask, answers: MarkdownRenderer) {
  const inline = (text: string) => answers.inline(text);
  const solution = task.solution;
  let solutionHtml: string | null = null;
  if (solution?.code) {
    solutionHtml = renderCodeBlock({ code: solution.code, language: solution.language, fileName: solution.fileName, title: 'Solution', className: 'code-block--solution' });
  } else if (solution?.markdown) {
    solutionHtml = answers.block(solution.markdown, 5);
  }
  return {
    solutionHtml,
    expectedHtml: task.expected ? inline(task.expected) : null,
    commonMistakes: [...new Set(task.commonMistakes)].map(inline),
    facilitation: task.facilitation.map(inline),
    notes: task.notes.map((note) => answers.block(note, 5)),
  };
}

/** Minutes from the start of the lab as "0:25". */
function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
