/**
 * What the instructor says a page is, which wins over Lectern's guess (classify.ts): front matter
 * `lectern: lesson | document`, then the config's `documents:` and `lessons:` globs (issue 19). Also
 * the one guess a Jekyll course needs: a page whose front matter gives a lesson-like `layout`
 * (`lecture`, `lesson`, `episode`, `tutorial`, `chapter`) is a lesson, as on MIT's Missing Semester,
 * whose pages carry their title in front matter and no number anywhere.
 */
import { relative, resolve, sep } from 'node:path';
import type { Lesson, LessonMeta } from '../model/lesson.js';
import { lessonLayout } from '../extract/front-matter-title.js';

export { lessonLayout };

export type PageKind = 'lesson' | 'document';

/** The config's `lessons:` and `documents:` globs, relative to the course root (or to where Lectern runs). */
export interface KindGlobs {
  lessons?: readonly string[];
  documents?: readonly string[];
}


/** `lectern: lesson | document` in the front matter, if given. */
export function frontMatterKind(meta: LessonMeta): PageKind | null {
  const value = typeof meta.lectern === 'string' ? meta.lectern.trim().toLowerCase() : '';
  return value === 'lesson' || value === 'document' ? value : null;
}

/**
 * What the front matter or the config makes of a page, or null when Lectern must guess. `absolute` is
 * the page's path; it is matched relative to each of `bases` (the course root, the working folder).
 */
export function explicitKind(lesson: Lesson, absolute: string, bases: readonly string[], globs: KindGlobs): PageKind | null {
  const chosen = frontMatterKind(lesson.meta);
  if (chosen) return chosen;
  const paths = bases.map((base) => relative(base, absolute).split(sep).join('/')).filter((path) => !path.startsWith('../'));
  const matches = (patterns: readonly string[] | undefined) => (patterns ?? []).some((pattern) => paths.some((path) => globToRegExp(pattern).test(path)));
  if (matches(globs.documents)) return 'document';
  if (matches(globs.lessons)) return 'lesson';
  return null;
}

/** A glob as a RegExp: `**` spans folders, `*` and `?` stay inside one; a leading `./` is ignored. */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.trim().replace(/^\.\//, '');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      // `**/` matches no folder or several.
      if (pattern[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The config line that makes every page of a folder a lesson, for the "no lesson found" hint. */
export function lessonsConfigLine(moduleDir: string): string {
  return `lessons: ["${moduleDir ? `${moduleDir}/` : ''}*.md"]`;
}

/** Absolute paths of the bases a glob is matched against. */
export function globBases(root: string, cwd: string): string[] {
  return [...new Set([resolve(root), resolve(cwd)])];
}
