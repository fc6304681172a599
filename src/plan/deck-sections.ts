/**
 * The deck's section slides: a lesson's leftover sections (the prose that is not objectives,
 * concepts, examples …) split at their sub-headings and packed into slides of about
 * {@link SECTION_BUDGET} rows, lists and callouts continued across slides, with notes drawn from
 * the text. Instructor-only sections and hidden divs go to the notes instead. Pure.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Blockquote, Code, Text } from 'mdast';
import type { Lesson } from '../model/lesson.js';
import type { PlannedSlide } from './deck-plan.js';
import type { AssetResolver } from '../render/markdown-sanitize.js';
import { parseBlocks, blocksToMarkdown, nodesPlainText, inlinePlainText, phrasingMarkdown } from '../render/markdown-safe.js';
import { sliceWideTable } from './deck-wide-table.js';
import { breaksAtRules, splitAtRules } from './deck-parts.js';
import { pack, splitCode, rows, SECTION_BUDGET, CODE_BUDGET, SECTION_CHARS_PER_ROW, CODE_CHARS_PER_ROW, CODE_ROW } from './deck-split.js';

/** What the sections give the deck: their slides, and what the other slides must not repeat or must say. */
export interface SectionPlan {
  slides: PlannedSlide[];
  /** Every code block shown on a section slide. */
  code: string[];
  /** Mermaid code of diagrams shown on a section slide. */
  diagramCode: Set<string>;
  /** Text of sections that are for the instructor only. */
  instructorNotes: string[];
}

