/**
 * Speaker notes for deck slides: what to say (including what the slide leaves out), how long to
 * spend, and where to go next. Diagrams are narrated from their Mermaid source (flowchart edges,
 * sequence messages, state transitions). Pure; returns plain text that the deck helpers make safe
 * for an HTML comment.
 */
import type { Diagram, Outline } from '../model/lesson.js';

/** Notes of one slide before they are written out. */
export interface SlideNotes {
  /** Minutes to spend on the slide, or null when unknown. */
  minutes: number | null;
  /** Talking points, one per line. */
  say: string[];
  /** Title of the next slide, or null on the last one. */
  next: string | null;
}

/** Writes notes as plain text: a timing cue (first, so the comment never parses as a directive), talking points, a transition. */
export function formatNotes(notes: SlideNotes): string {
  const lines: string[] = [];
  lines.push(notes.minutes === null ? 'Timing as needed' : `Timing ≈ ${minutesLabel(notes.minutes)}`);
  for (const line of notes.say) {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
  }
  lines.push(notes.next ? `Next: ${notes.next}` : 'This is the last slide: take questions and close.');
  // A first line with no colon-space keeps YAML from reading the comment as a directive map.
  lines[0] = lines[0].replace(/:\s/g, ' — ');
  return lines.join('\n');
}

