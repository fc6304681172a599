/**
 * `lectern check [PATH...]`: parses and lints every lesson, never starting a browser, then runs the
 * course rules over all of them, and Mermaid's parser over every diagram (as the build does). Files found in a folder that are not lessons (a curriculum overview)
 * are checked as documents. An unreadable file is reported as one error line and the other files are still checked.
 * Exit 0 with warnings only, 1 with any error, 2 for a missing path.
 */
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import type { Diagnostic, Lesson } from '../../model/lesson.js';
import { findLessonFiles } from '../../read/read-lesson.js';
import { displayPath } from '../analyze.js';
import { paint, useColor } from '../io.js';
import type { FileReport } from '../report.js';
import { countDiagnostics, formatDiagnostics, formatSummary, onlyErrors, toJson } from '../report.js';
import type { Command } from './command.js';
import { mergedOptions } from './build.js';

export const check: Command = {
  name: 'check',
  usage: 'check [PATH...]',
  summary: 'parse and lint lessons without building them',
  async run(ctx) {
    const { args, io } = ctx;
    // The config is read and checked as `build` reads it: a bad key fails both the same way.
    const { options } = mergedOptions(ctx);
    const paths = args.positionals.length > 0 ? args.positionals : (options.paths ?? ['lessons/']);
    const { resolve, join } = await import('node:path');
    const outRoot = resolve(io.cwd, options.out ?? 'output');
    const { files, missing, refused } = await findLessonFiles(paths, { cwd: io.cwd, skip: [outRoot] });
    if (missing.length > 0) {
      for (const path of missing.slice(1)) io.stderr.write(`lectern: path not found: ${path}\n`);
      throw new UsageError(`path not found: ${missing[0]}`);
    }
    if (files.length === 0) throw new UsageError(`no Markdown lessons found in ${paths.join(', ')}`);

    // A cold check parses in worker threads, one per core (none start when the cache has every file).
    // With no cache yet and text enough for the pool, the threads start now and load their code
    // while this thread loads its own and reads the course.
    const { AnalysisPool, POOL_MIN_CHARS } = await import('../../orchestrate/analysis-pool.js');
    const pool = AnalysisPool.open(io.env) ?? undefined;
    if (pool && (options.cache === false || !existsSync(join(outRoot, '.cache', 'analysis')))) {
      const chars = files.reduce((sum, file) => sum + (statSync(resolve(io.cwd, file), { throwIfNoEntry: false })?.size ?? 0), 0);
      if (chars >= POOL_MIN_CHARS) pool.prestart();
    }

    // The whole course is read at once: documents are told apart from lessons, and the course rules
    // (navigation chains, links between files, lesson numbers) see every file.
    const { loadCourse, kindOf } = await import('../../orchestrate/course.js');
    const { courseFiles } = await import('../../course/course-files.js');
    const { lintCourse } = await import('../../course/lint/index.js');
    const { unsafeImages } = await import('../../orchestrate/lesson-assets.js');
    // Analyses are remembered in the output folder's cache (the only place Lectern writes), so a
    // second check of an unchanged course reads no Markdown parser at all.
    const { AnalysisCache } = await import('../../cache/analysis-cache.js');
    const { packageVersion } = await import('../version.js');
    const analysisCache = new AnalysisCache(options.cache === false ? null : join(outRoot, '.cache', 'analysis'), packageVersion());
    // Diagrams are parsed by Mermaid as the build would (in Node, no browser): same lesson line, same words.
    const { DiagramChecker } = await import('../../assets/diagram-check.js');
    const diagramChecker = new DiagramChecker(
      options.cache === false ? null : join(outRoot, '.cache', 'mermaid-parse.json'),
      // Lectern's code (which words the findings) and Mermaid's version (which judges them).
      `${(await import('../../cache/code-hash.js')).codeVersion()} mermaid ${(await import('../../assets/mermaid.js')).mermaidBundle().version}`,
    );
    // Mermaid's parser is large: a lesson read afresh with a diagram Mermaid has not judged yet has it
    // judged at once, while the other lessons are still being parsed (lecture notes' diagrams are
    // checked by the build that draws them, not here). One diagram at a time: Mermaid keeps state.
    let judging: Promise<unknown> = Promise.resolve();
    const judge = (lesson: Lesson): Promise<Diagnostic[]> => {
      const verdicts = judging.then(() => diagramChecker.check(lesson));
      judging = verdicts.catch(() => {});
      return verdicts;
    };
    const early = new Map<string, Promise<Diagnostic[]>>();
    const onChanged = ({ absolute, analysis: { lesson } }: { absolute: string; analysis: { lesson: Lesson } }) => {
      if (kindOf(lesson) === 'lecture-notes' || !diagramChecker.needsParser(lesson)) return;
      const verdicts = judge(lesson);
      // Awaited below when the lesson's report is made; until then a failure must not go unhandled.
      verdicts.catch(() => {});
      early.set(absolute, verdicts);
    };
    const course = await loadCourse(paths, io.cwd, outRoot, { tolerant: true, analysisCache, renderWhole: false, courseFolders: options.paths, title: options.title, pool, onChanged, kinds: { lessons: options.lessons, documents: options.documents } }).finally(() => {
      // The threads stop in the background: their teardown (a tenth of a second) need not hold the report.
      void pool?.close();
    });
    if (course.translations.length > 0 && !options.quiet && options.reporter !== 'json' && !options.json) {
      io.stderr.write(`${(await import('../../course/translations.js')).translationsLine(course.translations.length)}\n`);
    }
    const courseDiagnostics = new Map<string, Diagnostic[]>();
    for (const { path, diagnostic } of lintCourse(courseFiles(course), { fileExists: existsSync, roots: course.roots })) {
      courseDiagnostics.set(path, [...(courseDiagnostics.get(path) ?? []), diagnostic]);
    }
    const found = new Map(course.files.map((doc) => [doc.path, doc]));
    const lessons = new Set(course.lessons);
    const problems = new Map(course.unreadable.map((entry) => [entry.path, entry.problem]));

    const reports: FileReport[] = [];
    for (const path of [...files, ...refused.map((entry) => entry.path)]) {
      const file = displayPath(path, io.cwd);
      const doc = found.get(file);
      if (doc) {
        // Images are only read by a build, but one that leads out of the course is reported here too.
        const unsafe = (await unsafeImages(doc.analysis.tree, doc.absolute, doc.root)).map(
          ({ reason, line }): Diagnostic => ({ severity: 'error', rule: 'unsafe-path', message: reason, line, column: 1 }),
        );
        const diagrams = lessons.has(doc) ? await (early.get(doc.absolute) ?? judge(doc.analysis.lesson)) : [];
        const diagnostics = [...doc.analysis.lesson.diagnostics, ...unsafe, ...diagrams].sort((a, b) => a.line - b.line || a.column - b.column);
        reports.push({ file, diagnostics: [...diagnostics, ...(courseDiagnostics.get(doc.absolute) ?? [])] });
      }
      else if (problems.has(file)) reports.push({ file, diagnostics: [], problem: problems.get(file)! });
    }

    await diagramChecker.flush();
    const totals = countDiagnostics(reports);
    const shown = options.quiet ? onlyErrors(reports) : reports;
    if (options.reporter === 'json' || (options.reporter === undefined && options.json)) {
      io.stdout.write(`${JSON.stringify(toJson(shown), null, 2)}\n`);
    } else {
      const color = useColor(io.stdout, io.env);
      const colors = paint(color);
      io.stdout.write(formatDiagnostics(shown, colors, color));
      if (!options.quiet) io.stdout.write(`${color && shown.some((r) => r.problem !== undefined || r.diagnostics.length > 0) ? '\n' : ''}${formatSummary(totals, colors)}\n`);
    }
    return totals.errors > 0 ? 1 : 0;
  },
};
