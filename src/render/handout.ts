/**
 * The printable handout: a document (not slides) built from `handout.html.hbs` and the print style
 * sheets. Every part of the lesson is there except solutions and instructor notes; lecture notes,
 * when the lesson links some, follow as a second part. Also the "slides" handout style: three slides
 * per page beside their speaker notes or ruled lines.
 *
 * Pure: the build prints the HTML with Chromium, passing the header and footer templates returned here.
 */
import type { Example, Lesson, Outline, Section } from '../model/lesson.js';
import type { DiagramAsset, RenderContext } from './context.js';
import type { Templates } from './templates.js';
import {
  ANSWER_DIVS,
  MarkdownRenderer,
  displayFileName,
  documentStyles,
  footerTemplate,
  headerTemplate,
  normalizeCode,
  renderCodeBlock,
  safeUrl,
  type Paper,
} from './html.js';
import { INSTRUCTOR_SECTION } from '../plan/lab-tasks.js';
import { diagramFigures } from './diagram-figures.js';

/** Style sheets and other non-template files of the templates folder (`loadTemplateSources().assets`). */
export type TemplateAssets = Record<string, string>;

export interface DocumentOptions {
  /** The templates folder's other files; `styles/*.css` are inlined into the document. */
  assets: TemplateAssets;
}

export interface HeadingEntry {
  title: string;
  level: number;
}

/** A print document: HTML plus what `page.pdf()` needs. */
export interface PrintDocument {
  html: string;
  /** For `page.pdf({ displayHeaderFooter: true, headerTemplate })`. */
  headerTemplate: string;
  footerTemplate: string;
  /** The document title (also `<title>`, which Chromium writes into the PDF metadata). */
  title: string;
}

export interface HandoutDocument extends PrintDocument {
  /** Headings h1–h3 in document order (Chromium makes the PDF outline from the same headings). */
  outline: HeadingEntry[];
}

/** What the deck renderer hands over for the slides handout style. */
export interface DeckSlides {
  /** Each slide's rendered HTML from marp-core (`<svg data-marpit-svg>…</svg>`). */
  slidesHtml: string[];
  /** marp-core's CSS for those slides. */
  css: string;
  /** Speaker notes per slide (plain text / Markdown), same order; empty when none. */
  notes: string[];
}

const HANDOUT_STYLES = ['styles/print.css', 'styles/handout.css'];
const SLIDES_STYLES = ['styles/print.css', 'styles/handout-slides.css'];
/** Ruled lines on the notes page, by paper (8.5 mm apart). */
const NOTE_LINES: Record<Paper, number> = { a4: 26, letter: 24 };

/** Renders the handout document of a lesson. */
export function renderHandout(context: RenderContext, templates: Templates, options: DocumentOptions): HandoutDocument {
  const { lesson } = context;
  const figures = new FigureCounter();
  const blocks = lessonBlocks(lesson, context.diagrams, context, figures, '');
  blocks.push({ partial: 'handout/notes-area', lines: new Array<number>(NOTE_LINES[context.paper]).fill(0) });

  let notes: Block[] | null = null;
  if (context.notes) {
    notes = [
      { partial: 'handout/part-title', label: 'Lecture notes', title: context.notes.title.replace(/^lecture notes\s*[:–—-]\s*/i, '') || null },
      ...lessonBlocks(context.notes, context.notesDiagrams, context, figures, 'notes-'),
    ];
  }

  const title = documentTitle(lesson);
  const html = templates.render('handout.html', {
    ...documentHead(context, title, 'Handout'),
    styles: documentStyles(options.assets, HANDOUT_STYLES, context.paper),
    cover: coverView(context),
    blocks,
    notes,
  });
  return { html, ...printChrome(context, 'Handout'), title, outline: headingOutline(html) };
}

/** Renders the slides handout style: three slides per page, each beside its notes or ruled lines. */
export function renderSlidesHandout(
  context: RenderContext,
  templates: Templates,
  deck: DeckSlides,
  options: DocumentOptions,
): HandoutDocument {
  const md = new MarkdownRenderer({ images: context.images, dropDivs: ANSWER_DIVS });
  const slides = deck.slidesHtml.map((slideHtml, index) => {
    const notes = (deck.notes[index] ?? '').trim();
    return {
      number: index + 1,
      slideHtml,
      notesHtml: notes ? md.block(notes, 4) : null,
      lines: new Array<number>(notes ? 4 : 9).fill(0),
    };
  });
  const pages: Array<{ slides: typeof slides }> = [];
  for (let i = 0; i < slides.length; i += 3) pages.push({ slides: slides.slice(i, i + 3) });

  const title = documentTitle(context.lesson);
  const html = templates.render('handout-slides.html', {
    ...documentHead(context, title, 'Slides handout'),
    styles: documentStyles(options.assets, SLIDES_STYLES, context.paper),
    deckStyles: escapeStyleText(withoutPrintRules(deck.css)),
    cover: coverView(context),
    pages,
  });
  return { html, ...printChrome(context, 'Slides handout'), title, outline: headingOutline(html) };
}

