// Workshop clock and schedule edges that the mutation run (stryker.config.mjs) showed untested:
// the exact limits of clock times and durations, the spellings the doc comments promise, and the
// schedule's notice threshold. Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { formatClock, formatRange, parseClock, parseDuration } from '../src/workshop/time.js';
import { layOut, MOVED_NOTICE_MINUTES } from '../src/workshop/schedule.js';
import { lessonTiming, type TimingInput } from '../src/workshop/timing.js';

describe('clock time limits', () => {
  it.each([
    [' 09:00 ', 540], ['9am', 540], ['9 AM', 540], ['1PM', 780], ['12pm', 720], ['12:59 pm', 779], ['0:00', 0], ['23:59', 1439], ['10:59', 659],
  ])('%j is %i minutes after midnight', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });

  it.each(['24:00', '10:60', '0am', '0:30 pm', '123:00', '9:5', 'x09:00', '09:00x'])('%j is not a clock time', (text) => {
    expect(parseClock(text)).toBeNull();
  });

  it('rounds to the minute and wraps times before midnight too', () => {
    expect(formatClock(545.4)).toBe('09:05');
    expect(formatClock(544.6)).toBe('09:05');
    expect(formatClock(-15)).toBe('23:45');
    expect(formatClock(24 * 60)).toBe('00:00');
  });

  it('writes a range with an en dash', () => {
    expect(formatRange(540, 585)).toBe('09:00–09:45');
  });
});

describe('duration limits', () => {
  it.each([
    [0, 0], [1.5, 1.5], [' 45 ', 45], [' 6h ', 360], ['1.5', 1.5], ['6H', 360], ['12h', 720], ['1h 0.25m', 60.25], ['2hr', 120], ['2hrs', 120], ['1 hour', 60], ['2 hours', 120],
    ['5 mins', 5], ['1 minute', 1], ['1.25h', 75], ['0.3333h', 20], ['1h 0.5m', 60.5],
  ] as const)('%j lasts %d minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each([-5, Number.NaN, Number.POSITIVE_INFINITY])('the number %d is not a duration', (value) => {
    expect(parseDuration(value)).toBeNull();
  });

  it.each(['6h x', 'x 6h', '6 days', '-5', '6hh'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('schedule edges', () => {
  const lessons = [
    { title: 'One', teaching: 40, exercises: 20 },
    { title: 'Two', teaching: 30, exercises: 30 },
  ];

  it('splits a lesson around a break into numbered parts, and gives the break no parts of its own', () => {
    const schedule = layOut({
      start: 540,
      slot: null,
      lessons: [{ title: 'One', teaching: 30, exercises: 30 }],
      breaks: [{ kind: 'break', title: 'Coffee', at: 570, minutes: 15, line: 4 }],
    });
    expect(schedule.items.map((item) => (item.kind === 'lesson' ? [item.title, item.part, item.parts] : item.title))).toEqual([
      ['One', 1, 2],
      'Coffee',
      ['One', 2, 2],
    ]);
    expect(schedule.items[1]).toEqual({ kind: 'break', title: 'Coffee', start: 570, end: 585, planned: null, line: 4 });
  });

  it(`reports a break moved exactly ${MOVED_NOTICE_MINUTES} minutes, and not one moved less`, () => {
    // Boundaries at 09:40, 10:00 and 10:30 (09:00 start); a break goes to the nearest one.
    const moved = (clock: string) =>
      layOut({ start: 540, slot: null, lessons, breaks: [{ kind: 'break', title: 'Coffee', at: parseClock(clock)!, minutes: 15, line: 4 }] });
    expect(moved('10:10').diagnostics.map((d) => d.rule)).toEqual(['workshop-break-moved']);
    expect(moved('10:09').diagnostics).toEqual([]);
    expect(moved('09:50').diagnostics.map((d) => d.rule)).toEqual(['workshop-break-moved']);
    expect(moved('09:51').diagnostics).toEqual([]);
  });

  it('never schedules negative or fractional segments, and counts a slot that fits exactly as no overrun', () => {
    const schedule = layOut({
      start: 540,
      slot: { minutes: 60, line: 3 },
      lessons: [{ title: 'Odd', teaching: 29.6, exercises: -10 }, { title: 'Zero', teaching: 0, exercises: 30.4 }],
      breaks: [],
    });
    expect(schedule.items.map((item) => [item.start, item.end])).toEqual([[540, 570], [570, 600]]);
    expect(schedule.totals).toEqual({ teaching: 30, exercises: 30, breaks: 0, total: 60 });
    expect(schedule.overrun).toBe(0);
    expect(schedule.diagnostics).toEqual([]);
  });

  it('sorts its findings by line, and takes breaks in clock order whatever the file order', () => {
    const schedule = layOut({
      start: 540,
      slot: { minutes: 30, line: 2 },
      lessons,
      breaks: [
        { kind: 'break', title: 'Late', at: parseClock('18:00')!, minutes: 10, line: 9 },
        { kind: 'lunch', title: 'Lunch', at: parseClock('10:10')!, minutes: 30, line: 7 },
      ],
    });
    expect(schedule.diagnostics.map((d) => [d.line, d.rule])).toEqual([
      [2, 'workshop-overrun'],
      [7, 'workshop-break-moved'],
      [9, 'workshop-break-unused'],
    ]);
    expect(schedule.items.map((item) => item.title)).toEqual(['One', 'Lunch', 'Two']);
  });
});

describe('timing from the course model', () => {
  const input = (shared: TimingInput['shared'], adjust: TimingInput['adjust'] = { teaching: null, exercises: null }): TimingInput => ({
    meta: { teachingMinutes: 99, exerciseMinutes: 99 },
    size: { teachingSlides: 10, labTasks: 3, labMinutes: 24 },
    adjust,
    minutesPerSlide: 2,
    shared,
  });

  it('takes the course’s minutes over the lesson and the estimate, and says where they came from', () => {
    expect(lessonTiming(input({ teaching: 25, exercises: 15, source: 'overview' }))).toEqual({
      teaching: 25, exercises: 15, teachingFrom: 'lesson', exercisesFrom: 'lesson', teachingNote: 'from the module overview', exercisesNote: 'from the module overview',
    });
    expect(lessonTiming(input({ teaching: 25, exercises: 15, source: 'estimate' }))).toMatchObject({
      teachingFrom: 'estimate', exercisesFrom: 'estimate', teachingNote: 'estimated', exercisesNote: 'estimated',
    });
    expect(lessonTiming(input({ teaching: 25, exercises: 15, source: 'lesson' }))).toMatchObject({
      teachingFrom: 'lesson', exercisesFrom: 'lesson', teachingNote: 'from the lesson', exercisesNote: 'from the lesson',
    });
  });

  it('lets workshop.yaml override the course’s minutes, one part at a time', () => {
    expect(lessonTiming(input({ teaching: 25, exercises: 15, source: 'overview' }, { teaching: 40, exercises: null }))).toMatchObject({
      teaching: 40, exercises: 15, teachingFrom: 'workshop', exercisesFrom: 'lesson', teachingNote: 'set in workshop.yaml', exercisesNote: 'from the module overview',
    });
  });
});
