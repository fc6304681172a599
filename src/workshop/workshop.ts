/**
 * src/workshop/ makes workshop kits and new lessons: the plan read and checked (config.ts), each
 * lesson timed and the day laid out on the clock (timing.ts, schedule.ts, time.ts), the agenda, the
 * participant pack and the facilitator guide (agenda.ts, merge.ts, guide.ts, slides.ts,
 * materials.ts), and what `lectern new` writes (scaffold.ts).
 *
 * This file: `lectern workshop FILE.yaml`: a workshop kit in `OUT/workshop/`. Reads and checks the
 * plan, times each lesson, lays the day out on the clock, builds the lessons' documents (the same build
 * as `lectern build`, only those lessons), then makes the agenda, the participant pack (agenda,
 * handouts and lab sheets in one PDF with bookmarks) and the facilitator guide. One Chromium serves the
 * whole run and is always closed.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadPartPdf } from '../export/pdf-parts.js';
import { BrowserManager } from '../browser/manager.js';
import { build, type BuildOptions, type BuildReport, type Format, type LessonReport, type OutputType } from '../orchestrate/build.js';
import { loadCourse, kindOf, type Course, type SourceDoc } from '../orchestrate/course.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../export/atomic.js';
import { exportDocumentPdf } from '../export/document-pdf.js';
import type { Diagnostic } from '../model/lesson.js';
import { isInside } from '../output/paths.js';
import { defaultTemplatesDir, loadTemplateSources } from '../output/template-files.js';
import type { RenderContext } from '../render/context.js';
import { renderDeck } from '../render/deck.js';
import { documentTitle } from '../render/print-document.js';
import { planLab } from '../plan/lab-tasks.js';
import { inlinePlainText } from '../render/markdown-safe.js';
import { compileTemplates, type Templates } from '../render/templates.js';
import { packageVersion } from '../cli/version.js';
import { displayPath } from '../cli/analyze.js';
import { renderAgenda } from './agenda.js';
import { parseWorkshop, type ConfigError, type LessonEntry, type WorkshopConfig } from './config.js';
import { renderGuide, type GuideLesson } from './guide.js';
import { lessonMaterials, prerequisitesOf } from './materials.js';
import { mergePdfs, type MergePart } from './merge.js';
import { layOut, type Schedule } from './schedule.js';
import { deckSlides } from './slides.js';
import { lessonTiming, measureLesson, type LessonTiming } from './timing.js';
import { previousInModule } from '../render/lab-facts.js';
import { lessonMinutes } from '../course/lesson-minutes.js';
import { listedMinutes, writeIndex } from '../orchestrate/index-page.js';

/** workshop.yaml has mistakes: each is printed as `file:line:column: message` (exit 2). */
export class WorkshopConfigError extends UsageError {
  readonly file: string;
  readonly errors: ConfigError[];

  constructor(file: string, errors: ConfigError[]) {
    super(errors.map((error) => `${file}:${error.line}:${error.column}: ${error.message}`).join('\n'));
    this.file = file;
    this.errors = errors;
  }
}

/** The build's settings (the workshop chooses the lessons and the formats), and the plan. */
export interface WorkshopOptions extends Omit<BuildOptions, 'paths' | 'formats' | 'select' | 'manager'> {
  /** The workshop.yaml, as given (relative to cwd). */
  file: string;
}

export interface WorkshopLessonReport {
  source: string;
  title: string;
  timing: LessonTiming;
}

export interface WorkshopReport {
  /** workshop.yaml as printed. */
  file: string;
  /** Findings about the plan (overrun, breaks moved), at workshop.yaml lines. */
  diagnostics: Diagnostic[];
  schedule: Schedule;
  lessons: WorkshopLessonReport[];
  /** Files written in OUT/workshop/, relative to OUT. */
  artifacts: string[];
  build: BuildReport;
}

/** One lesson of the workshop, as planned. */
interface Planned {
  doc: SourceDoc;
  entry: LessonEntry;
  title: string;
  context: RenderContext;
  timing: LessonTiming;
}

const FORMATS: Format[] = ['deck', 'handout', 'lab'];
const version = packageVersion();

