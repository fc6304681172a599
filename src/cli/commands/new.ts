/**
 * `lectern new TITLE [--out DIR]`: scaffolds a lesson in the house format, in DIR (default
 * lessons/), numbered after the lessons already there. `lectern new --workshop [FILE]`: a commented
 * workshop plan (default workshop.yaml) listing the lessons under lessons/. Never overwrites a file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { EnvironmentError, UsageError } from '../../errors.js';
import { displayPath } from '../analyze.js';
import type { CliIO } from '../io.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from './command.js';

export const newLesson: Command = {
  name: 'new',
  usage: 'new TITLE [DIR] | new --workshop [FILE]',
  summary: 'scaffold a new lesson in the house format (or a workshop.yaml)',
  async run({ args, io }) {
    return args.options.workshop ? newWorkshop(args, io) : newLessonFile(args, io);
  },
};

async function newLessonFile(args: ParsedArgs, io: CliIO): Promise<number> {
  // `new TITLE [DIR]`: a last word that is a path (has a slash, or names a folder) is where to write, not the title.
  const words = [...args.positionals];
  const last = words.length > 1 ? words[words.length - 1]! : undefined;
  const dir = last !== undefined && (/[\\/]/.test(last) || (existsSync(resolve(io.cwd, last)) && statSync(resolve(io.cwd, last)).isDirectory())) ? words.pop() : undefined;
  if (dir !== undefined && args.options.out !== undefined) throw new UsageError(`new takes the folder once: as DIR (${dir}) or as --out (${args.options.out})`);
  const title = words.join(' ').replace(/\s+/g, ' ').trim();
  if (!title) throw new UsageError('new needs a TITLE, such as: lectern new "Intro to Kubernetes"');
  const { renderLessonScaffold, nextLesson, lessonFileName } = await import('../../workshop/scaffold.js');
  const folder = resolve(io.cwd, dir ?? args.options.out ?? 'lessons');
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new UsageError(`${args.options.out} is a file; --out takes the folder to write the lesson in`);
  const names = existsSync(folder) ? readdirSync(folder) : [];
  const { number, previous } = nextLesson(names, basename(folder));
  const text = renderLessonScaffold(
    {
      title,
      number,
      overview: names.includes('README.md') ? './README.md' : null,
      previous: previous ? `./${previous}` : null,
    },
    await templates(args, io),
  );
  const path = join(folder, lessonFileName(title, number));
  await writeNew(path, text, io);
  const shown = displayPath(path, io.cwd);
  const linkFrom = [previous ? `the "Next Lesson →" link of ${previous}` : '', names.includes('README.md') ? 'the module README' : ''].filter(Boolean);
  io.stdout.write(`Created ${shown}\n`);
  if (linkFrom.length > 0) io.stdout.write(`Link it from ${linkFrom.join(' and ')}, so the course reaches it.\n`);
  io.stdout.write(`Fill in every section, then run: npx lectern check ${shown}\n`);
  return 0;
}

async function newWorkshop(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError(`new --workshop takes one FILE, got ${args.positionals.length}`);
  let path = resolve(io.cwd, args.positionals[0] ?? 'workshop.yaml');
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'workshop.yaml');
  if (!/\.ya?ml$/i.test(path)) throw new UsageError(`${args.positionals[0]} should end in .yaml`);

  // The plan lists the lessons of the course in lessons/, relative to where the plan goes.
  const { loadCourse } = await import('../../orchestrate/course.js');
  const { renderWorkshopScaffold } = await import('../../workshop/scaffold.js');
  const root = resolve(io.cwd, 'lessons');
  const course = existsSync(root) ? await loadCourse([root], io.cwd) : null;
  const lessons = (course?.lessons ?? []).map((doc) => toPosix(relative(dirname(path), doc.absolute)));
  const text = renderWorkshopScaffold(
    {
      title: course?.title ? `${course.title} Workshop` : 'My Workshop',
      date: new Date().toISOString().slice(0, 10),
      file: displayPath(path, io.cwd),
      lessons,
    },
    await templates(args, io),
  );
  await writeNew(path, text, io);
  const shown = displayPath(path, io.cwd);
  io.stdout.write(`Created ${shown}\nEdit it, then run: npx lectern workshop ${shown}\n`);
  return 0;
}

/** The templates, with the user's folder (--templates) overriding the defaults. */
async function templates(args: ParsedArgs, io: CliIO) {
  const { defaultTemplatesDir, loadTemplateSources } = await import('../../output/template-files.js');
  const { compileTemplates } = await import('../../render/templates.js');
  const dirs = [defaultTemplatesDir];
  if (args.options.templates) {
    const custom = resolve(io.cwd, args.options.templates);
    if (!statSync(custom, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`templates folder not found: ${args.options.templates}`);
    dirs.push(custom);
  }
  return compileTemplates(loadTemplateSources(dirs).templates);
}

/** Writes a file that must not exist yet (checked by the open itself, so nothing is ever overwritten). */
async function writeNew(path: string, text: string, io: CliIO): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${displayPath(path, io.cwd)} already exists; choose another name or remove it first`);
    }
    throw new EnvironmentError(`Cannot write ${displayPath(path, io.cwd)}: ${(error as Error).message}`, { cause: error });
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
