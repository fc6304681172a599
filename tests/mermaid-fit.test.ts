// Laying diagrams out for their box, without a browser: sizes from a measured SVG, the other
// direction, and splitting into parts that lose no node, edge or message.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMermaid } from '../src/assets/mermaid-structure.js';
import { flipDirection, otherLayout, splitByRanks, splitDiagram, svgSize, textHeightIn, slideBox, columnBox } from '../src/assets/mermaid-fit.js';

const root = join(import.meta.dirname, '..');
function diagramsOf(path: string): string[] {
  return [...readFileSync(join(root, path), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}
const seed = diagramsOf('tests/corpus/seed-6.7-docker-fundamentals.md');
const kinds = diagramsOf('tests/e2e-diagrams/9.5-diagram-kinds.md');
const samples = ['3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication'].flatMap((name) => diagramsOf(`lessons/module-3-web-apis/${name}.md`));

describe('sizes', () => {
  it('reads the viewBox and measured text of an SVG, and scales it into a box', () => {
    const size = svgSize('<svg id="d" viewBox="0 0 2272 490" data-lectern-text="18.5" style="max-width: 2272px;"><g/></svg>');
    expect(size).toEqual({ width: 2272, height: 490, text: 18.5 });
    // Twice too wide for the slide: half size. The handout never draws larger than natural.
    expect(textHeightIn(size!, slideBox)).toBeCloseTo(9.25);
    expect(textHeightIn({ width: 100, height: 100, text: 19 }, columnBox)).toBe(19);
    expect(svgSize('<svg viewBox="0 0 10 10"></svg>')).toBeNull();
  });
});

describe('the other direction', () => {
  it('turns flowcharts TD↔LR and leaves what they say alone', () => {
    const [architecture, lifecycle] = seed as [string, string];
    const turned = flipDirection(architecture)!;
    expect(turned.split('\n')[0]).toBe('graph LR');
    expect(readMermaid(turned).edges).toEqual(readMermaid(architecture).edges);
    expect(flipDirection(lifecycle)!.split('\n')[0]).toBe('graph TD');
    expect(flipDirection('flowchart\n  A --> B')!.split('\n')[0]).toBe('flowchart LR');
  });

  it('gives state, class and er diagrams a direction statement, and charts larger text', () => {
    expect(readMermaid(flipDirection(kinds[6] as string)!).direction).toBe('LR');
    expect(readMermaid(flipDirection(kinds[7] as string)!).direction).toBe('LR');
    expect(otherLayout(kinds[11] as string)).toMatch(/^%%\{init: \{"themeVariables":\{"fontSize":"22px"\}\}\}%%\ntimeline/);
    expect(otherLayout(kinds[10] as string)).toBeNull();
  });
});

describe('splitting', () => {
  const graphs = [...seed, kinds[2] as string, kinds[3] as string, kinds[9] as string, samples[2] as string, samples[4] as string];
  it.each(graphs.map((code, index) => [index, code]))('graph %i: parts lose no node or edge, and show only nodes of the original', (_index, code) => {
    const original = readMermaid(code as string);
    const parts = splitDiagram(code as string, 3);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const ends = new Set(original.edges.flatMap((edge) => [edge.from, edge.to]));
    const shown = new Set<string>();
    const edges = new Set<string>();
    for (const part of parts) {
      const structure = readMermaid(part.code);
      expect(structure.kind).toBe(original.kind);
      for (const node of structure.nodes) {
        if (original.kind !== 'mindmap') expect(ends.has(node.id), `${node.id} in ${part.name}`).toBe(true);
        shown.add(original.kind === 'mindmap' ? node.label : node.id);
      }
      for (const edge of structure.edges) edges.add(original.kind === 'mindmap' ? `${label(structure, edge.from)}>${label(structure, edge.to)}` : `${edge.from}>${edge.to}:${edge.label}`);
      for (const node of structure.nodes) {
        const before = original.nodes.find((candidate) => (original.kind === 'mindmap' ? candidate.label === node.label : candidate.id === node.id));
        expect(node.label, node.id).toBe(before?.label);
      }
    }
    for (const node of original.nodes) expect(shown.has(original.kind === 'mindmap' ? node.label : node.id), node.label).toBe(true);
    for (const edge of original.edges) {
      const key = original.kind === 'mindmap' ? `${label(original, edge.from)}>${label(original, edge.to)}` : `${edge.from}>${edge.to}:${edge.label}`;
      expect(edges.has(key), key).toBe(true);
    }
  });

  it('splits the seed architecture into an overview and one part per branch', () => {
    const parts = splitDiagram(seed[0] as string);
    expect(parts.map((part) => part.name)).toEqual(['Overview', 'Container Runtime', 'Image Management', 'Network Management']);
    expect(parts[0]!.nodes).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(parts[2]!.nodes).toEqual(['B', 'D', 'D1', 'D2', 'D3']);
  });

  it('splits by subgraph, with the nodes where groups meet as the overview', () => {
    const parts = splitDiagram(kinds[2] as string);
    expect(parts.map((part) => part.name)).toEqual(['Overview', 'Public Zone', 'Private Zone', 'Operations Zone']);
    expect(parts[0]!.nodes.sort()).toEqual(['APP', 'MON', 'WEB']);
  });

  it('splits a deep branch again, and a pipeline by runs of ranks', () => {
    const names = splitDiagram(kinds[3] as string).map((part) => part.name);
    expect(names).toContain('Operate Service: Operate Fetch');
    const pipeline = splitDiagram(samples[2] as string);
    expect(pipeline[0]!.name).toBe('Overview');
    const again = splitByRanks(pipeline[1]!.code, 2, pipeline[1]!.name);
    expect(again.map((part) => part.name)).toEqual([pipeline[1]!.name, `${pipeline[1]!.name} (continued)`]);
  });

  it('splits a sequence diagram into ranges of messages, blocks kept whole, every message once and in order', () => {
    const code = kinds[4] as string;
    const original = readMermaid(code);
    const parts = splitDiagram(code, 3);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const messages = parts.flatMap((part) => readMermaid(part.code).messages.map((m) => `${m.from}>${m.to}:${m.text}`));
    expect(messages).toEqual(original.messages.map((m) => `${m.from}>${m.to}:${m.text}`));
    for (const part of parts) {
      const structure = readMermaid(part.code);
      expect(structure.statements.filter((s) => /^loop\b/.test(s)).length).toBe(structure.statements.filter((s) => s === 'end').length);
      for (const p of structure.participants) expect(p.label).toBe(original.participants.find((o) => o.id === p.id)?.label);
    }
    expect(parts[0]!.name).toMatch(/^Messages 1–\d+$/);
  });

  it('does not split kinds it cannot take apart', () => {
    expect(splitDiagram(kinds[10] as string)).toEqual([]);
    expect(splitDiagram(kinds[8] as string)).toEqual([]);
  });
});

function label(structure: ReturnType<typeof readMermaid>, id: string): string {
  return structure.nodes.find((node) => node.id === id)?.label ?? id;
}

describe('drawing config', () => {
  it('puts its directive after front matter, which must stay first', () => {
    const code = '---\ntitle: History\n---\ntimeline\n  2008 : LXC';
    expect(otherLayout(code)).toBe('---\ntitle: History\n---\n%%{init: {"themeVariables":{"fontSize":"22px"}}}%%\ntimeline\n  2008 : LXC');
  });
});