/** Builds the workshop kit; throws `WorkshopConfigError` (exit 2) when the plan has mistakes. */
export async function buildWorkshop(options: WorkshopOptions): Promise<WorkshopReport> {
  const file = displayPath(options.file, options.cwd);
  const yamlPath = resolve(options.cwd, options.file);
  const stats = await stat(yamlPath).catch(() => undefined);
  if (!stats) throw new UsageError(`workshop file not found: ${options.file}`);
  if (stats.isDirectory()) throw new UsageError(`${options.file} is a folder; give the workshop's YAML file`);
  const { config, errors } = parseWorkshop(await readFile(yamlPath, 'utf8'));
  if (!config) throw new WorkshopConfigError(file, errors);

  const outRoot = resolve(options.cwd, options.out);
  const baseDir = dirname(yamlPath);
  const inputs = await checkPaths(config.lessons, baseDir, options.cwd, file);
  const course = await loadCourse(inputs.map((input) => input.path), options.cwd, outRoot, { courseFolders: options.courseFolders, title: options.courseTitle });
  const docs = pickLessons(inputs, course, options.cwd, file);

  const { templates: sources, assets } = loadTemplateSources([defaultTemplatesDir, ...(options.templatesDir ? [resolve(options.cwd, options.templatesDir)] : [])]);
  const templates = compileTemplates(sources);
  const planned = docs.map(({ doc, entry }) => plan(doc, entry, course, config, templates, options.paper));
  const schedule = layOut({
    start: config.start,
    slot: config.slot,
    lessons: planned.map((lesson) => ({ title: lesson.title, teaching: lesson.timing.teaching, exercises: lesson.timing.exercises })),
    breaks: config.breaks,
  });

  const manager = new BrowserManager({ concurrency: options.concurrency, allowedRoots: [outRoot], executablePath: options.executablePath });
  const wanted = new Set(planned.map((lesson) => lesson.doc.absolute));
  const artifacts: string[] = [];
  let report: BuildReport;
  try {
    const { file: _plan, ...settings } = options;
    report = await build({
      ...settings,
      paths: inputs.map((input) => input.path),
      formats: FORMATS,
      // The guide reads the deck's Markdown; the pack needs the PDFs.
      to: [...new Set<OutputType>([...options.to, 'md', 'pdf'])],
      select: (doc) => wanted.has(doc.absolute),
      manager,
    });

    const workshopDir = join(outRoot, 'workshop');
    await mkdir(workshopDir, { recursive: true });
    const written = (name: string) => artifacts.push(toPosix(relative(outRoot, join(workshopDir, name))));
    const documentOptions = { assets, paper: options.paper, version };
    const built = new Map(report.lessons.map((lesson) => [resolve(options.cwd, lesson.source), lesson]));

    options.progress.line('workshop: agenda');
    const agenda = renderAgenda(config, schedule, templates, documentOptions);
    await writeFileAtomic(join(workshopDir, 'agenda.html'), agenda.html);
    written('agenda.html');
    await exportDocumentPdf(manager, { ...agenda, baseDir: workshopDir, out: join(workshopDir, 'agenda.pdf'), paper: options.paper, author: config.title });
    written('agenda.pdf');

    options.progress.line('workshop: participant pack');
    const files = planned.map((lesson) => lessonFiles(built.get(lesson.doc.absolute), outRoot));
    const pdfs = await Promise.all(
      files.map(async (found) => ({ handout: await readIf(found.handout, outRoot), lab: await readIf(found.lab, outRoot) })),
    );
    const parts: MergePart[] = [
      { title: 'Agenda', pdf: await readFile(join(workshopDir, 'agenda.pdf')), ownOutline: false },
      ...planned.map((lesson, index) => ({
        title: lesson.title,
        children: [
          { title: 'Handout', pdf: pdfs[index]!.handout ?? undefined },
          { title: 'Lab sheet', pdf: pdfs[index]!.lab ?? undefined },
        ],
      })),
    ];
    const pack = await mergePdfs(parts, { title: `${config.title} — Participant pack`, author: config.facilitators.join(', ') || config.title, subject: config.date ?? '' });
    await writeFileAtomic(join(workshopDir, 'participant-pack.pdf'), pack.bytes);
    written('participant-pack.pdf');

    options.progress.line('workshop: facilitator guide');
    const themes = [assets['themes/lectern.css'] ?? ''].filter(Boolean);
    const guideLessons: GuideLesson[] = await Promise.all(
      planned.map(async (lesson, index) => {
        const found = files[index]!;
        const markdown = found.deckMd ? await readFile(join(outRoot, found.deckMd), 'utf8') : renderDeck(lesson.context, templates).markdown;
        const lab = planLab(lesson.doc.analysis.lesson, lesson.context.previousLesson ?? null, lesson.timing.exercises);
        return {
          title: lesson.title,
          source: lesson.doc.path,
          module: lesson.context.moduleTitle,
          timing: lesson.timing,
          slides: deckSlides(markdown, themes),
          lab,
          materials: lessonMaterials(lesson.doc.analysis.lesson, lab),
          files: { deck: found.deck, handout: found.handout, lab: found.lab, labInstructor: found.labInstructor },
          pages: { handout: await pageCount(pdfs[index]!.handout), lab: await pageCount(pdfs[index]!.lab) },
        };
      }),
    );
    const modulePrerequisites = course.modules
      .filter((module) => module.overview && module.lessons.some((doc) => wanted.has(doc.absolute)))
      .flatMap((module) => prerequisitesOf(module.overview!.analysis.lesson));
    const guide = renderGuide(
      config,
      schedule,
      guideLessons,
      { prerequisites: modulePrerequisites, pack: { file: 'workshop/participant-pack.pdf', pages: pack.pages } },
      templates,
      documentOptions,
    );
    await writeFileAtomic(join(workshopDir, 'facilitator-guide.html'), guide.html);
    written('facilitator-guide.html');
    await exportDocumentPdf(manager, { ...guide, baseDir: workshopDir, out: join(workshopDir, 'facilitator-guide.pdf'), paper: options.paper, author: config.title });
    written('facilitator-guide.pdf');
    // The build wrote the index before the kit existed: write it again, now linking the kit.
    await writeIndex(outRoot, course, report.lessons, templates);
  } finally {
    await manager.close();
  }

  return {
    file,
    diagnostics: schedule.diagnostics,
    schedule,
    lessons: planned.map((lesson) => ({ source: lesson.doc.path, title: lesson.title, timing: lesson.timing })),
    artifacts,
    build: report,
  };
}

