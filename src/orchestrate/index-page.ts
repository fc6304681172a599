/**
 * `OUT/index.html`: the course overview, modules → lessons → links to every artifact, the module
 * books and the course's other documents, and every lesson's diagnostics. Self-contained, no
 * script: it works from file://. Also writes the documents' pages it links to.
 */
import { join } from 'node:path';
import type { Course, Module } from './course.js';
import type { LessonReport } from './build.js';
import type { Diagnostic } from '../model/lesson.js';
import type { Templates } from '../render/templates.js';
import { writeFileAtomic } from '../export/atomic.js';
import { readBookManifest } from '../course/book-manifest.js';
import { courseDiagnostics } from '../course/course-lint.js';
import { courseTargets, lessonAnchor, moduleAnchor, pageLinker } from '../course/course-links.js';
import { writeDocumentPages } from '../course/document-pages.js';
import { formatMinutes, lessonDuration, minutesFromListText } from '../course/duration.js';
import { linkTarget } from '../course/links.js';
import { mdastToHtml } from '../course/mdast-html.js';
import { describeModules } from '../course/modules-report.js';
import { builtKit } from '../workshop/kit-files.js';
import { introNodes } from '../course/page-text.js';
import type { BookReport, ModuleReport } from '../course/report.js';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

const LABELS: Record<string, string> = {
  'deck.pdf': 'Slides (PDF)',
  'deck.html': 'Slides (HTML)',
  'deck.md': 'Slides (Marp)',
  'deck.pptx': 'Slides (PPTX)',
  'handout.pdf': 'Handout (PDF)',
  'handout.html': 'Handout (HTML)',
  'lab.pdf': 'Lab (PDF)',
  'lab.html': 'Lab (HTML)',
  'lab-instructor.pdf': 'Instructor lab (PDF)',
  'lab-instructor.html': 'Instructor lab (HTML)',
};

