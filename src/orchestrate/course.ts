/**
 * Finds what a build covers: the lessons under each input path, their modules (from module READMEs),
 * the lecture notes that lessons link as their detailed content (which are not built on their own),
 * and the documents that are not lessons (see `../course/classify.ts`). Lessons are put in course
 * order: modules in natural order of their folders, lessons by their previous/next chains
 * (`../course/order.ts`).
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { visit } from 'unist-util-visit';
import { LecternError } from '../errors.js';
import { findLessonFiles, compareNatural, readLessonFile } from '../read/read-lesson.js';
import { analyzeLesson, type Analysis } from '../pipeline.js';
import type { Lesson } from '../model/lesson.js';
import { moduleDirOf, isInside } from '../output/paths.js';
import { displayPath } from '../cli/analyze.js';
import { linkTarget } from '../course/links.js';
import { orderLessons } from '../course/order.js';
import { pairNotes } from '../course/notes.js';
import { looksLikeLesson, numberedName, treatAsDocument } from '../course/classify.js';
import { explicitKind, globBases, type KindGlobs } from '../course/explicit-kind.js';
import { foldMissingObjectives } from '../course/module-objectives.js';
import { linkedLessons } from './linked-pages.js';
import { courseRootOf } from '../course/course-root.js';
import { analyzeChecked, outlineOf, revive, type AnalysisCache } from '../cache/analysis-cache.js';
import { countParse } from '../parse/parse-count.js';
import { POOL_MIN_CHARS, askPool, type AnalysisPool } from './analysis-pool.js';
import { InterruptedError, Turnstile, watchInterruption } from './turnstile.js';
import { dropTranslations, sortLessonFolders } from './lesson-folders.js';
import { isAssignmentName } from '../course/lesson-folders.js';
import { slowParseForTest } from './slow-parse-hook.js';
import type { VFile } from 'vfile';

export interface SourceDoc {
  /** As printed: relative to cwd. */
  path: string;
  absolute: string;
  /** The input root this file was found under. */
  root: string;
  /** Folder relative to the root, POSIX separators ('' at the root). */
  moduleDir: string;
  /** True when the file was named on the command line rather than found in a folder. */
  named: boolean;
  analysis: Analysis;
}

export interface Unreadable {
  path: string;
  problem: string;
}

export interface Module {
  dir: string;
  title: string;
  overview: SourceDoc | null;
  /** In course order. */
  lessons: SourceDoc[];
  /** Files of the module that are neither lessons, nor its README, nor lecture notes. */
  documents: SourceDoc[];
}

export interface Course {
  title: string;
  /** In natural order of their folders; only modules with lessons, documents or a README. */
  modules: Module[];
  /** Every lesson to build, in course order. */
  lessons: SourceDoc[];
  /** Lecture notes by the absolute path of the lesson they belong to. */
  notes: Map<string, SourceDoc>;
  /** Every document that is not a lesson, in course order. */
  documents: SourceDoc[];
  /** Every file that could be read (lessons, READMEs, notes, documents), in the order they were found. */
  files: SourceDoc[];
  /** The input roots (absolute). */
  roots: string[];
  unreadable: Unreadable[];
  /** Translations found in the folders given, left out (as printed: relative to cwd). */
  translations: string[];
  /** The assignment of each lesson that has one (a lesson folder's assignment.md), by the lesson's absolute path. */
  assignments: Map<string, SourceDoc>;
}

