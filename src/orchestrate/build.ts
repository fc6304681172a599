/**
 * `lectern build`: every lesson under the input paths → decks, handouts and labs in OUT.
 * One lazily started Chromium serves diagrams and every PDF; it is always closed.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { BrowserManager } from '../browser/manager.js';
import { BrowserCrashedError } from '../browser/crash.js';
import type { MermaidRenderer } from '../assets/mermaid.js';
import { EnvironmentError, UsageError } from '../errors.js';
import { diagnosticsOf } from '../pipeline.js';
import type { Diagnostic } from '../model/lesson.js';
import { looksLikeLesson } from '../course/classify.js';
import { kindOf, loadCourse, type Course, type SourceDoc } from './course.js';
import { Progress } from './progress.js';
import { renderDiagrams, collectImages, type FileToWrite } from './lesson-assets.js';
import { BuildCache, hashParts } from '../cache/build-cache.js';
import { AnalysisCache } from '../cache/analysis-cache.js';
import { lessonOutDir, insideOut, isInside } from '../output/paths.js';
import { loadTemplateSources, defaultTemplatesDir } from '../output/template-files.js';
import { compileTemplates, type Templates } from '../render/templates.js';
import type { RenderContext } from '../render/context.js';
import { writeFileAtomic, isDiskFull } from '../export/atomic.js';
import type { DocumentOptions, Theme } from './documents.js';
import { listedMinutes, writeIndex } from './index-page.js';
import { reportWideTables } from './wide-tables.js';
import { finishCourse } from '../course/finish.js';
import { PART } from '../course/book-plan.js';
import { addCourseDiagnostics } from '../course/course-lint.js';
import type { ModuleReport } from '../course/report.js';
import { packageVersion } from '../cli/version.js';
import { previousInModule } from '../render/lab-facts.js';
import { lessonMinutes } from '../course/lesson-minutes.js';
import { lessonCost, longestFirst } from './schedule.js';
import { mergeArtifacts, mergeDiagnostics, notesOnlyRebuild } from './notes-only.js';

const version = packageVersion();

export type Format = 'deck' | 'handout' | 'lab';
export type OutputType = 'md' | 'html' | 'pdf' | 'pptx';

export interface BuildOptions {
  paths: string[];
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
  totals: { lessons: number; artifacts: number; warnings: number; errors: number; cached: number; ms: number };
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
  const course = await loadCourse(options.paths, options.cwd, outRoot, {
    analysisCache,
    // A lesson (or its lecture notes) whose text changed will be built: the engine, and Chromium with
    // it, starts loading now, while the rest of the course is still being read. Not for a selection
    // (shards, workshops, watch), which may leave that lesson out: `select` is asked once, later.
    onChanged: (doc) => {
      const { lesson } = doc.analysis;
      const built = kindOf(lesson) === 'lecture-notes' || (kindOf(lesson) === 'lesson' && (doc.named || looksLikeLesson(lesson)));
      if (built) changed.add(doc.absolute);
      if (built && !options.select) void engine.load().catch(() => {});
    },
  });
  // When a few lessons were edited, the rest of their modules' handouts and labs go into the module
  // books as they are: they are parsed while the first deck prints, when this thread would wait.
  let headStart: Promise<typeof import('../course/book.js')> | undefined;
  const whilePrinting = () => {
    if (headStart || changed.size === 0 || changed.size > 4) return;
    const modules = new Set(course.lessons.filter((doc) => changed.has(doc.absolute)).map((doc) => doc.moduleDir));
    const parts = course.lessons
      .filter((doc) => modules.has(doc.moduleDir) && !changed.has(doc.absolute))
      .flatMap((doc) => Object.values(PART).map((file) => join(lessonOutDir(outRoot, doc.moduleDir, doc.analysis.lesson.id), file)));
    headStart = import('../course/book.js');
    void headStart.then(({ preparseParts }) => preparseParts(parts)).catch(() => {});
  };
  options.progress.mark('course read');
  // A folder of pages that are all documents builds nothing: say so, and how to make them lessons.
  for (const module of course.modules) {
    if (module.lessons.length > 0 || module.documents.length === 0) continue;
    const count = module.documents.length;
    options.progress.line(`${module.dir || module.title}: no lesson found, ${count} document${count === 1 ? '' : 's'} (a page is a lesson when it has a "## Learning Objectives" list or a number in its title or file name, like 01-intro.md)`);
  }
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
  // Module books need only the handouts and labs: they are merged once every lesson's are final,
  // while the last decks may still be printing.
  const parts = lessons.map(() => deferred<BookParts>());
  const books = Promise.all(parts.map((part) => part.promise)).then(async (ready) => {
    // Course outputs depend only on the lessons: when none was rebuilt, they are as they were.
    if (ready.every((part) => part.cacheHit)) return;
    const { manager } = await engine.load();
    await finishCourse({ outRoot, course, reports: ready, manager, templates: templates.compiled, assets: templates.assets, progress: options.progress, paper: options.paper });
    options.progress.mark('module books done');
  });
  try {
    // Costliest first, so the build does not end waiting on one long lesson (reports are sorted back below).
    const size = (doc: SourceDoc) => {
      const notes = course.notes.get(doc.absolute)?.analysis;
      return { text: String(doc.analysis.file.value).length, notes: notes ? String(notes.file.value).length : 0, diagrams: doc.analysis.lesson.diagrams.length + (notes?.lesson.diagrams.length ?? 0) };
    };
    const queue = longestFirst(lessons.map((doc, index) => ({ doc, index })), ({ doc }) => lessonCost(size(doc)));
    const built = forEachLimit(queue, Math.max(1, options.concurrency), async ({ doc, index }) => {
      const part = parts[index]!;
      try {
        const report = await buildLessonGuarded(doc, course, {
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
  report.totals.ms = Math.round(performance.now() - started);
  await writeFileAtomic(join(outRoot, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

interface LessonJob {
  outRoot: string;
  engine: Engine;
  cache: BuildCache;
  templates: Templates;
  assets: Record<string, string>;
  theme: Theme;
  templateHash: string;
  documentOptions: DocumentOptions;
  useCache: boolean;
  progress: Progress;
  /** Called (once) when the lesson's handout and labs are final, possibly before its deck is. */
  partsReady: (parts: BookParts) => void;
  /** Called when a deck has gone to Chromium to print. */
  whilePrinting: () => void;
}

