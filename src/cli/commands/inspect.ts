/**
 * `lectern inspect FILE [--json]`: prints the lesson model, as JSON (the public contract) or as a
 * short summary. Exits 0 whatever the lesson's diagnostics say: inspecting succeeded.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { Lesson } from '../../model/lesson.js';
import { analyzeFile, displayPath } from '../analyze.js';
import { paint, useColor } from '../io.js';
import { formatDiagnostics } from '../report.js';
import type { Command } from './command.js';

const countedFields = [
  'objectives', 'questions', 'keypoints', 'concepts', 'diagrams', 'examples', 'practices', 'caseStudies',
  'exercises', 'pitfalls', 'resources', 'reviewQuestions', 'nextSteps', 'sections',
] as const satisfies ReadonlyArray<keyof Lesson>;

function summarize(lesson: Lesson, file: string, color: boolean): string {
  const colors = paint(color);
  const kind = typeof lesson.meta.kind === 'string' ? lesson.meta.kind : 'lesson';
  const heading = `${colors.bold(lesson.title || '(no title)')}${lesson.number ? `  ${lesson.number}` : ''}  ${colors.dim(`${kind}, ${file}`)}`;
  const minutes = [
    lesson.meta.teachingMinutes !== null ? `${lesson.meta.teachingMinutes} min teaching` : '',
    lesson.meta.exerciseMinutes !== null ? `${lesson.meta.exerciseMinutes} min exercises` : '',
  ].filter(Boolean);
  const width = Math.max(...countedFields.map((field) => field.length)) + 2;
  const counts = countedFields.map((field) => `  ${`${field}:`.padEnd(width)}${lesson[field].length}`);
  const diagnostics = formatDiagnostics([{ file, diagnostics: lesson.diagnostics }], colors);
  return [
    heading,
    ...(minutes.length > 0 ? [`  ${minutes.join(', ')}`] : []),
    ...counts,
    '',
    lesson.diagnostics.length > 0 ? `${lesson.diagnostics.length} diagnostics:\n${diagnostics}` : 'no diagnostics\n',
  ].join('\n');
}

export const inspect: Command = {
  name: 'inspect',
  usage: 'inspect FILE [--json]',
  summary: 'print the lesson model (as JSON with --json)',
  async run({ args, io }) {
    const [path, ...extra] = args.positionals;
    if (path === undefined) throw new UsageError('inspect needs a lesson FILE');
    if (extra.length > 0) throw new UsageError(`inspect takes one FILE, got ${args.positionals.length}`);
    const stats = await stat(resolve(io.cwd, path)).catch(() => undefined);
    if (!stats) throw new UsageError(`path not found: ${path}`);
    if (stats.isDirectory()) throw new UsageError(`${path} is a folder; inspect takes one lesson file`);
    const file = displayPath(path, io.cwd);
    const { lesson } = await analyzeFile(file, io.cwd);
    if (args.options.json || args.options.reporter === 'json') {
      io.stdout.write(`${JSON.stringify(lesson, null, 2)}\n`);
    } else {
      io.stdout.write(summarize(lesson, file, useColor(io.stdout, io.env)));
    }
    return 0;
  },
};
