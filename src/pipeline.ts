/**
 * The pure lesson pipeline: parse → extract → lint, on an in-memory vfile.
 * No file system, no browser, no clock: callers supply `fileExists` for link checks.
 */
import type { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { Lesson, Diagnostic, Severity } from './model/lesson.js';
import { parseLesson } from './parse/parse.js';
import { extractLesson } from './extract/extract.js';
import { lintLesson } from './lint/index.js';

declare module 'vfile' {
  interface DataMap {
    lesson: Lesson;
  }
}

export interface AnalyzeOptions {
  /** Answers whether an absolute path exists; without it, relative-link checks are skipped. */
  fileExists?: (absolutePath: string) => boolean;
  /** Skip the lint rules (the model's own messages are still reported). */
  lint?: boolean;
}

export interface Analysis {
  lesson: Lesson;
  tree: Root;
  file: VFile;
}

/** Parses, extracts and lints one lesson; the lesson's diagnostics are the file's messages. */
export function analyzeLesson(file: VFile, options: AnalyzeOptions = {}): Analysis {
  const tree = parseLesson(file);
  const lesson = extractLesson(tree, file);
  // A lesson over the size limit was read only to its title: there is nothing yet to lint.
  const tooLarge = file.messages.some((message) => message.ruleId === 'too-large');
  if (options.lint !== false && !tooLarge) lintLesson({ lesson, tree, file, fileExists: options.fileExists });
  lesson.diagnostics = diagnosticsOf(file);
  file.data.lesson = lesson;
  return { lesson, tree, file };
}

/** The file's messages as model diagnostics, in source order. */
export function diagnosticsOf(file: VFile): Diagnostic[] {
  return file.messages
    .map((message) => ({
      severity: (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info') as Severity,
      rule: message.ruleId ?? 'lectern',
      message: message.reason,
      line: message.line ?? 1,
      column: message.column ?? 1,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
