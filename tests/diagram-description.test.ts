// Diagram structure and text descriptions, checked against the Mermaid source of the seed, the sample
// lessons and a fixture per diagram kind (tests/e2e-diagrams/9.5-diagram-kinds.md).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMermaid } from '../src/assets/mermaid-structure.js';
import { diagramDescription, describeDiagram } from '../src/plan/diagram-description.js';

const root = join(import.meta.dirname, '..');
function diagramsOf(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  return [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}
const kinds = diagramsOf('tests/e2e-diagrams/9.5-diagram-kinds.md');
const sentencesOf = (text: string) => text.split(/(?<=[.?])\s+(?=[A-Z“0-9])/);

// Labels written out by hand from each source: the reader is not its own oracle.
const expectedLabels: Array<[string, number, string[]]> = [
  ['flowchart TD', 0, ['Browser', 'Load Balancer', 'Web Server', 'Application', 'Database']],
  ['flowchart LR with a decision', 1, ['Commit', 'Unit Tests', 'Tests pass?', 'Build Image', 'Fix Code', 'Deploy to Staging', 'Deploy to Production', 'yes', 'no']],
  ['flowchart with subgraphs', 2, ['Public Zone', 'Private Zone', 'Operations Zone', 'Load Balancer', 'Web Tier', 'App Tier', 'Primary Database', 'Session Cache', 'Monitoring', 'Log Store']],
  ['sequence', 4, ['User', 'Web App', 'Auth Service', 'Database', 'Job Queue', 'Open sign-in page', 'Render charts', 'Session revoked', 'Until the report is rendered']],
  ['class', 5, ['Shape', 'Circle', 'Square', 'Canvas', '+String name', '+area() float', '+float radius', 'holds']],
  ['state', 6, ['Placed', 'Paid', 'Shipped', 'Delivered', 'Cancelled', 'payment received', 'customer cancels', 'parcel handed over']],
  ['er', 7, ['CUSTOMER', 'ORDER', 'LINE_ITEM', 'PRODUCT', 'places', 'contains', 'appears in', 'email']],
  ['gantt', 8, ['Course Production', 'Writing', 'Media', 'Draft lessons', 'Review lessons', 'Record videos', 'Edit videos']],
  ['mindmap', 9, ['Containers', 'Images', 'Layers', 'Registries', 'Runtime', 'Namespaces', 'Cgroups', 'Networking', 'Bridges', 'Overlays']],
  ['pie', 10, ['Time in a Typical Lab', 'Reading', 'Typing commands', 'Debugging', 'Discussion']],
  ['timeline', 11, ['Container Milestones', '2008', 'LXC released', '2013', 'Docker released', '2014', 'Kubernetes announced', '2015', 'OCI founded']],
];

describe('reading a diagram\'s structure', () => {
  it('reads kind, direction, nodes and edges of a flowchart', () => {
    const [architecture, lifecycle] = diagramsOf('tests/corpus/seed-6.7-docker-fundamentals.md') as [string, string];
    const structure = readMermaid(architecture);
    expect(structure.kind).toBe('flowchart');
    expect(structure.direction).toBe('TB');
    expect(structure.nodes.map((node) => node.label)).toHaveLength(14);
    expect(structure.edges).toHaveLength(13);
    expect(structure.edges[0]).toMatchObject({ from: 'A', to: 'B' });
    expect(readMermaid(lifecycle).direction).toBe('LR');
  });

  it('counts the 40 nodes, the subgraphs and the 30 messages of the fixtures', () => {
    expect(readMermaid(kinds[3] as string).nodes).toHaveLength(40);
    const zones = readMermaid(kinds[2] as string);
    expect(zones.groups.map((group) => group.label)).toEqual(['Public Zone', 'Private Zone', 'Operations Zone']);
    expect(zones.nodes.find((node) => node.id === 'DB')?.group).toBe('Private');
    const sequence = readMermaid(kinds[4] as string);
    expect(sequence.messages).toHaveLength(30);
    expect(sequence.participants.map((p) => p.label)).toEqual(['User', 'Web App', 'Auth Service', 'Database', 'Job Queue']);
    expect(sequence.blocks).toEqual([expect.objectContaining({ keyword: 'loop', after: 14 })]);
  });
});

describe('diagram descriptions', () => {
  it('says the seed\'s architecture in sentences, top to bottom', () => {
    const [architecture] = diagramsOf('tests/corpus/seed-6.7-docker-fundamentals.md') as [string];
    expect(diagramDescription(architecture)).toMatch(
      /^Flowchart, top to bottom\. Docker Client leads to Docker Daemon\. Docker Daemon leads to Container Runtime, Image Management and Network Management\. /,
    );
  });

  it.each(expectedLabels)('names every label of the %s fixture', (_kind, index, labels) => {
    const text = diagramDescription(kinds[index] as string);
    for (const label of labels) expect(text, label).toContain(label);
  });

  const everyDiagram = [
    ...diagramsOf('tests/corpus/seed-6.7-docker-fundamentals.md'),
    ...['3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication'].flatMap((name) => diagramsOf(`lessons/module-3-web-apis/${name}.md`)),
    ...kinds,
  ];
  it.each(everyDiagram.map((code, index) => [index, code]))('diagram %i: names every node and says how each pair connects', (_index, code) => {
    const structure = readMermaid(code as string);
    const text = diagramDescription(code as string);
    const sentences = sentencesOf(text);
    const label = (id: string) => structure.nodes.find((node) => node.id === id)?.label ?? id;
    for (const node of structure.nodes.filter((node) => !node.id.startsWith('[*]'))) expect(text, node.id).toContain(node.label);
    for (const participant of structure.participants) expect(text).toContain(participant.label);
    // Each connection is one sentence naming both ends (and the edge's own label).
    for (const edge of structure.edges) {
      const ends = [label(edge.from), label(edge.to), edge.label].filter((part) => part && !part.startsWith('Start') && part !== 'End');
      expect(sentences.some((sentence) => ends.every((part) => sentence.includes(part))), `${edge.from} → ${edge.to} in: ${text}`).toBe(true);
    }
    for (const message of structure.messages) {
      expect(sentences.some((sentence) => sentence.includes(message.text) && sentence.includes(structure.participants.find((p) => p.id === message.to)?.label ?? '')), message.text).toBe(true);
    }
  });

  it('lets the author\'s accTitle and accDescr win', () => {
    const code = 'graph LR\n  accTitle: Build pipeline\n  accDescr: Code goes from commit to deploy in three steps\n  A[Commit] --> B[Deploy]\n';
    expect(diagramDescription(code)).toBe('Build pipeline. Code goes from commit to deploy in three steps.');
    const block = 'graph LR\n  accDescr {\n    Two boxes,\n    one arrow\n  }\n  A --> B\n';
    expect(diagramDescription(block)).toBe('Two boxes, one arrow.');
    expect(describeDiagram({ type: 'flowchart', code, title: 'x' })).toEqual(['Code goes from commit to deploy in three steps.']);
  });

  it('describes an undirected link and a node with no edges', () => {
    expect(diagramDescription('graph TD\n  A[Alpha] --- B[Beta]\n  C[Gamma]\n')).toBe('Flowchart, top to bottom. Alpha is linked to Beta. Also shown: Gamma.');
  });
});
