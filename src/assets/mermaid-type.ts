/**
 * Mermaid's kind name for a diagram, read from its first significant line. Pure: no Mermaid needed.
 */
import { stripMermaidPreamble } from './mermaid-source.js';

// Keyword on the first line → kind. Mermaid's detectors accept these (and C4's family by prefix).
const kinds: Readonly<Record<string, string>> = {
  graph: 'flowchart',
  flowchart: 'flowchart',
  'flowchart-elk': 'flowchart',
  sequenceDiagram: 'sequence',
  classDiagram: 'class',
  'classDiagram-v2': 'class',
  stateDiagram: 'state',
  'stateDiagram-v2': 'state',
  erDiagram: 'er',
  gantt: 'gantt',
  pie: 'pie',
  mindmap: 'mindmap',
  journey: 'journey',
  gitGraph: 'git',
  timeline: 'timeline',
  quadrantChart: 'quadrant',
  requirementDiagram: 'requirement',
  requirement: 'requirement',
  'sankey-beta': 'sankey',
  sankey: 'sankey',
  'xychart-beta': 'xychart',
  xychart: 'xychart',
  'block-beta': 'block',
  block: 'block',
  'packet-beta': 'packet',
  packet: 'packet',
  'architecture-beta': 'architecture',
  architecture: 'architecture',
  kanban: 'kanban',
  'radar-beta': 'radar',
  radar: 'radar',
  'treemap-beta': 'treemap',
  treemap: 'treemap',
  info: 'info',
  zenuml: 'zenuml',
};

/** Mermaid's kind name (`flowchart`, `sequence`, `state`…) from the first significant line; `unknown` if empty. */
export function diagramType(code: string): string {
  const line = stripMermaidPreamble(code)
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '');
  if (line === undefined) return 'unknown';
  // `graph TD;`, `flowchart-elk LR`, `pie title Pets`, `gitGraph:` all start with the keyword.
  const word = /^[^\s;:{]+/.exec(line)?.[0] ?? line;
  if (Object.hasOwn(kinds, word)) return kinds[word] as string;
  if (/^C4(Context|Container|Component|Dynamic|Deployment)$/.test(word)) return 'c4';
  return word;
}
