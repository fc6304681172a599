/**
 * How long a lesson takes, for the index: the lesson's own teaching + exercise minutes; else what its
 * module README's lesson list says ("… (45 minutes)"); else an estimate from its content. Pure.
 */
import type { Lesson, Outline } from '../model/lesson.js';
import { durationFromLine } from '../extract/front-matter.js';

export interface LessonDuration {
  minutes: number;
  /** Where the number comes from; an estimate is shown as one. */
  source: 'lesson' | 'overview' | 'estimate';
}

/** The lesson's duration, given what its module README says about it (or null). */
export function lessonDuration(lesson: Lesson, listedMinutes: number | null): LessonDuration {
  const { teachingMinutes, exerciseMinutes } = lesson.meta;
  if (teachingMinutes !== null || exerciseMinutes !== null) return { minutes: (teachingMinutes ?? 0) + (exerciseMinutes ?? 0), source: 'lesson' };
  if (listedMinutes !== null) return { minutes: listedMinutes, source: 'overview' };
  return { minutes: estimateMinutes(lesson), source: 'estimate' };
}

/**
 * A rough estimate, rounded to 5 minutes, calibrated on lesson plans whose authors gave their times:
 * about 35 seconds per concept bullet, 2 minutes per diagram, worked example and case study, and
 * 10 minutes per exercise, with at least 10 minutes of teaching.
 */
export function estimateMinutes(lesson: Lesson): number {
  const bullets = lesson.concepts.reduce((sum, concept) => sum + count(concept.items), 0);
  const teaching = Math.max(10, bullets * 0.6 + 2 * (lesson.diagrams.length + lesson.examples.length + lesson.caseStudies.length));
  const exercises = 10 * lesson.exercises.length;
  return Math.max(5, Math.round((teaching + exercises) / 5) * 5);
}

function count(items: readonly Outline[]): number {
  return items.reduce((sum, item) => sum + 1 + count(item.children), 0);
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
