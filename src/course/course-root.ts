/**
 * The course root: the folder a lesson's output path is taken relative to
 * (`OUT/<module-dir>/<lesson-id>/`). It depends on where the lesson is, never on how it was named on
 * the command line: `build lessons`, `build lessons/module-3`, `build lessons/module-3/3.1-x.md` and
 * a workshop listing that file all write the lesson to the same folder.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isInside } from '../output/paths.js';

/** The course folder used when none is configured: `lessons/` beside the config, as `build` defaults to. */
export const defaultCourseFolder = 'lessons';

export interface CourseRootOptions {
  cwd: string;
  /** Course folders from the config's `paths`; `lessons/` in cwd is always one. */
  courseFolders?: readonly string[];
}

/**
 * The course root of an input path (a lesson file or a folder, absolute):
 * 1. the deepest course folder (`lessons/` in cwd, or a configured path) that holds it;
 * 2. else the input folder (a file's own folder), raised while the folder above holds a README.md
 *    (a course overview above module overviews), never above cwd when the input is inside it.
 * A folder given on its own is thus its own course unless something marks a course around it, and
 * `build DIR` and `build DIR/file.md` always agree.
 */
export function courseRootOf(input: string, isFile: boolean, options: CourseRootOptions): string {
  const cwd = resolve(options.cwd);
  const folders = [defaultCourseFolder, ...(options.courseFolders ?? [])]
    .map((folder) => resolve(cwd, folder))
    .filter((folder) => isInside(folder, input) && isFolder(folder));
  const configured = folders.sort((a, b) => b.length - a.length)[0];
  if (configured !== undefined) return configured;

  let root = isFile ? dirname(input) : resolve(input);
  const bounded = isInside(cwd, root);
  for (;;) {
    const parent = dirname(root);
    if (parent === root || (bounded && !isInside(cwd, parent))) break;
    if (!isRegularFile(resolve(parent, 'README.md'))) break;
    root = parent;
  }
  return root;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
