/**
 * Splitting a diagram too large to read at the size it must be drawn into parts that can each be
 * drawn larger: flowcharts, state diagrams and mind maps by their groups, else by the branches under
 * the first node that fans out, else by runs of ranks; sequence diagrams by ranges of messages
 * (mermaid-split-sequence.ts). Each part is new Mermaid code (mermaid-part-code.ts). Pure.
 */
import { readMermaid, type MermaidStructure, type StructureEdge } from './mermaid-structure.js';
import { graphCode } from './mermaid-part-code.js';
import { splitSequence } from './mermaid-split-sequence.js';

/** Never split a diagram into more slides than this (an overview included). */
const maxParts = 8;

/** One part of a split diagram: its own Mermaid code, and what the slide calls it. */
export interface DiagramPart {
  /** "Overview", a branch's or group's label, or "Messages 11–20". */
  name: string;
  code: string;
  /** Ids of the original's nodes (or participants) the part shows. */
  nodes: string[];
}

/**
 * Splits a diagram into parts that can each be drawn larger: an overview with the top levels, then one
 * part per top-level branch or group (flowcharts, state diagrams, mind maps), or ranges of messages
 * (sequence diagrams, `ranges` of them). Every node, edge label and participant is in some part.
 * Returns [] when the kind cannot be split.
 */
export function splitDiagram(code: string, ranges = 2, structure: MermaidStructure = readMermaid(code)): DiagramPart[] {
  switch (structure.kind) {
    case 'flowchart':
    case 'state':
    case 'mindmap':
      return limitParts(splitGraph(structure, ranges));
    case 'sequence':
      return splitSequence(structure, Math.max(2, Math.min(maxParts, ranges)));
    default:
      return [];
  }
}

function limitParts(parts: DiagramPart[]): DiagramPart[] {
  return parts.length <= 1 || parts.length > maxParts ? [] : parts;
}

interface GraphPart {
  name: string;
  nodes: Set<string>;
}

function splitGraph(structure: MermaidStructure, windows = 2): DiagramPart[] {
  const topGroups = structure.groups.filter((group) => group.parent === null);
  let parts = topGroups.length >= 2 ? groupParts(structure) : branchParts(structure);
  // No groups and no fan-out (a pipeline, a cycle): consecutive ranks instead.
  if (parts.length < 2) parts = rankParts(structure, windows, 'Steps');
  if (parts.length < 2) return [];
  return finishParts(structure, parts);
}

/**
 * Splits a part that is still too small into `windows` runs of consecutive ranks, the first keeping
 * `name`; each edge into a later run keeps its target in the earlier part, so no connection is lost.
 */
export function splitByRanks(code: string, windows: number, name: string): DiagramPart[] {
  const structure = readMermaid(code);
  if (!['flowchart', 'state'].includes(structure.kind)) return [];
  const parts = rankParts(structure, Math.max(2, Math.min(maxParts, windows)), name);
  return parts.length < 2 ? [] : finishParts(structure, parts);
}

function rankParts(structure: MermaidStructure, windows: number, name: string): GraphPart[] {
  const children = new Map<string, string[]>();
  const incoming = new Set<string>();
  for (const edge of structure.edges) {
    if (edge.from === edge.to) continue;
    children.set(edge.from, [...(children.get(edge.from) ?? []), edge.to]);
    incoming.add(edge.to);
  }
  const ids = structure.nodes.map((node) => node.id).filter((id) => !structure.groups.some((group) => group.id === id));
  const roots = ids.filter((id) => !incoming.has(id));
  const rank = new Map<string, number>();
  const queue = (roots.length > 0 ? roots : ids.slice(0, 1)).map((id) => {
    rank.set(id, 0);
    return id;
  });
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const child of children.get(id) ?? []) {
      if (rank.has(child)) continue;
      rank.set(child, (rank.get(id) as number) + 1);
      queue.push(child);
    }
  }
  for (const id of ids) if (!rank.has(id)) rank.set(id, 0);
  const depth = Math.max(...rank.values()) + 1;
  const count = Math.min(windows, depth);
  if (count < 2) return [];
  // Each run also shows the first rank of the next (the ends of its edges), so runs are cut short.
  const size = Math.max(1, Math.floor(depth / count));
  const parts: GraphPart[] = [];
  for (let start = 0; start < depth; start += size) {
    const nodes = new Set(ids.filter((id) => (rank.get(id) as number) >= start && (rank.get(id) as number) < start + size));
    if (nodes.size > 0) parts.push({ name: parts.length === 0 ? name : `${name} (continued)`, nodes });
  }
  if (name === 'Steps') parts.forEach((part, index) => (part.name = `Steps, part ${index + 1}`));
  return parts;
}

function finishParts(structure: MermaidStructure, parts: GraphPart[]): DiagramPart[] {
  // An edge between two parts is shown in the part of its source, with its target as a boundary node.
  for (const edge of structure.edges) {
    if (parts.some((part) => part.nodes.has(edge.from) && part.nodes.has(edge.to))) continue;
    const owner = parts.slice(1).find((part) => part.nodes.has(edge.from)) ?? parts.find((part) => part.nodes.has(edge.from));
    owner?.nodes.add(edge.to);
  }
  // A part that only repeats what earlier parts show (its nodes and the edges among them) is dropped.
  const kept: GraphPart[] = [];
  for (const part of parts) {
    const shown = (id: string) => kept.some((other) => other.nodes.has(id));
    const edgeShown = (edge: StructureEdge) => kept.some((other) => other.nodes.has(edge.from) && other.nodes.has(edge.to));
    const inside = structure.edges.filter((edge) => part.nodes.has(edge.from) && part.nodes.has(edge.to));
    if (![...part.nodes].every(shown) || !inside.every(edgeShown)) kept.push(part);
  }
  return kept.map((part) => ({ name: part.name, nodes: [...part.nodes], code: graphCode(structure, part.nodes) }));
}

