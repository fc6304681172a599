/**
 * What a changed file means for `lectern watch`: which lessons read it, or whether everything must be
 * looked at again. Pure: paths in, a plan out. The build cache still decides what is really rebuilt.
 */
import { dirname, extname, resolve } from 'node:path';
import type { Nodes, Parent } from 'mdast';

/** The file types a build reads from the course folders (lessons and the images they show). */
const SOURCE_TYPES = new Set(['.md', '.markdown', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif']);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The parts of a lesson the dependencies are read from (a `SourceDoc` fits). */
export interface LessonSource {
  absolute: string;
  analysis: {
    lesson: { navigation: { details: { href: string } | null } };
    /** Absent or null when the analysis came from a cache. */
    tree?: Nodes | null;
    /** Image and definition references, when the analysis lists them. */
    assets?: ReadonlyArray<{ url: string }>;
  };
}

/** True for files whose change can change a lesson's output: Markdown and images. */
export function isSourceFile(path: string): boolean {
  return SOURCE_TYPES.has(extname(path).toLowerCase());
}

/** Absolute paths of what the lesson reads: itself, its linked lecture notes, its local images. */
export function lessonDependencies(doc: LessonSource): string[] {
  const base = dirname(doc.absolute);
  const files = new Set([doc.absolute]);
  const details = doc.analysis.lesson.navigation.details?.href;
  const urls = [...(details ? [details] : []), ...referencedUrls(doc.analysis)];
  for (const url of urls) {
    if (!url || SCHEME.test(url) || url.startsWith('//') || url.startsWith('#')) continue;
    try {
      files.add(resolve(base, decodeURI(url.split(/[?#]/)[0] as string)));
    } catch {
      // A malformed escape: the build reports it; there is nothing to watch.
    }
  }
  return [...files];
}

function referencedUrls(analysis: LessonSource['analysis']): string[] {
  if (analysis.assets) return analysis.assets.map((asset) => asset.url);
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'image' || node.type === 'definition') urls.push(node.url);
    if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
  };
  if (analysis.tree) visit(analysis.tree);
  return urls;
}

/** Which lessons to look at again: all of them, or these (absolute source paths). */
export type RebuildPlan = { all: true } | { all: false; lessons: Set<string> };

/**
 * Maps changed files to lessons. `dependencies` maps each lesson to what it reads (from the last build);
 * `global` says whether a file affects every lesson (templates, theme). A Markdown file or image no
 * lesson is known to read (a new lesson, a module README, a notes file's image) means all lessons.
 */
export function planRebuild(changed: Iterable<string>, dependencies: ReadonlyMap<string, readonly string[]>, global: (path: string) => boolean): RebuildPlan {
  const readers = new Map<string, string[]>();
  for (const [lesson, files] of dependencies) {
    for (const file of files) readers.set(file, [...(readers.get(file) ?? []), lesson]);
  }
  const lessons = new Set<string>();
  for (const path of changed) {
    if (global(path)) return { all: true };
    const known = readers.get(path);
    if (known) known.forEach((lesson) => lessons.add(lesson));
    else if (isSourceFile(path)) return { all: true };
  }
  return { all: false, lessons };
}
