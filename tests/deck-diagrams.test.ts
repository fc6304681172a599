// The slides of a diagram: one slide for the whole, or an overview and one slide per part, with
// titles and notes that say which part this is; alt text and handout figures carry the description.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planDiagramSlides } from '../src/plan/deck-diagrams.js';
import { diagramFigures } from '../src/render/diagram-figures.js';
import { splitDiagram } from '../src/assets/mermaid-fit.js';
import type { Diagram } from '../src/model/lesson.js';
import type { DiagramAsset } from '../src/render/context.js';

const code = [...readFileSync(join(import.meta.dirname, '..', 'tests/corpus/seed-6.7-docker-fundamentals.md'), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)][0]![1]!;
const diagram: Diagram = { title: 'Docker Architecture', type: 'flowchart', code, line: 53 };
const plain = (text: string) => text;
const split: DiagramAsset = {
  src: 'assets/d.svg',
  svg: '<svg id="diagram-1"></svg>',
  error: null,
  partsInHandout: true,
  parts: splitDiagram(code).map((part, n) => ({ name: part.name, src: `assets/d-part-${n + 1}.svg`, svg: `<svg id="diagram-1-part-${n + 1}"></svg>`, code: part.code })),
};

describe('diagram slides', () => {
  it('gives a whole diagram one slide whose alt text is its description', () => {
    const slides = planDiagramSlides(diagram, 0, { src: 'assets/d.svg', svg: null, error: null }, diagram.title, plain);
    expect(slides).toHaveLength(1);
    expect(slides[0]!.data.alt).toMatch(/^Flowchart, top to bottom\. Docker Client leads to Docker Daemon\./);
    expect(slides[0]!.say.join('\n')).toContain('Docker Daemon leads to Container Runtime, Image Management and Network Management.');
  });

  it('gives a split diagram an overview and one slide per part, titled and narrated as parts', () => {
    const slides = planDiagramSlides(diagram, 0, split, diagram.title, plain);
    expect(slides.map((slide) => slide.title)).toEqual([
      'Docker Architecture (1/4): Overview',
      'Docker Architecture (2/4): Container Runtime',
      'Docker Architecture (3/4): Image Management',
      'Docker Architecture (4/4): Network Management',
    ]);
    expect(slides.every((slide) => slide.key === 'diagram:0')).toBe(true);
    expect(slides[2]!.data.src).toBe('assets/d-part-3.svg');
    expect(slides[2]!.say[0]).toBe('Part 3 of 4 of “Docker Architecture”: Image Management. The whole figure is in the handout.');
    expect(slides[2]!.say.join('\n')).toContain('Image Management leads to Image Registry, Image Cache and Image Building.');
    expect(slides[2]!.data.alt).not.toContain('Namespaces');
  });

  it('prints the whole figure with its description, then the parts when asked', () => {
    const counter = { next: 1 };
    const html = diagramFigures(diagram, split, 'Docker Architecture', counter, '');
    expect(counter.next).toBe(6);
    expect(html).toContain('role="img" aria-label="Flowchart, top to bottom. Docker Client leads to Docker Daemon.');
    expect(html).toContain('<details class="figure-description"><summary>Text description</summary>');
    expect(html).toContain('Figure 3:</span> Docker Architecture (2/4): Container Runtime');
    const alone = diagramFigures(diagram, { ...split, partsInHandout: false }, 'Docker Architecture', { next: 1 }, '');
    expect(alone.match(/<figure /g)).toHaveLength(1);
  });
});
