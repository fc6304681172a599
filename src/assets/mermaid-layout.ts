/**
 * Draws each diagram for the boxes it will fill (a slide under its title, a handout's column):
 * renders the author's code once, measures, and only then renders what the measure asks for — the
 * other direction (TD↔LR) when labels are too small, then parts when even that is not enough.
 * Everything is rendered in batches, so a lesson costs one round trip per step, not per diagram.
 */
import type { MermaidRenderer, RenderedDiagram, DiagramSource } from './mermaid.js';
import { diagramType } from './mermaid-type.js';
import {
  betterFit, columnBox, compactLayout, otherLayout, splitByRanks, pxToPt, readableInColumn, readableOnSlide, slideBoxFor, splitDiagram, svgSize,
  textHeightIn, minSlideTextPx, minPrintTextPt, type FigureBox, type SvgSize,
} from './mermaid-fit.js';

/** One drawing of a diagram (or of a part of it). */
export interface Drawing {
  code: string;
  svg: string;
  size: SvgSize | null;
}

/** A part of a diagram split for the slide. */
export interface DrawnPart extends Drawing {
  /** The drawing for a handout column, when the other direction prints larger there. */
  column: Drawing;
  /** The figure's box on the part's slide (its title may take two lines). */
  box: FigureBox;
  name: string;
  /** Ids of the original's nodes or participants the part shows. */
  nodes: string[];
}

/** What was drawn for one diagram, for each box. */
export interface LaidOutDiagram {
  /** The author's code as written, rendered (or its error). */
  whole: RenderedDiagram;
  /** The diagram's title, which its slides' titles start with. */
  title: string;
  /** The figure's box on the whole diagram's slide. */
  box: FigureBox;
  /** The drawing for a slide (maybe turned the other way), when the whole rendered. */
  slide: Drawing | null;
  /** The drawing for a handout column. */
  column: Drawing | null;
  /** Parts for slides (an overview first, when there is one); empty when the whole is readable. */
  parts: DrawnPart[];
  /** The handout prints the parts after the whole, which would be under 8 pt. */
  partsInHandout: boolean;
  /** Smallest text still too small: px on a slide, pt in the handout; null when all is readable. */
  tooSmall: { slidePx: number | null; printPt: number | null } | null;
}

