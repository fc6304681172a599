/**
 * The order of a module's lessons. Pure.
 *
 * 1. Natural order of each lesson's number (or file name when it has none): 6.2 < 6.9 < 6.10.
 * 2. Previous/next links join lessons into chains. A link both ends agree on is taken first, then
 *    next links, then previous links; a link that would give a lesson two successors, two
 *    predecessors or a cycle is ignored (nav-mismatch reports it).
 * 3. Chains are placed by the module README's lesson list (the first listed member of a chain
 *    places it), then chains with no listed member in the natural order of their first lesson.
 */
import { compareNatural } from '../read/read-lesson.js';

export interface OrderItem {
  /** Identifies the lesson (its absolute path); `next`, `previous` and `listed` use the same keys. */
  key: string;
  /** Sort label for the natural order: the lesson number, or its id when it has none. */
  label: string;
  next: string | null;
  previous: string | null;
}

/** Orders lessons by their previous/next chains, placed by the README's list, falling back to natural order. */
export function orderLessons<T extends OrderItem>(items: readonly T[], listed: readonly string[] = []): T[] {
  const natural = [...items].sort((a, b) => compareNatural(a.label, b.label) || compareNatural(a.key, b.key));
  const rank = new Map(natural.map((item, index) => [item.key, index]));
  const successor = new Map<string, string>();
  const predecessor = new Map<string, string>();

  const byKey = new Map(items.map((item) => [item.key, item]));

  const edges: Array<{ from: string; to: string; weight: number }> = [];
  for (const item of natural) {
    const target = item.next === null || item.next === item.key ? undefined : byKey.get(item.next);
    if (target) edges.push({ from: item.key, to: target.key, weight: target.previous === item.key ? 0 : 1 });
    const source = item.previous === null || item.previous === item.key ? undefined : byKey.get(item.previous);
    if (source && source.next !== item.key) edges.push({ from: source.key, to: item.key, weight: 2 });
  }
  edges.sort((a, b) => a.weight - b.weight || rank.get(a.from)! - rank.get(b.from)!);
  for (const { from, to } of edges) {
    if (successor.has(from) || predecessor.has(to) || reaches(successor, to, from)) continue;
    successor.set(from, to);
    predecessor.set(to, from);
  }

  const listedAt = new Map<string, number>();
  listed.forEach((key, index) => {
    if (!listedAt.has(key)) listedAt.set(key, index);
  });
  const chains = natural
    .filter((item) => !predecessor.has(item.key))
    .map((head) => {
      const chain: T[] = [];
      for (let key: string | undefined = head.key; key !== undefined; key = successor.get(key)) chain.push(byKey.get(key)!);
      const place = Math.min(...chain.map((item) => listedAt.get(item.key) ?? Number.POSITIVE_INFINITY));
      return { chain, place, head: rank.get(head.key)! };
    });
  chains.sort((a, b) => a.place - b.place || a.head - b.head);
  return chains.flatMap(({ chain }) => chain);
}

/** True when following successors from `start` arrives at `goal`. */
function reaches(successor: ReadonlyMap<string, string>, start: string, goal: string): boolean {
  for (let key: string | undefined = start; key !== undefined; key = successor.get(key)) {
    if (key === goal) return true;
  }
  return false;
}
