/**
 * src/watch/ is `lectern watch`: a session that rebuilds on change (this file), the file watcher
 * (file-watcher.ts), which lessons a change touches (dependencies.ts), the one Chromium kept across
 * rebuilds (session-browser.ts) and Ctrl-C (signals.ts).
 *
 * This file: a watch session: one build, then a rebuild whenever a source changes. Changes are batched
 * (editors write in bursts), changes during a build queue exactly one more build, and each rebuild
 * looks only at the lessons that read a changed file. One Chromium is kept for the whole session.
 */
import { statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { build, type BuildOptions, type BuildReport, type LessonReport } from '../orchestrate/build.js';
import { loadCourse, type SourceDoc } from '../orchestrate/course.js';
import type { Progress } from '../orchestrate/progress.js';
import { completeReport } from '../orchestrate/merge-reports.js';
import { writeReportAndIndex } from '../orchestrate/write-report.js';
import { isInside } from '../output/paths.js';
import { isSourceFile, lessonDependencies, planRebuild, type RebuildPlan } from './dependencies.js';
import { outermost, watchFiles, type FileWatcher, type WatchTarget } from './file-watcher.js';
import { SessionBrowser } from './session-browser.js';

export interface WatchSessionOptions {
  build: Omit<BuildOptions, 'progress' | 'select' | 'manager'>;
  /** The progress reporter of a build; `first` is the session's first build. */
  progress: (first: boolean) => Progress;
  /** After every build that finished (lessons with errors included). */
  onBuilt: (result: BuildResult) => void;
  /** A rebuild that could not run (a broken template, a crashed browser); the session goes on. */
  onFailed: (error: unknown, changed: string[]) => void;
  /** A watched folder that stopped working (deleted, or no more inotify watches). */
  onWatchError: (error: Error, path: string) => void;
  debounceMs?: number;
  /** The build to run (tests replace it); defaults to `build`. */
  runBuild?: (options: BuildOptions) => Promise<BuildReport>;
}

export interface BuildResult {
  /** The whole course, as also written to OUT/build-report.json. */
  report: BuildReport;
  /** Lessons this build really rebuilt (not cache hits). */
  rebuilt: LessonReport[];
  /** Changed files that started this build (absolute); empty for the first build. */
  changed: string[];
  first: boolean;
  ms: number;
}

/** Folders whose files never matter: dot-folders, dependencies, and what `findLessonFiles` skips. */
const IGNORED = (segment: string) => segment.startsWith('.') || segment === 'node_modules' || segment === 'output';

export class WatchSession {
  readonly #options: WatchSessionOptions;
  readonly #outRoot: string;
  /** Input folders, and input files (whose folder is watched for them, their notes and images). */
  readonly #folders: string[];
  readonly #files: string[];
  readonly #templatesDir: string | undefined;
  readonly #themeFile: string | undefined;
  readonly #browser: SessionBrowser;
  #watcher: FileWatcher | undefined;
  #pending = new Set<string>();
  #running: Promise<void> | undefined;
  #report: BuildReport | undefined;
  #dependencies = new Map<string, string[]>();
  /** After a failed build: look at everything next time, as the failed one may have left lessons behind. */
  #retryAll = false;
  #stopping: Promise<boolean> | undefined;
  #abandon: (() => void) | undefined;

  constructor(options: WatchSessionOptions) {
    this.#options = options;
    const { cwd, out, paths, templatesDir, theme, concurrency, executablePath, timeout } = options.build;
    this.#outRoot = resolve(cwd, out);
    const inputs = paths.map((path) => resolve(cwd, path));
    const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
    this.#folders = inputs.filter(isFolder);
    this.#files = inputs.filter((input) => !isFolder(input));
    this.#templatesDir = templatesDir ? resolve(cwd, templatesDir) : undefined;
    this.#themeFile = theme && /\.css$/i.test(theme) ? resolve(cwd, theme) : undefined;
    this.#browser = new SessionBrowser({ concurrency, allowedRoots: [this.#outRoot], executablePath, timeout });
  }

  /** The folders and files watched. */
  get targets(): WatchTarget[] {
    const targets: WatchTarget[] = [...this.#folders, ...this.#files.map((file) => dirname(file))].map((path) => ({ path, kind: 'folder' }));
    if (this.#templatesDir) targets.push({ path: this.#templatesDir, kind: 'folder' });
    if (this.#themeFile) targets.push({ path: this.#themeFile, kind: 'file' });
    return outermost(targets);
  }

  /** The report of the last build that finished. */
  get report(): BuildReport | undefined {
    return this.#report;
  }

  /** Starts watching and runs the first build; rejects (and stops) if that build cannot run at all. */
  async start(): Promise<BuildResult> {
    // Watching first, so a change made during the first build is not missed.
    this.#watcher = watchFiles(this.targets, {
      debounceMs: this.#options.debounceMs ?? 150,
      accept: (path) => this.#accepts(path),
      skipFolder: (path) => isInside(this.#outRoot, path) || IGNORED(basename(path)),
      onChange: (paths) => this.#queue(paths),
      onError: (error, target) => this.#options.onWatchError(error, target.path),
    });
    let result: BuildResult;
    const first = this.#build({ all: true }, [], true);
    this.#running = first.then(
      () => undefined,
      () => undefined,
    );
    // Stopping ends the wait even when the build is caught in a step that only times out later.
    const stopped = new Promise<never>((_, reject) => (this.#abandon = () => reject(new Error('lectern watch was stopped'))));
    stopped.catch(() => {});
    try {
      result = await Promise.race([first, stopped]);
    } catch (error) {
      await this.stop();
      throw error;
    } finally {
      this.#running = undefined;
    }
    this.#options.onBuilt(result);
    this.#drain();
    return result;
  }

  /**
   * Stops watching, closes the browser and waits up to `graceMs` for a running build to end; safe to
   * call repeatedly. Resolves true when the session is fully stopped, false when a build is still stuck.
   */
  stop(graceMs = 5_000): Promise<boolean> {
    this.#stopping ??= (async () => {
      this.#watcher?.close();
      this.#pending.clear();
      this.#abandon?.();
      // Refusing new launches first makes a running build fail fast instead of starting a browser.
      await this.#browser.stop();
      // A page request caught by the browser closing can wait out puppeteer's own 30 s timeout.
      let timer: NodeJS.Timeout | undefined;
      const settled = await Promise.race([
        this.#running?.then(() => true) ?? true,
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(timer);
      await this.#browser.stop();
      return settled;
    })();
    return this.#stopping;
  }

  /** Resolves when no build is running or queued (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #accepts(path: string): boolean {
    if (isInside(this.#outRoot, path)) return false;
    if (path === this.#themeFile) return true;
    const within = (folder: string) => isInside(folder, path) && !relative(folder, path).split(sep).some(IGNORED);
    if (this.#templatesDir && within(this.#templatesDir)) return true;
    if (!isSourceFile(path)) return false;
    if (this.#folders.some(within)) return true;
    // Beside a single input lesson, only what the build reads: the lesson, its notes and images, the module README.
    return this.#files.includes(path) || basename(path).toLowerCase() === 'readme.md' || [...this.#dependencies.values()].some((files) => files.includes(path));
  }

  /** Templates and the theme shape every lesson. */
  #global(path: string): boolean {
    return (this.#templatesDir !== undefined && isInside(this.#templatesDir, path)) || path === this.#themeFile;
  }

  #queue(paths: string[]): void {
    if (this.#stopping) return;
    for (const path of paths) this.#pending.add(path);
    this.#drain();
  }

  #drain(): void {
    if (this.#running || this.#stopping || this.#pending.size === 0) return;
    this.#running = (async () => {
      while (this.#pending.size > 0 && !this.#stopping) {
        const changed = [...this.#pending];
        this.#pending.clear();
        await this.#rebuild(changed);
      }
    })().finally(() => {
      this.#running = undefined;
    });
  }

  async #rebuild(changed: string[]): Promise<void> {
    const plan: RebuildPlan = this.#report && !this.#retryAll ? planRebuild(changed, this.#dependencies, (path) => this.#global(path)) : { all: true };
    if (!plan.all && plan.lessons.size === 0) return;
    try {
      const result = await this.#build(plan, changed, false);
      this.#retryAll = false;
      this.#options.onBuilt(result);
    } catch (error) {
      this.#retryAll = true;
      if (!this.#stopping) this.#options.onFailed(error, changed);
    }
  }

  async #build(plan: RebuildPlan, changed: string[], first: boolean): Promise<BuildResult> {
    const started = performance.now();
    const docs: SourceDoc[] = [];
    const partial = await (this.#options.runBuild ?? build)({
      ...this.#options.build,
      progress: this.#options.progress(first),
      manager: this.#browser,
      // Called for every lesson of the course, so it also tells what each one reads.
      select: (doc) => {
        docs.push(doc);
        return plan.all || plan.lessons.has(doc.absolute);
      },
    });
    this.#dependencies = new Map(docs.map((doc) => [doc.absolute, lessonDependencies(doc)]));
    let report = partial;
    if (!plan.all && this.#report) {
      // The build wrote a report and an index of the lessons it looked at; put the rest of the course back.
      report = completeReport(this.#report, partial, docs.map((doc) => doc.path));
      const { paths, cwd } = this.#options.build;
      const course = await loadCourse(paths, cwd, this.#outRoot);
      report.totals.ms = Math.round(performance.now() - started);
      await writeReportAndIndex(this.#outRoot, course, report, this.#templatesDir);
    }
    this.#report = report;
    return { report, rebuilt: partial.lessons.filter((lesson) => !lesson.cacheHit), changed, first, ms: Math.round(performance.now() - started) };
  }
}
