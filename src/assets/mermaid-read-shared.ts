/**
 * What every diagram kind's reader shares: Mermaid text turned into plain prose, the direction
 * names, adding a node once (a later, labelled mention relabels it), and the label inside a node's
 * shape. Kept apart so each kind's reader (mermaid-read-*.ts) is only about its own syntax.
 */
import type { Direction, MermaidStructure, StructureNode } from './mermaid-structure.js';

export const directions: Readonly<Record<string, Direction>> = { TD: 'TB', TB: 'TB', BT: 'BT', LR: 'LR', RL: 'RL' };

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

/** The node `id`, added on its first mention; a later mention with a label relabels and reshapes it. */
export function addNode(structure: MermaidStructure, id: string, label: string | null, shape: string, group: string | null): StructureNode {
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

/** The label inside a node shape: brackets, quotes and Markdown-string backticks stripped. */
export function shapeLabel(shape: string): string {
  let text = shape.trim();
  const extended = /^@\{.*\blabel\s*:\s*"([^"]*)"/.exec(text);
  if (extended) return cleanText(extended[1] as string);
  if (text.startsWith('@{')) return '';
  for (let i = 0; i < 3; i++) text = text.replace(/^[[({>/\\]|[\])}/\\]$/g, '').trim();
  return cleanText(text);
}
