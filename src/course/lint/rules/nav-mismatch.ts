/**
 * `nav-mismatch`: previous/next links must agree. When A's next link points at B, B's previous link
 * (if it has one) must point back at A, and the other way round; the warning sits on the link that
 * the other lesson contradicts. A previous/next link must also lead to a lesson: pointing at a
 * document, lecture notes or another file of the course is a mismatch (a missing file is
 * `broken-link`'s). A module README is accepted at either end of a chain, and links leaving the
 * course's folders are not judged: that module may simply not be part of this build.
 */
import type { Link } from '../../../model/lesson.js';
import { isInside } from '../../../output/paths.js';
import { linkTarget } from '../../links.js';
import { linkPlace, relativeName } from '../places.js';
import type { CourseContext, CourseFile, CourseRule } from '../rule.js';

type Slot = 'next' | 'previous';
const opposite: Record<Slot, Slot> = { next: 'previous', previous: 'next' };
const label: Record<Slot, string> = { next: 'Next', previous: 'Previous' };
const what: Record<string, string> = { document: 'a document', 'lecture-notes': 'lecture notes' };

export const navMismatch: CourseRule = {
  id: 'nav-mismatch',
  severity: 'warning',
  run(ctx) {
    for (const file of ctx.files) {
      if (ctx.kindOf(file) !== 'lesson') continue;
      for (const slot of ['next', 'previous'] as const) check(ctx, file, slot);
    }
  },
};

function check(ctx: CourseContext, file: CourseFile, slot: Slot): void {
  const link = file.lesson.navigation[slot];
  if (!link) return;
  const target = linkTarget(file.path, link.href);
  if (target === null) return;
  const warn = (message: string) => ctx.report(file, navMismatch, message, linkPlace(file, link));
  const name = relativeName(file.path, target);
  if (target === file.path) return warn(`${label[slot]} link points at this lesson itself`);

  const other = ctx.byPath.get(target);
  if (!other) {
    const inCourse = (ctx.roots ?? []).some((root) => isInside(root, target));
    if (inCourse && ctx.fileExists?.(target)) warn(`${label[slot]} link points at ${name}, which is not a lesson of this course`);
    return;
  }
  const kind = ctx.kindOf(other);
  if (kind === 'module-overview') return;
  if (kind !== 'lesson') return warn(`${label[slot]} link points at ${name}, which is ${what[kind] ?? 'not a lesson'}, not a lesson`);

  const back: Link | null = other.lesson.navigation[opposite[slot]];
  if (!back) return;
  const backTarget = linkTarget(other.path, back.href);
  if (backTarget === file.path) return;
  const backName = backTarget === null ? `"${back.href}"` : backTarget === other.path ? 'itself' : relativeName(file.path, backTarget);
  warn(`${label[slot]} link points at ${name}, but its ${opposite[slot]} link points at ${backName}`);
}
