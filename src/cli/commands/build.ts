/**
 * `lectern build [PATH...]`: builds every lesson under each PATH into OUT (default output/).
 * Exit 0 built (warnings allowed), 1 a lesson had an error (the others were still built).
 */
import { availableParallelism } from 'node:os';
import { UsageError } from '../../errors.js';
import { basename } from 'node:path';
import { loadConfig, type ConfigOptions } from '../config.js';
import { paint, useColor } from '../io.js';
import type { BuildOptions, BuildReport } from '../../orchestrate/build.js';
import type { CliOptions } from '../args.js';
import type { CliIO } from '../io.js';
import type { Progress } from '../../orchestrate/progress.js';
import type { Command, CommandContext } from './command.js';

export const build: Command = {
  name: 'build',
  usage: 'build [PATH...]',
  summary: 'build decks, handouts and labs for every lesson under PATH',
  async run(ctx) {
    const { io } = ctx;
    const setup = await buildSetup(ctx);
    const { options } = setup;
    // Loaded lazily: `--help` and `check` never load the browser.
    const { build: runBuild } = await import('../../orchestrate/build.js');
    const { Progress } = await import('../../orchestrate/progress.js');
    const { inShard } = await import('../../orchestrate/shard.js');
    const live = io.stderr.isTTY === true && !io.env.CI;
    const progress = new Progress({ stream: io.stderr, live, quiet: options.quiet === true });
    const report = await runBuild({ ...setup.build, progress, select: options.shard ? inShard(options.shard) : undefined });
    await printReport(report, options, io, progress);
    return report.totals.errors > 0 ? 1 : 0;
  },
};

export interface BuildSetup {
  /** Flags over config. */
  options: ConfigOptions;
  /** The config file used, if any. */
  configPath: string | null;
  /** Everything `build()` needs but the progress reporter. */
  build: Omit<BuildOptions, 'progress'>;
}

/** Flags over the config file: the options every building command starts from. */
export function mergedOptions({ args, io }: CommandContext): { options: ConfigOptions; configPath: string | null } {
  const config = loadConfig(io.cwd, args.options.config);
  return { options: { ...config.options, ...definedOnly(args.options) }, configPath: config.path };
}

/** The build settings the options give, defaults filled in (paths and progress are the caller's). */
export function buildSettings(options: ConfigOptions, io: CliIO): Omit<BuildOptions, 'progress' | 'paths'> {
  return {
    cwd: io.cwd,
    courseFolders: options.paths,
    courseTitle: options.title,
    kinds: { lessons: options.lessons, documents: options.documents },
    out: options.out ?? 'output',
    formats: options.formats ?? ['deck', 'handout', 'lab'],
    to: options.to ?? ['md', 'html', 'pdf'],
    templatesDir: options.templates,
    theme: options.theme,
    paper: options.paper ?? 'a4',
    handoutStyle: options.handoutStyle ?? 'document',
    pptxStyle: options.pptxStyle ?? 'editable',
    concurrency: options.concurrency ?? Math.max(1, Math.min(4, availableParallelism())),
    cache: options.cache !== false,
    pdfNotes: options.pdfNotes === true,
    handoutNotes: options.handoutNotes === true,
    executablePath: io.env.CHROME_PATH || undefined,
    timeout: options.timeout === undefined ? undefined : options.timeout * 1000,
  };
}

/** Merges flags over the config file and checks the input paths; shared by build, watch and serve. */
export async function buildSetup(ctx: CommandContext): Promise<BuildSetup> {
  const { args, io } = ctx;
  const { options, configPath } = mergedOptions(ctx);
  const paths = args.positionals.length > 0 ? args.positionals : (options.paths ?? ['lessons/']);
  const { findLessonFiles } = await import('../../read/read-lesson.js');
  const { missing } = await findLessonFiles(paths, { cwd: io.cwd });
  if (missing.length > 0) throw new UsageError(`path not found: ${missing[0]}`);
  return { options, configPath, build: { paths, ...buildSettings(options, io), configFile: configPath ? basename(configPath) : undefined } };
}

/** Prints the report's diagnostics on stdout (or the whole report with `--reporter json`), then the summary line. */
export async function printReport(report: BuildReport, options: CliOptions, io: CliIO, progress?: Progress): Promise<void> {
  const color = paint(useColor(io.stdout, io.env));
  const { formatDiagnostics } = await import('../report.js');
  const shown = report.lessons
    .map((lesson) => ({ file: lesson.source, diagnostics: options.quiet ? lesson.diagnostics.filter((d) => d.severity === 'error') : lesson.diagnostics }))
    .concat(report.unreadable.map((entry) => ({ file: entry.source, diagnostics: [], problem: entry.problem })));
  if (options.reporter === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const text = formatDiagnostics(shown, color, useColor(io.stdout, io.env));
    if (text) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  progress?.end({
    lessons: report.totals.lessons,
    built: report.totals.lessons - report.totals.cached,
    cached: report.totals.cached,
    // Lessons' files, plus the index and document pages (issue 19).
    artifacts: report.totals.artifacts + (report.totals.pages ?? 0),
    documents: report.totals.documents,
    warnings: report.totals.warnings,
    errors: report.totals.errors,
    ms: report.totals.ms,
  });
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
