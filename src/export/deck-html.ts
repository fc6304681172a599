/**
 * `deck.html`: a standalone slide show that works from `file://` without network. Slides come from
 * Marp, navigation and the presenter view from our one inline script; the notes ride along as
 * hidden, escaped text. Without JavaScript the slides are simply stacked, and printing gives one per page.
 */
import { deckViewerScript } from './deck-viewer.js';
import { escapeHtml, htmlDocument } from './html-document.js';
import type { RenderedDeck } from './marp.js';
import { paperCss, slideSizeOf } from './slides.js';

export interface DeckHtmlOptions {
  title: string;
  /** BCP 47 language tag of the lesson, for the `<html lang>` attribute. */
  lang: string;
}

/** Builds the standalone presentation page for a rendered deck. */
export function deckHtml(rendered: RenderedDeck, options: DeckHtmlOptions): string {
  const { width, height } = slideSizeOf(rendered.html);
  const body = [
    rendered.html,
    '<div class="lectern-counter" aria-live="polite"></div>',
    `<div id="lectern-notes" hidden>${rendered.slides.map((_, index) => notesOf(index, rendered.comments[index] ?? [])).join('')}</div>`,
  ].join('\n');
  return htmlDocument({
    title: options.title,
    lang: options.lang,
    styles: [paperCss, rendered.css, viewerCss(width, height)],
    body,
    script: deckViewerScript,
  });
}

function notesOf(index: number, notes: readonly string[]): string {
  const paragraphs = notes
    .map((note) => note.trim())
    .filter((note) => note !== '')
    .map((note) => `<p>${escapeHtml(note)}</p>`);
  return paragraphs.length === 0 ? '' : `<aside data-slide="${index}">${paragraphs.join('')}</aside>`;
}

function viewerCss(width: number, height: number): string {
  return `
html, body { margin: 0; background: #000; }
div.marpit > svg[data-marpit-svg] { display: block; width: 100%; height: auto; margin: 0 auto 4px; }
.lectern-counter, #lectern-notes { display: none; }
html.lectern-view, html.lectern-view body { height: 100%; overflow: hidden; }
/* Swipes change slides; the browser keeps pinch zoom but does not pan. */
html.lectern-view body { touch-action: pinch-zoom; }
html.lectern-view div.marpit > svg[data-marpit-svg] { display: none; position: fixed; inset: 0; width: 100%; height: 100%; margin: 0; }
html.lectern-view div.marpit > svg[data-marpit-svg].lectern-active { display: block; }
html.lectern-view .lectern-counter {
  display: block; position: fixed; right: 12px; bottom: 10px; z-index: 1; padding: 4px 10px; border-radius: 4px;
  background: rgba(0, 0, 0, 0.55); color: #fff; font: 14px/1.4 system-ui, sans-serif; pointer-events: none;
}
.lectern-presenter {
  position: fixed; inset: 0; z-index: 2; display: grid; gap: 16px; padding: 16px; box-sizing: border-box;
  grid-template: 'current next' minmax(0, 1fr) 'current notes' minmax(0, 2fr) 'bar bar' auto / 2fr 1fr;
  background: #161616; color: #eee; font: 16px/1.5 system-ui, sans-serif;
}
.lectern-presenter-window, .lectern-presenter-window body { height: 100%; margin: 0; background: #161616; }
.lectern-presenter div.marpit { width: 100%; height: 100%; }
.lectern-presenter div.marpit > svg[data-marpit-svg], html.lectern-view .lectern-presenter div.marpit > svg[data-marpit-svg] {
  display: block; position: static; width: 100%; height: 100%; margin: 0;
}
.lectern-presenter-current { grid-area: current; min-height: 0; }
.lectern-presenter-next { grid-area: next; min-height: 0; cursor: pointer; opacity: 0.85; }
.lectern-presenter-notes { grid-area: notes; overflow: auto; padding: 8px 16px; background: #222; border-radius: 6px; font-size: 20px; }
.lectern-presenter-notes p { margin: 0 0 0.8em; white-space: pre-wrap; }
.lectern-presenter-bar { grid-area: bar; display: flex; justify-content: space-between; align-items: center; color: #aaa; }
.lectern-presenter-timer { font: inherit; font-size: 24px; color: #eee; background: none; border: 0; cursor: pointer; font-variant-numeric: tabular-nums; }
@media print {
  @page { size: ${width}px ${height}px; margin: 0; }
  html, body, html.lectern-view, html.lectern-view body { height: auto; overflow: visible; background: none; }
  div.marpit > svg[data-marpit-svg], html.lectern-view div.marpit > svg[data-marpit-svg] {
    display: block; position: static; width: ${width}px; height: ${height}px; margin: 0; break-before: page;
  }
  div.marpit > svg[data-marpit-svg]:first-child { break-before: auto; }
  .lectern-counter, .lectern-presenter { display: none !important; }
}
`;
}
