/**
 * A page for each document of the course that is not a lesson (a curriculum overview, a glossary):
 * `OUT/<module-dir>/<id>/document.html`, self-contained, linked from the index. Its links to lessons
 * lead to their entries in the index.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Course } from '../orchestrate/course.js';
import type { Templates } from '../render/templates.js';
import { writeFileAtomic } from '../export/atomic.js';
import { insideOut } from '../output/paths.js';
import { documentTitle } from './classify.js';
import { courseTargets, documentPage, pageLinker } from './course-links.js';
import { mdastToHtml } from './mdast-html.js';
import { bodyNodes } from './page-text.js';

/** Writes the page of every document of the course. */
export async function writeDocumentPages(outRoot: string, course: Course, templates: Templates): Promise<void> {
  const targets = courseTargets(course);
  for (const module of course.modules) {
    for (const doc of module.documents) {
      const page = documentPage(doc);
      const pageDir = page.slice(0, page.lastIndexOf('/'));
      const link = pageLinker(targets, doc.absolute, pageDir);
      const html = templates.render('course/document.html', {
        title: documentTitle(doc.analysis.lesson),
        courseTitle: course.title || 'Course overview',
        moduleTitle: module.dir && module.title !== course.title ? module.title : '',
        source: doc.path,
        indexHref: relativeIndex(pageDir),
        body: mdastToHtml(bodyNodes(doc.analysis.tree), { link, headingLevel: 2 }),
      });
      const target = insideOut(outRoot, ...page.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, html);
    }
  }
}

function relativeIndex(pageDir: string): string {
  return `${'../'.repeat(pageDir.split('/').length)}index.html`;
}
