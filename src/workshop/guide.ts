/**
 * The facilitator guide: the schedule, a checklist of materials and setup for the day, then for
 * each lesson its timing, its slides with their speaker notes, the exercise solutions and what to
 * prepare. Rendered with `workshop/facilitator-guide.html.hbs`. Pure: the caller prints it.
 */
import type { Templates } from '../render/templates.js';
import { MarkdownRenderer } from '../render/html.js';
import { renderCodeBlock } from '../render/code-block.js';
import { footerTemplate, headerTemplate, minutesText, type PrintDocument } from '../render/print-document.js';
import type { LabPlan, LabTask } from '../plan/lab-tasks.js';
import type { WorkshopConfig } from './config.js';
import type { Schedule } from './schedule.js';
import type { LessonTiming } from './timing.js';
import type { LessonMaterials } from './materials.js';
import { scheduleView, workshopPage, type WorkshopDocumentOptions } from './agenda.js';
import { formatRange } from './time.js';

/** One slide of a deck as the facilitator sees it. */
export interface GuideSlide {
  number: number;
  title: string;
  /** Speaker notes, one line per talking point. */
  notes: string[];
}

/** Everything the guide says about one lesson. */
export interface GuideLesson {
  /** Plain text: "Lesson 3.1: HTTP Fundamentals", or the title workshop.yaml gives. */
  title: string;
  /** The lesson file as printed (relative to the working folder). */
  source: string;
  module: string | null;
  timing: LessonTiming;
  slides: GuideSlide[];
  lab: LabPlan;
  materials: LessonMaterials;
  /** What the build made, relative to the output folder; null when it is missing. */
  files: { deck: string | null; handout: string | null; lab: string | null; labInstructor: string | null };
  pages: { handout: number | null; lab: number | null };
}

export interface GuideExtras {
  /** Prerequisites the modules' overviews state. */
  prerequisites: string[];
  /** The participant pack's file (relative to the output folder) and page count, when it was made. */
  pack: { file: string; pages: number } | null;
}

const KIND_LABELS: Record<LabTask['kind'], string> = {
  exercise: 'Exercise',
  build: 'Build task',
  discussion: 'Discussion',
  troubleshooting: 'Troubleshooting',
  review: 'Review',
};

/** Renders the facilitator guide. */
export function renderGuide(
  config: WorkshopConfig,
  schedule: Schedule,
  lessons: GuideLesson[],
  extras: GuideExtras,
  templates: Templates,
  options: WorkshopDocumentOptions,
): PrintDocument {
  const title = `${config.title} — Facilitator guide`;
  const view = scheduleView(schedule);
  const html = templates.render('workshop/facilitator-guide.html', {
    ...workshopPage(config, title, view, templates, options),
    checklist: dayChecklist(config, lessons, extras),
    lessons: lessons.map((lesson, index) => lessonView(lesson, index, schedule, config.participants)),
  });
  return {
    html,
    title,
    headerTemplate: headerTemplate(config.title, 'Facilitator guide — not for participants'),
    footerTemplate: footerTemplate(config.date ? `${config.date}${config.venue ? ` · ${config.venue}` : ''}` : 'Facilitator guide'),
  };
}

