/**
 * src/orchestrate/ runs a build: finds the course on disk (course.ts), builds each lesson
 * (build-lesson.ts) with the lazily loaded engine (build-engine.ts) into its documents
 * (documents.ts), then writes the index page and the build report (index-page.ts, write-report.ts);
 * shards and watch rebuilds merge their reports (shard.ts, merge-reports.ts).
 *
 * This file: `lectern build`: every lesson under the input paths → decks, handouts and labs in OUT. One
 * lazily started Chromium serves diagrams and every PDF; it is always closed.
 */
import { join, resolve } from 'node:path';
import type { BrowserManager } from '../browser/manager.js';
import { BrowserCrashedError } from '../browser/crash.js';
import { EnvironmentError, UsageError } from '../errors.js';
import { looksLikeLesson } from '../course/classify.js';
import { kindOf, loadCourse, type Course, type SourceDoc } from './course.js';
import { AnalysisPool } from './analysis-pool.js';
import { translationsLine } from '../course/translations.js';
import type { Progress } from './progress.js';
import { BuildCache, hashParts } from '../cache/build-cache.js';
import { AnalysisCache, withSkeleton } from '../cache/analysis-cache.js';
import { lessonOutDir, isInside } from '../output/paths.js';
import { writeFileAtomic, isDiskFull } from '../export/atomic.js';
import type { DocumentOptions } from './documents.js';
import { writeIndex } from './index-page.js';
import { tooLargeToBuild } from './too-large.js';
import { ModuleBooks } from '../course/finish.js';
import { PART } from '../course/book-plan.js';
import { addCourseDiagnostics } from '../course/course-lint.js';
import type { ModuleReport } from '../course/report.js';
import type { Diagnostic } from '../model/lesson.js';
import { packageVersion } from '../cli/version.js';
import { Engine, FEW_EDITS, FEW_FILES } from './build-engine.js';
import { buildLessonGuarded } from './build-lesson.js';
import { ensureWritable, loadTemplates, loadTheme } from './build-setup.js';
import { deferred, forEachLimit } from './run-limited.js';
import { lessonCost, longestFirst } from './schedule.js';
import { noLessonLines } from './no-lesson-hint.js';
import { recordSources, sourcesChanged } from './early-start.js';
import { trimHeap } from './heap-trim.js';
import type { KindGlobs } from '../course/explicit-kind.js';

const version = packageVersion();

export type Format = 'deck' | 'handout' | 'lab';
export type OutputType = 'md' | 'html' | 'pdf' | 'pptx';

export interface BuildOptions {
  paths: string[];
  /** Course folders from the config's `paths`: outputs are laid out relative to the course root. */
  courseFolders?: readonly string[];
  /** The config's `lessons:` and `documents:` globs (`../course/explicit-kind.ts`). */
  kinds?: KindGlobs;
  /** The config file's name, for the hint that names a line to add to it. */
  configFile?: string;
  /** The course's name from the config (`title`); else the course README's title. */
  courseTitle?: string;
  cwd: string;
  out: string;
  formats: Format[];
  to: OutputType[];
  templatesDir?: string;
  theme?: string;
  paper: 'a4' | 'letter';
  handoutStyle: 'document' | 'slides';
  /** `--pptx-style`; editable when not given. */
  pptxStyle?: 'editable' | 'pictures';
  concurrency: number;
  cache: boolean;
  pdfNotes: boolean;
  handoutNotes?: boolean;
  progress: Progress;
  executablePath?: string;
  /** Build only the lessons this accepts (shards, workshops); the course is still read whole. */
  select?: (doc: SourceDoc) => boolean;
  /** A browser owned by the caller (a workshop build shares one); the build then leaves it open. */
  manager?: BrowserManager;
  /** Milliseconds any one browser call may take (`--timeout`); defaults to the manager's 60 000. */
  timeout?: number;
}

export interface LessonReport {
  source: string;
  id: string;
  module: string;
  title: string;
  number: string | null;
  outDir: string;
  artifacts: string[];
  diagnostics: Diagnostic[];
  cacheHit: boolean;
  ms: number;
}

export interface BuildReport {
  lectern: string;
  out: string;
  lessons: LessonReport[];
  unreadable: Array<{ source: string; problem: string }>;
  totals: { lessons: number; artifacts: number; warnings: number; errors: number; cached: number; ms: number; documents?: number; pages?: number };
  browserLaunched: boolean;
  /** The course's modules: README, lessons, documents that are not lessons, module books. */
  modules?: ModuleReport[];
}

