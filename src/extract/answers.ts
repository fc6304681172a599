/**
 * Answers and instructor notes wherever they sit inside an exercise: in a numbered step, in a
 * callout, in a list item. They are taken out of what learners see and kept for the instructor.
 */
import type { ListItem, Nodes, Parent, RootContent } from 'mdast';
import type { FencedDiv } from '../parse/parse.js';

/** Divs that answer the exercise. */
export const ANSWER_DIV_NAMES = new Set(['solution', 'answer']);
/** Divs for the instructor only. */
export const INSTRUCTOR_DIV_NAMES = new Set(['instructor', 'facilitator', 'hint-instructor']);

export interface Pulled {
  /** The nodes without any answer or instructor div. */
  nodes: RootContent[];
  /** Each answer div's content, with the number of the list item it was in (or null). */
  answers: Array<{ item: number | null; nodes: RootContent[] }>;
  /** Each instructor div's content. */
  notes: RootContent[][];
}

/** Takes answer and instructor divs out of a run of nodes, at any depth. */
export function pullAnswers(nodes: RootContent[], body: (div: FencedDiv) => RootContent[]): Pulled {
  const pulled: Pulled = { nodes: [], answers: [], notes: [] };
  const visit = (children: RootContent[], item: number | null): RootContent[] => {
    const kept: RootContent[] = [];
    for (const child of children) {
      const node = child as Nodes | FencedDiv;
      if (node.type === 'fencedDiv' && ANSWER_DIV_NAMES.has(node.name)) {
        pulled.answers.push({ item, nodes: body(node) });
        continue;
      }
      if (node.type === 'fencedDiv' && INSTRUCTOR_DIV_NAMES.has(node.name)) {
        pulled.notes.push(node.children);
        continue;
      }
      if (node.type === 'list') {
        const start = node.start ?? 1;
        const items = node.children.map((listItem, index) => ({
          ...listItem,
          children: visit(listItem.children as RootContent[], node.ordered ? start + index : item),
        })) as ListItem[];
        kept.push({ ...node, children: items });
        continue;
      }
      if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && hasDiv(node as Parent)) {
        kept.push({ ...node, children: visit((node as Parent).children as RootContent[], item) } as RootContent);
        continue;
      }
      kept.push(child);
    }
    return kept;
  };
  pulled.nodes = visit(nodes, null);
  return pulled;
}

/** Whether a node holds a fenced div anywhere below it. */
export function hasDiv(node: Parent): boolean {
  return node.children.some((child) => child.type === ('fencedDiv' as string) || ('children' in child && child.type !== 'paragraph' && hasDiv(child as Parent)));
}

/**
 * Moves divs out of list items to just after the item's top-level list, splitting the list there
 * (an ordered list's numbering goes on), so a callout or an instructor note written inside a step
 * reaches the renderers as a div of its own and never as `:::` text inside the list.
 */
export function liftListDivs(nodes: RootContent[]): RootContent[] {
  if (!nodes.some((node) => node.type === 'list' && hasDiv(node))) return nodes;
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'list' || !hasDiv(node)) {
      out.push(node);
      continue;
    }
    let items: ListItem[] = [];
    let start = node.start ?? 1;
    const flush = () => {
      if (items.length === 0) return;
      out.push({ ...node, start: node.ordered ? start : node.start, children: items });
      start += items.length;
      items = [];
    };
    for (const item of node.children) {
      const divs: RootContent[] = [];
      const stripped = stripDivs(item, divs) as ListItem;
      items.push(stripped);
      if (divs.length > 0) {
        flush();
        out.push(...divs);
      }
    }
    flush();
  }
  return out;
}

function stripDivs(parent: Parent, divs: RootContent[]): Parent {
  const children: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === ('fencedDiv' as string)) divs.push(child);
    else if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading' && hasDiv(child as Parent)) children.push(stripDivs(child as Parent, divs) as RootContent);
    else children.push(child);
  }
  return { ...parent, children } as Parent;
}
