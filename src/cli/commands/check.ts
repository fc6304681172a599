/**
 * `lectern check [PATH...]`: parses and lints every lesson, never starting a browser.
 * An unreadable file is reported as one error line and the other files are still checked.
 * Exit 0 with warnings only, 1 with any error, 2 for a missing path.
 */
import { UsageError, LecternError } from '../../errors.js';
import { findLessonFiles } from '../../read/read-lesson.js';
import { analyzeFile, displayPath } from '../analyze.js';
import { paint, useColor } from '../io.js';
import type { FileReport } from '../report.js';
import { countDiagnostics, formatDiagnostics, formatSummary, onlyErrors, toJson } from '../report.js';
import type { Command } from './command.js';

/** An `InputError` message without the "path: " it starts with. */
function problemOf(error: LecternError, file: string): string {
  return error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message;
}

export const check: Command = {
  name: 'check',
  usage: 'check [PATH...]',
  summary: 'parse and lint lessons without building them',
  async run({ args, io }) {
    const { options } = args;
    const paths = args.positionals.length > 0 ? args.positionals : ['lessons/'];
    const { files, missing } = await findLessonFiles(paths, { cwd: io.cwd });
    if (missing.length > 0) {
      for (const path of missing.slice(1)) io.stderr.write(`lectern: path not found: ${path}\n`);
      throw new UsageError(`path not found: ${missing[0]}`);
    }
    if (files.length === 0) throw new UsageError(`no Markdown lessons found in ${paths.join(', ')}`);

    const reports: FileReport[] = [];
    for (const path of files) {
      const file = displayPath(path, io.cwd);
      try {
        const { lesson } = await analyzeFile(file, io.cwd);
        reports.push({ file, diagnostics: lesson.diagnostics });
      } catch (error) {
        if (error instanceof LecternError) {
          reports.push({ file, diagnostics: [], problem: problemOf(error, file) });
          continue;
        }
        // A fault in Lectern itself: report it against the file, keep checking the others.
        const message = error instanceof Error ? error.message : String(error);
        if (io.env.LECTERN_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
        reports.push({ file, diagnostics: [], problem: `cannot analyze: ${message}` });
      }
    }

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
