/**
 * The print variant of a deck: every slide stacked, one per page, no script. The PDF and PPTX
 * exporters load it in the shared browser; speaker-note pages are in it but hidden until asked for.
 */
import { escapeHtml, htmlDocument } from './html-document.js';
import type { RenderedDeck } from './marp.js';
import { paperCss, slideSizeOf } from './slides.js';

export interface PrintHtmlOptions {
  title?: string;
  lang?: string;
}

/** Class on `<html>` that turns on the speaker-note page after each slide that has notes. */
export const notesClass = 'lectern-print-notes';

/** Builds the print variant: `@page` sized to the slides, each slide one page, no script. */
export function deckPrintHtml(rendered: RenderedDeck, options: PrintHtmlOptions = {}): string {
  const { width, height } = slideSizeOf(rendered.html);
  const body = rendered.slides
    .map((slide, index) => slide + notesPage(index, rendered.comments[index] ?? []))
    .join('');
  return htmlDocument({
    title: options.title ?? 'Slides',
    lang: options.lang ?? 'en',
    styles: [paperCss, rendered.css, printCss(width, height)],
    body: `<div class="marpit">${body}</div>`,
    // Only the guarded browser loads this page. Remote URLs must reach its request guard, which
    // records them for the build report; a policy block here would hide them from it.
    resourceSources: "* data: file: blob:",
  });
}

function notesPage(index: number, notes: readonly string[]): string {
  const text = notes.map((note) => note.trim()).filter((note) => note !== '');
  if (text.length === 0) return '';
  const paragraphs = text.map((note) => `<p>${escapeHtml(note)}</p>`).join('');
  return `<div class="lectern-notes-page" data-slide="${index}"><h2>Notes: slide ${index + 1}</h2>${paragraphs}</div>`;
}

function printCss(width: number, height: number): string {
  return `
@page { size: ${width}px ${height}px; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
div.marpit > svg[data-marpit-svg] { display: block; width: ${width}px; height: ${height}px; break-before: page; }
.lectern-notes-page { display: none; }
html.${notesClass} .lectern-notes-page {
  display: block; box-sizing: border-box; width: ${width}px; height: ${height}px; overflow: hidden;
  padding: 56px 72px; break-before: page; color: #222; background: #fff;
  font: 26px/1.45 'DejaVu Sans', 'Noto Sans', Arial, sans-serif;
}
.lectern-notes-page h2 { margin: 0 0 24px; font-size: 22px; color: #666; font-weight: normal; }
.lectern-notes-page p { margin: 0 0 16px; white-space: pre-wrap; }
/* Breaks go before pages, not after, so the last page is never followed by a blank one. */
div.marpit > :first-child { break-before: auto; }
`;
}
