/**
 * `lectern workshop FILE.yaml`: builds a workshop kit in OUT/workshop/: agenda, facilitator guide,
 * participant pack. Exit 0 built (warnings such as an overrun allowed), 1 a lesson had an error,
 * 2 a mistake in the YAML (each printed as `file:line:column: message`).
 */
import { UsageError } from '../../errors.js';
import { buildSettings, mergedOptions } from './build.js';
import { paint, useColor } from '../io.js';
import type { Command } from './command.js';

export const workshop: Command = {
  name: 'workshop',
  usage: 'workshop FILE.yaml',
  summary: 'build a workshop kit: agenda, facilitator guide, participant pack',
  async run(ctx) {
    const { args, io } = ctx;
    const [file, ...extra] = args.positionals;
    if (file === undefined) throw new UsageError('workshop needs a FILE.yaml (lectern new --workshop writes one)');
    if (extra.length > 0) throw new UsageError(`workshop takes one FILE.yaml, got ${args.positionals.length}`);
    const { options } = mergedOptions(ctx);

    // Loaded lazily: `--help` never loads the browser.
    const { buildWorkshop, WorkshopConfigError } = await import('../../workshop/workshop.js');
    const { Progress } = await import('../../orchestrate/progress.js');
    const { formatDiagnostics } = await import('../report.js');
    const live = io.stderr.isTTY === true && !io.env.CI;
    const progress = new Progress({ stream: io.stderr, live, quiet: options.quiet === true });
    const started = performance.now();
    let report;
    try {
      report = await buildWorkshop({ ...buildSettings(options, io), file, progress });
    } catch (error) {
      if (!(error instanceof WorkshopConfigError)) throw error;
      // Every mistake on its own line, as an editor's problem matcher reads them.
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }

    const { build } = report;
    const color = paint(useColor(io.stdout, io.env));
    const keep = (diagnostics: typeof report.diagnostics) => (options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics);
    const shown = build.lessons
      .map((lesson) => ({ file: lesson.source, diagnostics: keep(lesson.diagnostics) }))
      .concat(build.unreadable.map((entry) => ({ file: entry.source, diagnostics: [], problem: entry.problem })))
      .concat([{ file: report.file, diagnostics: keep(report.diagnostics) }]);
    if (options.reporter === 'json') {
      io.stdout.write(`${JSON.stringify({ workshop: { file: report.file, diagnostics: report.diagnostics, schedule: report.schedule, lessons: report.lessons, artifacts: report.artifacts }, build }, null, 2)}\n`);
    } else {
      io.stdout.write(formatDiagnostics(shown, color, useColor(io.stdout, io.env)));
    }
    progress.end({
      lessons: build.totals.lessons,
      built: build.totals.lessons - build.totals.cached,
      cached: build.totals.cached,
      artifacts: build.totals.artifacts + report.artifacts.length,
      warnings: build.totals.warnings + report.diagnostics.filter((d) => d.severity === 'warning').length,
      errors: build.totals.errors,
      ms: Math.round(performance.now() - started),
    });
    if (!options.quiet) io.stderr.write(`Workshop kit in ${options.out ?? 'output'}/workshop/: agenda.pdf, participant-pack.pdf, facilitator-guide.pdf\n`);
    return build.totals.errors > 0 ? 1 : 0;
  },
};
