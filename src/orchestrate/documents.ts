/**
 * The documents of one lesson: the deck (md, html, pdf, pptx), the handout and the two lab sheets.
 * Rendering is pure; this module hands the results to the shared browser and the atomic writer.
 */
import type { VFile } from 'vfile';
import type { BrowserManager } from '../browser/manager.js';
import type { RenderContext } from '../render/context.js';
import type { Templates } from '../render/templates.js';
import { renderDeck, registerDeckHelpers, type DeckTuning, type DeckSlideInfo } from '../render/deck.js';
import { renderHandout, renderSlidesHandout } from '../render/handout.js';
import { documentLang } from '../render/print-document.js';
import { renderLab } from '../render/lab.js';
import { marpFor, renderMarp } from '../export/marp.js';
import { deckHtml } from '../export/deck-html.js';
import { deckPrintHtml } from '../export/print-html.js';
import { exportDeckPdf, measureDeck } from '../export/pdf.js';
import type { SlideOverflow } from '../export/measure.js';
import { exportDocumentPdf } from '../export/document-pdf.js';
import { PRINT_PRIORITY } from '../export/print-page.js';
import type { PrintMemo } from './print-memo.js';

export interface Theme {
  name: string;
  css: string;
  /** Themes the user's theme may build on (`@import 'lectern'`). */
  builtIn: string[];
}

export interface DocumentOptions {
  formats: Array<'deck' | 'handout' | 'lab'>;
  to: Array<'md' | 'html' | 'pdf' | 'pptx'>;
  paper: 'a4' | 'letter';
  handoutStyle: 'document' | 'slides';
  pdfNotes: boolean;
  /** Editable native slides (the default) or one picture per slide. */
  pptxStyle?: 'editable' | 'pictures';
  /** Speaker notes in the slides-style handout: instructor text, printed for learners only when asked. */
  handoutNotes?: boolean;
}

export interface DocumentJob extends DocumentOptions {
  templates: Templates;
  /** Non-template files of the template folders (style sheets), by path. */
  assets: Record<string, string>;
  theme: Theme;
  manager: BrowserManager;
  outDir: string;
  file: VFile;
  write(path: string, data: string | Uint8Array): Promise<void>;
  /** Records an artifact an exporter wrote itself (atomically) at `path`, relative to `outDir`. */
  record(path: string): void;
  step(step: string): void;
  /** Called once the handout and labs are written (or failed), possibly before the deck is done. */
  partsReady?: () => void;
  /** Called when the deck (or, with no deck, a document) has gone to Chromium to print: this thread has little to do for a while. */
  whilePrinting?: () => void;
  /** What the last build printed: a handout or lab sheet printed from the same inputs is kept. */
  memo?: PrintMemo;
}

/** How many times overflowing slides are re-planned before the rest is reported. */
const OVERFLOW_PASSES = 3;

