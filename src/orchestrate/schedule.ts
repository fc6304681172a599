/**
 * The order a build starts its lessons in. With a few lessons printing at once, a long lesson started
 * last keeps one core busy while the other waits: starting the costliest first (the classic
 * longest-processing-time rule) lets the workers finish together. Pure: costs are estimates from sizes.
 */

/** What a lesson's cost is estimated from. */
export interface LessonSize {
  /** Characters of the lesson's Markdown. */
  text: number;
  /** Characters of its lecture notes (printed in its handout), 0 without. */
  notes: number;
  /** Mermaid diagrams in the lesson and its notes (each one a render in Chromium). */
  diagrams: number;
}

/** A diagram costs about as much to render as this many characters of lesson text cost to build. */
export const DIAGRAM_CHARS = 4000;

/** An estimate of the work of building a lesson, in characters of text. */
export function lessonCost(size: LessonSize): number {
  return size.text + size.notes + size.diagrams * DIAGRAM_CHARS;
}

/** The items, costliest first; equal costs keep their order (the course order). */
export function longestFirst<T>(items: readonly T[], cost: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, cost: cost(item) }))
    .sort((a, b) => b.cost - a.cost || a.index - b.index)
    .map((entry) => entry.item);
}
