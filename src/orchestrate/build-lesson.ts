/**
 * Building one lesson: its cache check, its images and diagrams, its documents (deck, handout, labs)
 * written into its output folder, and its report. A lesson's failure is its own: it becomes an error
 * of that lesson, and a Chromium that died under it is restarted once and the lesson built again.
 */
import { tooLargeToBuild } from './too-large.js';
import { mkdir } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { BrowserCrashedError } from '../browser/crash.js';
import { EnvironmentError } from '../errors.js';
import { diagnosticsOf } from '../pipeline.js';
import type { Diagnostic } from '../model/lesson.js';
import type { Course, SourceDoc } from './course.js';
import type { Progress } from './progress.js';
import { renderDiagrams, collectImages, type FileToWrite } from './lesson-assets.js';
import { hashParts, type BuildCache } from '../cache/build-cache.js';
import { outlineOf } from '../cache/analysis-cache.js';
import { lessonOutDir, insideOut } from '../output/paths.js';
import type { Templates } from '../render/templates.js';
import type { RenderContext } from '../render/context.js';
import { writeFileAtomic, isDiskFull } from '../export/atomic.js';
import type { DocumentOptions, Theme } from './documents.js';
import { listedMinutes } from './index-page.js';
import { reportWideTables } from './wide-tables.js';
import { previousInModule } from '../render/lab-facts.js';
import { lessonMinutes } from '../course/lesson-minutes.js';
import { MAX_CRASHES, type Engine } from './build-engine.js';
import { mergeArtifacts, mergeDiagnostics, notesOnlyRebuild } from './notes-only.js';
import type { BookParts, LessonReport } from './build.js';
import { PrintMemo, assetsFingerprint } from './print-memo.js';

/** What every lesson of one build shares. */
export interface LessonJob {
  /** Lectern's version, part of every lesson's cache key. */
  version: string;
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

/**
 * Builds one lesson so that its failure is its own: any fault becomes a `build-failed` error of the
 * lesson; a Chromium that died under it is restarted once and the lesson built again, and if Chromium
 * dies again the lesson gets a `browser-crashed` error. Only the environment (a full disk) stops the build.
 */
export async function buildLessonGuarded(doc: SourceDoc, course: Course, job: LessonJob): Promise<LessonReport> {
  const started = performance.now();
  // Read only to its title (its `too-large` error says so): outputs of a title alone would pass for the lesson.
  if (tooLargeToBuild(doc.analysis.file)) return notBuilt(doc, job, started);
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
      return notBuilt(doc, job, started);
    }
  }
}

/** The report of a lesson that has no outputs: its diagnostics say why. */
async function notBuilt(doc: SourceDoc, job: LessonJob, started: number): Promise<LessonReport> {
  const { lesson, file } = doc.analysis;
  lesson.diagnostics = diagnosticsOf(file);
  const name = doc.moduleDir ? `${doc.moduleDir}/${lesson.id}` : lesson.id;
  const errors = lesson.diagnostics.filter((d) => d.severity === 'error').length;
  job.progress.finish(name, 'failed', `${errors} error${errors === 1 ? '' : 's'}`);
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
  // The notes' images are in their skeleton: their whole tree is read only if this lesson is rendered.
  const notesImages = notesDoc ? await collectImages(outlineOf(notesDoc.analysis), notesDoc.analysis.file, notesDoc.absolute, doc.root) : null;

  // What the module README and the lesson before say about this one shows in its lab sheet: an edited
  // README (its minutes for the lesson, its order) or a renamed previous lesson makes it again.
  const listed = module ? (listedMinutes(module).get(doc.absolute) ?? null) : null;
  const previousLesson = previousInModule(module?.lessons ?? [], doc);
  const lessonParts = [
    job.version,
    String(file.value),
    // A lesson folder's assignment is part of its lab (absent for every other lesson, whose key stays as it was).
    ...(course.assignments.has(doc.absolute) ? [String(course.assignments.get(doc.absolute)!.analysis.file.value)] : []),
    ...images.files.flatMap((f) => [f.path, f.data]),
    job.templateHash,
    job.theme.name,
    job.theme.css,
    JSON.stringify(job.documentOptions),
    course.title,
    module?.title ?? '',
    JSON.stringify({ listed, previousLesson }),
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
  const assets = [...diagrams.files, ...(notesDiagrams?.files ?? []), ...images.files, ...(notesImages?.files ?? [])] as FileToWrite[];
  for (const asset of assets) await write(asset.path, asset.data);
  const memo = new PrintMemo(job.useCache ? await job.cache.prints(key) : {}, assetsFingerprint(assets));

  const context: RenderContext = {
    lesson,
    // A course that is just this module has no title of its own to repeat.
    courseTitle: course.title === module?.title ? null : course.title,
    moduleTitle: module?.title ?? null,
    previousLesson,
    minutes: lessonMinutes(lesson, listed),
    diagrams: diagrams.assets,
    images: { ...(notesImages?.images ?? {}), ...images.images },
    notes: notesDoc?.analysis.lesson ?? null,
    notesDiagrams: notesDiagrams?.assets ?? [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' },
    paper: job.documentOptions.paper,
    theme: job.theme.name,
    version: job.version,
  };
  reportWideTables(file, job.documentOptions);
  try {
    await buildDocuments(context, {
    ...(notesOnly?.options ?? job.documentOptions),
    partsReady: () => job.partsReady({ source: doc.path, outDir: toPosix(key), artifacts: artifactsNow(), cacheHit: false }),
    whilePrinting: job.whilePrinting,
    memo,
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
  if (errors === 0) await job.cache.store(key, { inputs, lessonInputs, artifacts: artifactsNow(), diagnostics: lesson.diagnostics, prints: memo.now });
  else await job.cache.forget(key);
  return reportOf(artifactsNow(), lesson.diagnostics, false);
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
