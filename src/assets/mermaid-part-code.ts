/**
 * A split part as Mermaid code: the kept nodes of a graph and the edges among them, written in the
 * original's kind, header and direction, with its style definitions; state diagrams and mind maps
 * are written in their own syntax. Pure.
 */
import type { MermaidStructure, StructureEdge, StructureNode } from './mermaid-structure.js';

/** Mermaid code for the nodes `keep` of a graph and the edges among them, in the original's kind and direction. */
export function graphCode(structure: MermaidStructure, keep: Set<string>): string {
  const nodes = structure.nodes.filter((node) => keep.has(node.id));
  const edges = structure.edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to));
  if (structure.kind === 'mindmap') return mindmapCode(nodes, edges);
  if (structure.kind === 'state') return stateCode(structure, nodes, edges);
  const lines = [structure.header];
  // Style definitions carry over; class assignments only name kept nodes.
  for (const statement of structure.statements) {
    if (/^classDef\b/.test(statement)) lines.push(`  ${statement}`);
    const assigned = /^class\s+([^\s]+)\s+(\S+)$/.exec(statement);
    if (assigned) {
      const ids = (assigned[1] as string).split(',').filter((id) => keep.has(id));
      if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${assigned[2]}`);
    }
    const style = /^style\s+(\S+)\s/.exec(statement);
    if (style && keep.has(style[1] as string)) lines.push(`  ${statement}`);
  }
  for (const node of nodes) lines.push(`  ${node.id}${node.shape}`);
  for (const edge of edges) lines.push(`  ${edgeCode(edge)}`);
  return lines.join('\n');
}

function edgeCode(edge: StructureEdge): string {
  const arrow = edge.arrow || '-->';
  if (!edge.label) return `${edge.from} ${arrow} ${edge.to}`;
  return `${edge.from} ${arrow}|"${edge.label.replace(/"/g, '#quot;')}"| ${edge.to}`;
}

function stateCode(structure: MermaidStructure, nodes: StructureNode[], edges: StructureEdge[]): string {
  const lines = [structure.header];
  if (structure.direction) lines.push(`  direction ${structure.direction}`);
  const ref = (id: string) => (id.startsWith('[*]') ? '[*]' : id);
  for (const node of nodes) {
    if (node.id.startsWith('[*]')) continue;
    if (node.label !== node.id) lines.push(`  state "${node.label.replace(/"/g, "'")}" as ${node.id}`);
    else lines.push(`  ${node.id}`);
    for (const detail of node.details) lines.push(`  ${node.id} : ${detail}`);
  }
  for (const edge of edges) lines.push(`  ${ref(edge.from)} --> ${ref(edge.to)}${edge.label ? ` : ${edge.label}` : ''}`);
  return lines.join('\n');
}

function mindmapCode(nodes: StructureNode[], edges: StructureEdge[]): string {
  const kept = new Set(nodes.map((node) => node.id));
  const parent = new Map(edges.map((edge) => [edge.to, edge.from]));
  const roots = nodes.filter((node) => !parent.has(node.id));
  const lines = ['mindmap'];
  const visit = (node: StructureNode, depth: number) => {
    lines.push(`${'  '.repeat(depth + 1)}${node.id}${node.shape || `[${node.label.replace(/[[\]]/g, '')}]`}`);
    for (const edge of edges.filter((candidate) => candidate.from === node.id && kept.has(candidate.to))) {
      const child = nodes.find((candidate) => candidate.id === edge.to);
      if (child) visit(child, depth + 1);
    }
  };
  // A mind map has one root; a part's root is the branch (with its parent above it).
  if (roots[0]) visit(roots[0], 0);
  return lines.join('\n');
}
