/**
 * The slides of one diagram: the whole figure on a slide of its own, or, when the build split it to
 * keep its words readable, an overview and one slide per part, titled "Docker Architecture (2/4):
 * Image Management", with notes that say which part this is. Pure.
 */
import type { Diagram } from '../model/lesson.js';
import type { DiagramAsset } from '../render/context.js';
import type { PlannedSlide } from './deck-plan.js';
import { describeDiagram, diagramDescription } from './diagram-description.js';
import { escapeText } from '../render/markdown-safe.js';

type DiagramSlide = Omit<PlannedSlide, 'exercise' | 'classes' | 'part' | 'parts'> & Partial<PlannedSlide>;

/** Plans the slides of `diagram` (the `index`-th of the lesson), titled `title`; `plain` turns inline Markdown into text. */
export function planDiagramSlides(
  diagram: Diagram,
  index: number,
  asset: DiagramAsset | undefined,
  title: string,
  plain: (markdown: string) => string,
): DiagramSlide[] {
  const key = `diagram:${index}`;
  const plainTitle = plain(title) || 'Diagram';
  const say = ['Walk through the diagram one box at a time:', ...describeDiagram(diagram)];
  if (!asset?.src) {
    return [{
      key,
      kind: 'diagram',
      title,
      line: diagram.line,
      classes: ['placeholder'],
      data: { src: null, alt: plainTitle, error: asset?.error ?? 'The diagram was not rendered.', type: diagram.type, diagramTitle: title },
      say: ['The diagram could not be rendered; describe it from the lesson instead.', ...say],
    }];
  }
  const parts = asset.parts ?? [];
  if (parts.length === 0) {
    return [{
      key,
      kind: 'diagram',
      title,
      line: diagram.line,
      data: { src: asset.src, alt: diagramDescription(diagram.code), error: null, type: diagram.type, diagramTitle: title },
      say,
    }];
  }
  // Parts share the diagram's key (the agenda names the diagram once) and are whole slides, not "(cont.)".
  return parts.map((part, n) => ({
    key,
    kind: 'diagram',
    title: `${title} (${n + 1}/${parts.length}): ${escapeText(part.name)}`,
    line: diagram.line,
    data: { src: part.src, alt: diagramDescription(part.code), error: null, type: diagram.type, diagramTitle: title },
    say: [
      `Part ${n + 1} of ${parts.length} of “${plainTitle}”: ${part.name}. The whole figure is in the handout.`,
      ...(n === 0 && part.name === 'Overview' ? ['Name the parts before going into each one.'] : []),
      ...describeDiagram({ ...diagram, code: part.code }),
    ],
  }));
}