/** What the module books need of a lesson: where its PDFs are, and whether it was rebuilt. */
export type BookParts = Pick<LessonReport, 'source' | 'outDir' | 'artifacts' | 'cacheHit'>;

/**
 * Builds one lesson so that its failure is its own: any fault becomes a `build-failed` error of the
 * lesson; a Chromium that died under it is restarted once and the lesson built again, and if Chromium
 * dies again the lesson gets a `browser-crashed` error. Only the environment (a full disk) stops the build.
 */
async function buildLessonGuarded(doc: SourceDoc, course: Course, job: LessonJob): Promise<LessonReport> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    const crashes = job.engine.crashes;
    // A retry reports afresh: what the failed attempt said about the lesson is dropped.
    const said = doc.analysis.file.messages.length;
    try {
      // Parts made while Chromium died are incomplete: the module books wait for the retry's.
      return await buildLesson(doc, course, { ...job, partsReady: (parts) => job.engine.crashes === crashes && job.partsReady(parts) });
    } catch (error) {
      const crashed = error instanceof BrowserCrashedError || job.engine.crashes > crashes;
      if (crashed && attempt === 1 && job.engine.crashes < MAX_CRASHES) {
        doc.analysis.file.messages.length = said;
        continue;
      }
      if (error instanceof EnvironmentError && !crashed) throw error;
      if (isDiskFull(error)) throw error;
      const { file } = doc.analysis;
      const reason = crashed
        ? 'Cannot build this lesson: Chromium closed unexpectedly, and again after it was restarted'
        : `Cannot build this lesson: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      file.message(reason, { place: { line: 1, column: 1 }, ruleId: crashed ? 'browser-crashed' : 'build-failed', source: 'lectern' }).fatal = true;
      if (process.env.LECTERN_DEBUG === '1' && error instanceof Error) console.error(error.stack);
      const { lesson } = doc.analysis;
      lesson.diagnostics = diagnosticsOf(file);
      const name = doc.moduleDir ? `${doc.moduleDir}/${lesson.id}` : lesson.id;
      job.progress.finish(name, 'failed', '1 error');
      const outDir = lessonOutDir(job.outRoot, doc.moduleDir, lesson.id);
      await job.cache.forget(relative(job.outRoot, outDir)).catch(() => {});
      return {
        source: doc.path,
        id: lesson.id,
        module: doc.moduleDir,
        title: lesson.title,
        number: lesson.number,
        outDir: toPosix(relative(job.outRoot, outDir)),
        artifacts: [],
        diagnostics: lesson.diagnostics,
        cacheHit: false,
        ms: Math.round(performance.now() - started),
      };
    }
  }
}

/** Chromium may die once under a build and be restarted; the second death is final. */
const MAX_CRASHES = 2;

async function buildLesson(doc: SourceDoc, course: Course, job: LessonJob): Promise<LessonReport> {
  const started = performance.now();
  const crashes = job.engine.crashes;
  const { lesson, file, tree } = doc.analysis;
  const outDir = lessonOutDir(job.outRoot, doc.moduleDir, lesson.id);
  const name = doc.moduleDir ? `${doc.moduleDir}/${lesson.id}` : lesson.id;
  const notesDoc = course.notes.get(doc.absolute) ?? null;
  const module = course.modules.find((m) => m.dir === doc.moduleDir);

  job.progress.step(name, 'assets');
  const images = await collectImages(tree, file, doc.absolute, doc.root);
  const notesImages = notesDoc ? await collectImages(notesDoc.analysis.tree, notesDoc.analysis.file, notesDoc.absolute, doc.root) : null;

  const lessonParts = [
    version,
    String(file.value),
    ...images.files.flatMap((f) => [f.path, f.data]),
    job.templateHash,
    job.theme.name,
    job.theme.css,
    JSON.stringify(job.documentOptions),
    course.title,
    module?.title ?? '',
  ];
  const notesParts = [notesDoc ? String(notesDoc.analysis.file.value) : '', ...(notesImages?.files.flatMap((f) => [f.path, f.data]) ?? [])];
  const inputs = hashParts([...lessonParts, ...notesParts]);
  const lessonInputs = hashParts(lessonParts);
  const key = relative(job.outRoot, outDir);
  const reportOf = (artifacts: string[], diagnostics: Diagnostic[], cacheHit: boolean): LessonReport => ({
    source: doc.path,
    id: lesson.id,
    module: doc.moduleDir,
    title: lesson.title,
    number: lesson.number,
    outDir: toPosix(key),
    artifacts,
    diagnostics,
    cacheHit,
    ms: Math.round(performance.now() - started),
  });
  if (job.useCache) {
    const entry = await job.cache.fresh(key, inputs);
    if (entry) {
      job.progress.finish(name, 'unchanged');
      return reportOf(entry.artifacts, entry.diagnostics, true);
    }
  }
  // Only the lecture notes changed: only the handout is made again (notes-only.ts).
  const previous = job.useCache ? await job.cache.sameLesson(key, lessonInputs) : null;
  const notesOnly = previous ? notesOnlyRebuild(previous, job.documentOptions, toPosix(key)) : null;
  const artifactsNow = () => mergeArtifacts(notesOnly?.kept ?? [], written);

  job.progress.step(name, 'diagrams');
  const cachedOnly = !job.documentOptions.to.some((type) => type !== 'md');
  const { manager, mermaid, buildDocuments } = await job.engine.load();
  const diagrams = await renderDiagrams(lesson, file, mermaid, 'diagram', cachedOnly);
  const notesDiagrams = notesDoc ? await renderDiagrams(notesDoc.analysis.lesson, null, mermaid, 'notes-diagram', cachedOnly) : null;

  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const write = async (path: string, data: string | Uint8Array) => {
    const target = insideOut(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, data);
    written.push(toPosix(relative(job.outRoot, target)));
  };
  for (const asset of [...diagrams.files, ...(notesDiagrams?.files ?? []), ...images.files, ...(notesImages?.files ?? [])] as FileToWrite[]) {
    await write(asset.path, asset.data);
  }

  const context: RenderContext = {
    lesson,
    // A course that is just this module has no title of its own to repeat.
    courseTitle: course.title === module?.title ? null : course.title,
    moduleTitle: module?.title ?? null,
    previousLesson: previousInModule(module?.lessons ?? [], doc),
    minutes: lessonMinutes(lesson, module ? (listedMinutes(module).get(doc.absolute) ?? null) : null),
    diagrams: diagrams.assets,
    images: { ...(notesImages?.images ?? {}), ...images.images },
    notes: notesDoc?.analysis.lesson ?? null,
    notesDiagrams: notesDiagrams?.assets ?? [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' },
    paper: job.documentOptions.paper,
    theme: job.theme.name,
    version,
  };
  reportWideTables(file, job.documentOptions);
  try {
    await buildDocuments(context, {
    ...(notesOnly?.options ?? job.documentOptions),
    partsReady: () => job.partsReady({ source: doc.path, outDir: toPosix(key), artifacts: artifactsNow(), cacheHit: false }),
    whilePrinting: job.whilePrinting,
    templates: job.templates,
    assets: job.assets,
    theme: job.theme,
    manager,
    outDir,
    file,
    write,
    record: (path) => written.push(toPosix(relative(job.outRoot, insideOut(outDir, path)))),
    step: (step) => job.progress.step(name, step),
    });
  } catch (error) {
    // No Chromium or an unwritable disk stops the build, a Chromium that died is retried by the caller;
    // anything else fails this lesson only.
    if (error instanceof EnvironmentError || isDiskFull(error) || job.engine.crashes > crashes) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    file.message(`Cannot build this lesson: ${reason}`, { place: { line: 1, column: 1 }, ruleId: 'build-failed', source: 'lectern' }).fatal = true;
    if (process.env.LECTERN_DEBUG === '1' && error instanceof Error) console.error(error.stack);
  }

  lesson.diagnostics = notesOnly ? mergeDiagnostics(previous!.diagnostics, diagnosticsOf(file)) : diagnosticsOf(file);
  const errors = lesson.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = lesson.diagnostics.filter((d) => d.severity === 'warning').length;
  const ms = Math.round(performance.now() - started);
  job.progress.finish(name, `built in ${(ms / 1000).toFixed(1)} s`, [errors ? `${errors} error${errors > 1 ? 's' : ''}` : '', warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : ''].filter(Boolean).join(', '));
  // A lesson with errors is rebuilt next time, so its problems are reported again.
  if (errors === 0) await job.cache.store(key, { inputs, lessonInputs, artifacts: artifactsNow(), diagnostics: lesson.diagnostics });
  else await job.cache.forget(key);
  return reportOf(artifactsNow(), lesson.diagnostics, false);
}

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

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

async function ensureWritable(outRoot: string): Promise<void> {
  try {
    await mkdir(outRoot, { recursive: true });
    const probe = join(outRoot, `.lectern-write-test-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw new EnvironmentError(`Cannot write to the output folder ${outRoot}: ${(error as Error).message.split('\n')[0]}. Choose another with --out.`, { cause: error });
  }
}

