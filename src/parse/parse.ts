/**
 * src/parse/ turns lesson text into mdast: remark with GFM and front matter, after a line-level pass
 * that makes Carpentries constructs explicit (preprocess.ts), with micromark's edits kept linear on
 * large documents (linear-edits.ts) and parses counted for tests (parse-count.ts). Pure.
 *
 * This file: lesson text → mdast, with Carpentries containers made explicit. Pure: the vfile's value
 * in, a tree out; no file system.
 */
import './linear-edits.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, Parent, Blockquote, Code, Html, Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { countParse } from './parse-count.js';
import { scopeAutolinkLiterals } from './autolink-scope.js';
import { gateTables } from './table-gate.js';
import { readGithubMarkdown } from './github-markdown.js';
import { prepareSource, DIV_OPEN, DIV_CLOSE, type AttributeLine } from './preprocess.js';
import { decodeComponent } from '../decode.js';

/** A Pandoc fenced div, or a kramdown blockquote with a class (`{: .challenge}`). */
export interface FencedDiv extends Parent {
  type: 'fencedDiv';
  name: string;
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    fencedDiv: FencedDiv;
  }
  interface BlockContentMap {
    fencedDiv: FencedDiv;
  }
}

/** Blockquote classes of the Carpentries styles dialect that mark a container. */
const CONTAINER_CLASSES = new Set([
  'challenge', 'solution', 'hint', 'callout', 'checklist', 'discussion', 'testimonial',
  'keypoints', 'objectives', 'questions', 'prereq', 'instructor', 'caution', 'warning', 'tip', 'spoiler',
]);

const processor = unified().use(remarkParse).use(remarkGfm).use(scopeAutolinkLiterals).use(gateTables).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Parses a lesson into mdast; fenced divs and classed blockquotes become `fencedDiv` nodes. */
export function parseLesson(file: VFile): Root {
  countParse();
  const prepared = prepareSource(withinLimits(String(file.value), file));
  const tree = processor.parse(prepared.text) as Root;
  limitNesting(tree, prepared.text, file);
  applyAttributes(tree, prepared.lines, prepared.attributes);
  readGithubMarkdown(tree, prepared.text);
  trimCode(tree);
  groupNested(tree);
  return tree;
}

/** Groups div markers in every container: a div indented inside a list item stays in that item. */
function groupNested(parent: Parent): void {
  if (parent.children.some((child) => child.type === 'html')) parent.children = groupDivs(parent.children as RootContent[]);
  for (const child of parent.children) {
    const node = child as Nodes;
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') groupNested(node as Parent);
  }
}

/**
 * Deepest tree every later stage may walk recursively. Real lessons nest a few lists and quotes
 * (twenty levels at most); a 5,000-level `> > >` would overflow the stack of every tree walker.
 */
export const MAX_NESTING = 64;

/** The most text one lesson may hold: ten times the longest lessons seen in real courses. */
export const MAX_LESSON_BYTES = 512 * 1024;
/** The most list items one lesson may hold: decks, handouts and labs of more would take minutes each. */
export const MAX_LIST_ITEMS = 2_000;

const LIST_ITEM = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * A lesson over a limit is not parsed beyond its title (front matter and the first `#` heading), so
 * that it is still listed, and gets a `too-large` error naming the limit. Parsing is linear, but
 * building thousands of slides is not worth anyone's wait: such a file is better split.
 */
function withinLimits(text: string, file: VFile): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  let problem: { reason: string; line: number } | null = null;
  if (bytes > MAX_LESSON_BYTES) {
    problem = {
      reason: `Lesson is ${kilobytes(bytes)}, over the ${kilobytes(MAX_LESSON_BYTES)} limit for one lesson; only its title is read. Split it into smaller lessons`,
      line: lineAt(text, MAX_LESSON_BYTES),
    };
  } else {
    let items = 0;
    let line = 0;
    for (let start = 0; start < text.length && !problem; line++) {
      const end = text.indexOf('\n', start);
      const stop = end === -1 ? text.length : end;
      if (LIST_ITEM.test(text.slice(start, Math.min(stop, start + 64))) && ++items > MAX_LIST_ITEMS) {
        problem = {
          reason: `Lesson has more than ${MAX_LIST_ITEMS.toLocaleString('en')} list items, the limit for one lesson; only its title is read. Split it into smaller lessons`,
          line: line + 1,
        };
      }
      start = stop + 1;
    }
  }
  if (!problem) return flattenDeepQuotes(text, file);
  const message = file.message(problem.reason, { place: { line: problem.line, column: 1 }, ruleId: 'too-large', source: 'lectern' });
  message.fatal = true;
  return titleOnly(text);
}

