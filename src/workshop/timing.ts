/**
 * How long each lesson takes in a workshop, split into teaching and exercises. Each part comes
 * from the first of:
 *  1. workshop.yaml (`teaching:` / `exercises:` on the lesson's entry);
 *  2. the lesson itself (front matter `teaching:`/`exercises:`, or a `**Duration:**` line);
 *  3. an estimate: teaching = the deck's teaching slides × minutes per slide (the same 2 minutes a
 *     slide the deck's speaker notes assume); exercises = the lab sheet's task times (`planLab`).
 * Pure: the deck is planned, never rendered in a browser.
 */
import type { Lesson } from '../model/lesson.js';
import type { RenderContext } from '../render/context.js';
import type { Templates } from '../render/templates.js';
import { renderDeck, type DeckSlideInfo } from '../render/deck.js';
import { planLab } from '../plan/lab-tasks.js';

export type TimingSource = 'workshop' | 'lesson' | 'estimate';

export interface LessonTiming {
  teaching: number;
  exercises: number;
  teachingFrom: TimingSource;
  exercisesFrom: TimingSource;
  /** Where each number came from, for the facilitator ("estimated: 18 slides × 2 min"). */
  teachingNote: string;
  exercisesNote: string;
}

/** What an estimate needs to know about the lesson's deck and lab. */
export interface LessonSize {
  /** Deck slides that teach: every slide but the exercise slides, whose time the lab covers. */
  teachingSlides: number;
  /** The lab sheet's tasks and their total minutes at the default task times. */
  labTasks: number;
  labMinutes: number;
}

export interface TimingInput {
  meta: Pick<Lesson['meta'], 'teachingMinutes' | 'exerciseMinutes'>;
  size: LessonSize;
  /** Minutes set in workshop.yaml, or null. */
  adjust: { teaching: number | null; exercises: number | null };
  minutesPerSlide: number;
  /** The course's timing model for this lesson (`lessonMinutes`): when given, it replaces the lesson and estimate steps, so the agenda agrees with the index and the lab. */
  shared?: { teaching: number; exercises: number; source: 'lesson' | 'overview' | 'estimate' } | null;
}

/** The lesson's teaching and exercise minutes, and where they came from. */
export function lessonTiming(input: TimingInput): LessonTiming {
  const { meta, size, adjust, shared } = input;
  const sharedFrom: TimingSource = shared?.source === 'estimate' ? 'estimate' : 'lesson';
  const sharedNote = shared?.source === 'overview' ? 'from the module overview' : shared?.source === 'estimate' ? 'estimated' : 'from the lesson';
  const given = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

  let teaching: number;
  let teachingFrom: TimingSource;
  let teachingNote: string;
  if (given(adjust.teaching)) [teaching, teachingFrom, teachingNote] = [adjust.teaching, 'workshop', 'set in workshop.yaml'];
  else if (shared) [teaching, teachingFrom, teachingNote] = [shared.teaching, sharedFrom, sharedNote];
  else if (given(meta.teachingMinutes) && meta.teachingMinutes > 0) [teaching, teachingFrom, teachingNote] = [meta.teachingMinutes, 'lesson', 'from the lesson'];
  else {
    teaching = Math.round(size.teachingSlides * input.minutesPerSlide);
    teachingFrom = 'estimate';
    teachingNote = `estimated: ${size.teachingSlides} slide${size.teachingSlides === 1 ? '' : 's'} × ${input.minutesPerSlide} min`;
  }

  let exercises: number;
  let exercisesFrom: TimingSource;
  let exercisesNote: string;
  if (given(adjust.exercises)) [exercises, exercisesFrom, exercisesNote] = [adjust.exercises, 'workshop', 'set in workshop.yaml'];
  else if (shared) [exercises, exercisesFrom, exercisesNote] = [shared.exercises, sharedFrom, sharedNote];
  else if (given(meta.exerciseMinutes) && meta.exerciseMinutes > 0) [exercises, exercisesFrom, exercisesNote] = [meta.exerciseMinutes, 'lesson', 'from the lesson'];
  else {
    exercises = size.labMinutes;
    exercisesFrom = 'estimate';
    exercisesNote = size.labTasks > 0 ? `estimated: ${size.labTasks} lab task${size.labTasks === 1 ? '' : 's'}` : 'no exercises';
  }
  return { teaching: Math.round(teaching), exercises: Math.round(exercises), teachingFrom, exercisesFrom, teachingNote, exercisesNote };
}

/** Slides that teach: all but the exercise slides. */
export function countTeachingSlides(slides: readonly Pick<DeckSlideInfo, 'kind'>[]): number {
  return slides.filter((slide) => slide.kind !== 'exercises').length;
}

/** The size of a lesson's deck (as planned, before any slide is split to fit) and lab. */
export function measureLesson(context: RenderContext, templates: Templates): LessonSize {
  const { slides } = renderDeck(context, templates);
  const lab = planLab(context.lesson);
  return { teachingSlides: countTeachingSlides(slides), labTasks: lab.tasks.length, labMinutes: lab.totalMinutes };
}
