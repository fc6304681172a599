/**
 * Lays a workshop out on the clock: lessons one after another from the start time, breaks and
 * lunch inserted near their clock times, totals, and a warning when the plan overruns its slot.
 *
 * Where a break goes: each lesson is two segments, teaching then exercises. A break is never put
 * in the middle of a segment; it goes at the segment boundary nearest its clock time: between two
 * lessons, or between a lesson's teaching and its exercises (the lesson is then shown in two
 * parts). Ties go to the earlier boundary. The day never opens with a break, and a break that
 * falls due only after the last segment is left out (with a warning). Everything after a break
 * moves on by the break's length.
 *
 * Pure: times are minutes after midnight; no clock, no file system.
 */
import type { Diagnostic } from '../model/lesson.js';
import { minutesText } from '../render/print-document.js';
import { formatClock } from './time.js';

export interface ScheduleLesson {
  title: string;
  teaching: number;
  exercises: number;
}

export interface ScheduleBreak {
  kind: 'break' | 'lunch';
  title: string;
  /** Clock time asked for. */
  at: number;
  minutes: number;
  /** Line in workshop.yaml, for diagnostics. */
  line: number;
}

export interface ScheduleInput {
  start: number;
  /** The time available, and the workshop.yaml line that set it; null for no limit. */
  slot: { minutes: number; line: number } | null;
  lessons: ScheduleLesson[];
  breaks: ScheduleBreak[];
}

export interface Segment {
  kind: 'teaching' | 'exercises';
  start: number;
  end: number;
}

export type ScheduleItem =
  | {
      kind: 'lesson';
      /** Index into the input's lessons. */
      lesson: number;
      title: string;
      start: number;
      end: number;
      segments: Segment[];
      /** 1 for a lesson in one piece; 1 and 2 when a break splits it. */
      part: number;
      parts: number;
    }
  | {
      kind: 'break' | 'lunch';
      title: string;
      start: number;
      end: number;
      /** The clock time asked for, when the break moved to a boundary. */
      planned: number | null;
      line: number;
    };

export interface Schedule {
  start: number;
  end: number;
  items: ScheduleItem[];
  totals: { teaching: number; exercises: number; breaks: number; total: number };
  /** Minutes past the slot's end; 0 when the plan fits or has no slot. */
  overrun: number;
  slot: { minutes: number; end: number } | null;
  /** Overrun, breaks moved far or left out. */
  diagnostics: Diagnostic[];
}

/** A break that moves this far from its clock time is reported. */
export const MOVED_NOTICE_MINUTES = 10;

/** Lays the plan out on the clock. */
export function layOut(input: ScheduleInput): Schedule {
  const segments = input.lessons.flatMap((lesson, index) =>
    (['teaching', 'exercises'] as const)
      .map((kind) => ({ lesson: index, kind, minutes: Math.max(0, Math.round(kind === 'teaching' ? lesson.teaching : lesson.exercises)) }))
      .filter((segment) => segment.minutes > 0),
  );
  const pending = [...input.breaks].sort((a, b) => a.at - b.at);
  const items: ScheduleItem[] = [];
  const diagnostics: Diagnostic[] = [];
  let now = input.start;
  let current: Extract<ScheduleItem, { kind: 'lesson' }> | null = null;

  segments.forEach((segment, index) => {
    // Take the break here when this boundary is at least as near its time as the next one
    // (never before the first segment: a day does not open with a break).
    while (index > 0 && pending.length > 0 && pending[0]!.at <= now + segment.minutes / 2) {
      const entry = pending.shift()!;
      items.push({ kind: entry.kind, title: entry.title, start: now, end: now + entry.minutes, planned: now === entry.at ? null : entry.at, line: entry.line });
      if (Math.abs(now - entry.at) >= MOVED_NOTICE_MINUTES) {
        diagnostics.push(notice('info', `${entry.title} moves from ${formatClock(entry.at)} to ${formatClock(now)}, the nearest point between lessons or between teaching and exercises`, entry.line, 'workshop-break-moved'));
      }
      now += entry.minutes;
      current = null;
    }
    if (!current || current.lesson !== segment.lesson) {
      const sameLesson = items.filter((item) => item.kind === 'lesson' && item.lesson === segment.lesson).length;
      current = { kind: 'lesson', lesson: segment.lesson, title: input.lessons[segment.lesson]!.title, start: now, end: now, segments: [], part: sameLesson + 1, parts: sameLesson + 1 };
      items.push(current);
    }
    current.segments.push({ kind: segment.kind, start: now, end: now + segment.minutes });
    now += segment.minutes;
    current.end = now;
  });
  for (const entry of pending) {
    diagnostics.push(notice('warning', `${entry.title} at ${formatClock(entry.at)} comes after the last lesson ends (${formatClock(now)}); it is left out of the plan`, entry.line, 'workshop-break-unused'));
  }
  // A lesson a break split in two knows it has two parts.
  for (const item of items) {
    if (item.kind !== 'lesson') continue;
    item.parts = items.filter((other) => other.kind === 'lesson' && other.lesson === item.lesson).length;
  }

  const sum = (kind: Segment['kind']) =>
    items.reduce((total, item) => total + (item.kind === 'lesson' ? item.segments.filter((s) => s.kind === kind).reduce((t, s) => t + s.end - s.start, 0) : 0), 0);
  const breaks = items.reduce((total, item) => total + (item.kind === 'lesson' ? 0 : item.end - item.start), 0);
  const slot = input.slot ? { minutes: input.slot.minutes, end: input.start + input.slot.minutes } : null;
  const overrun = slot ? Math.max(0, now - slot.end) : 0;
  if (slot && input.slot && overrun > 0) {
    diagnostics.push(
      notice('warning', `Plan runs ${minutesText(overrun)} over the ${minutesText(slot.minutes)} slot`, input.slot.line, 'workshop-overrun'),
    );
  }
  diagnostics.sort((a, b) => a.line - b.line);
  return {
    start: input.start,
    end: now,
    items,
    totals: { teaching: sum('teaching'), exercises: sum('exercises'), breaks, total: now - input.start },
    overrun,
    slot,
    diagnostics,
  };
}

function notice(severity: Diagnostic['severity'], message: string, line: number, rule: string): Diagnostic {
  return { severity, rule, message, line, column: 1 };
}
