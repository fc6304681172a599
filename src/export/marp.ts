/**
 * src/export/ turns rendered documents into the files people open: the deck through Marp (this
 * file) into standalone HTML (deck-html.ts), PDF (pdf.ts) and PowerPoint (pptx.ts, pptx/), the
 * handout and lab sheets into PDF (document-pdf.ts), with slides that overflow measured
 * (measure.ts) and every file written atomically (atomic.ts).
 *
 * This file: the one Marp configuration Lectern renders decks with: lesson text never becomes live
 * HTML, and nothing in the output needs the network (no twemoji images, MathJax as inline SVG).
 */
import { Marp } from '@marp-team/marp-core';
import { InputError } from '../errors.js';

/** A rendered deck: one `<svg>` per slide, the theme CSS, and each slide's speaker notes. */
export interface RenderedDeck {
  /** All slides inside Marp's `<div class="marpit">` container. */
  html: string;
  /** Each slide's `<svg data-marpit-svg>`, in order; `html` is these inside the container. */
  slides: string[];
  css: string;
  /** Speaker notes per slide: the HTML comments that are not directives. */
  comments: string[][];
}

/** Creates a Marp renderer that knows the given themes; the deck's front matter picks one by name. */
export function createMarp(themeCss: readonly string[] = []): Marp {
  const marp = new Marp({
    html: false,
    emoji: { shortcode: true, unicode: false },
    // Lesson text escapes `$`, so math never renders; without it (and CSS minifying) a deck renders
    // in a third of the time on a cold start, which is most of a one-lesson rebuild.
    math: false,
    inlineSVG: true,
    minifyCSS: false,
    // The helper script would be a second script in the page; decks carry only ours.
    script: false,
  });
  themeCss.forEach((css, index) => {
    try {
      marp.themeSet.add(css);
    } catch (error) {
      throw new InputError(`Cannot add theme #${index + 1}: expected CSS with a /* @theme name */ comment`, {
        cause: error,
      });
    }
  });
  return marp;
}

let shared: { key: string; marp: Marp } | undefined;

/**
 * The renderer for these themes, made once and shared by every deck of the run: Marp's set-up and
 * its first, cold render cost more than a warm render of a whole deck. Rendering is synchronous, so
 * decks never interleave in it.
 */
export function marpFor(themeCss: readonly string[]): Marp {
  const key = themeCss.join('\0');
  if (shared?.key !== key) shared = { key, marp: createMarp(themeCss) };
  return shared.marp;
}

/** Renders deck Markdown (with `marp: true` front matter) to slides, CSS and notes. */
export function renderMarp(marp: Marp, markdown: string): RenderedDeck {
  const { html, css, comments } = marp.render(markdown, { htmlAsArray: true });
  const slides = Array.isArray(html) ? html : [html];
  return { html: `<div class="marpit">${slides.join('')}</div>`, slides, css, comments };
}
