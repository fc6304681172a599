/**
 * Finds slides whose content does not fit: Marp clips each slide to a fixed box, so text that runs
 * past it silently disappears from the PDF. Measured in the browser, after layout, with real fonts.
 */
import type { Page } from 'puppeteer-core';
import { LecternError } from '../errors.js';
import { slideSelector } from './slides.js';

/** A slide whose content is taller than the room its theme leaves for it. */
export interface SlideOverflow {
  /** 0-based position of the slide in the deck. */
  index: number;
  /** CSS pixels of content that do not fit (above and below the content box together). */
  overflowPx: number;
  /** Content height over the content box's height; more than 1 when overflowing, about the number of slides needed. */
  ratio: number;
}

/** Pixels of overflow ignored, for rounding in layout. */
export const overflowTolerancePx = 2;

/** Measures every slide of the deck loaded in `page` and returns the ones that overflow, in order. */
export async function measureSlides(page: Page): Promise<SlideOverflow[]> {
  return page.evaluate(measureInPage, slideSelector, overflowTolerancePx);
}

/** Counts the slides in the deck loaded in `page`. */
export function countSlides(page: Page): Promise<number> {
  return page.$$eval(slideSelector, (slides) => slides.length);
}

/** Throws unless the page holds Marp slides: a deck without any is a fault upstream, not an empty file. */
export async function assertSlides(page: Page, out: string): Promise<number> {
  const slides = await countSlides(page);
  if (slides === 0) throw new LecternError(`Cannot export ${out}: expected Marp slides in the deck HTML, found none`);
  return slides;
}

// Runs in the page (so: no helpers from this module). Compares the union of the content section's
// in-flow children with its content box (inside the padding). Children rather than scrollHeight:
// themes that centre content with flexbox push overflow out of the top as well, where scrollHeight
// cannot see it. Absolutely placed children (Marp's header and footer) sit in the padding by design.
function measureInPage(selector: string, tolerance: number): SlideOverflow[] {
  const overflows: SlideOverflow[] = [];
  const slides = Array.from(document.querySelectorAll(selector));
  slides.forEach((slide, index) => {
    // With `![bg]` images a slide holds several sections; the content one is not marked as background.
    const section = slide.querySelector<HTMLElement>(
      'section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])',
    );
    if (!section || section.offsetHeight === 0) return;
    const box = section.getBoundingClientRect();
    // The slide's <svg> may scale it; work in the slide's own CSS pixels.
    const scale = box.height / section.offsetHeight;
    const style = getComputedStyle(section);
    const contentTop = box.top + parseFloat(style.paddingTop) * scale;
    const contentBottom = box.bottom - parseFloat(style.paddingBottom) * scale;
    let top = Infinity;
    let bottom = -Infinity;
    for (const child of Array.from(section.children)) {
      const position = getComputedStyle(child).position;
      if (position === 'absolute' || position === 'fixed') continue;
      const rect = child.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      top = Math.min(top, rect.top);
      bottom = Math.max(bottom, rect.bottom);
    }
    if (bottom === -Infinity) return;
    const overflowPx = (Math.max(0, bottom - contentBottom) + Math.max(0, contentTop - top)) / scale;
    if (overflowPx <= tolerance) return;
    const available = Math.max(1, (contentBottom - contentTop) / scale);
    const needed = (Math.max(bottom, contentBottom) - Math.min(top, contentTop)) / scale;
    overflows.push({ index, overflowPx: Math.round(overflowPx), ratio: Math.round((needed / available) * 1000) / 1000 });
  });
  return overflows;
}
