/**
 * What `lectern new` writes: a lesson in the house format (`new/lesson.md.hbs`) and a commented
 * workshop plan (`new/workshop.yaml.hbs`). Pure: the command reads the folder and writes the file.
 */
import { registerDeckHelpers } from '../render/deck.js';
import type { Templates } from '../render/templates.js';
import { slug } from '../output/paths.js';

export interface LessonScaffold {
  title: string;
  /** "3.4", or null when the folder gives no numbering to follow. */
  number: string | null;
  /** Relative links for the navigation, when the files exist. */
  overview: string | null;
  previous: string | null;
}

export interface WorkshopScaffold {
  title: string;
  date: string;
  /** The plan's file name, for the command in its header comment. */
  file: string;
  /** Lesson files relative to the plan, in course order. */
  lessons: string[];
}

const NUMBERED = /^(\d+)\.(\d+)(?=[-_ .])/;
const MODULE_FOLDER = /(?:^|[-_ ])(?:module|unit|chapter|part|week)[-_ ]?(\d+)(?:$|[-_ ])/i;

/** The lesson's Markdown. */
export function renderLessonScaffold(data: LessonScaffold, templates: Templates): string {
  registerDeckHelpers(templates);
  const text = templates.render('new/lesson.md', { ...data, links: Boolean(data.overview || data.previous) });
  return `${text.trim()}\n`;
}

/** The workshop plan's YAML. */
export function renderWorkshopScaffold(data: WorkshopScaffold, templates: Templates): string {
  registerDeckHelpers(templates);
  const lessons = data.lessons.length > 0 ? data.lessons : ['lessons/1.1-first-lesson.md'];
  return `${templates.render('new/workshop.yaml', { ...data, lessons }).trim()}\n`;
}

/**
 * The number a new lesson takes in a folder: one after the highest "N.M-…" file there (3.4 after
 * 3.1–3.3), or N.1 in a folder named like "module-N"; null otherwise. Also returns that previous file.
 */
export function nextLesson(fileNames: readonly string[], folderName: string): { number: string | null; previous: string | null } {
  let best: { major: number; minor: number; name: string } | null = null;
  for (const name of fileNames) {
    const match = NUMBERED.exec(name);
    if (!match || !/\.(?:md|markdown)$/i.test(name)) continue;
    const major = Number(match[1]);
    const minor = Number(match[2]);
    if (!best || major > best.major || (major === best.major && minor > best.minor)) best = { major, minor, name };
  }
  if (best) return { number: `${best.major}.${best.minor + 1}`, previous: best.name };
  const module = MODULE_FOLDER.exec(folderName);
  return { number: module ? `${Number(module[1])}.1` : null, previous: null };
}

/** "3.4-intro-to-kubernetes.md", or "intro-to-kubernetes.md" without a number. */
export function lessonFileName(title: string, number: string | null): string {
  const name = slug(title, 60);
  return `${number ? `${number}-` : ''}${name}.md`;
}