/** What to prepare before the day, for the whole workshop. */
function dayChecklist(config: WorkshopConfig, lessons: GuideLesson[], extras: GuideExtras): string[] {
  const items: string[] = [];
  const decks = lessons.map((lesson) => lesson.files.deck).filter((file): file is string => file !== null);
  items.push(`Projector, screen and a presenting laptop; test the display and a clicker before the start`);
  if (decks.length > 0) items.push(`Decks on the presenting laptop: ${decks.join(', ')}`);
  const copies = config.participants;
  if (extras.pack) {
    items.push(
      copies
        ? `Print the participant pack: ${copies} copies × ${extras.pack.pages} pages (${extras.pack.file})`
        : `Print the participant pack, one per participant: ${extras.pack.pages} pages (${extras.pack.file}); set participants: in workshop.yaml to get the count here`,
    );
  }
  const instructor = lessons.map((lesson) => lesson.files.labInstructor).filter((file): file is string => file !== null);
  const facilitators = Math.max(1, config.facilitators.length);
  items.push(`Print this guide${instructor.length > 0 ? ' and the instructor lab sheets' : ''} for ${facilitators === 1 ? 'the facilitator' : `each of the ${facilitators} facilitators`}`);
  const tools = unique(lessons.flatMap((lesson) => lesson.materials.tools));
  if (tools.length > 0) items.push(`On every participant's machine (test one the day before): ${tools.join(', ')}`);
  const seats = copies ? ` for ${copies} participants` : '';
  items.push(`Power sockets and Wi-Fi${seats}; write the Wi-Fi details on the board`);
  const prerequisites = unique([...extras.prerequisites, ...lessons.flatMap((lesson) => lesson.materials.prerequisites)]);
  if (prerequisites.length > 0) items.push(`Tell participants beforehand what they need: ${prerequisites.join('; ')}`);
  return items;
}

function lessonView(lesson: GuideLesson, index: number, schedule: Schedule, participants: number | null) {
  const answers = new MarkdownRenderer({ dropDivs: new Set() });
  const windows = schedule.items
    .filter((item) => item.kind === 'lesson' && item.lesson === index)
    .map((item) => formatRange(item.start, item.end));
  const { timing, lab, materials, files, pages } = lesson;

  const checklist: string[] = [];
  if (files.deck) checklist.push(`Deck open on the presenting laptop: ${files.deck}`);
  const printed = [
    files.handout ? `handout (${pageCount(pages.handout)})` : null,
    files.lab ? `lab sheet (${pageCount(pages.lab)})` : null,
  ].filter(Boolean);
  if (printed.length > 0) {
    const copies = participants ? ` × ${participants} participants` : ', one per participant';
    checklist.push(`Printed ${printed.join(' and ')}${copies}, in the participant pack`);
  }
  if (files.labInstructor) checklist.push(`Instructor lab sheet with solutions at hand: ${files.labInstructor}`);
  if (materials.files.length > 0) checklist.push(`Files participants write in the lab (starters are on the sheet): ${materials.files.join(', ')}`);
  if (materials.tools.length > 0) checklist.push(`Tools: ${materials.tools.join(', ')}`);
  for (const item of materials.prerequisites) checklist.push(`Prerequisite: ${item}`);

  return {
    anchor: `lesson-${index + 1}`,
    title: lesson.title,
    source: lesson.source,
    module: lesson.module,
    when: windows.join(' and '),
    timing: [
      { label: 'Teaching', value: minutesText(timing.teaching), note: timing.teachingNote },
      { label: 'Exercises', value: minutesText(timing.exercises), note: timing.exercisesNote },
    ],
    checklist,
    slides: lesson.slides,
    tasks: lab.tasks.map((task, number) => ({
      number: number + 1,
      kindLabel: KIND_LABELS[task.kind],
      titleHtml: answers.inline(task.title),
      minutes: minutesText(task.minutes),
      solutionHtml: solutionHtml(task, answers),
      expected: task.expected,
      notesHtml: task.notes.map((note) => answers.block(note, 5)),
    })),
    facilitationHtml: lab.facilitationNotes.map((note) => answers.block(note, 4)),
  };
}

/** The task's solution as HTML (sanitised by the Markdown renderer), or null when it has none. */
function solutionHtml(task: LabTask, answers: MarkdownRenderer): string | null {
  const solution = task.solution;
  if (solution?.code) {
    return renderCodeBlock({ code: solution.code, language: solution.language, fileName: solution.fileName, title: 'Solution', className: 'code-block--solution' });
  }
  if (solution?.markdown) return answers.block(solution.markdown, 5);
  return null;
}

function pageCount(pages: number | null): string {
  if (pages === null) return 'not built';
  return `${pages} page${pages === 1 ? '' : 's'}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