/** Builds every requested document of one lesson; the documents print side by side in the shared browser. */
export async function buildDocuments(context: RenderContext, job: DocumentJob): Promise<void> {
  const wants = (type: 'md' | 'html' | 'pdf' | 'pptx') => job.to.includes(type);
  const printable = wants('html') || wants('pdf');
  const slidesHandout = job.formats.includes('handout') && job.handoutStyle === 'slides';
  const makesDeck = job.formats.includes('deck') || slidesHandout;
  const documentHandout = job.formats.includes('handout') && printable && !slidesHandout;
  const labs = job.formats.includes('lab') && printable ? [false, true] : [];

  // The deck renders once the handout and labs are printing in Chromium (as many as it has pages for):
  // their printing then overlaps the deck's rendering, which holds this thread for a while.
  const independent = (documentHandout ? 1 : 0) + labs.length;
  const printing = countdown(makesDeck ? Math.min(job.manager.concurrency, independent) : 0);

  const print = async (name: 'handout' | 'lab' | 'lab-instructor', document: { html: string; headerTemplate: string; footerTemplate: string; title: string }, onPrinting?: () => void) => {
    if (wants('html')) await job.write(`${name}.html`, document.html);
    if (!wants('pdf')) return;
    const out = `${job.outDir}/${name}.pdf`;
    const pdf = `${name}.pdf`;
    const author = context.courseTitle ?? 'Lectern';
    const { memo } = job;
    const fingerprint = memo?.fingerprint({ ...document, paper: job.paper, author });
    if (memo && fingerprint && (await memo.keeps(pdf, out, fingerprint))) {
      job.record(pdf);
      return;
    }
    await exportDocumentPdf(job.manager, {
      html: document.html,
      baseDir: job.outDir,
      out,
      paper: job.paper,
      headerTemplate: document.headerTemplate,
      footerTemplate: document.footerTemplate,
      title: document.title,
      author,
      priority: name === 'handout' ? PRINT_PRIORITY.handout : PRINT_PRIORITY.lab,
      onPrinting: () => {
        onPrinting?.();
        // With no deck to render (an edit to lecture notes prints the handout alone), this thread has
        // nothing else to do while Chromium prints.
        if (!makesDeck) job.whilePrinting?.();
      },
    });
    if (memo && fingerprint) await memo.printed(pdf, out, fingerprint);
    job.record(pdf);
  };
  /** Prints an independent document; it lets the deck go when it starts printing, or ends without. */
  const printFirst = async (step: string, name: Parameters<typeof print>[0], render: () => Parameters<typeof print>[1]) => {
    const started = once(printing.tick);
    try {
      job.step(step);
      await print(name, render(), started);
    } finally {
      started();
    }
  };

  const tasks: Array<Promise<void>> = [];
  if (documentHandout) {
    tasks.push(printFirst('handout', 'handout', () => renderHandout(context, job.templates, { assets: job.assets })));
  }
  for (const instructor of labs) {
    const name = instructor ? 'lab-instructor' : 'lab';
    tasks.push(printFirst(instructor ? 'instructor lab' : 'lab', name, () => renderLab(context, job.templates, { instructor, assets: job.assets })));
  }
  // While Chromium is still starting, nothing can print yet: the deck renders at once instead.
  const deckMayStart = job.manager.ready ? printing.done : Promise.resolve();
  const deck = makesDeck ? deckMayStart.then(() => buildDeck(context, job)) : null;
  if (slidesHandout && printable && deck) {
    // The slides handout is the deck itself, so it waits for it.
    tasks.push(
      (async () => {
        const slides = await deck;
        job.step('handout');
        const handout = renderSlidesHandout(
          context,
          job.templates,
          { slidesHtml: slides.rendered.slides, css: slides.rendered.css, notes: job.handoutNotes ? slides.rendered.comments.map((notes) => notes.join('\n\n')) : [] },
          { assets: job.assets },
        );
        await print('handout', handout);
      })(),
    );
  }
  // The module books take the handout and the labs, so they may go ahead while the deck prints.
  void Promise.allSettled(tasks).then(() => job.partsReady?.());
  if (deck) tasks.push(deck.then(() => {}));
  // Every task runs to its end before a failure is reported, so no write is left half done.
  const results = await Promise.allSettled(tasks);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Lets the event loop run what is waiting (I/O, Chromium's replies) before going on. */
function breather(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A promise that resolves after `count` ticks (at once for none). */
function countdown(count: number): { done: Promise<void>; tick: () => void } {
  let left = count;
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  if (left <= 0) open();
  return { done, tick: () => --left === 0 && open() };
}

/** `fn`, callable many times, run the first time only. */
function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    fn();
  };
}

async function buildDeck(context: RenderContext, job: DocumentJob) {
  job.step('deck');
  registerDeckHelpers(job.templates);
  const wants = (type: 'md' | 'html' | 'pdf' | 'pptx') => job.to.includes(type);
  const marp = marpFor([...job.theme.builtIn, job.theme.css].filter(Boolean));
  const tuning: DeckTuning = {};
  let { markdown, slides } = renderDeck(context, job.templates, tuning);
  // Rendering a deck holds this thread for a good while; between its stages Chromium's messages
  // (a browser starting, a page loaded, a print done) are answered, so the other documents go on.
  await breather();
  let rendered = renderMarp(marp, markdown);
  await breather();
  const writeDeck = job.formats.includes('deck');

  if (writeDeck && (wants('pdf') || wants('pptx') || wants('html'))) {
    let overflow: SlideOverflow[] = [];
    for (let pass = 0; pass < OVERFLOW_PASSES; pass++) {
      job.step(pass === 0 ? 'deck pdf' : 'deck pdf (refitting slides)');
      const html = deckPrintHtml(rendered, { lang: documentLang(context.lesson) });
      if (pass === 0) job.whilePrinting?.();
      const result = wants('pdf')
        ? await exportDeckPdf(job.manager, {
            html,
            baseDir: job.outDir,
            out: `${job.outDir}/deck.pdf`,
            metadata: { title: deckTitle(context), author: context.courseTitle ?? 'Lectern', subject: context.moduleTitle ?? '' },
            notes: job.pdfNotes,
          })
        : await measureDeck(job.manager, html, job.outDir);
      overflow = result.overflow;
      if (process.env.LECTERN_PROFILE) for (const o of overflow) console.error(`overflow pass ${pass}: slide ${o.index + 1} ${slides[o.index]?.key} ratio ${o.ratio.toFixed(2)}`);
      if (overflow.length === 0 || pass === OVERFLOW_PASSES - 1) break;
      for (const item of overflow) {
        const slide = slides[item.index];
        if (!slide) continue;
        const current = tuning[slide.key] ?? {};
        // A slide a little too full is set a size smaller (one more pass, and nothing moves);
        // a much fuller one is split further; what splitting cannot fix is scaled down.
        const parts = slide.parts ?? 1;
        const scale = (current.scale ?? 1) / item.ratio;
        if (item.ratio <= 1.2 || parts >= 4 || pass >= OVERFLOW_PASSES - 2) {
          tuning[slide.key] = { ...current, scale: Math.max(0.6, Math.min(0.9, Math.floor(scale * 10) / 10)) };
        } else {
          tuning[slide.key] = { ...current, split: Math.max(parts + 1, Math.ceil(parts * item.ratio)) };
        }
      }
      ({ markdown, slides } = renderDeck(context, job.templates, tuning));
      rendered = renderMarp(marp, markdown);
    }
    for (const item of overflow) {
      const slide = slides[item.index];
      job.file.message(`Slide ${item.index + 1} ("${slide?.title ?? ''}") still overflows by ${Math.round(item.overflowPx)} px; shorten it or split the content`, {
        place: { line: slide?.line || 1, column: 1 },
        ruleId: 'slide-overflow',
        source: 'lectern',
      }).fatal = false;
    }
    if (wants('pdf')) job.record('deck.pdf');
  }
  if (writeDeck && wants('md')) await job.write('deck.md', markdown);
  if (writeDeck && wants('html')) await job.write('deck.html', deckHtml(rendered, { title: deckTitle(context), lang: documentLang(context.lesson) }));
  if (writeDeck && wants('pptx')) {
    job.step('deck pptx');
    const out = `${job.outDir}/deck.pptx`;
    const metadata = { title: deckTitle(context), author: context.courseTitle ?? 'Lectern', subject: context.moduleTitle ?? '' };
    if (job.pptxStyle === 'pictures') {
      // Loaded only when asked for: pptxgenjs and its zip library (about 60 ms to load) stay out of every other build.
      const { exportDeckPptx } = await import('../export/pptx.js');
      await exportDeckPptx(job.manager, { html: deckPrintHtml(rendered), baseDir: job.outDir, out, notes: rendered.comments, metadata });
    } else {
      // Loaded only when asked for: highlight.js and the writer stay out of every other build.
      const { exportEditablePptx } = await import('../export/pptx/export.js');
      const themeCss = [...job.theme.builtIn, job.theme.css].filter(Boolean);
      await exportEditablePptx(job.manager, { context, tuning, notes: rendered.comments, themeCss, baseDir: job.outDir, out, metadata });
    }
    job.record('deck.pptx');
  }
  return { markdown, slides, rendered };
}

function deckTitle(context: RenderContext): string {
  const { lesson } = context;
  return lesson.number ? `Lesson ${lesson.number}: ${lesson.title}` : lesson.title;
}

