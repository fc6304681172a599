/**
 * `OUT/index.html`: the course overview, modules → lessons → links to every artifact. Works from file://.
 */
import { join } from 'node:path';
import type { Course } from './course.js';
import type { LessonReport } from './build.js';
import type { Templates } from '../render/templates.js';
import { writeFileAtomic } from '../export/atomic.js';

const LABELS: Record<string, string> = {
  'deck.pdf': 'Slides (PDF)',
  'deck.html': 'Slides (HTML)',
  'deck.md': 'Slides (Marp)',
  'deck.pptx': 'Slides (PPTX)',
  'handout.pdf': 'Handout (PDF)',
  'handout.html': 'Handout (HTML)',
  'lab.pdf': 'Lab (PDF)',
  'lab.html': 'Lab (HTML)',
  'lab-instructor.pdf': 'Instructor lab (PDF)',
  'lab-instructor.html': 'Instructor lab (HTML)',
};

/** The view model of the index page (pure). */
export function indexModel(course: Course, reports: LessonReport[]) {
  const byModule = new Map<string, LessonReport[]>();
  for (const report of reports) {
    const list = byModule.get(report.module) ?? [];
    list.push(report);
    byModule.set(report.module, list);
  }
  return {
    title: course.title,
    modules: course.modules
      .filter((module) => (byModule.get(module.dir) ?? []).length > 0)
      .map((module) => ({
        title: module.title,
        overview: module.overview?.analysis.lesson.sections.find((s) => s.title === 'Introduction')?.markdown ?? '',
        lessons: (byModule.get(module.dir) ?? []).map((report) => {
          const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
          const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
          return {
            number: report.number ?? '',
            title: report.title || report.id,
            source: report.source,
            errors,
            warnings,
            artifacts: Object.keys(LABELS)
              .map((name) => ({ name, href: `${report.outDir}/${name}` }))
              .filter((artifact) => report.artifacts.includes(artifact.href))
              .map((artifact) => ({ label: LABELS[artifact.name], href: encodeURI(artifact.href) })),
          };
        }),
      })),
    unreadable: course.unreadable,
  };
}

/** Writes `OUT/index.html`. */
export async function writeIndex(outRoot: string, course: Course, reports: LessonReport[], templates: Templates): Promise<void> {
  const html = templates.render('index.html', indexModel(course, reports));
  await writeFileAtomic(join(outRoot, 'index.html'), html);
}