function loadTemplates(dir: string | undefined, cwd: string) {
  const dirs = [defaultTemplatesDir];
  if (dir) {
    const custom = resolve(cwd, dir);
    if (!statSync(custom, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`templates folder not found: ${dir}`);
    dirs.push(custom);
  }
  const { templates: sources, assets } = loadTemplateSources(dirs);
  return { sources, assets, compiled: compileTemplates(sources) };
}

async function loadTheme(theme: string | undefined, cwd: string, assets: Record<string, string>): Promise<Theme> {
  const name = theme ?? 'lectern';
  if (/\.css$/i.test(name)) {
    const path = resolve(cwd, name);
    if (!existsSync(path)) throw new UsageError(`theme file not found: ${name}`);
    const css = await readFile(path, 'utf8');
    const declared = /@theme\s+([\w-]+)/.exec(css)?.[1];
    if (!declared) throw new UsageError(`theme file ${name} has no "/* @theme name */" comment, which Marp needs`);
    return { name: declared, css, builtIn: [assets['themes/lectern.css'] ?? ''] };
  }
  const css = assets[`themes/${name}.css`];
  if (css === undefined) {
    const known = Object.keys(assets).filter((a) => a.startsWith('themes/')).map((a) => a.slice(7, -4));
    throw new UsageError(`unknown theme "${name}"; use one of ${known.join(', ')} or a .css file`);
  }
  return { name, css, builtIn: [] };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Settling twice is harmless (the first wins); an unobserved rejection is not.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/**
 * Runs `task` over items with at most `limit` at once. After a failure no new item starts, and the
 * failure is reported once the items in flight have ended: nothing is still using the browser when
 * the caller closes it (it would otherwise start a new one).
 */
async function forEachLimit<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failure) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(workers);
  if (failure) throw failure.error;
}

