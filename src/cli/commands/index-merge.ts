/**
 * `lectern index OUT... [--out DIR]`: merges the build reports of several output folders (the shards
 * of a CI matrix, `lectern build --shard i/n`) into one `build-report.json` and one `index.html` in
 * DIR (default output/), linking into each folder. The course's titles and module pages are read
 * from the lesson sources, so it runs where the shards were built (the same checkout).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BuildReport } from '../../orchestrate/build.js';
import { UsageError } from '../../errors.js';
import { loadConfig } from '../config.js';
import type { Command } from './command.js';

export const indexMerge: Command = {
  name: 'index',
  usage: 'index OUT...',
  summary: 'merge the reports of several build folders (CI shards) into one index in --out',
  async run({ args, io }) {
    const folders = args.positionals;
    if (folders.length === 0) throw new UsageError('index needs the output folders to merge, such as: lectern index out-1 out-2 --out output');
    const config = loadConfig(io.cwd, args.options.config);
    const out = args.options.out ?? config.options.out ?? 'output';
    const templates = args.options.templates ?? config.options.templates;
    const outRoot = resolve(io.cwd, out);
    const templatesDir = templates ? resolve(io.cwd, templates) : undefined;
    if (templatesDir && !statSync(templatesDir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`templates folder not found: ${templates}`);

    const { mergeReports, sortLessons } = await import('../../orchestrate/merge-reports.js');
    const placed = [];
    for (const folder of folders) {
      const dir = resolve(io.cwd, folder);
      placed.push({ prefix: relative(outRoot, dir).split(sep).join('/'), report: await readReport(folder, dir) });
    }
    const merged = mergeReports(placed, out);

    const roots = inputRoots(merged);
    const missing = [...roots].find((root) => !existsSync(resolve(io.cwd, root)));
    if (roots.size === 0 || missing !== undefined) {
      throw new UsageError(
        `cannot find the lessons the reports were built from${missing ? ` (${missing})` : ''}; run lectern index where the shards were built`,
      );
    }
    const { loadCourse } = await import('../../orchestrate/course.js');
    const course = await loadCourse([...roots], io.cwd, outRoot);
    const report = sortLessons(merged, course.lessons.map((doc) => doc.path));

    const { writeReportAndIndex } = await import('../../orchestrate/write-report.js');
    await writeReportAndIndex(outRoot, course, report, templatesDir);

    if (args.options.reporter === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const built = new Set(report.lessons.map((lesson) => lesson.source));
    const absent = course.lessons.filter((doc) => !built.has(doc.path));
    if (absent.length > 0) {
      io.stderr.write(`lectern: ${absent.length} lesson${absent.length === 1 ? ' is' : 's are'} in none of the reports (a shard missing?): ${absent.slice(0, 3).map((doc) => doc.path).join(', ')}${absent.length > 3 ? ', …' : ''}\n`);
    }
    if (!args.options.quiet) {
      const { totals } = report;
      io.stderr.write(`Merged ${totals.lessons} lesson${totals.lessons === 1 ? '' : 's'} from ${folders.length} report${folders.length === 1 ? '' : 's'} into ${join(out, 'index.html')} (${totals.warnings} warning${totals.warnings === 1 ? '' : 's'}, ${totals.errors} error${totals.errors === 1 ? '' : 's'})\n`);
    }
    return report.totals.errors > 0 ? 1 : 0;
  },
};

async function readReport(folder: string, dir: string): Promise<BuildReport> {
  const file = join(dir, 'build-report.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`no build report in ${folder}; build it first (lectern build --out ${folder})`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${join(folder, 'build-report.json')} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const shaped = report as Partial<BuildReport> | null;
  if (!shaped || !Array.isArray(shaped.lessons) || !Array.isArray(shaped.unreadable) || typeof shaped.totals !== 'object') {
    throw new UsageError(`${join(folder, 'build-report.json')} is not a Lectern build report`);
  }
  return shaped as BuildReport;
}

/** The input folders the lessons were found under: each source minus its module folder and file name. */
function inputRoots(report: BuildReport): Set<string> {
  const roots = new Set<string>();
  for (const lesson of [...report.lessons]) {
    const folder = dirname(lesson.source).split(sep).join('/');
    const module = lesson.module;
    if (module === '') roots.add(folder);
    else if (folder === module) roots.add('.');
    else if (folder.endsWith(`/${module}`)) roots.add(folder.slice(0, -module.length - 1));
  }
  return roots;
}
