/**
 * How long a lesson takes, for the index: the lesson's own teaching + exercise minutes; else what its
 * module README's lesson list says ("… (45 minutes)"); else an estimate from its content. Pure.
 */
import type { Lesson } from '../model/lesson.js';
import { durationFromLine } from '../extract/front-matter.js';
import { lessonMinutes } from './lesson-minutes.js';

export interface LessonDuration {
  minutes: number;
  /** Where the number comes from; an estimate is shown as one. */
  source: 'lesson' | 'overview' | 'estimate';
}

/** The lesson's duration, given what its module README says about it (or null). */
export function lessonDuration(lesson: Lesson, listedMinutes: number | null): LessonDuration {
  const { teaching, exercises, source } = lessonMinutes(lesson, listedMinutes);
  return { minutes: teaching + exercises, source };
}

/** The estimate alone, ignoring any time the lesson gives: Lectern's guess, shown as one. */
export function estimateMinutes(lesson: Lesson): number {
  const { teaching, exercises } = lessonMinutes({ ...lesson, meta: { ...lesson.meta, teachingMinutes: null, exerciseMinutes: null } }, null);
  return teaching + exercises;
}

/** The minutes in a lesson-list entry's closing parentheses: "… caching (45 minutes)" → 45. */
export function minutesFromListText(text: string): number | null {
  const last = /\(([^()]*\d[^()]*)\)\s*\.?\s*$/.exec(text.trim());
  const found = last ? durationFromLine('Duration', last[1]!) : null;
  return found ? (found.teaching ?? 0) + (found.exercises ?? 0) : null;
}

/** "45 min", "1 h", "2 h 25 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
