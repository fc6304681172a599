/**
 * How large a diagram's words come out in the box it fills, and what to do when they are too
 * small: draw it the other way round (TD↔LR), or split it into an overview and parts. Pure: reads
 * the measured SVG (`data-lectern-text`, set in the Mermaid page) and the Mermaid source.
 */
import { diagramType } from './mermaid-type.js';
import { readMermaid, type MermaidStructure, type StructureEdge, type StructureNode } from './mermaid-structure.js';

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
/** Never split a diagram into more slides than this (an overview included). */
const maxParts = 8;

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

// ---------------------------------------------------------------------------------------------
// Graphs: groups first, else branches of the tree under the first node that fans out
// ---------------------------------------------------------------------------------------------

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

/** Mermaid code for the nodes `keep` of a graph and the edges among them, in the original's kind and direction. */
function graphCode(structure: MermaidStructure, keep: Set<string>): string {
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

// ---------------------------------------------------------------------------------------------
// Sequence diagrams: ranges of messages, blocks kept whole where they fit
// ---------------------------------------------------------------------------------------------

function splitSequence(structure: MermaidStructure, ranges: number): DiagramPart[] {
  const total = structure.messages.length;
  if (total < 2) return [];
  const perPart = Math.ceil(total / ranges);
  // Top-level units: a statement, or a block from its keyword to its `end`.
  const units: Array<{ statements: number[]; messages: number }> = [];
  const isMessage = new Set(structure.messages.map((message) => message.statement));
  let depth = 0;
  structure.statements.forEach((statement, index) => {
    if (/^(?:participant|actor|create|autonumber|box\b)/.test(statement) && depth === 0) return;
    const opens = /^(loop|alt|opt|par|critical|break|rect)\b/.test(statement);
    const closes = statement === 'end';
    if (depth === 0) units.push({ statements: [], messages: 0 });
    const unit = units.at(-1) as { statements: number[]; messages: number };
    unit.statements.push(index);
    if (isMessage.has(index)) unit.messages++;
    if (opens) depth++;
    if (closes) depth = Math.max(0, depth - 1);
  });
  const groups: number[][] = [[]];
  let count = 0;
  for (const unit of units) {
    if (count > 0 && count + unit.messages > perPart) {
      groups.push([]);
      count = 0;
    }
    if (unit.messages > perPart && unit.statements.length > 2) {
      // A block longer than a part: its messages go into several copies of the block.
      const [open, ...inner] = unit.statements;
      const close = inner.pop() as number;
      let chunk: number[] = [];
      let inChunk = 0;
      for (const index of inner) {
        chunk.push(index);
        if (isMessage.has(index)) inChunk++;
        if (inChunk >= perPart) {
          (groups.at(-1) as number[]).push(open as number, ...chunk, close);
          groups.push([]);
          chunk = [];
          inChunk = 0;
        }
      }
      if (chunk.length > 0) (groups.at(-1) as number[]).push(open as number, ...chunk, close);
      count = inChunk;
      continue;
    }
    (groups.at(-1) as number[]).push(...unit.statements);
    count += unit.messages;
  }
  const parts = groups.filter((group) => group.some((index) => isMessage.has(index)));
  let first = 1;
  return parts.map((group) => {
    const messages = structure.messages.filter((message) => group.includes(message.statement));
    const used = new Set(messages.flatMap((message) => [message.from, message.to]));
    for (const note of structure.notes) if (group.includes(note.statement)) note.over.forEach((id) => used.add(id));
    const participants = structure.participants.filter((p) => used.has(p.id));
    const declared = (id: string) =>
      structure.statements.find((statement) => new RegExp(`^(?:participant|actor)\\s+${escapeRegExp(id)}(?:\\s|$)`).test(statement));
    const lines = [
      structure.header,
      ...participants.map((p) => `  ${(declared(p.id) ?? `participant ${p.id}`).replace(/^create\s+/, '')}`),
      ...group.map((index) => `  ${structure.statements[index]}`),
    ];
    const last = first + messages.length - 1;
    const name = `Messages ${first}–${last}`;
    first = last + 1;
    return { name, code: lines.join('\n'), nodes: participants.map((p) => p.id) };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