/**
 * The length of the first `MAX_NESTING` quote markers of `line` when one more marker follows, else
 * -1. A scan, not a regular expression: each marker may or may not take the space after it, so a
 * pattern backtracks through 2^64 ways of dividing the spaces when no further marker follows (on
 * text this function has already escaped, parsed again for the deck, that was a hang).
 */
function deepQuotePrefix(line: string): number {
  let at = 0;
  for (let level = 0; level < MAX_NESTING; level++) {
    for (let spaces = 0; spaces < 3 && line[at] === ' '; spaces++) at++;
    if (line[at] !== '>') return -1;
    at++;
    if (line[at] === ' ' || line[at] === '\t') at++;
  }
  let next = at;
  while (line[next] === ' ' || line[next] === '\t') next++;
  return line[next] === '>' ? at : -1;
}

const ANY_DEEP_QUOTE = new RegExp(`(?:>[ \\t]*){${MAX_NESTING + 1}}`);

/**
 * Quote markers past `MAX_NESTING` levels are escaped, so they stay as text and the parser never
 * builds a tree thousands of levels deep (which cost it quadratic time); the first such line is a
 * `nesting-too-deep` error. Every line keeps its number.
 */
function flattenDeepQuotes(text: string, file: VFile): string {
  if (!ANY_DEEP_QUOTE.test(text)) return text;
  let reported = false;
  const lines = text.split('\n').map((line, index) => {
    const prefix = deepQuotePrefix(line);
    if (prefix < 0) return line;
    if (!reported) {
      reported = true;
      const message = file.message(`Content is nested more than ${MAX_NESTING} levels deep; the deeper part is kept as plain text`, {
        place: { line: index + 1, column: prefix + 1 },
        ruleId: 'nesting-too-deep',
        source: 'lectern',
      });
      message.fatal = true;
    }
    const rest = line.slice(prefix);
    const extra = /^(?:[ \t]*>)*/.exec(rest)![0];
    return `${line.slice(0, prefix)}${extra.replace(/>/g, '\\>')}${rest.slice(extra.length)}`;
  });
  return lines.join('\n');
}

function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The 1-based line holding the character at `offset` (roughly: bytes and characters differ outside ASCII). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** The lesson's front matter and its lines up to the first `#` heading (within its first 200 lines). */
function titleOnly(text: string): string {
  const lines = text.slice(0, 64 * 1024).split('\n').slice(0, 200);
  let end = lines.findIndex((line, index) => /^# /.test(line) && !(lines[0] === '---' && lines.indexOf('---', 1) > index));
  if (end === -1) end = Math.min(lines.length, 20) - 1;
  return lines.slice(0, end + 1).join('\n');
}


const STRUCTURAL = new Set(['listItem', 'tableRow', 'tableCell', 'paragraph']);
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode', 'image', 'imageReference', 'break', 'html', 'footnoteReference']);

/**
 * Cuts the tree at `MAX_NESTING` levels (a list and its items, or a paragraph and its text, count
 * as one), without recursion: a node that deep is replaced by its
 * source text (a code block, or plain text inside a paragraph), so nothing is lost, and the first
 * such place is a `nesting-too-deep` error.
 */
function limitNesting(tree: Root, source: string, file: VFile): void {
  const stack: Array<{ node: Nodes; depth: number }> = [{ node: tree, depth: 0 }];
  let reported = file.messages.some((message) => message.ruleId === 'nesting-too-deep');
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      // A list item is one level with its list (and a row or cell with its table): a list holds
      // items, and a table rows of cells, whatever the depth, so the cut goes inside them.
      // A leaf adds no depth to walk.
      if (!('children' in child)) continue;
      if (STRUCTURAL.has(child.type)) {
        stack.push({ node: child, depth });
        continue;
      }
      if (depth + 1 <= MAX_NESTING) {
        stack.push({ node: child, depth: depth + 1 });
        continue;
      }
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      const value = start !== undefined && end !== undefined ? source.slice(start, end) : '';
      const position = child.position;
      children[index] = (PHRASING.has(child.type) ? { type: 'text', value, position } : { type: 'code', lang: 'text', meta: null, value, position }) as Nodes;
      if (!reported) {
        reported = true;
        const message = file.message(`Content is nested more than ${MAX_NESTING} levels deep; the deeper part is kept as plain text`, {
          place: position?.start,
          ruleId: 'nesting-too-deep',
          source: 'lectern',
        });
        message.fatal = true;
      }
    }
  }
}