const BOOK_LABELS: Record<BookReport['kind'], string> = { handouts: 'Module handouts (PDF)', labs: 'Module lab sheets (PDF)' };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The view model of the index page (pure). `modules` adds the books and documents (see `describeModules`). */
export function indexModel(course: Course, reports: LessonReport[], modules: ModuleReport[] = [], workshop: Array<{ label: string; href: string }> = []) {
  const targets = courseTargets(course);
  const byModule = new Map<string, LessonReport[]>();
  for (const report of reports) byModule.set(report.module, [...(byModule.get(report.module) ?? []), report]);
  const described = new Map(modules.map((module) => [module.dir, module]));
  const diagnostics: Array<{ anchor: string; title: string; source: string; items: ReturnType<typeof diagnosticItem>[] }> = [];

  const shown = course.modules.filter((module) => (byModule.get(module.dir) ?? []).length > 0 || (described.get(module.dir)?.documents.length ?? 0) > 0);
  const view = shown.map((module) => {
    const listed = listedMinutes(module);
    const docs = course.lessons.filter((doc) => doc.moduleDir === module.dir);
    let total = 0;
    let estimated = false;
    const lessons = (byModule.get(module.dir) ?? []).map((report) => {
      const doc = docs.find((candidate) => candidate.path === report.source);
      const duration = doc ? lessonDuration(doc.analysis.lesson, listed.get(doc.absolute) ?? null) : null;
      total += duration?.minutes ?? 0;
      estimated ||= duration?.source === 'estimate';
      const anchor = lessonAnchor(report.outDir);
      const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
      if (report.diagnostics.length > 0) {
        diagnostics.push({ anchor: `${anchor}-diagnostics`, title: titleOf(report.number, report.title || report.id), source: report.source, items: report.diagnostics.map(diagnosticItem) });
      }
      return {
        anchor,
        number: report.number ?? '',
        title: report.title || report.id,
        source: report.source,
        duration: duration ? formatMinutes(duration.minutes) : '',
        estimated: duration?.source === 'estimate',
        errors,
        warnings,
        diagnosticsHref: `#${anchor}-diagnostics`,
        artifacts: Object.keys(LABELS)
          .map((name) => ({ name, href: `${report.outDir}/${name}` }))
          .filter((artifact) => report.artifacts.includes(artifact.href))
          .map((artifact) => ({ label: LABELS[artifact.name], href: encodeURI(artifact.href) })),
      };
    });
    const info = described.get(module.dir);
    const documents = (info?.documents ?? []).map((doc) => {
      const anchor = `document-${doc.page.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
      if (doc.diagnostics.length > 0) diagnostics.push({ anchor: `${anchor}-diagnostics`, title: doc.title, source: doc.source, items: doc.diagnostics.map(diagnosticItem) });
      return { title: doc.title, source: doc.source, href: encodeURI(doc.page), warnings: doc.diagnostics.length, diagnosticsHref: `#${anchor}-diagnostics` };
    });
    const intro = module.overview ? introNodes(module.overview.analysis.tree) : [];
    return {
      anchor: moduleAnchor(module.dir),
      title: module.dir === '' && lessons.length === 0 ? 'Course documents' : module.title || 'Lessons',
      overview: module.overview?.analysis.lesson.sections.find((s) => s.title === 'Introduction')?.markdown ?? '',
      overviewHtml: module.dir === '' && module.overview ? '' : mdastToHtml(intro, { link: pageLinker(targets, module.overview?.absolute ?? '', ''), headingLevel: 3 }),
      duration: total > 0 ? `${estimated ? '≈ ' : ''}${formatMinutes(total)}` : '',
      lessonCount: plural(lessons.length, 'lesson'),
      lessons,
      documents,
      books: (info?.books ?? []).map((book) => ({ label: BOOK_LABELS[book.kind], href: encodeURI(book.path), pages: plural(book.pages, 'page') })),
    };
  });

  const root = course.modules.find((module) => module.dir === '')?.overview;
  const rootIntro = root ? introNodes(root.analysis.tree) : [];
  const lessonTotal = reports.length;
  const warnings = reports.reduce((sum, r) => sum + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const errors = reports.reduce((sum, r) => sum + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  return {
    // A course nothing names (no config title, no README) is not named after its folder (issue 16).
    title: course.title || 'Course overview',
    introHtml: root ? mdastToHtml(rootIntro, { link: pageLinker(targets, root.absolute, ''), headingLevel: 3 }) : '',
    summary: [
      plural(view.filter((m) => m.lessons.length > 0).length, 'module'),
      plural(lessonTotal, 'lesson'),
      // Document pages are written too: a course of documents only must not read "0 lessons" and nothing else (issue 19).
      course.documents.length > 0 ? plural(course.documents.length, 'document') : '',
      plural(warnings, 'warning'),
      plural(errors, 'error'),
    ].filter(Boolean).join(' · '),
    modules: view,
    /** Jump links to the modules, when there is more than one. */
    navigation: view.length > 1,
    diagnostics,
    unreadable: course.unreadable,
    /** The workshop kit built into the same output, if any. */
    workshop,
  };
}

/** Writes the documents' pages and `OUT/index.html`; returns the report's `modules`. */
export async function writeIndex(outRoot: string, course: Course, reports: LessonReport[], templates: Templates): Promise<ModuleReport[]> {
  const modules = describeModules(course, await readBookManifest(outRoot), courseDiagnostics(course));
  await writeDocumentPages(outRoot, course, templates);
  const html = templates.render('index.html', indexModel(course, reports, modules, builtKit(outRoot)));
  await writeFileAtomic(join(outRoot, 'index.html'), html);
  return modules;
}

function titleOf(number: string | null, title: string): string {
  return number ? `${number} ${title}` : title;
}

function diagnosticItem(d: Diagnostic) {
  return { place: `${d.line}:${d.column}`, severity: d.severity, message: d.message, rule: d.rule };
}

/** Minutes the module README's lesson list gives each lesson ("… (45 minutes)"), by lesson path. */
export function listedMinutes(module: Module): Map<string, number> {
  const found = new Map<string, number>();
  const overview = module.overview;
  if (!overview) return found;
  visit(overview.analysis.tree, 'listItem', (item) => {
    const links: string[] = [];
    visit(item, 'link', (link) => {
      const target = linkTarget(overview.absolute, link.url);
      if (target) links.push(target);
    });
    const minutes = minutesFromListText(toString(item.children[0] ?? item));
    if (links.length === 1 && minutes !== null && !found.has(links[0]!)) found.set(links[0]!, minutes);
  });
  return found;
}