function groupParts(structure: MermaidStructure): GraphPart[] {
  const topOf = (id: string | null): string | null => {
    let group = structure.groups.find((candidate) => candidate.id === id);
    while (group?.parent) group = structure.groups.find((candidate) => candidate.id === group?.parent);
    return group?.id ?? null;
  };
  const parts: GraphPart[] = [];
  // The overview: the nodes where groups meet (ends of edges that cross from one group to another).
  const overview = new Set<string>();
  for (const edge of structure.edges) {
    const from = structure.nodes.find((node) => node.id === edge.from);
    const to = structure.nodes.find((node) => node.id === edge.to);
    if (topOf(from?.group ?? null) !== topOf(to?.group ?? null)) {
      overview.add(edge.from);
      overview.add(edge.to);
    }
  }
  if (overview.size >= 2) parts.push({ name: 'Overview', nodes: overview });
  for (const group of structure.groups.filter((candidate) => candidate.parent === null)) {
    const nodes = new Set(structure.nodes.filter((node) => topOf(node.group) === group.id && node.id !== group.id).map((node) => node.id));
    if (nodes.size > 0) parts.push({ name: group.label, nodes });
  }
  const loose = structure.nodes.filter((node) => topOf(node.group) === null && !overview.has(node.id) && !structure.groups.some((g) => g.id === node.id));
  if (loose.length > 0) parts.push({ name: 'Other', nodes: new Set(loose.map((node) => node.id)) });
  return parts;
}

function branchParts(structure: MermaidStructure): GraphPart[] {
  const children = new Map<string, string[]>();
  const incoming = new Map<string, number>();
  for (const edge of structure.edges) {
    if (edge.from === edge.to) continue;
    children.set(edge.from, [...(children.get(edge.from) ?? []), edge.to].filter((id, index, all) => all.indexOf(id) === index));
    incoming.set(edge.to, (incoming.get(edge.to) ?? 0) + 1);
  }
  const ids = structure.nodes.map((node) => node.id);
  const root = ids.find((id) => !incoming.has(id) && children.has(id)) ?? ids[0];
  if (!root) return [];
  // Follow the trunk down to the first node that fans out.
  const overview = new Set<string>([root]);
  let point = root;
  for (;;) {
    const next = (children.get(point) ?? []).filter((id) => !overview.has(id));
    if (next.length !== 1) break;
    point = next[0] as string;
    overview.add(point);
  }
  const branches = (children.get(point) ?? []).filter((id) => !overview.has(id));
  if (branches.length < 2) return [];
  branches.forEach((id) => overview.add(id));
  const owned = new Set(overview);
  const parts: GraphPart[] = [{ name: 'Overview', nodes: overview }];
  for (const branch of branches) {
    const nodes = new Set<string>([point, branch]);
    const queue = [...(children.get(branch) ?? [])];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (owned.has(id)) continue;
      owned.add(id);
      nodes.add(id);
      queue.push(...(children.get(id) ?? []));
    }
    // A branch with nothing under it is already whole in the overview.
    if (nodes.size <= 2) continue;
    const deeper = ranks(branch, nodes, children) + 1 > maxRanks ? subBranches(structure, point, branch, nodes, children) : [];
    if (deeper.length >= 2) parts.push(...deeper);
    else parts.push({ name: labelOf(structure, branch), nodes });
  }
  const rest = ids.filter((id) => !owned.has(id));
  if (rest.length > 0) parts.push({ name: 'Other', nodes: new Set(rest) });
  return parts;
}

/** More ranks than this in one part cannot be drawn legibly in the slide's height. */
const maxRanks = 6;

// The number of ranks (levels) under `from`, inside `nodes`.
function ranks(from: string, nodes: Set<string>, children: Map<string, string[]>): number {
  const depth = new Map<string, number>([[from, 1]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const child of children.get(id) ?? []) {
      if (!nodes.has(child) || depth.has(child)) continue;
      depth.set(child, (depth.get(id) as number) + 1);
      queue.push(child);
    }
  }
  return Math.max(...depth.values());
}

// A branch too deep for one slide becomes one part per child branch, each shown under the branch.
function subBranches(structure: MermaidStructure, point: string, branch: string, nodes: Set<string>, children: Map<string, string[]>): GraphPart[] {
  const heads = (children.get(branch) ?? []).filter((id) => nodes.has(id) && id !== point);
  if (heads.length < 2) return [];
  const taken = new Set<string>([point, branch]);
  return heads.map((head) => {
    const part = new Set<string>([branch, head]);
    const queue = [...(children.get(head) ?? [])];
    taken.add(head);
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (!nodes.has(id) || taken.has(id)) continue;
      taken.add(id);
      part.add(id);
      queue.push(...(children.get(id) ?? []));
    }
    return { name: `${labelOf(structure, branch)}: ${labelOf(structure, head)}`, nodes: part };
  });
}

function labelOf(structure: MermaidStructure, id: string): string {
  return structure.nodes.find((node) => node.id === id)?.label || id;
}
