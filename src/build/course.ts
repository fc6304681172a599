/**
 * Finds what a build covers: the lessons under each input path, their modules (from module READMEs),
 * and the lecture notes that lessons link as their detailed content (which are not built on their own).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { LecternError } from '../errors.js';
import { findLessonFiles, compareNatural } from '../read/read-lesson.js';
import { readLessonFile } from '../read/read-lesson.js';
import { analyzeLesson, type Analysis } from '../pipeline.js';
import type { Lesson } from '../model/lesson.js';
import { moduleDirOf, isInside } from '../output/paths.js';
import { displayPath } from '../cli/analyze.js';

export interface SourceDoc {
  /** As printed: relative to cwd. */
  path: string;
  absolute: string;
  /** The input root this file was found under. */
  root: string;
  /** Folder relative to the root, POSIX separators ('' at the root). */
  moduleDir: string;
  analysis: Analysis;
}

export interface Unreadable {
  path: string;
  problem: string;
}

export interface Module {
  dir: string;
  title: string;
  overview: SourceDoc | null;
  lessons: SourceDoc[];
}

export interface Course {
  title: string;
  modules: Module[];
  /** Every lesson to build, in course order. */
  lessons: SourceDoc[];
  /** Lecture notes by the absolute path of the lesson that links them. */
  notes: Map<string, SourceDoc>;
  unreadable: Unreadable[];
}

/** Reads and analyses every Markdown file under the paths, and sorts them into a course. */
export async function loadCourse(paths: string[], cwd: string, outRoot?: string): Promise<Course> {
  const docs: SourceDoc[] = [];
  const unreadable: Unreadable[] = [];
  const roots: string[] = [];
  for (const input of paths) {
    const absolute = resolve(cwd, input);
    const { files } = await findLessonFiles([input], { cwd });
    const isFile = files.length === 1 && resolve(cwd, files[0]) === absolute;
    // A single file belongs to its folder's module: the root is the folder above.
    const root = isFile ? dirname(dirname(absolute)) : absolute;
    roots.push(root);
    for (const file of files) {
      // Never read back what a build wrote (an output folder inside the input).
      if (outRoot && isInside(outRoot, resolve(cwd, file))) continue;
      const path = displayPath(file, cwd);
      try {
        const vfile = await readLessonFile(file, { cwd });
        const analysis = analyzeLesson(vfile, { fileExists: existsSync });
        const fileAbsolute = resolve(cwd, file);
        docs.push({ path, absolute: fileAbsolute, root, moduleDir: moduleDirOf(root, fileAbsolute), analysis });
      } catch (error) {
        if (!(error instanceof LecternError)) throw error;
        unreadable.push({ path, problem: error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message });
      }
    }
  }

  const byPath = new Map(docs.map((doc) => [doc.absolute, doc]));
  const notes = new Map<string, SourceDoc>();
  const usedAsNotes = new Set<string>();
  for (const doc of docs) {
    const details = doc.analysis.lesson.navigation.details;
    if (!details || kindOf(doc.analysis.lesson) !== 'lesson') continue;
    const target = resolve(dirname(doc.absolute), decodeURI(details.href.split('#')[0]));
    const linked = byPath.get(target);
    if (linked && linked !== doc) {
      notes.set(doc.absolute, linked);
      usedAsNotes.add(linked.absolute);
    }
  }

  const modules = new Map<string, Module>();
  const moduleOf = (dir: string, root: string): Module => {
    let module = modules.get(dir);
    if (!module) {
      // Lessons at the top of the input belong to a module named after the input folder.
      module = { dir, title: titleFromDir(dir || basename(root)), overview: null, lessons: [] };
      modules.set(dir, module);
    }
    return module;
  };
  const lessons: SourceDoc[] = [];
  for (const doc of docs) {
    if (usedAsNotes.has(doc.absolute)) continue;
    if (kindOf(doc.analysis.lesson) === 'module-overview') {
      const module = moduleOf(doc.moduleDir, doc.root);
      module.overview = doc;
      const { lesson } = doc.analysis;
      if (lesson.title) module.title = lesson.number ? `Module ${lesson.number}: ${lesson.title}` : lesson.title;
      continue;
    }
    moduleOf(doc.moduleDir, doc.root).lessons.push(doc);
    lessons.push(doc);
  }

  // A module whose README was not among the inputs (a single lesson was given) still takes its title.
  for (const module of modules.values()) {
    if (module.overview) continue;
    const lessonRoot = module.lessons[0]?.root ?? roots[0] ?? cwd;
    const candidate = resolve(lessonRoot, module.dir, 'README.md');
    if (!existsSync(candidate) || (outRoot && isInside(outRoot, candidate))) continue;
    try {
      const analysis = analyzeLesson(await readLessonFile(candidate, { cwd }), { lint: false });
      const { lesson } = analysis;
      if (lesson.title) module.title = lesson.number ? `Module ${lesson.number}: ${lesson.title}` : lesson.title;
    } catch {
      // An unreadable README only costs the module its title.
    }
  }

  const ordered = [...modules.values()].sort((a, b) => compareNatural(a.dir, b.dir));
  const rootOverview = ordered.find((module) => module.dir === '')?.overview;
  const withLessons = ordered.filter((module) => module.lessons.length > 0);
  // Without a course README, a one-module build is that module; otherwise the folder names the course.
  const title =
    rootOverview?.analysis.lesson.title ||
    (withLessons.length === 1 ? withLessons[0]!.title : titleFromDir(basename(roots[0] ?? cwd)));
  return { title, modules: ordered.filter((module) => module.lessons.length > 0 || module.overview), lessons, notes, unreadable };
}

export function kindOf(lesson: Lesson): string {
  return typeof lesson.meta.kind === 'string' ? lesson.meta.kind : 'lesson';
}

/** "module-3-web-apis" → "Module 3 Web Apis": a readable fallback when a module has no README. */
function titleFromDir(dir: string): string {
  const name = dir.split('/').pop() ?? dir;
  if (!name) return 'Course';
  return name.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}