/** Builds the course; returns the report that was also written to `OUT/build-report.json`. */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const outRoot = resolve(options.cwd, options.out);
  for (const input of options.paths) {
    if (isInside(outRoot, resolve(options.cwd, input))) throw new UsageError(`the input ${input} is inside the output folder ${options.out}`);
  }
  await ensureWritable(outRoot);

  const engine = new Engine(() => options.manager ?? null, {
    concurrency: options.concurrency,
    outRoot,
    executablePath: options.executablePath,
    prewarm: options.to.some((type) => type !== 'md'),
    progress: options.progress,
    timeout: options.timeout,
  });
  // From here a browser may start (while the course is still read): whatever happens, it is closed.
  try {
    return await buildCourse(options, engine, outRoot, started);
  } catch (error) {
    if (isDiskFull(error)) {
      const reason = diskFullReason(error);
      const advice = reason.includes('EFBIG') ? 'Raise the file size limit (ulimit -f)' : 'Free some space';
      throw new EnvironmentError(`Cannot write to the output folder ${outRoot}: ${reason}. ${advice}, or choose another folder with --out.`, { cause: error });
    }
    throw error;
  } finally {
    await engine.dispose(!options.manager);
  }
}

async function buildCourse(options: BuildOptions, engine: Engine, outRoot: string, started: number): Promise<BuildReport> {  const analysisCache = new AnalysisCache(options.cache ? join(outRoot, '.cache', 'analysis') : null, version);
  /** Lessons (and lecture notes) whose text changed since the last analysis. */
  const changed = new Set<string>();
  /** Markdown files of the course found so far (each input path's, before they are read). */
  let listed = 0;
  // A lesson the last build made has new text: Chromium starts now rather than once it is parsed.
  const edited = !options.select && options.cache ? await sourcesChanged(outRoot, FEW_EDITS + 1) : 0;
  const startedEarly = edited > 0;
  if (startedEarly) void engine.load({ oneProcess: edited <= FEW_EDITS }).catch(() => {});
  options.progress.mark(startedEarly ? 'sources changed: engine loading' : 'sources looked at');
  // What the analysis cache lacks is parsed in worker threads when there is enough of it (a cold
  // build of a large course): on one thread the whole course was parsed before the first lesson could
  // start, with the other core idle. A rebuild after a few edits parses them here (too little text).
  const pool = AnalysisPool.open(process.env) ?? undefined;
  const course = await loadCourse(options.paths, options.cwd, outRoot, {
    analysisCache,
    pool,
    courseFolders: options.courseFolders,
    title: options.courseTitle,
    kinds: options.kinds,
    // A lesson (or its lecture notes) whose text changed will be built: the engine, and Chromium with
    // it, starts loading now, while the rest of the course is still being read. Not for a selection
    // (shards, workshops, watch), which may leave that lesson out: `select` is asked once, later.
    onListed: (files) => (listed += files),
    onChanged: (doc) => {
      const { lesson } = doc.analysis;
      const built = kindOf(lesson) === 'lecture-notes' || (kindOf(lesson) === 'lesson' && (doc.named || looksLikeLesson(lesson)));
      if (built) changed.add(doc.absolute);
      // A lesson over a size limit is not built (see notBuilt): it needs no Chromium.
      if (built && !options.select && !tooLargeToBuild(doc.analysis.file)) void engine.load({ oneProcess: listed <= FEW_FILES }).catch(() => {});
    },
    interrupted: () => engine.interrupted,
  }).finally(() => pool?.close());
  // When a few lessons were edited, the rest of their modules' handouts and labs go into the module
  // books as they are: they are parsed while the first deck (or with no deck, document) prints,
  // when this thread would wait.
  let headStart: Promise<typeof import('../course/book.js')> | undefined;
  const whilePrinting = () => {
    if (headStart || changed.size === 0 || changed.size > 4) return;
    // The lessons made again: edited, or showing edited lecture notes.
    const edited = new Set(course.lessons.filter((doc) => changed.has(doc.absolute) || changed.has(course.notes.get(doc.absolute)?.absolute ?? '')));
    const modules = new Set([...edited].map((doc) => doc.moduleDir));
    // Only the books this build makes again: an edit to lecture notes leaves the lab sheets as they are.
    const notesOnly = !course.lessons.some((doc) => changed.has(doc.absolute));
    const kinds: Array<keyof typeof PART> = [];
    if (options.formats.includes('handout')) kinds.push('handouts');
    if (options.formats.includes('lab') && !notesOnly) kinds.push('labs');
    const parts = course.lessons
      .filter((doc) => modules.has(doc.moduleDir) && !edited.has(doc))
      .flatMap((doc) => kinds.map((kind) => join(lessonOutDir(outRoot, doc.moduleDir, doc.analysis.lesson.id), PART[kind])));
    headStart = import('../course/book.js');
    void headStart.then(({ preparseParts }) => preparseParts(parts)).catch(() => {});
  };
  options.progress.mark('course read');
  for (const line of noLessonLines(course, options.configFile)) options.progress.line(line);
  if (course.translations.length > 0) options.progress.line(translationsLine(course.translations.length));
  const lessons = options.select ? course.lessons.filter(options.select) : course.lessons;
  const templates = loadTemplates(options.templatesDir, options.cwd);
  const theme = await loadTheme(options.theme, options.cwd, templates.assets);
  const cache = new BuildCache(outRoot);
  const templateHash = hashParts(Object.entries({ ...templates.sources, ...templates.assets }).sort().flat());
  const documentOptions: DocumentOptions = {
    formats: options.formats,
    to: options.to,
    paper: options.paper,
    handoutStyle: options.handoutStyle,
    pdfNotes: options.pdfNotes,
    pptxStyle: options.pptxStyle ?? 'editable',
    handoutNotes: options.handoutNotes === true,
  };

  const reports: LessonReport[] = [];
  let browserLaunched = false;
  options.progress.start(lessons.length);
  // Module books need only the handouts and labs: a module's are merged once its lessons' are final,
  // while other lessons (and the last decks) may still be printing.
  const parts = lessons.map(() => deferred<BookParts>());
  const tooLarge = new Set(lessons.filter((doc) => tooLargeToBuild(doc.analysis.file)).map((doc) => doc.path));
  const unchanged = (part: BookParts) => part.cacheHit || tooLarge.has(part.source);
  const moduleBooks = new ModuleBooks({
    outRoot,
    course,
    manager: async () => (await engine.load()).manager,
    templates: templates.compiled,
    assets: templates.assets,
    progress: options.progress,
    paper: options.paper,
  });
  const byModule = new Map<string, Array<Promise<BookParts>>>();
  lessons.forEach((doc, index) => {
    const promises = byModule.get(doc.moduleDir) ?? [];
    promises.push(parts[index]!.promise);
    byModule.set(doc.moduleDir, promises);
  });
  const early = [...byModule].map(([moduleDir, promises]) =>
    Promise.all(promises).then((ready) => (ready.every(unchanged) ? undefined : moduleBooks.module(moduleDir, ready))),
  );
  const books = Promise.all(parts.map((part) => part.promise)).then(async (ready) => {
    // Course outputs depend only on the lessons: when none was rebuilt, they are as they were.
    if (ready.every(unchanged)) return;
    await Promise.all(early);
    await moduleBooks.finish(ready);
    options.progress.mark('module books done');
  });
  for (const promise of early) promise.catch(() => {});
  try {
    // Costliest first, so the build does not end waiting on one long lesson (reports are sorted back below).
    const size = (doc: SourceDoc) => {
      const notes = course.notes.get(doc.absolute)?.analysis;
      return { text: String(doc.analysis.file.value).length, notes: notes ? String(notes.file.value).length : 0, diagrams: doc.analysis.lesson.diagrams.length + (notes?.lesson.diagrams.length ?? 0) };
    };
    const queue = longestFirst(lessons.map((doc, index) => ({ doc, index })), ({ doc }) => lessonCost(size(doc)));
    const notesLeft = notesUses(course, lessons);
    const built = forEachLimit(queue, Math.max(1, options.concurrency), async ({ doc, index }) => {
      const part = parts[index]!;
      try {
        const report = await buildLessonGuarded(doc, course, {
          version,
          outRoot,
          engine,
          cache,
          templates: templates.compiled,
          assets: templates.assets,
          theme,
          templateHash,
          documentOptions,
          useCache: options.cache,
          progress: options.progress,
          partsReady: part.resolve,
          whilePrinting,
        });
        part.resolve(report);
        reports.push(report);
        notesLeft.done(doc);
        trimHeap();
      } catch (error) {
        part.reject(error);
        throw error;
      }
    });
    // Lessons never started after a failure never make their parts: the books must not wait for them.
    built.catch((error: unknown) => parts.forEach((part) => part.reject(error)));
    // Both run to their end before a failure is reported, so no write is left half done.
    const [lessonsOutcome, booksOutcome] = await Promise.allSettled([built.finally(() => options.progress.mark('lessons done')), books]);
    if (lessonsOutcome.status === 'rejected') throw lessonsOutcome.reason;
    // A Chromium that died for good costs the module books; the lessons already say so (browser-crashed).
    if (booksOutcome.status === 'rejected' && !(booksOutcome.reason instanceof BrowserCrashedError)) throw booksOutcome.reason;
    reports.sort((a, b) => course.lessons.findIndex((l) => l.path === a.source) - course.lessons.findIndex((l) => l.path === b.source));
    addCourseDiagnostics(course, reports);
  } finally {
    books.catch(() => {});
    await headStart?.then(({ forgetPreparsed }) => forgetPreparsed()).catch(() => {});
    browserLaunched = await engine.dispose(!options.manager);
    options.progress.mark('browser closed');
  }

  const unreadable = course.unreadable.map((entry) => ({ source: entry.path, problem: entry.problem }));
  const count = (severity: string) => reports.reduce((sum, report) => sum + report.diagnostics.filter((d) => d.severity === severity).length, 0);
  const report: BuildReport = {
    lectern: version,
    out: options.out,
    lessons: reports,
    unreadable,
    totals: {
      lessons: reports.length,
      artifacts: reports.reduce((sum, r) => sum + (r.cacheHit ? 0 : r.artifacts.length), 0),
      warnings: count('warning'),
      errors: count('error') + unreadable.length,
      cached: reports.filter((r) => r.cacheHit).length,
      ms: 0,
    },
    browserLaunched,
  };
  report.modules = await writeIndex(outRoot, course, reports, templates.compiled);
  // The index and each document's page are files written too (issue 19).
  report.totals.documents = course.modules.reduce((sum, module) => sum + module.documents.length, 0);
  report.totals.pages = report.totals.documents + 1;
  report.totals.ms = Math.round(performance.now() - started);
  await writeFileAtomic(join(outRoot, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (options.cache && (changed.size > 0 || startedEarly)) {
    await recordSources(outRoot, course.roots, [...course.lessons, ...course.notes.values()].filter((doc) => !tooLargeToBuild(doc.analysis.file)).map((doc) => doc.absolute));
  }
  return report;
}

/**
 * Lecture notes are rendered whole into their lessons' handouts, so their whole trees are kept until
 * the last lesson that shows them is built, then only their skeletons (what the course lint and the
 * index read): a cold build of a large course does not hold every notes file's tree to its end.
 */
function notesUses(course: Course, lessons: readonly SourceDoc[]): { done(doc: SourceDoc): void } {
  const left = new Map<SourceDoc, number>();
  for (const doc of lessons) {
    const notes = course.notes.get(doc.absolute);
    if (notes) left.set(notes, (left.get(notes) ?? 0) + 1);
  }
  return {
    done(doc) {
      const notes = course.notes.get(doc.absolute);
      const count = notes ? left.get(notes) : undefined;
      if (!notes || count === undefined) return;
      left.set(notes, count - 1);
      if (count === 1) notes.analysis = withSkeleton(notes.analysis);
    },
  };
}

/** What the module books need of a lesson: where its PDFs are, and whether it was rebuilt. */
export type BookParts = Pick<LessonReport, 'source' | 'outDir' | 'artifacts' | 'cacheHit'>;

/** The disk-full error's own words (ENOSPC, EDQUOT or EFBIG), found along the `cause` chain. */
function diskFullReason(error: unknown): string {
  for (let at: unknown = error; at; at = (at as { cause?: unknown }).cause) {
    const code = (at as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') return 'the disk is full (ENOSPC)';
    if (code === 'EDQUOT') return 'the disk quota is used up (EDQUOT)';
    if (code === 'EFBIG') return 'a file is larger than allowed (EFBIG)';
  }
  return 'the disk is full';
}
