/**
 * Prints a document (handout, lab sheet) to PDF in the shared browser: paper size, running header
 * and footer, an outline from the headings, metadata, written atomically.
 */
import type { BlockedRequest, BrowserManager } from '../browser/manager.js';
import { savePdf } from './pdf-file.js';
import { withPrintPage } from './print-page.js';

export interface ExportDocumentPdfOptions {
  /** A complete HTML document; its `@page` rule sets the margins the header and footer sit in. */
  html: string;
  /** The lesson's output folder: relative asset URLs resolve here, and only files under it load. */
  baseDir: string;
  /** Where to write the PDF; replaced atomically, left alone on failure. */
  out: string;
  paper: 'a4' | 'letter';
  /** Chromium header and footer templates (`pageNumber`, `totalPages` classes work). */
  headerTemplate?: string;
  footerTemplate?: string;
  title?: string;
  author?: string;
  subject?: string;
  /** Milliseconds allowed for loading and for printing, each; defaults to 60 000. */
  timeout?: number;
  /** Gets a page ahead of documents of a lower priority (`PRINT_PRIORITY`); 0 unless given. */
  priority?: number;
  /** Called once Chromium has been told to print (the page is loaded; the printing takes a while). */
  onPrinting?: () => void;
}

export interface DocumentPdfResult {
  pages: number;
  /** What the document tried to load and was refused. */
  blocked: BlockedRequest[];
}

// An empty template would make Chromium print its own date, title and URL instead.
const blank = '<span></span>';

/** Prints a handout or lab sheet to `out` and returns its page count and blocked requests. */
export async function exportDocumentPdf(
  manager: BrowserManager,
  options: ExportDocumentPdfOptions,
): Promise<DocumentPdfResult> {
  const timeout = options.timeout ?? manager.timeout;
  const { headerTemplate, footerTemplate } = options;
  const { printed, blocked } = await withPrintPage(
    manager,
    { html: options.html, baseDir: options.baseDir, timeout, priority: options.priority },
    async (page, lease) => {
      const printing = page.pdf({
        format: options.paper,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: Boolean(headerTemplate || footerTemplate),
        headerTemplate: headerTemplate || blank,
        footerTemplate: footerTemplate || blank,
        outline: true,
        tagged: true,
        // The page has settled its fonts already; without this wait the print command goes out at once.
        waitForFonts: false,
        timeout,
      });
      options.onPrinting?.();
      return { printed: await printing, blocked: [...lease.blocked] };
    },
  );
  const pages = await savePdf(printed, options.out, {
    title: options.title,
    author: options.author,
    subject: options.subject,
  });
  return { pages, blocked };
}
