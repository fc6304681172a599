/**
 * Prints a deck to PDF in the shared browser: one slide per page at the slide's own size, speaker
 * notes optionally on a page after each slide, metadata set, written atomically.
 */
import type { BlockedRequest, BrowserManager } from '../browser/manager.js';
import { assertSlides, countSlides, measureSlides } from './measure.js';
import type { SlideOverflow } from './measure.js';
import { savePdf } from './pdf-file.js';
import type { PdfMetadata } from './pdf-file.js';
import { notesClass } from './print-html.js';
import { PRINT_PRIORITY, withPrintPage } from './print-page.js';
import { slideSizeOf } from './slides.js';

export type { PdfMetadata } from './pdf-file.js';

export interface ExportDeckPdfOptions {
  /** The deck's print variant (`deckPrintHtml`). */
  html: string;
  /** The lesson's output folder: relative asset URLs resolve here, and only files under it load. */
  baseDir: string;
  /** Where to write the PDF; replaced atomically, left alone on failure. */
  out: string;
  /** Page size in CSS pixels; defaults to the slides' size (Marp's is 1280×720). */
  width?: number;
  height?: number;
  metadata?: PdfMetadata;
  /** Adds a page of speaker notes after each slide that has any. */
  notes?: boolean;
  /** Milliseconds allowed for loading and for printing, each; defaults to 60 000. */
  timeout?: number;
}

export interface DeckPdfResult {
  /** Pages in the written PDF. */
  pages: number;
  /** Slides whose content does not fit, measured before printing. */
  overflow: SlideOverflow[];
  /** What the deck tried to load and was refused. */
  blocked: BlockedRequest[];
}

export interface DeckMeasurement {
  /** Slides in the deck. */
  slides: number;
  overflow: SlideOverflow[];
  blocked: BlockedRequest[];
}

/** Measures the deck, prints it to `out` and returns the page count, overflowing slides and blocked requests. */
export async function exportDeckPdf(manager: BrowserManager, options: ExportDeckPdfOptions): Promise<DeckPdfResult> {
  const { html, baseDir, out } = options;
  const size = slideSizeOf(html);
  const width = options.width ?? size.width;
  const height = options.height ?? size.height;
  const timeout = options.timeout ?? manager.timeout;

  const { printed, overflow, blocked } = await withPrintPage(
    manager,
    { html, baseDir, viewport: { width, height }, timeout, priority: PRINT_PRIORITY.deck },
    async (page, lease) => {
      await assertSlides(page, out);
      const overflow = await measureSlides(page);
      if (options.notes) {
        await page.evaluate((name) => document.documentElement.classList.add(name), notesClass);
      }
      const printed = await page.pdf({
        width: `${width}px`,
        height: `${height}px`,
        printBackground: true,
        preferCSSPageSize: false,
        // A bookmark per slide title and a structure tree, like every other PDF Lectern writes.
        outline: true,
        tagged: true,
        timeout,
      });
      return { printed, overflow, blocked: [...lease.blocked] };
    },
  );

  const pages = await savePdf(printed, out, options.metadata);
  return { pages, overflow, blocked };
}

/** Loads the deck and measures it without printing: which slides overflow, and what was blocked. */
export async function measureDeck(manager: BrowserManager, html: string, baseDir: string): Promise<DeckMeasurement> {
  return withPrintPage(manager, { html, baseDir, viewport: slideSizeOf(html), priority: PRINT_PRIORITY.deck }, async (page, lease) => ({
    slides: await countSlides(page),
    overflow: await measureSlides(page),
    blocked: [...lease.blocked],
  }));
}
