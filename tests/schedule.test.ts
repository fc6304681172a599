// The order a build starts its lessons in (issue 11): costliest first, so two workers finish
// together instead of one waiting on a long lesson at the end. Pure: no build, no timing.
import { describe, it, expect } from 'vitest';
import { DIAGRAM_CHARS, lessonCost, longestFirst } from '../src/orchestrate/schedule.js';

/** When the last of `workers` workers finishes, each taking the next item as it frees up (as forEachLimit does). */
function makespan(costs: number[], workers: number): number {
  const free = new Array<number>(workers).fill(0);
  for (const cost of costs) {
    const first = free.indexOf(Math.min(...free));
    free[first] += cost;
  }
  return Math.max(...free);
}

describe('longestFirst', () => {
  it('starts the costliest lesson first, and keeps course order among equals', () => {
    const lessons = [
      { id: '1.1', cost: 10 },
      { id: '1.2', cost: 30 },
      { id: '1.3', cost: 10 },
      { id: '1.4', cost: 50 },
      { id: '1.5', cost: 30 },
    ];
    expect(longestFirst(lessons, (lesson) => lesson.cost).map((lesson) => lesson.id)).toEqual(['1.4', '1.2', '1.5', '1.1', '1.3']);
    // The input is left as it was: reports go back to course order from it.
    expect(lessons.map((lesson) => lesson.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
  });

  it('does not leave one core on a long lesson at the end: two workers finish no later than in course order', () => {
    // A module whose last lesson is the long one (the capstone), as real courses have.
    const costs = [10, 10, 10, 10, 10, 10, 60];
    expect(makespan(costs, 2)).toBe(90);
    expect(makespan(longestFirst(costs, (cost) => cost), 2)).toBe(60);
  });
});

describe('lessonCost', () => {
  it('counts the lesson, its lecture notes (printed in its handout) and its diagrams', () => {
    expect(lessonCost({ text: 1000, notes: 0, diagrams: 0 })).toBe(1000);
    expect(lessonCost({ text: 1000, notes: 5000, diagrams: 0 })).toBe(6000);
    expect(lessonCost({ text: 1000, notes: 0, diagrams: 2 })).toBe(1000 + 2 * DIAGRAM_CHARS);
    // A short lesson with long notes and diagrams goes before a longer bare one.
    const lessons = [
      { id: 'bare', size: { text: 12_000, notes: 0, diagrams: 0 } },
      { id: 'noted', size: { text: 4000, notes: 9000, diagrams: 1 } },
    ];
    expect(longestFirst(lessons, (lesson) => lessonCost(lesson.size)).map((lesson) => lesson.id)).toEqual(['noted', 'bare']);
  });
});