export interface LoadOptions {
  /** Report a fault while analysing one file as that file's problem instead of throwing (`check`). */
  tolerant?: boolean;
  /** Remembers analyses between runs; without it every file is parsed. */
  analysisCache?: AnalysisCache;
  /**
   * Whether READMEs and documents must be parsed whole (a build renders them into the index and
   * document pages); `check` only lints, for which the cached skeleton of links and headings serves.
   */
  renderWhole?: boolean;
  /** Course folders from the config's `paths` (see `../course/course-root.ts`). */
  courseFolders?: readonly string[];
  /** The course's name from the config; else the course README's title. */
  title?: string;
  /**
   * Worker threads for what the analysis cache lacks (a cold `check`), used when there is enough of it
   * to be worth their start; without it every file is analysed on this thread.
   */
  pool?: AnalysisPool;
  /** Called for each input path with how many Markdown files it holds, before any of them is read. */
  onListed?: (files: number) => void;
  /** Called for each file whose text changed since the cached analysis (every file without a cache). */
  onChanged?: (doc: SourceDoc) => void;
  /** The signal ending the process, if any: no file's analysis starts after it. */
  interrupted?: () => NodeJS.Signals | undefined;
  /** The config's `lessons:` and `documents:` globs, which win over the guess (`../course/explicit-kind.ts`). */
  kinds?: KindGlobs;
}

