/**
 * Lessons that are folders. Curricula such as Microsoft's "…-For-Beginners" and many university course
 * repositories give each lesson a numbered folder of its own (`1-getting-started/2-github-basics/`), whose
 * `README.md` is the lesson, beside an `assignment.md`, an `images/` folder and translations. A README is
 * otherwise a module's overview; here it is the lesson page when:
 * - its folder is not the course root and holds no lesson folders of its own (a folder that does is a
 *   section, and its README stays the section's overview), nor lesson files (a house-format module);
 * - and its folder is one of a numbered sequence of such folders in the course (`1-…`, `2-…`, `lesson-3`;
 *   siblings, or in numbered sections), or the page itself looks like a lesson (objectives, a number in
 *   its title).
 * The lesson's id is then its folder's name and its module the folder above, so its outputs land in
 * `OUT/<section>/<lesson-folder>/`. An `assignment.md` in the folder belongs to that lesson. Pure.
 */
import { numberedName } from './classify.js';

export interface FolderFile {
  /** Absolute path (the key the caller knows the file by). */
  key: string;
  /** Its folder below the course root, POSIX separators ('' at the root). */
  folder: string;
  /** File name with extension. */
  name: string;
  /** The page on its own looks like a lesson (title with a number, or objectives). */
  looksLikeLesson: boolean;
}

export interface LessonFolder {
  /** The key of the folder's page (its README.md or index.md). */
  page: string;
  /** The lesson's id: the folder's name. */
  id: string;
  /** The module it belongs to: the folder above, below the course root. */
  moduleDir: string;
  /** The key of the folder's assignment, when it has one. */
  assignment: string | null;
}

const PAGE = /^(?:readme|index)\.(?:md|markdown)$/i;
const ASSIGNMENT = /^(?:assignments?|homework)\.(?:md|markdown)$/i;

/** True when a file name is a folder's page: README.md or index.md. */
export function isFolderPage(name: string): boolean {
  return PAGE.test(name);
}

/** True when a file name is a lesson folder's assignment (`assignment.md`, `homework.md`). */
export function isAssignmentName(name: string): boolean {
  return ASSIGNMENT.test(name);
}

/** A folder name that numbers it in a sequence: `1-intro`, `02_setup`, `lesson-3`, `week2`, `07`. */
function numberedFolder(name: string): boolean {
  return numberedName(name) || /^\d+$/.test(name);
}

const parentOf = (folder: string) => (folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '');
const nameOf = (folder: string) => folder.slice(folder.lastIndexOf('/') + 1);

/** The lesson folders among the files found below a course root, by the key of their page. */
export function findLessonFolders(files: readonly FolderFile[]): Map<string, LessonFolder> {
  // One page per folder: README before index.
  const pages = new Map<string, FolderFile>();
  for (const file of [...files].sort((a, b) => Number(/^index/i.test(a.name)) - Number(/^index/i.test(b.name)))) {
    if (file.folder !== '' && isFolderPage(file.name) && !pages.has(file.folder)) pages.set(file.folder, file);
  }
  // A folder with lesson files of its own is a module of the house format (or a tutorial sequence).
  const withLessonFiles = new Set(
    files.filter((file) => !isFolderPage(file.name) && !isAssignmentName(file.name) && file.looksLikeLesson).map((file) => file.folder),
  );
  const numberedPages = [...pages.keys()].filter((folder) => numberedFolder(nameOf(folder)));
  // A folder holding numbered folders with pages holds lessons (or sections): it is not a lesson itself.
  const holdsFolders = (folder: string) => numberedPages.some((other) => other.startsWith(`${folder}/`));
  const candidates = [...pages.keys()].filter((folder) => !withLessonFiles.has(folder) && !holdsFolders(folder));
  // A sequence: numbered folders with pages, in one section or across the course's numbered sections
  // (a section may hold a single lesson folder).
  const numbered = candidates.filter((folder) => numberedFolder(nameOf(folder))).length;

  const assignments = new Map<string, string>();
  for (const file of files) if (isAssignmentName(file.name) && !assignments.has(file.folder)) assignments.set(file.folder, file.key);

  const found = new Map<string, LessonFolder>();
  for (const folder of candidates) {
    const page = pages.get(folder)!;
    const inSequence = numberedFolder(nameOf(folder)) && numbered >= 2;
    if (!inSequence && !page.looksLikeLesson) continue;
    found.set(page.key, { page: page.key, id: nameOf(folder), moduleDir: parentOf(folder), assignment: assignments.get(folder) ?? null });
  }
  return found;
}
