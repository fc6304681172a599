/**
 * Course discovery for courses whose lessons are folders (see ../course/lesson-folders.ts) and that keep
 * translations beside them (../course/translations.ts): the part of `loadCourse` that applies both to
 * the files found on disk.
 */
import { readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isInside } from '../output/paths.js';
import { readLessonFile } from '../read/read-lesson.js';
import { withoutTranslations } from '../course/translations.js';
import { findLessonFolders, isAssignmentName, isFolderPage, type FolderFile } from '../course/lesson-folders.js';
import { looksLikeLesson, numberedName, treatAsDocument } from '../course/classify.js';
import { attachAssignment } from '../course/assignments.js';
import type { SourceDoc } from './course.js';
import { analyzeLesson, diagnosticsOf } from '../pipeline.js';
import { missingObjectives } from '../lint/rules/missing-objectives.js';
import { objectiveVerb } from '../lint/rules/objective-verb.js';
import { caseStudyIncomplete } from '../lint/rules/case-study-incomplete.js';

/** The files found below one input folder without its translations; each one left out is passed to `skipped`. */
export function dropTranslations(files: readonly string[], inputAbsolute: string, cwd: string, skipped: (file: string) => void): string[] {
  const relatives = files.map((file) => relative(inputAbsolute, resolve(cwd, file)).split(sep).join('/'));
  const { translations } = withoutTranslations(relatives);
  const dropped = new Set(translations);
  return files.filter((file, index) => {
    if (!dropped.has(relatives[index]!)) return true;
    skipped(file);
    return false;
  });
}

/**
 * Turns the README of each lesson folder into that folder's lesson (its id the folder's name, its module
 * the folder above) and gives it the folder's assignment as its last exercise. Returns the folder lessons,
 * and the assignments taken, each with its lesson.
 */
export async function sortLessonFolders(docs: readonly SourceDoc[], cwd: string): Promise<{ folderLessons: Set<SourceDoc>; assignments: Map<SourceDoc, SourceDoc> }> {
  const byKey = new Map(docs.map((doc) => [doc.absolute, doc]));
  const byRoot = new Map<string, FolderFile[]>();
  for (const doc of docs) {
    const files = byRoot.get(doc.root) ?? [];
    files.push({ key: doc.absolute, folder: doc.moduleDir, name: basename(doc.absolute), looksLikeLesson: looksLikeLesson(doc.analysis.lesson) });
    byRoot.set(doc.root, files);
  }
  const folderLessons = new Set<SourceDoc>();
  const assignments = new Map<SourceDoc, SourceDoc>();
  for (const files of byRoot.values()) {
    for (const folder of findLessonFolders(files).values()) {
      const doc = byKey.get(folder.page)!;
      if (doc.named) continue;
      makeFolderLesson(doc, folder.id, folder.moduleDir);
      folderLessons.add(doc);
      const assignment = folder.assignment ? byKey.get(folder.assignment) : undefined;
      if (!assignment) continue;
      assignments.set(assignment, doc);
      // Part of the lesson now, not a lesson: held to no lesson-only rule.
      treatAsDocument(assignment.analysis);
      attachAssignment(doc.analysis.lesson, { title: assignment.analysis.lesson.title, tree: assignment.analysis.tree, fileName: basename(assignment.absolute) });
    }
  }
  // A README named on the command line is judged by its folder alone: it has no siblings here.
  for (const doc of docs) {
    if (!doc.named || !namedLessonFolder(doc)) continue;
    const cut = doc.moduleDir.lastIndexOf('/');
    makeFolderLesson(doc, doc.moduleDir.slice(cut + 1), cut < 0 ? '' : doc.moduleDir.slice(0, cut));
    folderLessons.add(doc);
    // Its assignment is read from beside it, so the lesson's lab is the one a course build makes.
    const assignment = await assignmentBeside(doc, cwd);
    if (!assignment) continue;
    assignments.set(assignment, doc);
    attachAssignment(doc.analysis.lesson, { title: assignment.analysis.lesson.title, tree: assignment.analysis.tree, fileName: basename(assignment.absolute) });
  }
  return { folderLessons, assignments };
}

/** Rules that pass over a module README (src/lint/util.ts `isLesson`) and hold for a lesson. */
const LESSON_RULES = [missingObjectives, objectiveVerb, caseStudyIncomplete];

/**
 * The page becomes the lesson of its folder: a lesson, named for the folder, in the folder above, held to
 * the rules it was read without (it was linted as a README).
 */
function makeFolderLesson(doc: SourceDoc, id: string, moduleDir: string): void {
  const { lesson, tree, file } = doc.analysis;
  lesson.meta.kind = 'lesson';
  lesson.id = id;
  doc.moduleDir = moduleDir;
  for (const rule of LESSON_RULES) rule.run({ lesson, tree, file });
  lesson.diagnostics = diagnosticsOf(file);
}

/**
 * A README given on its own is its folder's lesson when the folder is numbered (`2-github-basics`) or the
 * page looks like a lesson, and the folder holds no lesson files or numbered folders (a module or section).
 */
function namedLessonFolder(doc: SourceDoc): boolean {
  if (!isFolderPage(basename(doc.absolute)) || doc.moduleDir === '') return false;
  const folder = dirname(doc.absolute);
  if (!numberedName(basename(folder)) && !/^\d+$/.test(basename(folder)) && !looksLikeLesson(doc.analysis.lesson)) return false;
  try {
    return !readdirSync(folder, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? numberedName(entry.name) : /\.(?:md|markdown)$/i.test(entry.name) && !isFolderPage(entry.name) && numberedName(entry.name),
    );
  } catch {
    return false;
  }
}

/** The assignment in a named README's folder, when there is one inside that folder (by real path) and it reads. */
async function assignmentBeside(doc: SourceDoc, cwd: string): Promise<SourceDoc | null> {
  const folder = dirname(doc.absolute);
  let name: string | undefined;
  try {
    name = readdirSync(folder).find((entry) => isAssignmentName(entry));
    if (!name || !isInside(realpathSync(folder), realpathSync(join(folder, name)))) return null;
    const path = join(dirname(doc.path), name);
    const analysis = analyzeLesson(await readLessonFile(path, { cwd }), { lint: false });
    return { path, absolute: join(folder, name), root: doc.root, moduleDir: doc.moduleDir, named: false, analysis };
  } catch {
    // An unreadable assignment only costs the lab its assignment; a folder build reports it.
    return null;
  }
}