// ---------------------------------------------------------------------------------------------
// Shared by the print documents
// ---------------------------------------------------------------------------------------------

/** "Lesson 6.7: Docker Fundamentals". */
export function documentTitle(lesson: Lesson): string {
  const title = lesson.title || lesson.id;
  return lesson.number ? `Lesson ${lesson.number}: ${title}` : title;
}

/**
 * The lesson's language for `<html lang>` (and so the PDFs' /Lang): front matter `lang` when it is a
 * well-formed BCP 47 tag, else English.
 */
export function documentLang(lesson: Lesson): string {
  const lang = lesson.meta.lang;
  return typeof lang === 'string' && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang.trim()) ? lang.trim() : 'en';
}

/** `<head>` data every print document shares. */
export function documentHead(context: RenderContext, title: string, kind: string) {
  return {
    lang: documentLang(context.lesson),
    title,
    kind,
    author: authorOf(context),
    generator: `Lectern ${context.version}`,
    paper: context.paper,
  };
}

function authorOf(context: RenderContext): string {
  const { meta } = context.lesson;
  const named = meta.author ?? meta.authors;
  if (typeof named === 'string' && named.trim()) return named.trim();
  if (Array.isArray(named)) {
    const names = named.map((a) => (typeof a === 'string' ? a : typeof a === 'object' && a && 'name' in a ? String(a.name) : '')).filter(Boolean);
    if (names.length > 0) return names.join(', ');
  }
  return context.courseTitle ?? context.moduleTitle ?? 'Lectern';
}

/** Running header (course · lesson) and footer (document kind · page x of y). */
export function printChrome(context: RenderContext, kind: string): { headerTemplate: string; footerTemplate: string } {
  const { lesson } = context;
  const where = [context.courseTitle, context.moduleTitle].filter((t): t is string => Boolean(t)).join(' · ');
  const lessonLabel = documentTitle(lesson);
  return {
    headerTemplate: headerTemplate(where || lessonLabel, where ? lessonLabel : ''),
    footerTemplate: footerTemplate(kind),
  };
}

/** The cover's data: where the lesson sits, its number, title and duration. */
export function coverView(context: RenderContext) {
  const { lesson } = context;
  return {
    course: context.courseTitle,
    module: context.moduleTitle,
    number: lesson.number,
    title: lesson.title || lesson.id,
    duration: durationText(lesson.meta.teachingMinutes, lesson.meta.exerciseMinutes),
  };
}

/** "45 min (25 min teaching + 20 min exercises)", or null when the lesson says nothing. */
export function durationText(teaching: number | null, exercises: number | null): string | null {
  const t = typeof teaching === 'number' && teaching > 0 ? teaching : null;
  const e = typeof exercises === 'number' && exercises > 0 ? exercises : null;
  if (t !== null && e !== null) return `${minutesText(t + e)} (${minutesText(t)} teaching + ${minutesText(e)} exercises)`;
  if (t !== null) return `${minutesText(t)} teaching`;
  if (e !== null) return `${minutesText(e)} exercises`;
  return null;
}

