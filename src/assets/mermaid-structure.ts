/**
 * What a Mermaid diagram says, read from its source without Mermaid: its kind, direction, nodes and
 * edges, groups, sequence messages, and the parts of the chart kinds. Pure. Used to describe a
 * diagram in words and to split one that cannot be read at the size it must be drawn.
 * The reader is forgiving: a line it does not understand is skipped, never an error (Mermaid itself
 * reports syntax errors when the diagram renders).
 * This file reads what all kinds share (header, title, accessibility lines) and hands the body to
 * the reader of its kind (mermaid-read-*.ts).
 */
import { diagramType } from './mermaid-type.js';
import { stripMermaidPreamble } from './mermaid-source.js';
import { cleanText, directions } from './mermaid-read-shared.js';
import { readFlowchart } from './mermaid-read-flowchart.js';
import { readSequence } from './mermaid-read-sequence.js';
import { readState } from './mermaid-read-state.js';
import { readClass, readEr } from './mermaid-read-class.js';
import { readGantt, readMindmap, readPie, readTimeline } from './mermaid-read-charts.js';

export { cleanText } from './mermaid-read-shared.js';

export type Direction = 'TB' | 'BT' | 'LR' | 'RL';

export interface StructureNode {
  id: string;
  label: string;
  /** The shape as written (`[Docker Client]`, `{Route known?}`), to redraw the node in a part; '' for a bare id. */
  shape: string;
  /** A decision (diamond) in a flowchart, a choice in a state diagram. */
  decision: boolean;
  /** Id of the innermost subgraph (composite state, namespace) the node was declared in, or null. */
  group: string | null;
  /** Class members (class diagrams), attributes (er diagrams), descriptions (state diagrams). */
  details: string[];
}

export interface StructureEdge {
  from: string;
  to: string;
  label: string;
  /** The arrow as written (`-->`, `-.->`, `<|--`, `||--o{`), for redrawing and describing. */
  arrow: string;
  /** Multiplicities at each end (class diagrams: `"1"`, `"*"`), or ''. */
  fromEnd: string;
  toEnd: string;
}

export interface StructureGroup {
  id: string;
  label: string;
  parent: string | null;
}

export interface SequenceMessage {
  from: string;
  to: string;
  text: string;
  /** A dashed arrow: a reply. */
  reply: boolean;
  /** Index of the statement in `statements`, so a range of messages can be cut with its blocks intact. */
  statement: number;
}

export interface SequenceNote {
  over: string[];
  text: string;
  /** Number of messages before the note. */
  after: number;
  statement: number;
}

/** A section of a gantt chart or timeline, or a pie's slices (one section without a label). */
export interface ChartSection {
  label: string;
  items: Array<{ label: string; value: string; details: string[] }>;
}

export interface MermaidStructure {
  /** Mermaid's kind name, as `diagramType` gives it. */
  kind: string;
  /** The header line's direction (`graph TD`), or a top-level `direction` statement; null when none. */
  direction: Direction | null;
  title: string | null;
  accTitle: string | null;
  accDescr: string | null;
  nodes: StructureNode[];
  edges: StructureEdge[];
  groups: StructureGroup[];
  participants: Array<{ id: string; label: string }>;
  messages: SequenceMessage[];
  notes: SequenceNote[];
  /** Sequence blocks' headers in order (`loop Every minute`), with the message count before them. */
  blocks: Array<{ keyword: string; text: string; after: number; statement: number }>;
  sections: ChartSection[];
  /** The body statements (after the header line), trimmed, comments dropped; what parts are rebuilt from. */
  statements: string[];
  /** The header line as written (`graph TD`, `sequenceDiagram`). */
  header: string;
}

/** Reads a Mermaid diagram's structure from its source. */
export function readMermaid(code: string): MermaidStructure {
  const kind = diagramType(code);
  const structure: MermaidStructure = {
    kind,
    direction: null,
    title: frontMatterTitle(code),
    accTitle: null,
    accDescr: null,
    nodes: [],
    edges: [],
    groups: [],
    participants: [],
    messages: [],
    notes: [],
    blocks: [],
    sections: [],
    statements: [],
    header: '',
  };
  const lines = bodyLines(code);
  structure.header = lines.shift() ?? '';
  const headerDirection = /^\S+\s+(TD|TB|BT|LR|RL)\b/.exec(structure.header)?.[1];
  if (headerDirection) structure.direction = directions[headerDirection] ?? null;
  // A pie chart may carry its title on the header line (`pie title Pets`).
  const headerTitle = /^\S+(?:\s+showData)?\s+title\s+(.+)$/.exec(structure.header)?.[1];
  if (headerTitle) structure.title = cleanText(headerTitle);

  const body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    const accTitle = /^accTitle\s*:\s*(.*)$/.exec(trimmed);
    if (accTitle) {
      structure.accTitle = cleanText(accTitle[1] as string);
      continue;
    }
    const accDescr = /^accDescr\s*(?::\s*(.*)|\{\s*(.*))$/.exec(trimmed);
    if (accDescr) {
      if (accDescr[1] !== undefined) {
        structure.accDescr = cleanText(accDescr[1]);
        continue;
      }
      // `accDescr {` … `}` spans lines.
      const parts: string[] = [];
      let rest = accDescr[2] ?? '';
      while (!rest.includes('}') && i + 1 < lines.length) {
        parts.push(rest);
        rest = lines[++i] as string;
      }
      parts.push(rest.split('}')[0] ?? '');
      structure.accDescr = cleanText(parts.join(' '));
      continue;
    }
    if (kind !== 'mindmap' && /^title\s+/.test(line.trim()) && kind !== 'sequence') {
      structure.title = cleanText(line.trim().replace(/^title\s+/, ''));
      continue;
    }
    body.push(line);
  }
  structure.statements = body.map((line) => line.trim());

  switch (kind) {
    case 'flowchart':
      readFlowchart(body, structure);
      break;
    case 'sequence':
      readSequence(body, structure);
      break;
    case 'state':
      readState(body, structure);
      break;
    case 'class':
      readClass(body, structure);
      break;
    case 'er':
      readEr(body, structure);
      break;
    case 'mindmap':
      readMindmap(body, structure);
      break;
    case 'gantt':
      readGantt(body, structure);
      break;
    case 'pie':
      readPie(body, structure);
      break;
    case 'timeline':
      readTimeline(body, structure);
      break;
    default:
      break;
  }
  return structure;
}

function frontMatterTitle(code: string): string | null {
  const match = /^\s*---\s*\n([\s\S]*?)\n\s*---/.exec(code.replace(/\r\n?/g, '\n'));
  const title = match ? /^title\s*:\s*(.+)$/m.exec(match[1] as string)?.[1] : undefined;
  return title ? cleanText(title.replace(/^(['"])(.*)\1$/, '$2')) : null;
}

// Lines after front matter and directives, comments dropped, blank lines gone; indentation kept (mindmaps need it).
function bodyLines(code: string): string[] {
  return stripMermaidPreamble(code)
    .split('\n')
    .map((line) => line.replace(/^(\s*)%%.*$/, '').replace(/\s+$/, ''))
    .filter((line) => line.trim() !== '');
}
