/**
 * How large a diagram's words come out in the box it fills, and what to do when they are too
 * small: draw it the other way round (TD↔LR), or split it into an overview and parts. Pure: reads
 * the measured SVG (`data-lectern-text`, set in the Mermaid page) and the Mermaid source.
 * Splitting itself is in mermaid-split.ts, re-exported here for the callers that fit diagrams.
 */
import { diagramType } from './mermaid-type.js';
import { readMermaid, type MermaidStructure } from './mermaid-structure.js';

export { splitByRanks, splitDiagram, type DiagramPart } from './mermaid-split.js';

/** The room a figure gets: CSS px, and whether it is drawn larger than its natural size to fill it. */
export interface FigureBox {
  width: number;
  height: number;
  upscale: boolean;
}

/** A diagram slide: all of the 1280×720 slide under the title (the theme's `section.diagram` image box). */
export const slideBox: FigureBox = { width: 1136, height: 490, upscale: true };
/**
 * A handout figure: the text column inside the figure frame, up to a page tall (214 mm, print.css),
 * so a tall figure may take a page of its own rather than print too small.
 */
export const columnBox: FigureBox = { width: 640, height: 808, upscale: false };

/**
 * The smallest word on a slide that can be read from the back of a room, in px of a 1280×720 slide:
 * 18 px as a PDF reader's word box measures it, plus 3 % because the page's measure reads up to that much larger.
 */
export const minSlideTextPx = 18.5;
/** The smallest diagram label that prints legibly, in pt (8 pt, with the same allowance). */
export const minPrintTextPt = 8.25;
/** A direction is changed only when it makes labels this much larger: a figure's shape is the author's. */
const clearlyLarger = 1.15;

/** A rendered SVG's natural size (its viewBox) and the height of its smallest text line in the same units. */
export interface SvgSize {
  width: number;
  height: number;
  text: number;
}

/** Reads the viewBox and the measured text height of an SVG the Mermaid page produced; null when either is missing. */
export function svgSize(svg: string): SvgSize | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return null;
  const box = /\sviewBox="\s*([-\d.e]+)[\s,]+([-\d.e]+)[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*"/.exec(root);
  const text = /\sdata-lectern-text="([\d.]+)"/.exec(root);
  if (!box || !text) return null;
  const width = Number(box[3]);
  const height = Number(box[4]);
  if (!(width > 0 && height > 0)) return null;
  return { width, height, text: Number(text[1]) };
}

/** Height in CSS px of the smallest text when the SVG is drawn to fit `box`. */
export function textHeightIn(size: SvgSize, box: FigureBox): number {
  let scale = Math.min(box.width / size.width, box.height / size.height);
  if (!box.upscale) scale = Math.min(1, scale);
  return size.text * scale;
}

/** CSS px to pt (96 px = 72 pt). */
export function pxToPt(px: number): number {
  return px * 0.75;
}

/** Characters of a slide title (40 px bold) that fit on one line of the slide. */
const titleCharsPerLine = 42;
/** Height of one more line of slide title, taken from the figure below it. */
const titleLinePx = 48;

/** The figure's box on a slide titled `title`: a title that wraps takes its second line from the figure. */
export function slideBoxFor(title: string): FigureBox {
  const lines = Math.min(3, Math.max(1, Math.ceil(title.length / titleCharsPerLine)));
  return { ...slideBox, height: slideBox.height - (lines - 1) * titleLinePx };
}

/** True when the slide's smallest words are large enough. */
export function readableOnSlide(size: SvgSize, box: FigureBox = slideBox): boolean {
  return textHeightIn(size, box) >= minSlideTextPx;
}

/** True when the handout's smallest words are large enough. */
export function readableInColumn(size: SvgSize): boolean {
  return pxToPt(textHeightIn(size, columnBox)) >= minPrintTextPt;
}

/** Of two drawings of one diagram, the one whose words are clearly larger in `box`; the first on a tie. */
export function betterFit(first: SvgSize, second: SvgSize | null, box: FigureBox): 0 | 1 {
  if (!second) return 0;
  return textHeightIn(second, box) >= textHeightIn(first, box) * clearlyLarger ? 1 : 0;
}

const flipped: Readonly<Record<string, string>> = { TB: 'LR', TD: 'LR', BT: 'RL', LR: 'TD', RL: 'BT' };

/**
 * The same diagram laid out the other way round (TD↔LR): flowcharts change their header's direction,
 * state, class and er diagrams get a `direction` statement. Null for kinds without a direction.
 */
export function flipDirection(code: string, structure: MermaidStructure = readMermaid(code)): string | null {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  const headerIndex = lines.findIndex((line) => line.trim() === structure.header.trim() && line.trim() !== '');
  if (headerIndex < 0) return null;
  const header = lines[headerIndex] as string;
  if (structure.kind === 'flowchart') {
    const match = /^(\s*(?:graph|flowchart(?:-elk)?))(?:\s+(TD|TB|BT|LR|RL))?(.*)$/.exec(header);
    if (!match) return null;
    lines[headerIndex] = `${match[1]} ${flipped[match[2] ?? 'TB']}${match[3]}`;
    return lines.join('\n');
  }
  if (structure.kind === 'state' || structure.kind === 'class' || structure.kind === 'er') {
    const current = structure.direction ?? 'TB';
    const direction = lines.findIndex((line, index) => index > headerIndex && /^\s*direction\s+(TD|TB|BT|LR|RL)\s*$/.test(line));
    // Only a top-level direction statement (before any block) may be replaced; else add one.
    if (direction >= 0 && !lines.slice(headerIndex + 1, direction).some((line) => /\{\s*$/.test(line))) {
      lines[direction] = `  direction ${flipped[current]}`;
    } else {
      lines.splice(headerIndex + 1, 0, `  direction ${flipped[current]}`);
    }
    return lines.join('\n');
  }
  return null;
}

// Config for drawing a diagram larger in its box without changing what it says. Timelines and gantt
// charts do not grow with their text, so larger text (and a narrower gantt, drawn larger) reads better.
const largerText: Readonly<Record<string, object>> = {
  timeline: { themeVariables: { fontSize: '22px' } },
  gantt: { gantt: { useWidth: 620, fontSize: 16, sectionFontSize: 16, barHeight: 26 } },
};

// Parts are drawn tighter than a whole figure: fewer things share the box, so less air keeps them together.
const compact: Readonly<Record<string, object>> = {
  flowchart: { flowchart: { nodeSpacing: 30, rankSpacing: 30, padding: 10 } },
  state: { state: { nodeSpacing: 30, rankSpacing: 30 } },
  sequence: { sequence: { mirrorActors: false, actorMargin: 30, messageMargin: 25, boxMargin: 6 } },
};

function withConfig(code: string, config: object | undefined): string | null {
  if (!config) return null;
  // After any front matter, which Mermaid only reads at the very start.
  const frontMatter = /^\s*---\s*\n[\s\S]*?\n\s*---\s*\n/.exec(code)?.[0] ?? '';
  return `${frontMatter}%%{init: ${JSON.stringify(config)}}%%\n${code.slice(frontMatter.length)}`;
}

/** The diagram drawn another way that may read larger: the other direction, or larger text for charts. */
export function otherLayout(code: string, structure: MermaidStructure = readMermaid(code)): string | null {
  return flipDirection(code, structure) ?? withConfig(code, largerText[structure.kind]);
}

/** A part's code drawn compactly, when its kind has a compact spacing. */
export function compactLayout(code: string): string {
  return withConfig(code, compact[diagramType(code)]) ?? code;
}
