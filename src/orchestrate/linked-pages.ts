/**
 * Pages that become lessons because a lesson links to them as previous or next (issue 19): a tutorial's
 * first page, "Introduction", has no number and no objectives, yet page 2 says it comes before it.
 */
import { linkTarget } from '../course/links.js';
import { linkedInChains } from '../course/linked-lessons.js';
import type { SourceDoc } from './course.js';

/**
 * The pages of `rest` reached from `lessons` through previous/next links, in the order found. A page
 * counts only when it takes part in the chain itself (has a previous or next link of its own): a
 * glossary that a wrong Next link names stays a document, and `nav-mismatch` says so.
 */
export function linkedLessons(rest: readonly SourceDoc[], lessons: ReadonlySet<SourceDoc>, excluded: (doc: SourceDoc) => boolean): SourceDoc[] {
  const inChain = (doc: SourceDoc) => Boolean(doc.analysis.lesson.navigation.previous || doc.analysis.lesson.navigation.next);
  const open = rest.filter((doc) => !lessons.has(doc) && !excluded(doc) && doc.analysis.lesson.title.trim() !== '' && inChain(doc));
  return linkedInChains([...lessons], open, chainTargets);
}

/** The files a lesson names as its previous and next. */
function chainTargets(doc: SourceDoc): string[] {
  const { previous, next } = doc.analysis.lesson.navigation;
  return [previous, next].flatMap((link) => (link ? [linkTarget(doc.absolute, link.href)] : [])).filter((target): target is string => target !== null);
}
