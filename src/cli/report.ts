/**
 * Prints diagnostics: `path:line:column  severity  message  rule-id` lines and a summary
 * (colour on a terminal only), or a JSON array of `{ file, diagnostics }`.
 */
import type { Diagnostic, Severity } from '../model/lesson.js';
import type { Paint } from './io.js';

export interface FileReport {
  /** The file as printed: relative to the working directory. */
  file: string;
  diagnostics: Diagnostic[];
  /** Set when the file could not be read at all ("file is empty"); it then has no diagnostics. */
  problem?: string;
}

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** The rule id under which an unreadable file appears in JSON output. */
export const unreadableRule = 'unreadable-file';

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Diagnostics in reading order (line, then column, then severity). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column || order[a.severity] - order[b.severity]);
}

/** Keeps only what `--quiet` shows: errors and unreadable files. */
export function onlyErrors(reports: readonly FileReport[]): FileReport[] {
  return reports
    .map((report) => ({ ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error') }))
    .filter((report) => report.problem !== undefined || report.diagnostics.length > 0);
}

export function countDiagnostics(reports: readonly FileReport[]): Totals {
  const totals: Totals = { files: reports.length, errors: 0, warnings: 0, infos: 0 };
  for (const report of reports) {
    if (report.problem !== undefined) totals.errors++;
    for (const { severity } of report.diagnostics) {
      if (severity === 'error') totals.errors++;
      else if (severity === 'warning') totals.warnings++;
      else totals.infos++;
    }
  }
  return totals;
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** "3 files checked: 0 errors, 5 warnings" (and ", 1 info" when there are any). */
export function formatSummary(totals: Totals, colors: Paint): string {
  const errors = plural(totals.errors, 'error');
  const warnings = plural(totals.warnings, 'warning');
  const infos = totals.infos > 0 ? `, ${plural(totals.infos, 'info', 'infos')}` : '';
  return `${plural(totals.files, 'file')} checked: ${totals.errors > 0 ? colors.red(errors) : errors}, ${
    totals.warnings > 0 ? colors.yellow(warnings) : warnings
  }${infos}`;
}

/** One line per diagnostic; files separated by a blank line when coloured for a terminal. */
export function formatDiagnostics(reports: readonly FileReport[], colors: Paint, grouped = false): string {
  const paintSeverity: Record<Severity, (text: string) => string> = {
    error: colors.red,
    warning: colors.yellow,
    info: colors.blue,
  };
  const blocks: string[] = [];
  for (const report of reports) {
    const lines: string[] = [];
    if (report.problem !== undefined) lines.push(`${report.file}: ${colors.red(report.problem)}`);
    for (const d of sortDiagnostics(report.diagnostics)) {
      lines.push(`${report.file}:${d.line}:${d.column}  ${paintSeverity[d.severity](d.severity)}  ${d.message}  ${colors.dim(d.rule)}`);
    }
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  return blocks.map((block) => `${block}\n`).join(grouped ? '\n' : '');
}

/** The JSON reporter's array; an unreadable file is one `unreadable-file` error at 1:1. */
export function toJson(reports: readonly FileReport[]): Array<{ file: string; diagnostics: Diagnostic[] }> {
  return reports.map((report) => ({
    file: report.file,
    diagnostics:
      report.problem !== undefined
        ? [{ severity: 'error', rule: unreadableRule, message: report.problem, line: 1, column: 1 }]
        : sortDiagnostics(report.diagnostics),
  }));
}
