/**
 * Where the course's source files live in OUT, for links on the course pages: a lesson and its notes
 * at the lesson's entry in the index, a module README at the module's section, a document at its
 * page. A link to anything else in the sources has nowhere to go (the sources are not in OUT).
 */
import { posix } from 'node:path';
import type { Course, SourceDoc } from '../orchestrate/course.js';
import { externalHref } from './mdast-html.js';
import { linkTarget } from './links.js';

/** The id of a lesson's entry in the index, from its OUT folder ("module-3/3.1-http"). */
export function lessonAnchor(outDir: string): string {
  return `lesson-${outDir.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

/** The id of a module's section in the index. */
export function moduleAnchor(dir: string): string {
  return `module-${dir.replace(/[^A-Za-z0-9._-]+/g, '-') || 'course'}`;
}

/** A lesson's or document's folder in OUT, relative and POSIX: `<module-dir>/<id>`. */
export function outDirOf(doc: Pick<SourceDoc, 'moduleDir' | 'analysis'>): string {
  const { id } = doc.analysis.lesson;
  return doc.moduleDir ? `${doc.moduleDir}/${id}` : id;
}

/** A document's page, relative to OUT. */
export function documentPage(doc: Pick<SourceDoc, 'moduleDir' | 'analysis'>): string {
  return `${outDirOf(doc)}/document.html`;
}

/** OUT-relative targets by the absolute path of each source file the course pages can link to. */
export function courseTargets(course: Course): Map<string, string> {
  const targets = new Map<string, string>();
  for (const module of course.modules) {
    if (module.overview) targets.set(module.overview.absolute, `index.html#${moduleAnchor(module.dir)}`);
    for (const doc of module.lessons) {
      const entry = `index.html#${lessonAnchor(outDirOf(doc))}`;
      targets.set(doc.absolute, entry);
      const notes = course.notes.get(doc.absolute);
      if (notes) targets.set(notes.absolute, entry);
    }
    for (const doc of module.documents) targets.set(doc.absolute, documentPage(doc));
  }
  return targets;
}

/** The link resolver for a page at `pageDir` (OUT-relative) showing text from the source file `from`. */
export function pageLinker(targets: ReadonlyMap<string, string>, from: string, pageDir: string): (url: string) => string | null {
  return (url) => {
    const external = externalHref(url);
    if (external !== null) return external;
    const file = linkTarget(from, url);
    const target = file === null ? undefined : targets.get(file);
    if (target === undefined) return null;
    const [path, fragment] = target.split('#');
    const rel = posix.relative(`/${pageDir}`, `/${path!}`);
    return fragment ? `${rel}#${fragment}` : rel;
  };
}