/** Renders, measures and, where needed, re-lays out or splits `diagrams`. `cachedOnly` renders nothing new. */
export async function layOutDiagrams(
  renderer: MermaidRenderer,
  diagrams: ReadonlyArray<DiagramSource & { title?: string }>,
  cachedOnly = false,
): Promise<LaidOutDiagram[]> {
  const results = await renderer.render(diagrams, { cachedOnly });
  const laidOut: LaidOutDiagram[] = results.map((whole, index) => {
    const drawing = whole.svg ? { code: (diagrams[index] as DiagramSource).code, svg: whole.svg, size: svgSize(whole.svg) } : null;
    const title = diagrams[index]?.title ?? '';
    return { whole, title, box: slideBoxFor(title), slide: drawing, column: drawing, parts: [], partsInHandout: false, tooSmall: null };
  });
  if (cachedOnly) return laidOut;

  // 1. The other direction, for diagrams too small in either box.
  const flips: Array<{ index: number; code: string }> = [];
  laidOut.forEach((item, index) => {
    const size = item.slide?.size;
    if (!item.slide || !size || (readableOnSlide(size, item.box) && readableInColumn(size))) return;
    const code = otherLayout(item.slide.code);
    if (code) flips.push({ index, code });
  });
  const flipped = await drawAll(renderer, flips.map(({ index, code }) => ({ id: `${(diagrams[index] as DiagramSource).id}-turned`, code })));
  flips.forEach(({ index }, n) => {
    const item = laidOut[index] as LaidOutDiagram;
    const other = flipped[n];
    if (!other || !item.slide?.size) return;
    if (betterFit(item.slide.size, other.size, item.box) === 1) item.slide = other;
    if (item.column?.size && betterFit(item.column.size, other.size, columnBox) === 1) item.column = other;
  });

  // 2. Parts, for what is still too small on a slide.
  const splits: Array<{ index: number; parts: ReturnType<typeof splitDiagram> }> = [];
  laidOut.forEach((item, index) => {
    const size = item.slide?.size;
    if (!item.slide || !size || readableOnSlide(size, item.box)) return;
    const ranges = Math.ceil((minSlideTextPx / Math.max(0.1, textHeightIn(size, item.box))) * 1.15);
    const parts = splitDiagram(item.slide.code, ranges);
    if (parts.length > 0) splits.push({ index, parts });
  });
  const partSources = splits.flatMap(({ index, parts }) =>
    parts.map((part, n) => ({ id: `${(diagrams[index] as DiagramSource).id}-part-${n + 1}`, code: compactLayout(part.code) })),
  );
  const drawnParts = await drawAll(renderer, partSources);
  let cursor = 0;
  const allParts: Array<DrawnPart & { id: string }> = [];
  for (const { index, parts } of splits) {
    const drawn = parts.map((part) => {
      const id = (partSources[cursor] as DiagramSource).id;
      const drawing = drawnParts[cursor++];
      const box = partBox(laidOut[index] as LaidOutDiagram, part.name, parts.length);
      return drawing ? { ...drawing, column: drawing, box, name: part.name, nodes: part.nodes, id } : null;
    });
    // A part that did not render would lose labels: keep the whole instead.
    if (drawn.some((part) => part === null)) continue;
    const complete = drawn as Array<DrawnPart & { id: string }>;
    (laidOut[index] as LaidOutDiagram).parts = complete;
    allParts.push(...complete);
  }

  // 3. Parts still too small (on the slide, or in the handout when they will be printed) get the other direction too.
  const printsParts = (item: LaidOutDiagram) => !readableInColumn((item.column ?? item.slide)?.size ?? { width: 1, height: 1, text: 0 });
  const partFlips = laidOut
    .flatMap((item) => (item.parts as Array<DrawnPart & { id: string }>).map((part) => ({ part, prints: printsParts(item) })))
    .map(({ part, prints }) => ({
      part,
      code: part.size && (!readableOnSlide(part.size, part.box) || (prints && !readableInColumn(part.size))) ? otherLayout(part.code) : null,
    }))
    .filter((entry): entry is { part: DrawnPart & { id: string }; code: string } => entry.code !== null);
  const turnedParts = await drawAll(renderer, partFlips.map(({ part, code }) => ({ id: `${part.id}-turned`, code })));
  partFlips.forEach(({ part }, n) => {
    const other = turnedParts[n];
    if (!other || !part.size) return;
    if (betterFit(part.column.size ?? part.size, other.size, columnBox) === 1) part.column = other;
    if (betterFit(part.size, other.size, part.box) === 1) Object.assign(part, { code: other.code, svg: other.svg, size: other.size });
  });

  // 4. A part still too small is cut again: a graph's part into runs of consecutive ranks, a sequence
  // into more ranges of messages. Each piece is drawn both ways in the same batch; the larger wins.
  const recuts: Array<{ item: LaidOutDiagram; replaced: DrawnPart[]; pieces: ReturnType<typeof splitByRanks> }> = [];
  laidOut.forEach((item) => {
    const small = item.parts.filter((part) => part.size && !readableOnSlide(part.size, part.box));
    if (small.length === 0 || !item.slide) return;
    const ratio = (part: DrawnPart) => minSlideTextPx / Math.max(0.1, textHeightIn(part.size as SvgSize, part.box));
    if (diagramType(item.slide.code) === 'sequence') {
      const ranges = Math.ceil(item.parts.length * Math.max(...small.map(ratio)) * 1.1);
      const pieces = splitDiagram(item.slide.code, Math.max(item.parts.length + 1, ranges));
      if (pieces.length > item.parts.length) recuts.push({ item, replaced: item.parts, pieces });
      return;
    }
    for (const part of small) {
      const pieces = splitByRanks(part.code, Math.ceil(ratio(part) * 1.15), part.name);
      if (pieces.length > 0) recuts.push({ item, replaced: [part], pieces });
    }
  });
  const pieceSources = recuts.flatMap(({ item, pieces }, r) =>
    pieces.flatMap((piece, n) => {
      const id = `${item.whole.id}-cut-${r + 1}-${n + 1}`;
      const compactCode = compactLayout(piece.code);
      const turned = otherLayout(compactCode);
      return turned ? [{ id, code: compactCode }, { id: `${id}-turned`, code: turned }] : [{ id, code: compactCode }];
    }),
  );
  const drawnPieces = await drawAll(renderer, pieceSources);
  const byId = new Map(pieceSources.map((source, n) => [source.id, drawnPieces[n] ?? null]));
  recuts.forEach(({ item, replaced, pieces }, r) => {
    const drawn = pieces.map((piece, n) => {
      const id = `${item.whole.id}-cut-${r + 1}-${n + 1}`;
      const plain = byId.get(id) ?? null;
      const turned = byId.get(`${id}-turned`) ?? null;
      const box = partBox(item, piece.name, item.parts.length + pieces.length - replaced.length);
      const best = plain?.size && turned && betterFit(plain.size, turned.size, box) === 1 ? turned : plain;
      const column = plain?.size && turned && betterFit(plain.size, turned.size, columnBox) === 1 ? turned : plain;
      return best && column ? { ...best, column, box, name: piece.name, nodes: piece.nodes } : null;
    });
    if (drawn.some((piece) => piece === null)) return;
    const at = item.parts.indexOf(replaced[0] as DrawnPart);
    if (at >= 0) item.parts.splice(at, replaced.length, ...(drawn as DrawnPart[]));
  });

  // 5. What is shown where, and what is still too small.
  for (const item of laidOut) {
    if (!item.slide?.size) continue;
    const shown = item.parts.length > 0 ? item.parts.map((part) => ({ size: part.size, box: part.box })) : [{ size: item.slide.size, box: item.box }];
    const slidePx = Math.min(...shown.map(({ size, box }) => (size ? textHeightIn(size, box) : Infinity)));
    const columnSize = item.column?.size ?? item.slide.size;
    let printPt = pxToPt(textHeightIn(columnSize, columnBox));
    if (!readableInColumn(columnSize) && item.parts.length > 0) {
      item.partsInHandout = true;
      printPt = Math.min(...item.parts.map((part) => (part.column.size ? pxToPt(textHeightIn(part.column.size, columnBox)) : Infinity)));
    }
    const slideOk = slidePx >= minSlideTextPx;
    const printOk = printPt >= minPrintTextPt;
    if (!slideOk || !printOk) item.tooSmall = { slidePx: slideOk ? null : slidePx, printPt: printOk ? null : printPt };
  }
  return laidOut;
}

// The box on a part's slide, titled "Title (2/4): Name" (the widest count stands in for any).
function partBox(item: LaidOutDiagram, name: string, count: number): FigureBox {
  return slideBoxFor(`${item.title} (${count}/${count}): ${name}`);
}

async function drawAll(renderer: MermaidRenderer, sources: DiagramSource[]): Promise<Array<Drawing | null>> {
  if (sources.length === 0) return [];
  const results = await renderer.render(sources);
  return results.map((result, index) =>
    result.svg ? { code: (sources[index] as DiagramSource).code, svg: result.svg, size: svgSize(result.svg) } : null,
  );
}
