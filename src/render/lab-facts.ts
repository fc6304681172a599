/**
 * The statements a lab sheet makes about a lesson that the author did not write as such: what to have
 * done before (prerequisites), what software to have (tools) and what to call a file. Each is derived
 * from the lesson's own words or left out, so an instructor never hands out a claim the lesson does
 * not support.
 *
 * Pure: no fs, no clock.
 */
import type { Example, Lesson } from '../model/lesson.js';
import { fileNamesIn, inferFileName, isConventionalFileName, statedFileName } from '../languages/index.js';

/** The lesson before this one in its module, as the course knows it. */
export interface PreviousLesson {
  title: string;
  number: string | null;
}

const PROMPT = /^\s*(?:\(\w[\w.-]*\)\s*)?(?:[\w.@-]*[$%>]|\$|>|PS [^>]*>)\s+/;
const SHELL = new Set(['bash', 'console', 'powershell', 'sh', 'shell', 'zsh']);

/**
 * The command lines the lesson itself shows: every line of its shell examples, and the shell code in
 * its exercises (prompt, steps, solution). A prompt (`$ `) is dropped; comments and output are kept
 * out by the tool patterns, which anchor at the line start.
 */
export function lessonCommandLines(lesson: Lesson): string[] {
  const lines: string[] = [];
  const add = (code: string) => {
    for (const raw of code.split('\n')) {
      const line = raw.replace(PROMPT, '').trim().replace(/^sudo\s+/, '');
      if (line && !line.startsWith('#')) lines.push(line);
    }
  };
  for (const example of lesson.examples) if (example.language !== null && SHELL.has(example.language)) add(example.code);
  for (const exercise of lesson.exercises) {
    const text = [exercise.prompt, ...exercise.steps, exercise.solution ?? ''].join('\n');
    for (const fence of text.matchAll(/^\s*(`{3,}|~{3,})\s*(\w*)[^\n]*\n([\s\S]*?)^\s*\1\s*$/gm)) {
      if (fence[2] === '' || SHELL.has(fence[2]!.toLowerCase())) add(fence[3]!);
    }
    for (const span of text.matchAll(/`([^`\n]+)`/g)) add(span[1]!);
  }
  return lines;
}

/** The lab's "You will need" list: the tool of each command the lesson uses, in order of first use. */
export function lessonTools(lesson: Lesson, commandTool: (command: string) => string | undefined): string[] {
  const tools: string[] = [];
  for (const line of lessonCommandLines(lesson)) {
    const tool = commandTool(line);
    if (tool && !tools.includes(tool)) tools.push(tool);
  }
  if (tools.includes('Docker with Compose v2')) return tools.filter((t) => t !== 'Docker');
  return tools;
}

/**
 * What to have done before the lab: the lesson's own prerequisites section when it has one, else the
 * previous lesson of the module, else the module overview; never the lesson itself.
 */
export function labPrerequisites(lesson: Lesson, ownSection: string[], previous: PreviousLesson | null): string[] {
  if (ownSection.length > 0) return ownSection;
  if (previous && previous.title !== lesson.title) {
    return [previous.number ? `Completed Lesson ${previous.number}: ${previous.title}` : `Completed the lesson “${previous.title}”`];
  }
  const link = lesson.navigation.previous;
  if (link) {
    const base = decodeURIComponent(link.href.replace(/[?#].*$/, '').split('/').pop() ?? '').replace(/\.md$/i, '');
    const number = /^(\d+(?:\.\d+)*)[-_ ]/.exec(base)?.[1];
    if (base && number !== (lesson.number ?? undefined)) return [number ? `Completed Lesson ${number}, the previous lesson of this module` : 'Completed the previous lesson of this module'];
  }
  if (lesson.navigation.overview) return ['Read the module overview'];
  return [];
}


/**
 * The file a build task asks for: the name the author gave the example (caption, `# file:` comment),
 * else the one file of that kind the lesson's exercises name (`web.yaml`), else a conventional name the
 * tool requires (`Dockerfile`), else a neutral label made of the example's own title words.
 * `sameKind` is how many task examples share this example's extension: an exercise's file name is only
 * taken when it cannot belong to another example.
 */
export function labFileName(example: Example, lesson: Lesson, sameKind: number): string {
  const stated = statedFileName(example.code, example.language, example.title);
  if (stated) return stated;
  const guess = inferFileName(example.code, example.language, example.title) ?? 'solution.txt';
  if (isConventionalFileName(guess)) return guess;
  const extension = extensionOf(guess);
  if (sameKind === 1 && extension) {
    const text = lesson.exercises.map((e) => [e.title, e.prompt, ...e.steps].join('\n')).join('\n');
    const named = fileNamesIn(text).filter((name) => sameExtension(extensionOf(name), extension));
    if (named.length === 1) return named[0]!;
  }
  const stem = example.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 4)
    .join('-');
  return `${stem || 'example'}${extension ? `.${extension}` : ''}`;
}

/** The extension of a file name that `labFileName` would give this example, for counting kinds. */
export function exampleExtension(example: Example): string {
  return extensionOf(inferFileName(example.code, example.language, example.title) ?? '');
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function sameExtension(a: string, b: string): boolean {
  const norm = (x: string) => (x === 'yml' ? 'yaml' : x);
  return norm(a) === norm(b);
}

/** The lesson before `doc` in its module's lesson order, or null when it is the first (or not listed). */
export function previousInModule<T extends { analysis: { lesson: Lesson } }>(lessons: readonly T[], doc: T): PreviousLesson | null {
  const index = lessons.indexOf(doc);
  const before = index > 0 ? lessons[index - 1]!.analysis.lesson : null;
  return before && before.title ? { title: before.title, number: before.number } : null;
}
