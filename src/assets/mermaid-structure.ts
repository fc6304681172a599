/**
 * What a Mermaid diagram says, read from its source without Mermaid: its kind, direction, nodes and
 * edges, groups, sequence messages, and the parts of the chart kinds. Pure. Used to describe a
 * diagram in words and to split one that cannot be read at the size it must be drawn.
 * The reader is forgiving: a line it does not understand is skipped, never an error (Mermaid itself
 * reports syntax errors when the diagram renders).
 */
import { diagramType } from './mermaid-type.js';
import { stripMermaidPreamble } from './mermaid-source.js';

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

const directions: Readonly<Record<string, Direction>> = { TD: 'TB', TB: 'TB', BT: 'BT', LR: 'LR', RL: 'RL' };

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

/** Mermaid text as plain prose: `<br>` and tags dropped, entities and Markdown-string marks removed. */
export function cleanText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/#quot;/g, '"')
    .replace(/#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/^"(.*)"$/s, '$1')
    .replace(/^`(.*)`$/s, '$1')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
    .replace(/\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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

function addNode(structure: MermaidStructure, id: string, label: string | null, shape: string, group: string | null): StructureNode {
  let node = structure.nodes.find((candidate) => candidate.id === id);
  if (!node) {
    node = { id, label: label ?? id, shape, decision: false, group, details: [] };
    structure.nodes.push(node);
  } else if (label !== null) {
    node.label = label;
    node.shape = shape;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Flowcharts
// ---------------------------------------------------------------------------------------------

/** A node reference with an optional shape: `A`, `A[Label]`, `A(Label)`, `A{Label}`, `A((Label))`, `A>Label]` … */
const NODE =
  /^([\p{L}\p{N}_][\p{L}\p{N}_.-]*?)(?=\s|$|[[({>&:@]|-[-.>]|=[=>]|~~|<-|<=)\s*(\["[^"]*"\]|\("[^"]*"\)|\{"[^"]*"\}|\[\[.*?\]\]|\[\(.*?\)\]|\[\/.*?[/\\]\]|\[\\.*?[/\\]\]|\[.*?\]|\(\(\(.*?\)\)\)|\(\(.*?\)\)|\(\[.*?\]\)|\(.*?\)|\{\{.*?\}\}|\{.*?\}|>.*?\]|@\{.*?\})?(?::::[\w-]+)?\s*/u;
/** A link, with its text in either form: `-->`, `-.->`, `==>`, `---`, `-- text -->`, `-->|text|`. */
const LINK_WITH_TEXT = /^(<?(?:--|==|-\.))\s+(.+?)\s+((?:-{2,}|={2,}|\.-+)[->ox]?)\s*/;
const LINK = /^(<?(?:-{2,}|={2,}|-\.+-|~{3,})[->ox]?)\s*(?:\|([^|]*)\|)?\s*/;

function readFlowchart(body: string[], structure: MermaidStructure): void {
  const stack: string[] = [];
  for (const raw of body) {
    const line = raw.trim().replace(/;$/, '');
    const subgraph = /^subgraph\s+(.+)$/.exec(line);
    if (subgraph) {
      const spec = (subgraph[1] as string).trim();
      const withLabel = /^([^\s[]+)\s*\[(.*)\]$/.exec(spec);
      const quoted = /^"(.*)"$/.exec(spec);
      const id = withLabel ? (withLabel[1] as string) : quoted ? `subgraph-${structure.groups.length + 1}` : spec;
      const label = cleanText(withLabel ? (withLabel[2] as string) : spec);
      structure.groups.push({ id, label, parent: stack.at(-1) ?? null });
      stack.push(id);
      continue;
    }
    if (line === 'end') {
      stack.pop();
      continue;
    }
    const direction = /^direction\s+(TD|TB|BT|LR|RL)$/.exec(line);
    if (direction) {
      if (stack.length === 0) structure.direction = directions[direction[1] as string] ?? structure.direction;
      continue;
    }
    if (/^(?:classDef|class|style|linkStyle|click|accTitle|accDescr)\b/.test(line)) continue;
    readFlowStatement(line, structure, stack.at(-1) ?? null);
  }
}

function readFlowStatement(line: string, structure: MermaidStructure, group: string | null): void {
  let rest = line;
  let previous: string[] = [];
  let pending: { label: string; arrow: string } | null = null;
  while (rest.length > 0) {
    const found: string[] = [];
    for (;;) {
      const match = NODE.exec(rest);
      if (!match) break;
      const [, id, shape] = match as unknown as [string, string, string | undefined];
      const node = addNode(structure, id, shape ? shapeLabel(shape) : null, shape ?? '', group);
      if (shape && /^\{[^{]/.test(shape)) node.decision = true;
      found.push(id);
      rest = rest.slice(match[0].length);
      const amp = /^&\s*/.exec(rest);
      if (!amp) break;
      rest = rest.slice(amp[0].length);
    }
    if (found.length === 0) break;
    if (pending) {
      for (const from of previous) {
        for (const to of found) structure.edges.push({ from, to, label: pending.label, arrow: pending.arrow, fromEnd: '', toEnd: '' });
      }
    }
    previous = found;
    const withText = LINK_WITH_TEXT.exec(rest);
    const plain = withText ? null : LINK.exec(rest);
    if (withText) {
      pending = { label: cleanText(withText[2] as string), arrow: `${withText[1]}${withText[3]}`.replace(/^(--|==)(?=[-=])/, '$1') };
      rest = rest.slice(withText[0].length);
    } else if (plain) {
      pending = { label: plain[2] ? cleanText(plain[2]) : '', arrow: plain[1] as string };
      rest = rest.slice(plain[0].length);
    } else {
      break;
    }
  }
}

/** The label inside a node shape: brackets, quotes and Markdown-string backticks stripped. */
function shapeLabel(shape: string): string {
  let text = shape.trim();
  const extended = /^@\{.*\blabel\s*:\s*"([^"]*)"/.exec(text);
  if (extended) return cleanText(extended[1] as string);
  if (text.startsWith('@{')) return '';
  for (let i = 0; i < 3; i++) text = text.replace(/^[[({>/\\]|[\])}/\\]$/g, '').trim();
  return cleanText(text);
}

// ---------------------------------------------------------------------------------------------
// Sequence diagrams
// ---------------------------------------------------------------------------------------------

const MESSAGE = /^([^\s:+-][^:]*?)\s*(<<-{1,2}>>|-{1,2}>>|-{1,2}>|-{1,2}x|-{1,2}\))\s*[+-]?\s*([^:]+?)\s*:\s*(.*)$/;
const BLOCK = /^(loop|alt|else|opt|par|and|critical|option|break|rect|box)\b\s*(.*)$/;

function readSequence(body: string[], structure: MermaidStructure): void {
  const participant = (id: string, label?: string) => {
    const existing = structure.participants.find((p) => p.id === id);
    if (existing) {
      if (label) existing.label = label;
      return;
    }
    structure.participants.push({ id, label: label ?? id });
  };
  body.forEach((raw, index) => {
    const line = raw.trim().replace(/;$/, '');
    const declared = /^(?:create\s+)?(?:participant|actor)\s+(.+?)(?:\s+as\s+(.+))?$/.exec(line);
    if (declared) {
      const id = (declared[1] as string).replace(/@\{.*$/, '').trim();
      participant(id, declared[2] ? cleanText(declared[2]) : undefined);
      return;
    }
    const message = MESSAGE.exec(line);
    if (message) {
      const [, from, arrow, to, text] = message as unknown as [string, string, string, string, string];
      participant(from.trim());
      participant(to.trim());
      structure.messages.push({ from: from.trim(), to: to.trim(), text: cleanText(text), reply: arrow.startsWith('--'), statement: index });
      return;
    }
    const note = /^note\s+(?:over|left of|right of)\s+([^:]+):\s*(.*)$/i.exec(line);
    if (note) {
      const over = (note[1] as string).split(',').map((id) => id.trim()).filter(Boolean);
      over.forEach((id) => participant(id));
      structure.notes.push({ over, text: cleanText(note[2] as string), after: structure.messages.length, statement: index });
      return;
    }
    const block = BLOCK.exec(line);
    if (block) {
      structure.blocks.push({ keyword: block[1] as string, text: cleanText(block[2] as string), after: structure.messages.length, statement: index });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// State diagrams
// ---------------------------------------------------------------------------------------------

function readState(body: string[], structure: MermaidStructure): void {
  const stack: string[] = [];
  // `[*]` is a fresh start or end state in each composite; name them apart.
  const endpoint = (id: string, asSource: boolean) => {
    if (id !== '[*]') return id;
    const scope = stack.at(-1) ?? 'root';
    return asSource ? `[*]start:${scope}` : `[*]end:${scope}`;
  };
  let inNote = false;
  for (const raw of body) {
    const line = raw.trim().replace(/;$/, '');
    if (inNote) {
      if (/^end\s+note$/i.test(line)) inNote = false;
      continue;
    }
    if (/^note\s+(?:left|right)\s+of\s+\S+\s*$/i.test(line)) {
      inNote = true;
      continue;
    }
    if (/^(?:note|classDef|class|style|click)\b/.test(line) || line === '--') continue;
    const direction = /^direction\s+(TD|TB|BT|LR|RL)$/.exec(line);
    if (direction) {
      if (stack.length === 0) structure.direction = directions[direction[1] as string] ?? structure.direction;
      continue;
    }
    const composite = /^state\s+(?:"([^"]+)"\s+as\s+)?(\S+?)\s*\{$/.exec(line);
    if (composite) {
      const id = composite[2] as string;
      addNode(structure, id, composite[1] ? cleanText(composite[1]) : null, '', stack.at(-1) ?? null);
      structure.groups.push({ id, label: composite[1] ? cleanText(composite[1]) : id, parent: stack.at(-1) ?? null });
      stack.push(id);
      continue;
    }
    if (line === '}') {
      stack.pop();
      continue;
    }
    const alias = /^state\s+"([^"]+)"\s+as\s+(\S+)/.exec(line);
    if (alias) {
      addNode(structure, alias[2] as string, cleanText(alias[1] as string), '', stack.at(-1) ?? null);
      continue;
    }
    const special = /^state\s+(\S+)\s+<<(choice|fork|join)>>/.exec(line);
    if (special) {
      addNode(structure, special[1] as string, null, '', stack.at(-1) ?? null).decision = special[2] === 'choice';
      continue;
    }
    const transition = /^(\S+)\s*-->\s*(\S+?)\s*(?::\s*(.*))?$/.exec(line);
    if (transition) {
      const from = endpoint(transition[1] as string, true);
      const to = endpoint(transition[2] as string, false);
      for (const id of [from, to]) {
        if (id.startsWith('[*]')) {
          addNode(structure, id, id.startsWith('[*]start') ? 'Start' : 'End', '', stack.at(-1) ?? null);
        } else {
          addNode(structure, id, null, '', stack.at(-1) ?? null);
        }
      }
      structure.edges.push({ from, to, label: cleanText(transition[3] ?? ''), arrow: '-->', fromEnd: '', toEnd: '' });
      continue;
    }
    const description = /^([^\s:]+)\s*:\s*(.+)$/.exec(line);
    if (description) {
      addNode(structure, description[1] as string, null, '', stack.at(-1) ?? null).details.push(cleanText(description[2] as string));
      continue;
    }
    const bare = /^state\s+(\S+)$/.exec(line) ?? /^([\p{L}\p{N}_]+)$/u.exec(line);
    if (bare) addNode(structure, bare[1] as string, null, '', stack.at(-1) ?? null);
  }
}

// ---------------------------------------------------------------------------------------------
// Class diagrams
// ---------------------------------------------------------------------------------------------

const CLASS_NAME = String.raw`[\p{L}\p{N}_.\-]+(?:~[^~]*~)?|` + '`[^`]+`';
const CLASS_RELATION = new RegExp(
  String.raw`^(${CLASS_NAME})\s*(?:"([^"]*)"\s*)?((?:<\||\*|o|<|\(\))?(?:--|\.\.)(?:\|>|\*|o|>|\(\))?)\s*(?:"([^"]*)"\s*)?(${CLASS_NAME})\s*(?::\s*(.*))?$`,
  'u',
);

function className(raw: string): string {
  return raw.replace(/^`|`$/g, '').replace(/~([^~]*)~/g, '<$1>');
}

function readClass(body: string[], structure: MermaidStructure): void {
  let open: StructureNode | null = null;
  const namespaces: string[] = [];
  for (const raw of body) {
    const line = raw.trim().replace(/;$/, '');
    if (open) {
      if (line === '}') open = null;
      else if (line && !/^<<.*>>$/.test(line)) open.details.push(cleanText(line));
      continue;
    }
    const namespace = /^namespace\s+(\S+)\s*\{$/.exec(line);
    if (namespace) {
      structure.groups.push({ id: namespace[1] as string, label: namespace[1] as string, parent: namespaces.at(-1) ?? null });
      namespaces.push(namespace[1] as string);
      continue;
    }
    if (line === '}') {
      namespaces.pop();
      continue;
    }
    const direction = /^direction\s+(TD|TB|BT|LR|RL)$/.exec(line);
    if (direction) {
      structure.direction = directions[direction[1] as string] ?? structure.direction;
      continue;
    }
    if (/^(?:note|classDef|cssClass|style|click|link|callback)\b/.test(line) || /^<<.*>>/.test(line)) continue;
    const declaration = new RegExp(String.raw`^class\s+(${CLASS_NAME})(?:\["([^"]*)"\])?\s*(?::::\S+)?\s*(\{)?\s*(.*?)\s*\}?$`, 'u').exec(line);
    if (declaration) {
      const id = className(declaration[1] as string);
      const node = addNode(structure, id, declaration[2] ? cleanText(declaration[2]) : null, '', namespaces.at(-1) ?? null);
      if (declaration[3]) {
        const inline = (declaration[4] ?? '').trim();
        if (inline && !line.endsWith('}')) open = node;
        else if (!line.endsWith('}')) open = node;
        if (inline && !/^<<.*>>$/.test(inline)) node.details.push(cleanText(inline));
      }
      continue;
    }
    const relation = CLASS_RELATION.exec(line);
    if (relation) {
      const from = className(relation[1] as string);
      const to = className(relation[5] as string);
      addNode(structure, from, null, '', namespaces.at(-1) ?? null);
      addNode(structure, to, null, '', namespaces.at(-1) ?? null);
      structure.edges.push({
        from,
        to,
        label: cleanText(relation[6] ?? ''),
        arrow: relation[3] as string,
        fromEnd: relation[2] ?? '',
        toEnd: relation[4] ?? '',
      });
      continue;
    }
    const member = new RegExp(String.raw`^(${CLASS_NAME})\s*:\s*(.+)$`, 'u').exec(line);
    if (member) {
      addNode(structure, className(member[1] as string), null, '', namespaces.at(-1) ?? null).details.push(cleanText(member[2] as string));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Entity-relationship diagrams
// ---------------------------------------------------------------------------------------------

const ER_RELATION = /^("[^"]+"|[\p{L}\p{N}_-]+)(?:\[[^\]]*\])?\s*([|}][|o]|[|o][|{]|\|o|o\|)\s*(--|\.\.)\s*([|o][|{]|[|}][|o]|o\||\|o)\s*("[^"]+"|[\p{L}\p{N}_-]+)(?:\[[^\]]*\])?\s*:\s*(.*)$/u;

function readEr(body: string[], structure: MermaidStructure): void {
  let open: StructureNode | null = null;
  const entity = (raw: string) => {
    const alias = /^([\p{L}\p{N}_-]+)\[(.*)\]$/u.exec(raw);
    return alias ? addNode(structure, alias[1] as string, cleanText(alias[2] as string), '', null) : addNode(structure, raw.replace(/^"|"$/g, ''), null, '', null);
  };
  for (const raw of body) {
    const line = raw.trim().replace(/;$/, '');
    if (open) {
      if (line === '}') open = null;
      else {
        // `string name PK "comment"`: the attribute's name, then its type.
        const attribute = /^(\S+)\s+(\S+)/.exec(line);
        if (attribute) open.details.push(`${attribute[2]} (${attribute[1]})`);
      }
      continue;
    }
    const direction = /^direction\s+(TD|TB|BT|LR|RL)$/.exec(line);
    if (direction) {
      structure.direction = directions[direction[1] as string] ?? structure.direction;
      continue;
    }
    const block = /^("[^"]+"|[\p{L}\p{N}_-]+(?:\[[^\]]*\])?)\s*\{\s*(\}?)$/u.exec(line);
    if (block) {
      const node = entity(block[1] as string);
      if (!block[2]) open = node;
      continue;
    }
    const relation = ER_RELATION.exec(line);
    if (relation) {
      const from = entity(relation[1] as string).id;
      const to = entity(relation[5] as string).id;
      structure.edges.push({
        from,
        to,
        label: cleanText(relation[6] as string),
        arrow: `${relation[2]}${relation[3]}${relation[4]}`,
        fromEnd: relation[2] as string,
        toEnd: relation[4] as string,
      });
      continue;
    }
    const lone = /^("[^"]+"|[\p{L}\p{N}_-]+(?:\[[^\]]*\])?)$/u.exec(line);
    if (lone && !/^(?:style|classDef|class)$/.test(line)) entity(lone[1] as string);
  }
}

// ---------------------------------------------------------------------------------------------
// Mind maps
// ---------------------------------------------------------------------------------------------

function readMindmap(body: string[], structure: MermaidStructure): void {
  const stack: Array<{ indent: number; id: string }> = [];
  body.forEach((raw) => {
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (/^::icon\(/.test(line) || /^:::/.test(line)) return;
    const shaped = /^([^\s[({)]*?)\s*(\[\[?.*\]\]?|\(\(\(.*\)\)\)|\(\(.*\)\)|\(.*\)|\)\).*\(\(|\).*\(|\{\{.*\}\})\s*(?::::.*)?$/.exec(line);
    const label = shaped ? shapeLabel((shaped[2] as string).replace(/^\)\)|\(\($/g, '').replace(/^\)|\($/g, '')) : cleanText(line.replace(/:::.*$/, ''));
    const id = `m${structure.nodes.length + 1}`;
    while (stack.length > 0 && (stack.at(-1) as { indent: number }).indent >= indent) stack.pop();
    const parent = stack.at(-1)?.id ?? null;
    structure.nodes.push({ id, label, shape: shaped ? (shaped[2] as string) : '', decision: false, group: null, details: [] });
    if (parent) structure.edges.push({ from: parent, to: id, label: '', arrow: '--', fromEnd: '', toEnd: '' });
    stack.push({ indent, id });
  });
}

// ---------------------------------------------------------------------------------------------
// Charts: gantt, pie, timeline
// ---------------------------------------------------------------------------------------------

function readGantt(body: string[], structure: MermaidStructure): void {
  let section: ChartSection | null = null;
  for (const raw of body) {
    const line = raw.trim();
    if (/^(?:dateFormat|axisFormat|tickInterval|excludes|includes|todayMarker|weekday|inclusiveEndDates|topAxis|displayMode|click)\b/.test(line)) continue;
    const heading = /^section\s+(.+)$/.exec(line);
    if (heading) {
      section = { label: cleanText(heading[1] as string), items: [] };
      structure.sections.push(section);
      continue;
    }
    const task = /^([^:]+?)\s*:\s*(.*)$/.exec(line);
    if (!task) continue;
    if (!section) {
      section = { label: '', items: [] };
      structure.sections.push(section);
    }
    const meta = (task[2] as string).split(',').map((part) => part.trim());
    const when = meta.filter((part) => !/^(?:done|active|crit|milestone)$/.test(part) && !/^[A-Za-z_][\w-]*$/.test(part));
    section.items.push({ label: cleanText(task[1] as string), value: when.join(', '), details: meta.filter((part) => /^(?:done|active|crit|milestone)$/.test(part)) });
  }
}

function readPie(body: string[], structure: MermaidStructure): void {
  const section: ChartSection = { label: '', items: [] };
  for (const raw of body) {
    const slice = /^\s*"([^"]*)"\s*:\s*([\d.]+)/.exec(raw);
    if (slice) section.items.push({ label: cleanText(slice[1] as string), value: slice[2] as string, details: [] });
  }
  structure.sections.push(section);
}

function readTimeline(body: string[], structure: MermaidStructure): void {
  let section: ChartSection | null = null;
  let period: ChartSection['items'][number] | null = null;
  for (const raw of body) {
    const line = raw.trim();
    const heading = /^section\s+(.+)$/.exec(line);
    if (heading) {
      section = { label: cleanText(heading[1] as string), items: [] };
      structure.sections.push(section);
      continue;
    }
    const parts = line.split(/\s:\s|^:\s*|\s:$/).map((part) => cleanText(part));
    if (line.startsWith(':')) {
      // A continuation line adds events to the period above.
      if (period) period.details.push(...parts.filter(Boolean));
      continue;
    }
    if (!section) {
      section = { label: '', items: [] };
      structure.sections.push(section);
    }
    period = { label: parts[0] ?? '', value: '', details: parts.slice(1).filter(Boolean) };
    section.items.push(period);
  }
}
