/**
 * A diagram's figures in a document: the whole figure with its text description, then, when the
 * whole prints too small to read (under 8 pt), its parts as figures of their own. Pure.
 */
import type { Diagram } from '../model/lesson.js';
import type { DiagramAsset } from './context.js';
import { renderFigure } from './html.js';
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