/** Reads and analyses every Markdown file under the paths, and sorts them into a course. */
export async function loadCourse(paths: string[], cwd: string, outRoot?: string, options: LoadOptions = {}): Promise<Course> {
  const docs: SourceDoc[] = [];
  const seen = new Set<string>();
  const unreadable: Unreadable[] = [];
  const roots: string[] = [];
  const translations: string[] = [];
  // Parses run one per turn of the event loop, so Ctrl-C is handled between any two of them.
  const turnstile = new Turnstile(options.interrupted);
  // Whether the cache keeps a file's whole tree or a skeleton (a build renders READMEs and documents).
  // A lesson folder's assignment becomes part of its lesson's lab, so it is kept whole too.
  const rendersWhole = (lesson: Lesson) => options.renderWhole !== false && (kindOf(lesson) !== 'lesson' || !looksLikeLesson(lesson) || isAssignmentName(basename(lesson.source)));
  for (const input of paths) {
    const absolute = resolve(cwd, input);
    const { files, refused } = await findLessonFiles([input], { cwd, skip: outRoot ? [outRoot] : [] });
    for (const entry of refused) unreadable.push({ path: displayPath(entry.path, cwd), problem: entry.problem });
    const isFile = files.length === 1 && resolve(cwd, files[0]) === absolute;
    // Outputs are laid out under the course root, whichever form the path was given in.
    const root = courseRootOf(absolute, isFile, { cwd, courseFolders: options.courseFolders });
    if (!roots.includes(root)) roots.push(root);
    const jobs: Array<{ file: string; path: string; absolute: string }> = [];
    for (const file of isFile ? files : dropTranslations(files, absolute, cwd, (skipped) => translations.push(displayPath(skipped, cwd)))) {
      // Never read back what a build wrote (an output folder inside the input).
      if (outRoot && isInside(outRoot, resolve(cwd, file))) continue;
      const fileAbsolute = resolve(cwd, file);
      if (seen.has(fileAbsolute)) continue;
      seen.add(fileAbsolute);
      jobs.push({ file, path: displayPath(file, cwd), absolute: fileAbsolute });
    }
    options.onListed?.(jobs.length);
    // Reads overlap (a warm course mostly waits on small files); the front matter's or config's kind of a page wins.
    const whole = {
      whole: (lesson: Lesson) => {
        if (options.renderWhole === false) return false;
        const chosen = explicitKind(lesson, resolve(cwd, lesson.source), globBases(root, cwd), options.kinds ?? {});
        return chosen ? chosen === 'document' : rendersWhole(lesson);
      },
    };
    type Miss = { vfile: VFile; unchanged: boolean };
    type Found = { doc: SourceDoc | null; problem: Unreadable | null; miss?: Miss };
    const settle = async (job: (typeof jobs)[number], analyze: () => Promise<Analysis | { miss: Miss }>): Promise<Found> => {
      try {
        const analysis = await analyze();
        if ('miss' in analysis) return { doc: null, problem: null, miss: analysis.miss };
        const doc: SourceDoc = { path: job.path, absolute: job.absolute, root, moduleDir: moduleDirOf(root, job.absolute), named: isFile, analysis };
        if (!('unchanged' in analysis && analysis.unchanged)) options.onChanged?.(doc);
        return { doc, problem: null };
      } catch (error) {
        if (error instanceof InterruptedError) throw error;
        const { path } = job;
        // The report names the file: the message's own copy of its path (shown or read) is left out.
        const named = [path, job.file].find((name) => error instanceof LecternError && error.message.startsWith(`${name}: `));
        if (error instanceof LecternError) return { doc: null, problem: { path, problem: named ? error.message.slice(named.length + 2) : error.message } };
        if (options.tolerant) return { doc: null, problem: { path, problem: `cannot analyze: ${error instanceof Error ? error.message : String(error)}` } };
        throw error;
      }
    };
    const cache = options.analysisCache;
    const pool = cache ? options.pool : undefined;
    // Each parse on this thread takes a turn of its own, so a signal is seen between any two of them.
    const gate = (path: string) => <T>(work: () => T) =>
      turnstile.pass(() => {
        slowParseForTest(path);
        return work();
      });
    const found = await mapLimit(jobs, 16, (job) =>
      settle(job, async () => {
        const vfile = await readLessonFile(job.file, { cwd });
        if (!cache) return gate(job.path)(() => analyzeLesson(vfile, { fileExists: existsSync }));
        // READMEs and documents are rendered whole, so only lessons may come back as a skeleton.
        if (!pool) return cache.analyze(vfile, { ...whole, gate: gate(job.path) });
        // With a pool, what the cache lacks is analysed below, once every file has been looked up.
        const looked = await cache.lookup(vfile, whole);
        return looked.analysis ?? { miss: { vfile, unchanged: looked.unchanged } };
      }),
    );
    const misses = found.flatMap((result, index) => (result.miss ? [{ index, ...result.miss }] : []));
    if (cache && pool && misses.length > 0) {
      const chars = misses.reduce((sum, miss) => sum + String(miss.vfile.value).length, 0);
      const threads = chars >= POOL_MIN_CHARS ? pool : null;
      // A signal ends the wait for the threads' answers at once (see `askPool`).
      const watch = threads && options.interrupted ? watchInterruption(options.interrupted) : null;
      const answers = await Promise.all(
        misses.map((miss) => settle(jobs[miss.index]!, async () => {
          // A worker that failed sends its file back: analysed here, it fails (or not) as it would have.
          const answer = threads ? await askPool(threads, turnstile, miss.vfile, { skeleton: options.renderWhole === false }, watch) : null;
          if (answer) countParse(answer.parses);
          const { analysis, checked } = answer
            ? { analysis: revive(miss.vfile, answer.lesson, answer.tree), checked: answer.checked }
            : await gate(jobs[miss.index]!.path)(() => analyzeChecked(miss.vfile));
          return cache.remember(analysis, checked, miss.unchanged, whole);
        })),
      ).finally(() => watch?.stop());
      misses.forEach((miss, n) => (found[miss.index] = answers[n]!));
    }
    for (const result of found) {
      if (result.doc) docs.push(result.doc);
      if (result.problem) unreadable.push(result.problem);
    }
  }

  // Lessons that are folders (a numbered folder's README.md) and their assignments: see ../course/lesson-folders.ts.
  const { folderLessons, assignments } = await sortLessonFolders(docs, cwd);
  const overviews = docs.filter((doc) => kindOf(doc.analysis.lesson) === 'module-overview');
  const rest = docs.filter((doc) => kindOf(doc.analysis.lesson) !== 'module-overview');
  // What the front matter or the config says a page is wins over the guess.
  const chosenKind = (doc: SourceDoc) => explicitKind(doc.analysis.lesson, doc.absolute, globBases(doc.root, cwd), options.kinds ?? {});
  const candidates = rest.filter((doc) => {
    const chosen = doc.named ? 'lesson' : chosenKind(doc);
    return chosen ? chosen === 'lesson' : folderLessons.has(doc) || (kindOf(doc.analysis.lesson) !== 'lecture-notes' && looksLikeLesson(doc.analysis.lesson));
  });
  const navigationTargets = (doc: SourceDoc) => {
    const { navigation } = doc.analysis.lesson;
    return [navigation.overview, navigation.previous, navigation.next, ...(navigation.others ?? [])]
      .map((link) => (link ? linkTarget(doc.absolute, link.href) : null))
      .filter((target): target is string => target !== null);
  };
  const pairs = pairNotes(
    candidates.map((doc) => {
      const details = doc.analysis.lesson.navigation.details;
      return { key: doc.absolute, number: doc.analysis.lesson.number, details: details ? linkTarget(doc.absolute, details.href) : null };
    }),
    rest.map((doc) => ({
      key: doc.absolute,
      id: doc.analysis.lesson.id,
      number: doc.analysis.lesson.number,
      links: navigationTargets(doc),
      isNotes: kindOf(doc.analysis.lesson) === 'lecture-notes',
    })),
  );
  const byPath = new Map(docs.map((doc) => [doc.absolute, doc]));
  const notes = new Map<string, SourceDoc>();
  for (const [lesson, notesPath] of pairs) notes.set(lesson, byPath.get(notesPath)!);
  const usedAsNotes = new Set(pairs.values());

  const modules = new Map<string, Module>();
  const moduleOf = (dir: string, root: string): Module => {
    let module = modules.get(dir);
    if (!module) {
      // A module folder without a README is named after its folder; lessons at the top of the course
      // have no module name of their own (a folder such as "lessons" is not a name: issue 16).
      module = { dir, title: dir ? titleFromDir(dir) : '', overview: null, lessons: [], documents: [] };
      modules.set(dir, module);
    }
    return module;
  };
  for (const doc of overviews) {
    const module = moduleOf(doc.moduleDir, doc.root);
    if (module.overview) {
      // Two READMEs in one folder (README.md and readme.markdown): the second is a document.
      module.documents.push(doc);
      continue;
    }
    module.overview = doc;
    const { lesson } = doc.analysis;
    if (lesson.title) module.title = lesson.number ? `Module ${lesson.number}: ${lesson.title}` : lesson.title;
  }
  const lessonSet = new Set(candidates.filter((doc) => !usedAsNotes.has(doc.absolute)));
  // A `notes/` folder of numbered pages that pair with no lesson is a sequence of lessons, not lecture notes.
  for (const doc of rest) {
    const { lesson } = doc.analysis;
    if (kindOf(lesson) === 'lecture-notes' && !usedAsNotes.has(doc.absolute) && numberedName(lesson.id) && looksLikeLesson(lesson) && chosenKind(doc) !== 'document') lessonSet.add(doc);
  }
  // A page another lesson links to as its previous or next is a lesson too, unless it is told otherwise.
  for (const doc of linkedLessons(rest, lessonSet, (doc) => usedAsNotes.has(doc.absolute) || assignments.has(doc) || chosenKind(doc) === 'document')) lessonSet.add(doc);
  for (const doc of rest) {
    if (usedAsNotes.has(doc.absolute) || assignments.has(doc)) continue;
    if (lessonSet.has(doc)) {
      moduleOf(doc.moduleDir, doc.root).lessons.push(doc);
    } else {
      treatAsDocument(doc.analysis);
      moduleOf(doc.moduleDir, doc.root).documents.push(doc);
    }
  }

  for (const module of modules.values()) {
    module.lessons = orderLessons(
      module.lessons.map((doc) => {
        const { lesson } = doc.analysis;
        const target = (href: string | undefined) => (href === undefined ? null : linkTarget(doc.absolute, href));
        return { doc, key: doc.absolute, label: folderLessons.has(doc) ? lesson.id : (lesson.number ?? lesson.id), next: target(lesson.navigation.next?.href), previous: target(lesson.navigation.previous?.href) };
      }),
      module.overview ? linkedFiles(module.overview) : [],
    ).map((item) => item.doc);
  }

  for (const module of modules.values()) foldMissingObjectives(module.lessons.filter((doc) => !doc.named).map((doc) => doc.analysis));

  // A README outside the inputs, read for a title only: through the analysis cache like the inputs,
  // so a nothing-changed build of one module or lesson parses no Markdown either (issue 11).
  const readme = async (path: string): Promise<Lesson | null> => {
    try {
      const vfile = await readLessonFile(path, { cwd });
      const cache = options.analysisCache;
      if (cache) return (await cache.analyze(vfile, { whole: rendersWhole, gate: (work) => turnstile.pass(work) })).lesson;
      return (await turnstile.pass(() => analyzeLesson(vfile, { lint: false }))).lesson;
    } catch (error) {
      if (error instanceof InterruptedError) throw error;
      // An unreadable README only costs the module (or course) its title.
      return null;
    }
  };
  // A module whose README was not among the inputs (a single lesson was given) still takes its title.
  for (const module of modules.values()) {
    if (module.overview) continue;
    const lessonRoot = module.lessons[0]?.root ?? roots[0] ?? cwd;
    const candidate = resolve(lessonRoot, module.dir, 'README.md');
    if (!existsSync(candidate) || (outRoot && isInside(outRoot, candidate))) continue;
    const lesson = await readme(candidate);
    if (lesson?.title) module.title = lesson.number ? `Module ${lesson.number}: ${lesson.title}` : lesson.title;
  }

  const ordered = [...modules.values()].sort((a, b) => compareNatural(a.dir, b.dir));
  const rootModule = ordered.find((module) => module.dir === '');
  const withLessons = ordered.filter((module) => module.lessons.length > 0);
  // The course's name: the config's, the course README's (read even when only part of the course was
  // given), or, for a one-module build, the module's README title. Never a folder's name: without
  // any of these the course has none, and pages leave it out.
  const title =
    options.title ||
    rootModule?.overview?.analysis.lesson.title ||
    (await courseReadmeTitle(roots, outRoot, readme)) ||
    (withLessons.length === 1 && withLessons[0]!.overview ? withLessons[0]!.title : '');
  // Lessons at the top of the course carry the course's name, when it has one.
  if (rootModule && !rootModule.overview) rootModule.title = title;
  // Written by now, READMEs read for their titles included.
  await options.analysisCache?.flush();
  const kept = ordered.filter((module) => module.lessons.length > 0 || module.documents.length > 0 || module.overview);
  return {
    title,
    modules: kept,
    lessons: kept.flatMap((module) => module.lessons),
    notes,
    documents: kept.flatMap((module) => module.documents),
    files: docs,
    roots,
    unreadable,
    translations,
    assignments: new Map([...assignments].map(([assignment, lesson]) => [lesson.absolute, assignment])),
  };
}

