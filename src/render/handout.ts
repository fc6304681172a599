/**
 * The printable handout: a document (not slides) built from `handout.html.hbs` and the print style
 * sheets, from the handout plan (plan/handout-plan.ts: which parts, in which order). Every part of
 * the lesson is there except solutions and instructor notes; lecture notes, when the lesson links
 * some, follow as a second part. Also the "slides" handout style: three slides per page beside their
 * speaker notes or ruled lines.
 *
 * Pure: the build prints the HTML with Chromium, passing the header and footer templates returned here.
 */
import type { Example, Lesson, Outline } from '../model/lesson.js';
import type { DiagramAsset, RenderContext } from './context.js';
import type { Templates } from './templates.js';
import { ANSWER_DIVS, MarkdownRenderer } from './html.js';
import { safeUrl } from './html-escape.js';
import { renderCodeBlock } from './code-block.js';
import { diagramFigures } from './diagram-figures.js';
import { displayFileName } from '../plan/display-file-name.js';
import { planHandout, type HandoutPart } from '../plan/handout-plan.js';
import {
  coverView, documentHead, documentStyles, documentTitle, headingOutline, printChrome,
  type DocumentOptions, type HeadingEntry, type Paper, type PrintDocument,
} from './print-document.js';

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
 * The lesson's parts as template blocks, in the plan's reading order (so figure numbers follow the
 * page): lesson text through the Markdown renderer, code highlighted, diagrams as numbered figures.
 */
function lessonBlocks(lesson: Lesson, assets: DiagramAsset[], context: RenderContext, figures: FigureCounter, idPrefix: string): Block[] {
  const plan = planHandout(lesson);
  const figure = (index: number) => diagramFigures(lesson.diagrams[index]!, assets[index], figureCaption(lesson.diagrams[index]!), figures, idPrefix);

  const md = new MarkdownRenderer({
    images: context.images,
    dropDivs: ANSWER_DIVS,
    figure: (code) => {
      const index = plan.diagramOf(code);
      return index === undefined ? null : figure(index);
    },
    example: (code) => {
      const example = plan.exampleOf(code);
      return example ? { language: example.language, fileName: fileNameOf(example) } : null;
    },
  });
  const inline = (text: string) => md.inline(text);

  const block = (part: HandoutPart): Block => {
    switch (part.kind) {
      case 'objectives':
        return { partial: 'handout/objectives', objectives: lesson.objectives.map((o) => inline(o.text)), questions: lesson.questions.map((q) => inline(q.text)) };
      case 'concepts':
        return { partial: 'handout/concepts', concepts: lesson.concepts.map((c) => ({ titleHtml: inline(c.title), items: outlineView(c.items, inline) })) };
      case 'figures':
        return { partial: 'handout/figures', figures: part.diagrams.map((i) => figure(i)) };
      case 'examples':
        return {
          partial: 'handout/examples',
          examples: part.examples.map((e) => ({
            titleHtml: inline(e.title),
            codeHtml: renderCodeBlock({ code: e.code, language: e.language, fileName: fileNameOf(e) }),
          })),
        };
      case 'practices':
        return {
          partial: 'handout/practices',
          groups: lesson.practices.map((g) => ({
            titleHtml: /^\W*best practices?\W*$/i.test(g.title.replace(/\p{Extended_Pictographic}/gu, '')) ? null : inline(g.title),
            items: g.items.map((item) => ({ titleHtml: inline(item.title), points: item.points.map(inline) })),
          })),
        };
      case 'case-studies':
        return {
          partial: 'handout/case-studies',
          studies: lesson.caseStudies.map((s) => ({
            titleHtml: inline(s.title),
            challengeHtml: s.challenge ? inline(s.challenge) : null,
            solution: s.solution.map(inline),
            results: s.results.map(inline),
          })),
        };
      case 'pitfalls':
        return { partial: 'handout/pitfalls', items: lesson.pitfalls.map((p) => inline(p.text)) };
      case 'exercises':
        return {
          partial: 'handout/exercises',
          exercises: lesson.exercises.map((e, i) => ({
            number: i + 1,
            titleHtml: /^(?:exercise|task|challenge)\s*\d*$/i.test(e.title.trim()) ? null : inline(e.title),
            // Prompts and steps only: never solutions (nor hints, which the lab sheet carries).
            promptHtml: e.prompt ? md.block(e.prompt, 4) : null,
            steps: e.steps.map(inline),
          })),
        };
      case 'review':
        return { partial: 'handout/review', questions: lesson.reviewQuestions.map((q) => inline(q.text)) };
      case 'keypoints':
        return { partial: 'handout/keypoints', items: lesson.keypoints.map((k) => inline(k.text)) };
      case 'resources':
        return {
          partial: 'handout/resources',
          resources: lesson.resources.map((r) => {
            const url = r.url?.trim() || null;
            // Printed resources link out only to the web or mail; anything else stays text.
            const href = safeUrl(url);
            return { textHtml: inline(r.text), url, href: href !== null && /^(?:https?|mailto):/i.test(href) ? href : null };
          }),
        };
      case 'next-steps':
        return { partial: 'handout/next-steps', items: lesson.nextSteps.map((n) => inline(n.text)) };
      case 'section':
        return { partial: 'handout/section', titleHtml: inline(part.section.title), html: md.block(part.section.markdown, 3) };
    }
  };

  return plan.parts.map(block);
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

function fileNameOf(example: Example): string | null {
  return displayFileName(example.code, example.language, example.title);
}

function outlineView(items: Outline[], inline: (text: string) => string): OutlineView[] {
  return items.map((item) => ({ html: inline(item.text), children: outlineView(item.children, inline) }));
}
