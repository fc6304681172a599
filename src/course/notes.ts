/**
 * Which lecture notes belong to which lesson. Pure.
 *
 * In order of trust:
 * 1. the lesson links them as its detailed content (`navigation.details`);
 * 2. the notes link back to exactly one lesson that has no notes yet ("Back to Lesson Plan");
 * 3. their file name carries the lesson's number (`lectures/lesson-6-7.md`, `6.7-docker-notes.md`),
 *    exactly one lesson of the course has that number, it has no notes yet, and it sits in the
 *    notes' folder or the folder above it.
 * Anything less certain is left unpaired: the notes are then a document of their own.
 */
import { dirname } from 'node:path';

export interface NotesLesson {
  /** Absolute path. */
  key: string;
  number: string | null;
  /** Absolute path of the file its `navigation.details` link points at, or null. */
  details: string | null;
}

export interface NotesCandidate {
  /** Absolute path. */
  key: string;
  /** File name without extension. */
  id: string;
  number: string | null;
  /** Absolute paths of the files its navigation links point at. */
  links: string[];
  /** Lecture notes by place or title; other files are paired only by a lesson's details link. */
  isNotes: boolean;
}

const NAME_NUMBER = /^(?:(?:lesson|lecture|notes?|session)[-_ ]?)?(\d+(?:[-_.]\d+)+)(?=$|[-_ ][a-z])/i;

/** The lesson number a notes file name carries: "lesson-6-7" → "6.7", "6.7-docker-notes" → "6.7". */
export function numberFromName(id: string): string | null {
  const match = NAME_NUMBER.exec(id);
  return match ? match[1]!.replace(/[-_]/g, '.') : null;
}

/** Pairs lessons with their lecture notes; returns notes path by lesson path. */
export function pairNotes(lessons: readonly NotesLesson[], notes: readonly NotesCandidate[]): Map<string, string> {
  const paired = new Map<string, string>();
  const used = new Set<string>();
  const notesByKey = new Map(notes.map((candidate) => [candidate.key, candidate]));
  const take = (lesson: string, candidate: string) => {
    paired.set(lesson, candidate);
    used.add(candidate);
  };

  for (const lesson of lessons) {
    if (lesson.details && lesson.details !== lesson.key && notesByKey.has(lesson.details) && !used.has(lesson.details)) take(lesson.key, lesson.details);
  }

  const lessonKeys = new Set(lessons.map((lesson) => lesson.key));
  for (const candidate of notes) {
    if (used.has(candidate.key) || !candidate.isNotes) continue;
    const targets = [...new Set(candidate.links.filter((link) => lessonKeys.has(link)))];
    if (targets.length === 1 && !paired.has(targets[0]!)) take(targets[0]!, candidate.key);
  }

  for (const candidate of notes) {
    if (used.has(candidate.key) || !candidate.isNotes) continue;
    const number = numberFromName(candidate.id) ?? candidate.number;
    if (number === null) continue;
    const matches = lessons.filter((lesson) => lesson.number === number);
    const lesson = matches[0];
    if (matches.length !== 1 || !lesson || paired.has(lesson.key)) continue;
    const folder = dirname(lesson.key);
    const notesFolder = dirname(candidate.key);
    if (notesFolder === folder || dirname(notesFolder) === folder) take(lesson.key, candidate.key);
  }
  return paired;
}
