/**
 * A deck's slides as the facilitator guide lists them: number, title and speaker notes, read from
 * the deck's Marp Markdown (the notes are its HTML comments, as Marp and the deck PDF see them).
 * Pure: Marp renders in memory, no browser.
 */
import { marpFor, renderMarp } from '../export/marp.js';
import { headingOutline } from '../render/print-document.js';
import type { GuideSlide } from './guide.js';

/** Each slide of the deck with its title (its most important heading) and its notes, one line per point. */
export function deckSlides(markdown: string, themes: readonly string[] = []): GuideSlide[] {
  const rendered = renderMarp(marpFor(themes), markdown);
  return rendered.slides.map((html, index) => {
    const headings = headingOutline(html);
    const top = headings.reduce<(typeof headings)[number] | null>((best, heading) => (!best || heading.level < best.level ? heading : best), null);
    const notes = (rendered.comments[index] ?? [])
      .join('\n')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    return { number: index + 1, title: top?.title ?? `Slide ${index + 1}`, notes };
  });
}
