// Lesson timing for workshops (src/workshop/timing.ts): the edges mutation testing found unpinned
// (which numbers count as given, rounding, and the facilitator's notes in singular and plural).
import { describe, it, expect } from 'vitest';
import { countTeachingSlides, lessonTiming, type TimingInput } from '../src/workshop/timing.js';

const input = (extra: Partial<TimingInput> = {}): TimingInput => ({
  meta: { teachingMinutes: null, exerciseMinutes: null },
  size: { teachingSlides: 10, labTasks: 3, labMinutes: 24 },
  adjust: { teaching: null, exercises: null },
  minutesPerSlide: 2,
  ...extra,
});

describe('lessonTiming', () => {
  it('says where each number came from', () => {
    expect(lessonTiming(input({ adjust: { teaching: 12, exercises: 8 } }))).toEqual({
      teaching: 12, exercises: 8, teachingFrom: 'workshop', exercisesFrom: 'workshop', teachingNote: 'set in workshop.yaml', exercisesNote: 'set in workshop.yaml',
    });
    expect(lessonTiming(input({ meta: { teachingMinutes: 30, exerciseMinutes: 20 } }))).toEqual({
      teaching: 30, exercises: 20, teachingFrom: 'lesson', exercisesFrom: 'lesson', teachingNote: 'from the lesson', exercisesNote: 'from the lesson',
    });
  });

  it('takes 0 from workshop.yaml (skip the part) but not from the lesson, where 0 means not said', () => {
    expect(lessonTiming(input({ adjust: { teaching: 0, exercises: 0 }, meta: { teachingMinutes: 30, exerciseMinutes: 20 } }))).toMatchObject({
      teaching: 0, exercises: 0, teachingFrom: 'workshop', exercisesFrom: 'workshop',
    });
    expect(lessonTiming(input({ meta: { teachingMinutes: 0, exerciseMinutes: 0 } }))).toMatchObject({
      teaching: 20, exercises: 24, teachingFrom: 'estimate', exercisesFrom: 'estimate',
    });
  });

  it('ignores numbers that are not minutes: negative, NaN, infinite', () => {
    for (const bad of [-5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(lessonTiming(input({ adjust: { teaching: bad, exercises: bad }, meta: { teachingMinutes: bad, exerciseMinutes: bad } }))).toMatchObject({
        teaching: 20, exercises: 24, teachingFrom: 'estimate', exercisesFrom: 'estimate',
      });
    }
  });

  it('rounds every part to whole minutes', () => {
    expect(lessonTiming(input({ size: { teachingSlides: 7, labTasks: 1, labMinutes: 9.6 }, minutesPerSlide: 1.5 }))).toMatchObject({ teaching: 11, exercises: 10 });
    expect(lessonTiming(input({ adjust: { teaching: 12.4, exercises: 7.5 } }))).toMatchObject({ teaching: 12, exercises: 8 });
    expect(lessonTiming(input({ meta: { teachingMinutes: 29.6, exerciseMinutes: 0.4 } }))).toMatchObject({ teaching: 30, exercises: 0, exercisesFrom: 'lesson' });
  });

  it('writes the estimate notes in singular and plural, and says when there are no exercises', () => {
    const one = lessonTiming(input({ size: { teachingSlides: 1, labTasks: 1, labMinutes: 8 } }));
    expect([one.teachingNote, one.exercisesNote]).toEqual(['estimated: 1 slide × 2 min', 'estimated: 1 lab task']);
    const many = lessonTiming(input({ size: { teachingSlides: 2, labTasks: 2, labMinutes: 16 }, minutesPerSlide: 2.5 }));
    expect([many.teachingNote, many.exercisesNote]).toEqual(['estimated: 2 slides × 2.5 min', 'estimated: 2 lab tasks']);
    const none = lessonTiming(input({ size: { teachingSlides: 0, labTasks: 0, labMinutes: 0 } }));
    expect(none).toMatchObject({ teaching: 0, exercises: 0, teachingNote: 'estimated: 0 slides × 2 min', exercisesNote: 'no exercises' });
  });
});

describe('countTeachingSlides', () => {
  it('counts every slide but the exercise slides', () => {
    expect(countTeachingSlides([])).toBe(0);
    expect(countTeachingSlides([{ kind: 'exercises' }, { kind: 'exercises' }])).toBe(0);
    expect(countTeachingSlides([{ kind: 'title' }, { kind: 'exercises' }, { kind: 'summary' }, { kind: 'concept' }])).toBe(3);
  });
});