interface Input {
  entry: LessonEntry;
  /** Relative to cwd when below it, for messages and the build. */
  path: string;
  absolute: string;
  folder: boolean;
}

/** Resolves every lesson path against the YAML file's folder; a missing one is a mistake at its line. */
async function checkPaths(entries: LessonEntry[], baseDir: string, cwd: string, file: string): Promise<Input[]> {
  const errors: ConfigError[] = [];
  const inputs: Input[] = [];
  for (const entry of entries) {
    const absolute = resolve(baseDir, entry.path);
    const stats = await stat(absolute).catch(() => undefined);
    if (!stats) {
      errors.push({ line: entry.line, column: entry.column, message: `lesson path not found: ${entry.path} (looked for ${displayPath(absolute, cwd)})` });
      continue;
    }
    if (stats.isFile() && !/\.(?:md|markdown)$/i.test(absolute)) {
      errors.push({ line: entry.line, column: entry.column, message: `${entry.path} is not a Markdown lesson; give a .md file or a module folder` });
      continue;
    }
    if (stats.isDirectory() && (entry.teaching !== null || entry.exercises !== null)) {
      errors.push({ line: entry.line, column: entry.column, message: `${entry.path} is a module folder: teaching: and exercises: apply to one lesson, so list its lessons one by one to adjust them` });
      continue;
    }
    inputs.push({ entry, path: displayPath(absolute, cwd), absolute, folder: stats.isDirectory() });
  }
  if (errors.length > 0) throw new WorkshopConfigError(file, errors);
  return inputs;
}