/** "≈ 2 min", "≈ 1.5 min", "30 s". */
export function minutesLabel(minutes: number): string {
  if (minutes < 0.75) return `${Math.max(15, Math.round((minutes * 60) / 15) * 15)} s`;
  const rounded = Math.round(minutes * 2) / 2;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} min`;
}

/** Joins words as prose: "a", "a and b", "a, b and c". */
export function listProse(items: string[]): string {
  const words = items.filter(Boolean);
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Outlines
// ---------------------------------------------------------------------------------------------

/**
 * Talking points for an outline: one sentence per top-level item with its sub-points, and every
 * item deeper than `visibleDepth` (which the slide only folds into its parent) spelled out.
 */
export function outlineTalkingPoints(items: Outline[], plain: (markdown: string) => string, visibleDepth = 3): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const head = plain(item.text);
    const children = item.children.map((child) => plain(child.text)).filter(Boolean);
    if (children.length > 0) lines.push(`${head}: ${listProse(children)}.`);
    else if (head) lines.push(`${head}.`);
  }
  const deep: string[] = [];
  const visit = (nodes: Outline[], depth: number, parent: string) => {
    for (const node of nodes) {
      const text = plain(node.text);
      if (depth > visibleDepth) deep.push(`${parent} → ${text}`);
      visit(node.children, depth + 1, depth >= visibleDepth ? `${parent} → ${text}` : text);
    }
  };
  visit(items, 1, '');
  if (deep.length > 0) lines.push(`More detail (not on the slide): ${deep.map((d) => d.replace(/^ → /, '')).join('; ')}.`);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Diagrams
// ---------------------------------------------------------------------------------------------

const MAX_SENTENCES = 12;

/** Sentences that walk through a Mermaid diagram, from its source. */
export function describeDiagram(diagram: Pick<Diagram, 'type' | 'code' | 'title'>): string[] {
  let sentences: string[];
  try {
    switch (diagram.type) {
      case 'flowchart':
        sentences = describeFlowchart(diagram.code);
        break;
      case 'sequence':
        sentences = describeSequence(diagram.code);
        break;
      case 'state':
        sentences = describeState(diagram.code);
        break;
      default:
        sentences = [];
    }
  } catch {
    sentences = [];
  }
  if (sentences.length === 0) return [`Walk through the ${diagram.type} diagram step by step, pointing at each part as you name it.`];
  if (sentences.length > MAX_SENTENCES) {
    const rest = sentences.length - MAX_SENTENCES;
    sentences = [...sentences.slice(0, MAX_SENTENCES), `…and ${rest} more step${rest === 1 ? '' : 's'} in the diagram.`];
  }
  return sentences;
}

function statements(code: string): string[] {
  return code
    .split(/\r?\n|;(?=\s*$)/)
    .map((line) => line.replace(/%%.*$/, '').trim())
    .filter(Boolean);
}

/** A node reference with an optional shape: `A`, `A[Label]`, `A(Label)`, `A{Label}`, `A((Label))`, `A>Label]` … */
const NODE = /^([\p{L}\p{N}_][\p{L}\p{N}_.-]*?)(?=\s|$|[[({>&:]|-[-.>]|=[=>]|~~|<-|<=)\s*(\[\[.*?\]\]|\[\(.*?\)\]|\[\/.*?[/\\]\]|\[\\.*?[/\\]\]|\[.*?\]|\(\(\(.*?\)\)\)|\(\(.*?\)\)|\(\[.*?\]\)|\(.*?\)|\{\{.*?\}\}|\{.*?\}|>.*?\])?(?::::[\w-]+)?\s*/u;
/** A link, with its text in either form: `-->`, `-.->`, `==>`, `---`, `-- text -->`, `-->|text|`. */
const LINK_WITH_TEXT = /^(?:--|==|-\.)\s+(.+?)\s+(?:-{2,}>|={2,}>|\.-+>|-{3,}|={3,}|\.-+)\s*/;
const LINK = /^<?(?:-{2,}|={2,}|-\.+-|~{3,})[->ox]?\s*(?:\|([^|]*)\|)?\s*/;

interface FlowEdge {
  from: string;
  to: string;
  label: string;
}

function describeFlowchart(code: string): string[] {
  const labels = new Map<string, string>();
  const decisions = new Set<string>();
  const edges: FlowEdge[] = [];
  const note = (id: string, shape: string | undefined) => {
    if (shape) {
      labels.set(id, shapeLabel(shape));
      if (/^\{[^{]/.test(shape)) decisions.add(id);
    } else if (!labels.has(id)) {
      labels.set(id, id);
    }
  };
  for (const line of statements(code).slice(1)) {
    if (/^(?:subgraph|end$|classDef|class\s|style\s|linkStyle|click\s|direction\s)/.test(line)) continue;
    let rest = line;
    let previous: string[] = [];
    let pendingLabel: string | null = null;
    while (rest.length > 0) {
      const group: string[] = [];
      // One or more nodes joined by `&`.
      for (;;) {
        const match = NODE.exec(rest);
        if (!match) break;
        note(match[1], match[2]);
        group.push(match[1]);
        rest = rest.slice(match[0].length);
        const amp = /^&\s*/.exec(rest);
        if (!amp) break;
        rest = rest.slice(amp[0].length);
      }
      if (group.length === 0) break;
      if (pendingLabel !== null) {
        for (const from of previous) for (const to of group) edges.push({ from, to, label: pendingLabel });
      }
      previous = group;
      const withText = LINK_WITH_TEXT.exec(rest);
      const plain = withText ? null : LINK.exec(rest);
      if (withText) {
        pendingLabel = cleanText(withText[1]);
        rest = rest.slice(withText[0].length);
      } else if (plain) {
        pendingLabel = plain[1] ? cleanText(plain[1]) : '';
        rest = rest.slice(plain[0].length);
      } else {
        break;
      }
    }
  }
  const name = (id: string) => labels.get(id) ?? id;
  // Group unlabelled edges by their source, in order of first appearance.
  const sentences: string[] = [];
  const done = new Set<FlowEdge>();
  for (const edge of edges) {
    if (done.has(edge)) continue;
    if (edge.label) {
      if (decisions.has(edge.from)) sentences.push(`At “${name(edge.from)}”, if ${edge.label}: go to ${name(edge.to)}.`);
      else sentences.push(`${name(edge.from)} connects to ${name(edge.to)} (${edge.label}).`);
      done.add(edge);
      continue;
    }
    if (decisions.has(edge.to) && !decisions.has(edge.from)) {
      sentences.push(`${name(edge.from)} checks: ${name(edge.to)}`);
      done.add(edge);
      continue;
    }
    const siblings = edges.filter((other) => other.from === edge.from && !other.label && !done.has(other));
    siblings.forEach((other) => done.add(other));
    sentences.push(`${name(edge.from)} connects to ${listProse(siblings.map((other) => name(other.to)))}.`);
  }
  return sentences;
}

/** The label inside a node shape: brackets, quotes and Markdown-string backticks stripped. */
function shapeLabel(shape: string): string {
  let text = shape.trim();
  for (let i = 0; i < 3; i++) text = text.replace(/^[[({>/\\]|[\])}/\\]$/g, '').trim();
  return cleanText(text.replace(/^"(.*)"$/s, '$1').replace(/^`(.*)`$/s, '$1'));
}

/** Mermaid text as plain prose: `<br>` and tags dropped, entities decoded. */
function cleanText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/#quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const MESSAGE = /^([^\s:]+?)\s*(--?>>|--?>|--?x|--?\))\s*[+-]?\s*([^\s:]+?)\s*:\s*(.*)$/;

function describeSequence(code: string): string[] {
  const names = new Map<string, string>();
  const sentences: string[] = [];
  const name = (id: string) => names.get(id) ?? id;
  for (const line of statements(code).slice(1)) {
    const participant = /^(?:participant|actor)\s+(\S+?)(?:\s+as\s+(.+))?$/.exec(line);
    if (participant) {
      names.set(participant[1], cleanText(participant[2] ?? participant[1]));
      continue;
    }
    const message = MESSAGE.exec(line);
    if (message) {
      const [, from, arrow, to, text] = message;
      const what = cleanText(text);
      if (from === to) sentences.push(`${name(from)}: ${what}.`);
      else if (arrow.startsWith('--')) sentences.push(`${name(from)} replies to ${name(to)}${what ? ` with ${what}` : ''}.`);
      else sentences.push(`${name(from)} sends ${what || 'a message'} to ${name(to)}.`);
      continue;
    }
    const noteLine = /^note\s+(?:over|left of|right of)\s+[^:]+:\s*(.*)$/i.exec(line);
    if (noteLine) {
      sentences.push(`Note: ${cleanText(noteLine[1])}.`);
      continue;
    }
    const block = /^(loop|alt|else|opt|par|and|critical|break)\b\s*(.*)$/.exec(line);
    if (block) {
      const text = cleanText(block[2]);
      const lead: Record<string, string> = {
        loop: 'Repeatedly', alt: 'If', else: 'Otherwise', opt: 'Optionally', par: 'In parallel', and: 'At the same time',
        critical: 'Critically', break: 'On a break',
      };
      sentences.push(`${lead[block[1]]}${text ? ` (${text})` : ''}:`);
    }
  }
  return sentences;
}

function describeState(code: string): string[] {
  const names = new Map<string, string>();
  const sentences: string[] = [];
  const name = (id: string) => names.get(id) ?? id;
  for (const line of statements(code).slice(1)) {
    const alias = /^state\s+"([^"]+)"\s+as\s+(\S+)/.exec(line);
    if (alias) {
      names.set(alias[2], alias[1]);
      continue;
    }
    const transition = /^(\S+)\s*-->\s*(\S+)\s*(?::\s*(.*))?$/.exec(line);
    if (!transition) continue;
    const [, from, to, label] = transition;
    const on = label ? ` on “${cleanText(label)}”` : '';
    if (from === '[*]') sentences.push(`It starts in ${name(to)}${on}.`);
    else if (to === '[*]') sentences.push(`${name(from)} ends the flow${on}.`);
    else sentences.push(`${name(from)} moves to ${name(to)}${on}.`);
  }
  return sentences;
}

// ---------------------------------------------------------------------------------------------
// Code
// ---------------------------------------------------------------------------------------------

/** The comments of a code snippet, as walk-through steps (`# Base image`, `// Connect`). */
export function codeTalkingPoints(code: string, max = 8): string[] {
  const points: string[] = [];
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#!') || /^#\s*(?:include|define|if|endif|pragma)\b/.test(line)) continue;
    const comment = /^(?:#|\/\/|--(?!-)|;)\s*(.+)$/.exec(line);
    if (comment && /[A-Za-z]/.test(comment[1])) points.push(comment[1].replace(/\s*(?:\*\/|-->)\s*$/, ''));
    if (points.length >= max) break;
  }
  return points;
}