/**
 * The heavy half of a build (Chromium, Mermaid, Marp, the PDF writers), loaded on first need:
 * a build whose lessons are all unchanged never imports it.
 */
class Engine {
  #loaded: Promise<{ manager: BrowserManager; mermaid: MermaidRenderer; buildDocuments: typeof import('./documents.js').buildDocuments }> | undefined;

  constructor(
    private readonly given: () => BrowserManager | null,
    private readonly options: { concurrency: number; outRoot: string; executablePath?: string; prewarm: boolean; progress: Progress; timeout?: number },
  ) {}

  #manager: BrowserManager | undefined;

  /** How many times Chromium died under this build so far. */
  get crashes(): number {
    return this.#manager?.crashes ?? 0;
  }

  load() {
    this.#loaded ??= (async () => {
      // Chromium first: it starts in the background while the rest of the engine loads and the first
      // lesson renders, which is most of a one-lesson rebuild.
      const [{ BrowserManager }, { warmPrintPages }] = await Promise.all([import('../browser/manager.js'), import('../export/print-page.js')]);
      const { concurrency, outRoot, executablePath } = this.options;
      const manager = this.given() ?? new BrowserManager({ concurrency, allowedRoots: [outRoot], executablePath, timeout: this.options.timeout, maxCrashes: MAX_CRASHES });
      this.#manager = manager;
      if (this.options.prewarm) warmPrintPages(manager, concurrency);
      this.options.progress.mark('engine: browser starting');
      const [{ MermaidRenderer }, { DiagramCache }, { buildDocuments }] = await Promise.all([
        import('../assets/mermaid.js'),
        import('../assets/diagram-cache.js'),
        import('./documents.js'),
      ]);
      const mermaid = new MermaidRenderer(manager, { cache: new DiagramCache(join(outRoot, '.cache', 'diagrams')) });
      // The module books' PDF library loads while Chromium prints, when this thread would only wait.
      void import('../course/book.js').catch(() => {});
      this.options.progress.mark('engine loaded');
      return { manager, mermaid, buildDocuments };
    })();
    return this.#loaded;
  }

  /** Releases the page and (when it owns it) the browser; says whether Chromium was started. */
  async dispose(closeBrowser: boolean): Promise<boolean> {
    if (!this.#loaded) return false;
    const loaded = await this.#loaded.catch(() => undefined);
    if (!loaded) return false;
    const { manager, mermaid } = loaded;
    const launched = manager.launched;
    await mermaid.dispose().catch(() => {});
    if (closeBrowser) await manager.close();
    return launched;
  }
}
