/**
 * The flowchart reader: node declarations in every shape Mermaid knows, chains of links (`A --> B & C
 * -- text --> D`) with their labels and arrows, and subgraphs as groups. A statement it cannot follow
 * ends where it stops making sense: what was read so far is kept.
 */
import type { MermaidStructure } from './mermaid-structure.js';
import { addNode, cleanText, directions, shapeLabel } from './mermaid-read-shared.js';

/** A node reference with an optional shape: `A`, `A[Label]`, `A(Label)`, `A{Label}`, `A((Label))`, `A>Label]` … */
const NODE =
  /^([\p{L}\p{N}_][\p{L}\p{N}_.-]*?)(?=\s|$|[[({>&:@]|-[-.>]|=[=>]|~~|<-|<=)\s*(\["[^"]*"\]|\("[^"]*"\)|\{"[^"]*"\}|\[\[.*?\]\]|\[\(.*?\)\]|\[\/.*?[/\\]\]|\[\\.*?[/\\]\]|\[.*?\]|\(\(\(.*?\)\)\)|\(\(.*?\)\)|\(\[.*?\]\)|\(.*?\)|\{\{.*?\}\}|\{.*?\}|>.*?\]|@\{.*?\})?(?::::[\w-]+)?\s*/u;
/** A link, with its text in either form: `-->`, `-.->`, `==>`, `---`, `-- text -->`, `-->|text|`. */
const LINK_WITH_TEXT = /^(<?(?:--|==|-\.))\s+(.+?)\s+((?:-{2,}|={2,}|\.-+)[->ox]?)\s*/;
const LINK = /^(<?(?:-{2,}|={2,}|-\.+-|~{3,})[->ox]?)\s*(?:\|([^|]*)\|)?\s*/;

/** Reads a flowchart's nodes, edges and subgraphs into `structure`. */
export function readFlowchart(body: string[], structure: MermaidStructure): void {
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