function markerOf(node: RootContent): { open: string; title: string; end: number } | { close: true } | null {
  if (node.type !== 'html') return null;
  const value = (node as Html).value.trim();
  if (value === `<!--${DIV_CLOSE}-->`) return { close: true };
  if (value.startsWith(`<!--${DIV_OPEN}`) && value.endsWith('-->')) {
    const [name = '', ...fields] = value.slice(4 + DIV_OPEN.length, -3).split(' ');
    const field = (key: string) => fields.find((one) => one.startsWith(`${key}=`))?.slice(key.length + 1) ?? '';
    return { open: name, title: decodeComponent(field('t')), end: Number(field('e')) || 0 };
  }
  return null;
}

/** Turns the flat marker sequence into nested `fencedDiv` nodes. */
function groupDivs(children: RootContent[]): RootContent[] {
  const root: RootContent[] = [];
  const stack: FencedDiv[] = [];
  // The last line of a div that has no closing line (an admonition's indented body).
  const ends = new Map<FencedDiv, number>();
  const sink = () => (stack.length > 0 ? stack[stack.length - 1].children : root);
  for (const node of children) {
    const start = node.position?.start.line ?? 0;
    while (stack.length > 0 && start > (ends.get(stack[stack.length - 1]!) ?? Infinity)) stack.pop();
    const marker = markerOf(node);
    if (!marker) {
      sink().push(node);
      extendEnd(stack, node);
      continue;
    }
    if ('open' in marker) {
      const div: FencedDiv = { type: 'fencedDiv', name: marker.open, children: [], position: node.position && { start: node.position.start, end: node.position.end } };
      // A title (a `<details>` summary, an admonition's, preprocess.ts) heads the box; a solution's
      // or a hint's ("Click to see the answer") only says what the box is.
      if (marker.title && marker.open !== 'solution' && marker.open !== 'hint') {
        div.children.push({ type: 'heading', depth: 4, children: [{ type: 'text', value: marker.title }], position: div.position && { start: div.position.start, end: div.position.end } });
      }
      sink().push(div);
      stack.push(div);
      if (marker.end) ends.set(div, marker.end);
    } else if (stack.length > 0) {
      const div = stack.pop()!;
      if (div.position && node.position) div.position.end = node.position.end;
      extendEnd(stack, node);
    }
    // A stray closing fence carries no content; it is dropped like Pandoc does.
  }
  return root;
}

function extendEnd(stack: FencedDiv[], node: RootContent): void {
  if (!node.position) return;
  for (const div of stack) if (div.position) div.position.end = node.position.end;
}

/** Attaches kramdown attribute lines to the code block or blockquote they close. */
function applyAttributes(tree: Root, lines: string[], attributes: AttributeLine[]): void {
  if (attributes.length === 0) return;
  const byLine = new Map(attributes.map((attribute) => [attribute.line, attribute]));
  const used = new Set<number>();

  const findAttribute = (endLine: number, depth: number): AttributeLine | undefined => {
    for (let line = endLine + 1; line <= endLine + 3 && line <= lines.length; line++) {
      const attribute = byLine.get(line);
      if (attribute) {
        if (attribute.depth === depth && !used.has(line)) return attribute;
        continue;
      }
      if (lines[line - 1].trim() !== '') return undefined;
    }
    return undefined;
  };

  const visit = (parent: Parent, depth: number): void => {
    parent.children.forEach((child, index) => {
      const node = child as Nodes;
      if (node.type === 'blockquote') visit(node, depth + 1);
      else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') visit(node as Parent, depth);
      if ((node.type !== 'code' && node.type !== 'blockquote') || !node.position) return;
      const attribute = findAttribute(node.position.end.line, depth);
      if (!attribute) return;
      used.add(attribute.line);
      if (node.type === 'code') {
        applyCodeClasses(node, attribute.classes);
        return;
      }
      const name = attribute.classes.find((name) => CONTAINER_CLASSES.has(name));
      if (!name) return;
      const div: FencedDiv = { type: 'fencedDiv', name, children: (node as Blockquote).children, position: node.position };
      parent.children[index] = div as never;
    });
  };
  visit(tree, 0);
}

function applyCodeClasses(node: Code, classes: string[]): void {
  const language = classes.find((name) => name.startsWith('language-'));
  if (language && !node.lang) node.lang = language.slice('language-'.length);
  else if (!node.lang && classes.length > 0) node.lang = classes[0];
}

/** Trailing blanks on code lines are invisible noise (and differ between editors); drop them. */
function trimCode(node: Nodes): void {
  if (node.type === 'code') node.value = node.value.replace(/[ \t]+$/gm, '');
  else if ('children' in node) for (const child of node.children) trimCode(child as Nodes);
}