/** The title of README.md at the course root, when exactly one root holds one. */
async function courseReadmeTitle(roots: string[], outRoot: string | undefined, readme: (path: string) => Promise<Lesson | null>): Promise<string> {
  const titles = new Set<string>();
  for (const root of roots) {
    const candidate = resolve(root, 'README.md');
    if (!existsSync(candidate) || (outRoot && isInside(outRoot, candidate))) continue;
    const lesson = await readme(candidate);
    if (lesson?.title) titles.add(lesson.title);
  }
  return titles.size === 1 ? [...titles][0]! : '';
}

/** Every file a document links to (links and link definitions), in the order they appear. */
export function linkedFiles(doc: Pick<SourceDoc, 'absolute' | 'analysis'>): string[] {
  const found: string[] = [];
  visit(outlineOf(doc.analysis), (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const target = linkTarget(doc.absolute, node.url);
    if (target !== null) found.push(target);
  });
  return found;
}

export function kindOf(lesson: Lesson): string {
  return typeof lesson.meta.kind === 'string' ? lesson.meta.kind : 'lesson';
}

/** "module-3-web-apis" → "Module 3 Web Apis": a readable fallback when a module has no README. */
function titleFromDir(dir: string): string {
  const name = dir.split('/').pop() ?? dir;
  if (!name) return 'Course';
  return name.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

/** `task` over items, at most `limit` at once, results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}
