/**
 * Combining build reports: the shards of a CI matrix into one (`lectern index`), and a partial
 * rebuild into the report of the whole course (`lectern watch`). Pure: paths in, report out.
 */
import { posix } from 'node:path';
import type { BuildReport, LessonReport } from './build.js';

/** A report and where its folder is, seen from the folder of the merged report (POSIX, '' for the same folder). */
export interface PlacedReport {
  prefix: string;
  report: BuildReport;
}

/**
 * One report covering every lesson of the given ones, its paths relative to the merged report's folder.
 * A lesson built by more than one report is taken from the last; lessons keep first-seen order.
 */
export function mergeReports(reports: readonly PlacedReport[], out: string): BuildReport {
  const lessons = new Map<string, LessonReport>();
  const unreadable = new Map<string, { source: string; problem: string }>();
  for (const { prefix, report } of reports) {
    for (const lesson of report.lessons) lessons.set(lesson.source, rebaseLesson(lesson, prefix));
    for (const entry of report.unreadable) unreadable.set(entry.source, entry);
  }
  return withTotals({
    lectern: reports.at(-1)?.report.lectern ?? '',
    out,
    lessons: [...lessons.values()],
    unreadable: [...unreadable.values()],
    totals: { lessons: 0, artifacts: 0, warnings: 0, errors: 0, cached: 0, ms: reports.reduce((sum, { report }) => sum + report.totals.ms, 0) },
    browserLaunched: reports.some(({ report }) => report.browserLaunched),
  });
}

/**
 * The whole course after a build of some of its lessons: `partial`'s lessons replace the previous
 * ones, lessons it did not touch count as unchanged (cache hits), and only `sources` remain, in that order.
 */
export function completeReport(previous: BuildReport, partial: BuildReport, sources: readonly string[]): BuildReport {
  const rebuilt = new Map(partial.lessons.map((lesson) => [lesson.source, lesson]));
  const before = new Map(previous.lessons.map((lesson) => [lesson.source, lesson]));
  const lessons: LessonReport[] = [];
  for (const source of sources) {
    const fresh = rebuilt.get(source);
    const old = before.get(source);
    if (fresh) lessons.push(fresh);
    else if (old) lessons.push({ ...old, cacheHit: true, ms: 0 });
  }
  return withTotals({ ...partial, lessons, totals: { ...partial.totals } });
}

/** Orders the lessons as `sources` lists them; lessons not listed follow, in their order. */
export function sortLessons(report: BuildReport, sources: readonly string[]): BuildReport {
  const rank = new Map(sources.map((source, index) => [source, index]));
  const position = (lesson: LessonReport) => rank.get(lesson.source) ?? sources.length;
  const lessons = report.lessons.map((lesson, index) => ({ lesson, index }));
  lessons.sort((a, b) => position(a.lesson) - position(b.lesson) || a.index - b.index);
  return { ...report, lessons: lessons.map(({ lesson }) => lesson) };
}

function rebaseLesson(lesson: LessonReport, prefix: string): LessonReport {
  if (prefix === '') return lesson;
  return {
    ...lesson,
    outDir: posix.join(prefix, lesson.outDir),
    artifacts: lesson.artifacts.map((artifact) => posix.join(prefix, artifact)),
  };
}

/** Recounts the totals from the lessons (`ms` is kept). */
function withTotals(report: BuildReport): BuildReport {
  const count = (severity: string) => report.lessons.reduce((sum, lesson) => sum + lesson.diagnostics.filter((d) => d.severity === severity).length, 0);
  return {
    ...report,
    totals: {
      lessons: report.lessons.length,
      artifacts: report.lessons.reduce((sum, lesson) => sum + (lesson.cacheHit ? 0 : lesson.artifacts.length), 0),
      warnings: count('warning'),
      errors: count('error') + report.unreadable.length,
      cached: report.lessons.filter((lesson) => lesson.cacheHit).length,
      ms: report.totals.ms,
    },
  };
}
