/**
 * When a page's title is its front matter's rather than its first `# ` heading (issue 19): a Jekyll
 * lesson page (`layout: lecture`, `lesson`, `episode`…) with a `title:` whose text does not open with a
 * `# ` heading uses its `# ` headings as its parts, as MIT's Missing Semester does.
 */
import type { LessonMeta } from '../model/lesson.js';

export function frontMatterTitled(meta: LessonMeta, titleIndex: number): boolean {
  return titleIndex !== 0 && lessonLayout(meta) && typeof meta.title === 'string' && meta.title.trim() !== '';
}

const LESSON_LAYOUTS = new Set(['lecture', 'lesson', 'episode', 'tutorial', 'chapter']);

/** True when the front matter's `layout` is one Jekyll courses use for their lessons. */
export function lessonLayout(meta: LessonMeta): boolean {
  return typeof meta.layout === 'string' && LESSON_LAYOUTS.has(meta.layout.trim().toLowerCase());
}
