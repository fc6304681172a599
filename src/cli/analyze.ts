/**
 * Reads and analyses one lesson for a command. The pipeline is imported lazily: `--help` and
 * `--version` never load it, and nothing here loads the browser.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Analysis } from '../pipeline.js';
import { readLessonFile } from '../read/read-lesson.js';

type Analyze = (typeof import('../pipeline.js'))['analyzeLesson'];

let analyzer: Promise<Analyze> | undefined;

function loadAnalyzer(): Promise<Analyze> {
  analyzer ??= import('../pipeline.js').then((pipeline) => {
    if (typeof pipeline.analyzeLesson !== 'function') {
      throw new Error('Cannot analyze lessons: src/pipeline.ts does not export analyzeLesson yet');
    }
    return pipeline.analyzeLesson;
  });
  return analyzer;
}

/** `path` as it should be printed: relative to `cwd` when it is below or beside it. */
export function displayPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const shown = relative(cwd, absolute);
  return shown === '' ? '.' : isAbsolute(shown) ? absolute : shown;
}

/** Reads the file (throwing `InputError` if it cannot be used) and runs the lesson pipeline on it. */
export async function analyzeFile(path: string, cwd: string): Promise<Analysis> {
  const file = await readLessonFile(path, { cwd });
  const analyzeLesson = await loadAnalyzer();
  return analyzeLesson(file, { fileExists: existsSync });
}