const INTRO_SECTION = /^(?:introduction|intro|overview|background|motivation|why\b.*|context)$/i;
/** Lines such as "**Duration:** 40 minutes": the lesson's timing, already in its metadata. */
const TIMING_LINE = /^(?:duration|estimated time|time|timing|teaching|exercises?)\s*:?\s*\d+\s*(?:min|minutes|h|hours?)\b/i;
const INSTRUCTOR_SECTION = /^(?:instructor|facilitator|teacher|trainer|teaching)(?:'?s)?\s+notes?$/i;

/** A piece of section content with its cost; consecutive pieces of one list or callout are merged again. */
interface Unit {
  node: RootContent;
  cost: number;
  container?: List | Blockquote;
  /** Index of the list item in its list (for the start number of ordered lists). */
  index?: number;
  /** Keep with the next unit ("… as follows:" before code). */
  glue?: boolean;
}

/** Plans the slides of every section with content, and what the rest of the deck needs to know about them. */
export function planSections(lesson: Lesson, assets: AssetResolver, minParts: (key: string) => number): SectionPlan {
  const plan: SectionPlan = { slides: [], code: [], diagramCode: new Set(), instructorNotes: [] };
  const inParts = breaksAtRules(lesson);
  lesson.sections.forEach((section, sectionIndex) => {
    if (!section.markdown.trim()) return;
    // Outside the house format, `---` starts a new slide (deck-parts.ts); each piece is parsed on its own.
    const pieces = (inParts ? splitAtRules(section.markdown) : [section.markdown]).map((markdown) => {
      const parsed = parseBlocks(markdown, assets);
      return { hidden: parsed.hidden, nodes: parsed.nodes.filter((node) => !(node.type === 'paragraph' && TIMING_LINE.test(nodesPlainText(node)))) };
    });
    const hidden = pieces.flatMap((piece) => piece.hidden);
    const nodes = pieces.flatMap((piece) => piece.nodes);
    if (nodes.length === 0) {
      if (hidden.length > 0) plan.instructorNotes.push(truncate(nodesPlainText(hidden), 600));
      return;
    }
    if (INSTRUCTOR_SECTION.test(inlinePlainText(section.title))) {
      const text = nodesPlainText([...nodes, ...hidden]);
      if (text) plan.instructorNotes.push(truncate(text, 600));
      return;
    }
    collectCode(nodes, plan.code);
    for (const diagram of lesson.diagrams) {
      if (section.markdown.includes(diagram.code.trim())) plan.diagramCode.add(diagram.code.trim());
    }
    const hiddenText = nodesPlainText(hidden);

    // Split at sub-headings: each becomes the title of its slides.
    const chunks: { title: string | null; nodes: RootContent[] }[] = [{ title: null, nodes: [] }];
    pieces.forEach((piece, pieceIndex) => {
      // A part after `---` that opens without a heading continues the previous heading on a slide of its own.
      const last = chunks[chunks.length - 1];
      if (pieceIndex > 0 && piece.nodes[0] && piece.nodes[0].type !== 'heading' && last.nodes.length > 0) {
        const before = (last.title ?? section.title).replace(/ \(continued\)$/, '');
        chunks.push({ title: `${before} (continued)`, nodes: [] });
      }
      for (const node of piece.nodes) {
        if (node.type === 'heading') chunks.push({ title: phrasingMarkdown((node as Heading).children), nodes: [] });
        else chunks[chunks.length - 1].nodes.push(node);
      }
    });
    if (chunks[0].nodes.length === 0 && chunks.length > 1) chunks.shift();

    let line = section.line;
    const structured = [lesson.concepts[0]?.line, lesson.diagrams[0]?.line, lesson.examples[0]?.line].filter((n): n is number => Boolean(n));
    const intro = INTRO_SECTION.test(inlinePlainText(section.title)) && structured.length > 0 && section.line < Math.min(...structured);
    chunks.forEach((chunk, chunkIndex) => {
      const key = `section:${sectionIndex}/${chunkIndex}`;
      const title = chunk.title ?? section.title;
      const parts = packSection(chunk.nodes, minParts(key));
      if (parts.length === 0) parts.push([]);
      parts.forEach((part, partIndex) => {
        const body = blocksToMarkdown(part);
        // Section Markdown has no source lines of its own: code blocks anchor it (examples know theirs).
        line = Math.max(line, anchorLine(part, lesson) ?? line);
        plan.slides.push({
          key,
          kind: 'section',
          title,
          line,
          part: partIndex + 1,
          parts: parts.length,
          exercise: false,
          classes: [],
          data: { body, section: section.title, intro },
          say: sectionSay(part, chunkIndex === 0 && partIndex === 0 ? hiddenText : ''),
        });
      });
    });
  });
  return plan;
}

/** The source line of the first code block of a part that is also one of the lesson's examples. */
function anchorLine(nodes: RootContent[], lesson: Lesson): number | null {
  const code: string[] = [];
  collectCode(nodes, code);
  for (const value of code) {
    const wanted = normalizeCode(value);
    const example = lesson.examples.find((candidate) => wanted && normalizeCode(candidate.code).includes(wanted));
    if (example) return example.line;
  }
  return null;
}

function collectCode(nodes: RootContent[], into: string[]): void {
  for (const node of nodes) {
    if (node.type === 'code') into.push(node.value);
    else if ('children' in node) collectCode(node.children as RootContent[], into);
  }
}
/** Code compared by content: line endings and trailing spaces do not count. */
export function normalizeCode(code: string): string {
  return code.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

function sectionSay(nodes: RootContent[], hidden: string): string[] {
  const say: string[] = [];
  const sentences = nodes
    .filter((node): node is Paragraph => node.type === 'paragraph' && !(node.children.length === 1 && node.children[0].type !== 'text'))
    .map((node) => {
      const text = nodesPlainText(node);
      return /^.{10,220}?[.?!](?=\s|$)/.exec(text)?.[0] ?? truncate(text, 200);
    })
    .filter((sentence) => sentence.length > 20 && !/:\s*$/.test(sentence));
  if (sentences[0]) say.push(`Key message: ${sentences[0]}`);
  const code = nodes.find((node): node is Code => node.type === 'code' && !/^(?:output|error|text)$/.test(node.lang ?? ''));
  if (code) {
    const lines = code.value.split('\n').map((line) => line.trim()).filter(Boolean);
    const first = lines.find((line) => !/^(?:#|\/\/|--\s)/.test(line)) ?? lines[0];
    // A code block of blank lines has nothing to start with.
    if (first) say.push(`Live-code this rather than reading it: start with ${first} and show the output.`);
  }
  if (nodes.some((node) => node.type === 'blockquote')) say.push('Pause on the callout: it answers a question learners often ask.');
  if (hidden) say.push(`Instructor only (not on the slide): ${truncate(hidden, 500)}`);
  if (say.length === 0) say.push('Talk through this slide in your own words.');
  return say;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')} …`;
}

/** Splits section content into slides of about {@link SECTION_BUDGET} rows. */
function packSection(nodes: RootContent[], minParts: number): RootContent[][] {
  const units: Unit[] = [];
  for (const node of nodes) units.push(...unitsOf(node));
  // "… like this:" stays with what it introduces.
  const bundles: Unit[][] = [];
  for (const unit of units) {
    const last = bundles[bundles.length - 1];
    const lastUnit = last?.[last.length - 1];
    if (last && lastUnit?.glue && sumCost(last) + unit.cost <= SECTION_BUDGET) last.push(unit);
    else bundles.push([unit]);
  }
  const parts = pack(bundles, sumCost, SECTION_BUDGET, minParts);
  return parts.map((part) => assemble(part.flat()));
}

function sumCost(units: Unit[]): number {
  return units.reduce((sum, unit) => sum + unit.cost, 0);
}

function unitsOf(node: RootContent): Unit[] {
  switch (node.type) {
    case 'paragraph': {
      const text = nodesPlainText(node);
      const isImage = node.children.length === 1 && node.children[0].type === 'image';
      if (isImage) return [{ node, cost: 8 }];
      const cost = rows(text, SECTION_CHARS_PER_ROW) + 0.4;
      if (cost <= SECTION_BUDGET) return [{ node, cost, glue: /:\s*$/.test(text) }];
      return splitParagraph(node).map((piece) => ({ node: piece, cost: rows(nodesPlainText(piece), SECTION_CHARS_PER_ROW) + 0.4 }));
    }
    case 'code': {
      const cost = (value: string) => value.split('\n').reduce((sum, line) => sum + rows(line, CODE_CHARS_PER_ROW) * CODE_ROW, 0) + 0.8;
      if (node.value.split('\n').length <= CODE_BUDGET) return [{ node, cost: cost(node.value) }];
      return splitCode(node.value, CODE_BUDGET).map((value) => ({ node: { ...node, value }, cost: cost(value) }));
    }
    case 'list': {
      return node.children.map((item, index) => ({ node: item as unknown as RootContent, cost: listItemRows(item, 1), container: node, index }));
    }
    case 'blockquote': {
      // A callout moves as a whole; only one taller than a slide is divided, between its blocks.
      const units = node.children.map((child, index) => ({
        node: child as RootContent,
        cost: sumCost(unitsOf(child as RootContent)),
        container: node,
        index,
        // The callout's bold title never ends a slide on its own.
        glue: index === 0 && isCalloutTitle(child as RootContent),
      }));
      const total = sumCost(units) + 0.8;
      if (total <= SECTION_BUDGET) return [{ node, cost: total }];
      return units;
    }
    case 'table':
      // A table wider than a slide shows its first columns, in slices, and says where the rest is.
      return sliceWideTable(node).flatMap((piece) => (piece.type === 'table' ? [{ node: piece, cost: piece.children.length * 1.2 + 0.5 }] : unitsOf(piece)));
    case 'heading':
      return [{ node, cost: 1.5 }];
    default:
      return [{ node, cost: rows(nodesPlainText(node as RootContent), SECTION_CHARS_PER_ROW) + 0.4 }];
  }
}

function listItemRows(item: ListItem, depth: number): number {
  let total = 0;
  for (const child of item.children) {
    if (child.type === 'list') for (const sub of child.children) total += listItemRows(sub, depth + 1);
    else if (child.type === 'code') total += child.value.split('\n').length * CODE_ROW + 0.8;
    else total += rows(nodesPlainText(child as RootContent), SECTION_CHARS_PER_ROW - 3 * depth);
  }
  return Math.max(1, total) + 0.15;
}

/** Splits a long paragraph at sentence ends (inside its text nodes) into pieces that fit a slide. */
function splitParagraph(paragraph: Paragraph): Paragraph[] {
  const target = (SECTION_BUDGET - 2) * SECTION_CHARS_PER_ROW;
  const pieces: PhrasingContent[][] = [[]];
  let length = 0;
  for (const child of paragraph.children) {
    if (child.type !== 'text') {
      pieces[pieces.length - 1].push(child);
      length += nodesPlainText(child as unknown as RootContent).length;
      continue;
    }
    const sentences = child.value.split(/(?<=[.?!])\s+/);
    sentences.forEach((sentence, index) => {
      const value = index < sentences.length - 1 ? `${sentence} ` : sentence;
      if (length > target && index > 0) {
        // The piece ends here: without its last space, which Markdown would write as `&#x20;`.
        const last = pieces[pieces.length - 1].at(-1);
        if (last?.type === 'text') last.value = last.value.trimEnd();
        pieces.push([]);
        length = 0;
      }
      pieces[pieces.length - 1].push({ type: 'text', value } as Text);
      length += value.length;
    });
  }
  return pieces.filter((piece) => piece.length > 0).map((children) => ({ type: 'paragraph', children }));
}

function isCalloutTitle(node: RootContent | undefined): boolean {
  return node?.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'strong';
}

function continued(title: Paragraph): Paragraph {
  const strong = title.children[0] as PhrasingContent & { children: PhrasingContent[] };
  return { type: 'paragraph', children: [{ ...strong, children: [...strong.children, { type: 'text', value: ' (cont.)' }] } as PhrasingContent] };
}

/** Rebuilds nodes from units: consecutive items of one list (or pieces of one callout) become one node again. */
function assemble(units: Unit[]): RootContent[] {
  const out: RootContent[] = [];
  let currentContainer: List | Blockquote | undefined;
  for (const unit of units) {
    if (unit.container && unit.container === currentContainer) {
      const last = out[out.length - 1] as List | Blockquote;
      (last.children as RootContent[]).push(unit.node);
      continue;
    }
    currentContainer = unit.container;
    if (!unit.container) {
      out.push(unit.node);
    } else if (unit.container.type === 'list') {
      const list = unit.container;
      out.push({ ...list, start: list.ordered ? (list.start ?? 1) + (unit.index ?? 0) : list.start, children: [unit.node as unknown as ListItem] });
    } else {
      // A callout continued from the previous slide repeats its title.
      const [title] = unit.container.children;
      const children = [unit.node];
      if ((unit.index ?? 0) > 0 && isCalloutTitle(title as RootContent)) children.unshift(continued(title as Paragraph));
      out.push({ ...unit.container, children: children as Blockquote['children'] });
    }
  }
  return out;
}
