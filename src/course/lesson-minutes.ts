/**
 * The one timing model of a lesson, shared by the index, the lab sheet, the workshop agenda and the
 * facilitator guide, so that a lesson takes the same minutes everywhere. Each lesson's teaching and
 * exercise minutes come from the first of:
 *  1. the lesson itself (front matter `teaching:` / `exercises:`, or a `**Duration:**` line);
 *  2. its module README's lesson list ("… (45 minutes)"), split between teaching and exercises in the
 *     proportion of the estimate below;
 *  3. an estimate (shown as one): teaching from the lesson's content (`teachingEstimate`), exercises
 *     from the lab sheet's default task times.
 * A part the lesson leaves out is estimated. Pure.
 */
import type { Lesson, Outline } from '../model/lesson.js';
import { defaultLabMinutes } from '../plan/lab-tasks.js';

export interface LessonMinutes {
  teaching: number;
  exercises: number;
  /** `estimate` when any part is estimated: every place that prints the time says so. */
  source: 'lesson' | 'overview' | 'estimate';
}

/** The lesson's minutes, given what its module README's list says about it (or null). */
export function lessonMinutes(lesson: Lesson, listedMinutes: number | null): LessonMinutes {
  const { teachingMinutes, exerciseMinutes } = lesson.meta;
  const given = (value: number | null): value is number => value !== null && Number.isFinite(value) && value >= 0;
  const labDefault = () => defaultLabMinutes(lesson);
  if (given(teachingMinutes) && given(exerciseMinutes)) return { teaching: Math.round(teachingMinutes), exercises: Math.round(exerciseMinutes), source: 'lesson' };
  const teaching = teachingEstimate(lesson);
  if (given(exerciseMinutes)) return { teaching, exercises: Math.round(exerciseMinutes), source: 'estimate' };
  const exercises = labDefault();
  // A single duration ("**Duration:** 45 minutes", `duration: 45`) is the whole lesson, as a README's list entry is.
  const total = given(teachingMinutes) ? teachingMinutes : given(listedMinutes) && listedMinutes > 0 ? listedMinutes : null;
  if (total !== null) {
    const share = teaching + exercises > 0 ? exercises / (teaching + exercises) : 0;
    const split = Math.min(Math.round(total), Math.round((total * share) / 5) * 5);
    return { teaching: Math.round(total) - split, exercises: split, source: given(teachingMinutes) ? 'lesson' : 'overview' };
  }
  return { teaching, exercises, source: 'estimate' };
}

/**
 * Teaching minutes estimated from the content, rounded to 5, calibrated on lesson plans whose authors
 * gave their times: about 35 seconds per concept bullet, 2 minutes per diagram, worked example and case
 * study, at least 10 minutes.
 */
export function teachingEstimate(lesson: Lesson): number {
  const bullets = lesson.concepts.reduce((sum, concept) => sum + count(concept.items), 0);
  const teaching = Math.max(10, bullets * 0.6 + 2 * (lesson.diagrams.length + lesson.examples.length + lesson.caseStudies.length));
  return Math.max(5, Math.round(teaching / 5) * 5);
}

function count(items: readonly Outline[]): number {
  return items.reduce((sum, item) => sum + 1 + count(item.children), 0);
}

/** "45 min", or "about 45 min (estimate)" when the number is Lectern's guess. */
export function labelMinutes(minutes: number, estimated: boolean, format: (m: number) => string): string {
  return estimated ? `about ${format(minutes)} (estimate)` : format(minutes);
}
