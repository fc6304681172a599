/**
 * Writes `OUT/build-report.json` and `OUT/index.html` for a report assembled after the fact: the
 * shards merged by `lectern index`, or the whole course after a partial rebuild in `lectern watch`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildReport } from './build.js';
import type { Course } from './course.js';
import { writeIndex } from './index-page.js';
import { writeFileAtomic } from '../export/atomic.js';
import { defaultTemplatesDir, loadTemplateSources } from '../output/template-files.js';
import { compileTemplates } from '../render/templates.js';

/** `templatesDir` (absolute) overrides the default templates, as in a build. Sets `report.modules` as a build does. */
export async function writeReportAndIndex(outRoot: string, course: Course, report: BuildReport, templatesDir?: string): Promise<void> {
  await mkdir(outRoot, { recursive: true });
  const { templates } = loadTemplateSources([defaultTemplatesDir, ...(templatesDir ? [templatesDir] : [])]);
  // The report knows which files could not be read across every build it covers; the course only its own.
  const unreadable = report.unreadable.map((entry) => ({ path: entry.source, problem: entry.problem }));
  report.modules = await writeIndex(outRoot, { ...course, unreadable }, report.lessons, compileTemplates(templates));
  await writeFileAtomic(join(outRoot, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
}
