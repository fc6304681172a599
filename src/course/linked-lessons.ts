/**
 * A page that a lesson links to as its previous or next is a lesson as well (issue 19): a tutorial's
 * first page, "Introduction", has no number and no objectives, yet page 2 says it comes before.
 * Followed through: the page found may lead to the next one.
 */

export interface Page {
  absolute: string;
}

/** The pages of `open` reached from `lessons` through previous/next links, in the order they are found. */
export function linkedInChains<T extends Page>(lessons: readonly T[], open: readonly T[], targets: (page: T) => string[]): T[] {
  const waiting = new Map(open.map((page) => [page.absolute, page]));
  const found: T[] = [];
  const queue = [...lessons];
  for (let page = queue.shift(); page; page = queue.shift()) {
    for (const target of targets(page)) {
      const reached = waiting.get(target);
      if (!reached) continue;
      waiting.delete(target);
      found.push(reached);
      queue.push(reached);
    }
  }
  return found;
}
