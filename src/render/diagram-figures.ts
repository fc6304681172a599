/**
 * A diagram's figures in a document: the whole figure with its text description, then, when the
 * whole prints too small to read (under 8 pt), its parts as figures of their own; each a numbered
 * figure with the SVG inlined, or a visible placeholder with the error. Pure.
 */
import type { Diagram } from '../model/lesson.js';
import type { DiagramAsset } from './context.js';
import { escapeHtml } from './html-escape.js';
import { diagramDescription } from '../plan/diagram-description.js';

/** Renders the figures of `diagram`, numbered from `counter.next` (which it advances), captioned `caption`. */
export function diagramFigures(diagram: Diagram, asset: DiagramAsset | undefined, caption: string, counter: { next: number }, idPrefix: string): string {
  const whole = renderFigure({
    number: counter.next++,
    title: caption,
    asset,
    idPrefix: idPrefix || undefined,
    description: diagramDescription(diagram.code),
  });
  const parts = asset?.partsInHandout ? asset.parts ?? [] : [];
  return [
    whole,
    ...parts.map((part, n) =>
      renderFigure({
        number: counter.next++,
        title: `${caption} (${n + 1}/${parts.length}): ${part.name}`,
        asset: { src: part.src, svg: part.svg, error: null },
        idPrefix: idPrefix || undefined,
        description: diagramDescription(part.code),
      }),
    ),
  ].join('');
}

export interface Figure {
  /** 1-based figure number in the document. */
  number: number;
  title: string;
  asset: DiagramAsset | undefined;
  /** Id prefix for this document part, keeping SVG ids unique when two parts share diagram ids. */
  idPrefix?: string;
  /** The diagram in words: the figure's text alternative, and a collapsible "Text description" under it. */
  description?: string;
}

/** A numbered figure with the diagram's SVG inlined, or a visible placeholder with the error. */
export function renderFigure(figure: Figure): string {
  const caption =
    `<figcaption><span class="figure-number">Figure ${figure.number}:</span> ${escapeHtml(figure.title)}</figcaption>`;
  const svg = figure.asset?.svg ?? null;
  // The SVG's own text is a jumble of labels to a screen reader; the description says what it shows.
  const described = figure.description ? ` role="img" aria-label="${escapeHtml(figure.description)}"` : '';
  const details = figure.description && svg !== null
    ? `<details class="figure-description"><summary>Text description</summary><p>${escapeHtml(figure.description)}</p></details>`
    : '';
  const body =
    svg !== null
      ? `<div class="figure-body"${described}>${figure.idPrefix ? prefixSvgIds(svg, figure.idPrefix) : svg}</div>`
      : `<div class="figure-placeholder"><p class="figure-placeholder-title">Diagram not available</p>` +
        `<p class="figure-placeholder-error">${escapeHtml(figure.asset?.error ?? 'The diagram was not rendered.')}</p></div>`;
  return `<figure class="diagram" id="figure-${figure.number}">${body}${caption}${details}</figure>`;
}

/** Renames the root id of an SVG (and every reference to it) so two copies can share a page. */
function prefixSvgIds(svg: string, prefix: string): string {
  const id = /^\s*<svg\b[^>]*?\sid="([A-Za-z][\w-]*)"/.exec(svg)?.[1];
  if (!id) return svg;
  const pattern = new RegExp(`(?<![\\w-])${id.replace(/[-]/g, '\\-')}(?![0-9])`, 'g');
  return svg.replace(pattern, `${prefix}${id}`);
}