/** "50 min", "1 h 25 min". */
export function minutesText(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Headings h1–h3 of rendered HTML, as plain text. */
export function headingOutline(html: string): HeadingEntry[] {
  const entries: HeadingEntry[] = [];
  for (const match of html.matchAll(/<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1>/g)) {
    const title = decodeEntities(match[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
    if (title) entries.push({ title, level: Number(match[1]) });
  }
  return entries;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39|apos);/gi, (entity, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? entity;
  });
}

/**
 * The deck's CSS without its print rules: Marp sets `@page { size: 1280px 720px }`, one slide per
 * page and full-page SVGs for printing decks, which would take over the handout's pages.
 */
export function withoutPrintRules(css: string): string {
  let out = '';
  let i = 0;
  const rule = /@page\b|@media\s+print\b/gi;
  for (let match = rule.exec(css); match; match = rule.exec(css)) {
    const open = css.indexOf('{', match.index);
    if (open < 0) break;
    let depth = 0;
    let end = open;
    for (; end < css.length; end++) {
      if (css[end] === '{') depth++;
      else if (css[end] === '}' && --depth === 0) break;
    }
    out += css.slice(i, match.index);
    i = end + 1;
    rule.lastIndex = i;
  }
  return out + css.slice(i);
}

function escapeStyleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

// ---------------------------------------------------------------------------------------------
// The lesson as blocks in reading order
// ---------------------------------------------------------------------------------------------

/** One part of the document, rendered by the partial it names. */
type Block = { partial: string } & Record<string, unknown>;

/** Figure numbers run through the whole document, lecture notes included. */
class FigureCounter {
  next = 1;
}

interface OutlineView {
  html: string;
  children: OutlineView[];
}

/**
 * The lesson's parts, in the handout's order; each leftover section is placed before the first
 * part that follows it in the source (an "Introduction" before the objectives, a Carpentries
 * episode's body before its challenges), the rest at the end.
 */
function lessonBlocks(lesson: Lesson, assets: DiagramAsset[], context: RenderContext, figures: FigureCounter, idPrefix: string): Block[] {
  const sections = lesson.sections.filter((s) => !INSTRUCTOR_SECTION.test(s.title));
  const sectionText = sections.map((s) => normalizeCode(s.markdown)).join('\n\n');
  const solutions = lesson.exercises.map((e) => normalizeCode(e.solution ?? '')).join('\n\n');
  const inProse = (code: string) => {
    const normal = normalizeCode(code);
    return normal !== '' && sectionText.includes(normal);
  };

  const diagramIndex = new Map<string, number>();
  lesson.diagrams.forEach((d, i) => diagramIndex.set(normalizeCode(d.code), i));
  const exampleInfo = new Map<string, Example>();
  for (const example of lesson.examples) exampleInfo.set(normalizeCode(example.code), example);

  const figure = (index: number) => diagramFigures(lesson.diagrams[index]!, assets[index], figureCaption(lesson.diagrams[index]!), figures, idPrefix);

  const md = new MarkdownRenderer({
    images: context.images,
    dropDivs: ANSWER_DIVS,
    figure: (code) => {
      const index = diagramIndex.get(normalizeCode(code));
      return index === undefined ? null : figure(index);
    },
    example: (code) => {
      const example = exampleInfo.get(normalizeCode(code));
      return example ? { language: example.language, fileName: fileNameOf(example) } : null;
    },
  });
  const inline = (text: string) => md.inline(text);

  // Parts in the handout's order, each with the source line it starts at (0: unknown).
  const parts: Array<{ line: number; build: () => Block | null }> = [
    {
      line: firstLine([...lesson.objectives, ...lesson.questions]),
      build: () =>
        lesson.objectives.length + lesson.questions.length === 0
          ? null
          : { partial: 'handout/objectives', objectives: lesson.objectives.map((o) => inline(o.text)), questions: lesson.questions.map((q) => inline(q.text)) },
    },
    {
      line: firstLine(lesson.concepts),
      build: () =>
        lesson.concepts.length === 0
          ? null
          : { partial: 'handout/concepts', concepts: lesson.concepts.map((c) => ({ titleHtml: inline(c.title), items: outlineView(c.items, inline) })) },
    },
    {
      line: firstLine(lesson.diagrams.filter((d) => !inProse(d.code))),
      build: () => {
        const shown = lesson.diagrams.map((d, i) => ({ d, i })).filter(({ d }) => !inProse(d.code));
        return shown.length === 0 ? null : { partial: 'handout/figures', figures: shown.map(({ i }) => figure(i)) };
      },
    },
    {
      line: firstLine(lesson.examples.filter((e) => !inProse(e.code))),
      build: () => {
        const shown = lesson.examples.filter((e) => !inProse(e.code) && !(solutions && solutions.includes(normalizeCode(e.code))));
        return shown.length === 0
          ? null
          : {
              partial: 'handout/examples',
              examples: shown.map((e) => ({
                titleHtml: inline(e.title),
                codeHtml: renderCodeBlock({ code: e.code, language: e.language, fileName: fileNameOf(e) }),
              })),
            };
      },
    },
    {
      line: 0,
      build: () =>
        lesson.practices.length === 0
          ? null
          : {
              partial: 'handout/practices',
              groups: lesson.practices.map((g) => ({
                titleHtml: /^\W*best practices?\W*$/i.test(g.title.replace(/\p{Extended_Pictographic}/gu, '')) ? null : inline(g.title),
                items: g.items.map((item) => ({ titleHtml: inline(item.title), points: item.points.map(inline) })),
              })),
            },
    },
    {
      line: firstLine(lesson.caseStudies),
      build: () =>
        lesson.caseStudies.length === 0
          ? null
          : {
              partial: 'handout/case-studies',
              studies: lesson.caseStudies.map((s) => ({
                titleHtml: inline(s.title),
                challengeHtml: s.challenge ? inline(s.challenge) : null,
                solution: s.solution.map(inline),
                results: s.results.map(inline),
              })),
            },
    },
    {
      line: firstLine(lesson.pitfalls),
      build: () => (lesson.pitfalls.length === 0 ? null : { partial: 'handout/pitfalls', items: lesson.pitfalls.map((p) => inline(p.text)) }),
    },
    {
      line: firstLine(lesson.exercises),
      build: () =>
        lesson.exercises.length === 0
          ? null
          : {
              partial: 'handout/exercises',
              exercises: lesson.exercises.map((e, i) => ({
                number: i + 1,
                titleHtml: /^(?:exercise|task|challenge)\s*\d*$/i.test(e.title.trim()) ? null : inline(e.title),
                // Prompts and steps only: never solutions (nor hints, which the lab sheet carries).
                promptHtml: e.prompt ? md.block(e.prompt, 4) : null,
                steps: e.steps.map(inline),
              })),
            },
    },
    {
      line: firstLine(lesson.reviewQuestions),
      build: () =>
        lesson.reviewQuestions.length === 0 ? null : { partial: 'handout/review', questions: lesson.reviewQuestions.map((q) => inline(q.text)) },
    },
    {
      line: firstLine(lesson.keypoints),
      build: () => (lesson.keypoints.length === 0 ? null : { partial: 'handout/keypoints', items: lesson.keypoints.map((k) => inline(k.text)) }),
    },
    {
      line: firstLine(lesson.resources),
      build: () =>
        lesson.resources.length === 0
          ? null
          : {
              partial: 'handout/resources',
              resources: lesson.resources.map((r) => {
                const url = r.url?.trim() || null;
                // Printed resources link out only to the web or mail; anything else stays text.
                const href = safeUrl(url);
                return { textHtml: inline(r.text), url, href: href !== null && /^(?:https?|mailto):/i.test(href) ? href : null };
              }),
            },
    },
    {
      line: firstLine(lesson.nextSteps),
      build: () => (lesson.nextSteps.length === 0 ? null : { partial: 'handout/next-steps', items: lesson.nextSteps.map((n) => inline(n.text)) }),
    },
  ];

  // Slot each section before the first later part (by source line); the rest go last.
  const order: Array<{ kind: 'part'; index: number } | { kind: 'section'; section: Section }> = parts.map((_, index) => ({ kind: 'part', index }));
  for (const section of sections) {
    const before = order.findIndex((entry) => entry.kind === 'part' && parts[entry.index]!.line > section.line);
    const place = before < 0 || section.line <= 0 ? order.length : before;
    order.splice(place, 0, { kind: 'section', section });
  }

  // Build in reading order, so figure numbers follow the page.
  const blocks: Block[] = [];
  for (const entry of order) {
    const block =
      entry.kind === 'part'
        ? parts[entry.index]!.build()
        : { partial: 'handout/section', titleHtml: inline(entry.section.title), html: md.block(entry.section.markdown, 3) };
    if (block) blocks.push(block);
  }
  return blocks;
}

const DIAGRAM_KINDS: Record<string, string> = {
  flowchart: 'Flowchart', sequence: 'Sequence diagram', class: 'Class diagram', state: 'State diagram', er: 'Entity-relationship diagram',
  gantt: 'Gantt chart', pie: 'Pie chart', mindmap: 'Mind map', timeline: 'Timeline', journey: 'User journey', gitgraph: 'Git graph',
};

/**
 * A figure's caption: the diagram's title without section numbering or emoji ("2. 📊 Diagrams"),
 * or its kind ("Sequence diagram") when the title only says "Diagrams".
 */
export function figureCaption(diagram: { title: string; type: string }): string {
  const title = diagram.title
    .replace(/\p{Extended_Pictographic}|\uFE0F/gu, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (title && !/^(?:architecture\s+)?(?:diagrams?|figures?|visuals?|charts?)$/i.test(title)) return title;
  return DIAGRAM_KINDS[diagram.type] ?? 'Diagram';
}

function firstLine(items: Array<{ line: number }>): number {
  const lines = items.map((i) => i.line).filter((l) => l > 0);
  return lines.length > 0 ? Math.min(...lines) : 0;
}

function fileNameOf(example: Example): string | null {
  return displayFileName(example.code, example.language, example.title);
}

function outlineView(items: Outline[], inline: (text: string) => string): OutlineView[] {
  return items.map((item) => ({ html: inline(item.text), children: outlineView(item.children, inline) }));
}