/** The lessons each entry stands for, in the plan's order; a lesson listed twice is a mistake. */
function pickLessons(inputs: Input[], course: Course, cwd: string, file: string): Array<{ doc: SourceDoc; entry: LessonEntry }> {
  const errors: ConfigError[] = [];
  const picked: Array<{ doc: SourceDoc; entry: LessonEntry }> = [];
  const seen = new Map<string, LessonEntry>();
  const unreadable = new Set(course.unreadable.map((entry) => resolve(cwd, entry.path)));
  for (const input of inputs) {
    const { entry } = input;
    let docs: SourceDoc[];
    if (input.folder) {
      docs = course.lessons.filter((doc) => isInside(input.absolute, doc.absolute));
      if (docs.length === 0 && ![...unreadable].some((path) => isInside(input.absolute, path))) {
        errors.push({ line: entry.line, column: entry.column, message: `no lessons found in ${entry.path}` });
      }
    } else {
      const doc = course.lessons.find((candidate) => candidate.absolute === input.absolute);
      if (!doc) {
        // An unreadable file is the build's to report (exit 1), like in `lectern build`.
        if (unreadable.has(input.absolute)) continue;
        const other = [...course.notes.values()].some((notes) => notes.absolute === input.absolute)
          ? 'is the lecture notes of another lesson in the plan'
          : 'is a module overview; give its folder to teach the whole module';
        errors.push({ line: entry.line, column: entry.column, message: `${entry.path} ${other}` });
        continue;
      }
      docs = [doc];
    }
    for (const doc of docs) {
      const before = seen.get(doc.absolute);
      if (before) {
        errors.push({ line: entry.line, column: entry.column, message: `${doc.path} is already in the plan (line ${before.line})` });
        continue;
      }
      seen.set(doc.absolute, entry);
      picked.push({ doc, entry });
    }
  }
  if (errors.length > 0) throw new WorkshopConfigError(file, errors.sort((a, b) => a.line - b.line));
  return picked;
}

/** Times one lesson: what workshop.yaml says, else the lesson, else an estimate from its deck and lab. */
function plan(doc: SourceDoc, entry: LessonEntry, course: Course, config: WorkshopConfig, templates: Templates, paper: 'a4' | 'letter'): Planned {
  const { lesson } = doc.analysis;
  const module = course.modules.find((m) => m.dir === doc.moduleDir && m.lessons.includes(doc));
  const context: RenderContext = {
    lesson,
    courseTitle: course.title === module?.title ? null : course.title,
    moduleTitle: module?.title ?? null,
    previousLesson: previousInModule(module?.lessons ?? [], doc),
    minutes: module ? lessonMinutes(lesson, listedMinutes(module).get(doc.absolute) ?? null) : lessonMinutes(lesson, null),
    // Diagrams and images are not rendered for planning; the deck plan has the same slides without them.
    diagrams: [],
    images: {},
    notes: course.notes.get(doc.absolute)?.analysis.lesson ?? null,
    notesDiagrams: [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' },
    paper,
    theme: 'lectern',
    version,
  };
  const timing = lessonTiming({
    meta: lesson.meta,
    size: measureLesson(context, templates),
    adjust: { teaching: entry.teaching, exercises: entry.exercises },
    minutesPerSlide: config.minutesPerSlide,
    shared: context.minutes ?? null,
  });
  const title = entry.title ?? (kindOf(lesson) === 'lesson' ? inlinePlainText(documentTitle(lesson)) : inlinePlainText(lesson.title || lesson.id));
  return { doc, entry, title, context, timing };
}

/** The lesson's built files, relative to OUT; null for what the build did not make. */
function lessonFiles(report: LessonReport | undefined, outRoot: string) {
  const file = (name: string): string | null => {
    if (!report) return null;
    const path = report.outDir ? `${report.outDir}/${name}` : name;
    // A cached lesson lists what it made last time; the file must still be there.
    return report.artifacts.includes(path) && existsSync(join(outRoot, path)) ? path : null;
  };
  return {
    deck: file('deck.pdf'),
    deckMd: file('deck.md'),
    handout: file('handout.pdf'),
    lab: file('lab.pdf'),
    labInstructor: file('lab-instructor.pdf'),
  };
}

async function readIf(path: string | null, outRoot: string): Promise<Uint8Array | null> {
  return path ? new Uint8Array(await readFile(join(outRoot, path))) : null;
}

async function pageCount(pdf: Uint8Array | null): Promise<number | null> {
  return pdf ? (await loadPartPdf(pdf)).getPageCount() : null;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
