/**
 * Exercises: house-format exercise sections and Carpentries challenges (both dialects).
 * A solution never leaks into the prompt.
 */
import type { RootContent, Heading, List } from 'mdast';
import type { Exercise } from '../model/lesson.js';
import type { FencedDiv } from '../parse/parse.js';
import { type Block, blockNodes, paragraphLabel, splitItem, readLabel, lineOf } from './blocks.js';
import { blockMarkdown, inlineMarkdown, plainText, rawMarkdown } from './markdown.js';
import { itemText } from './items.js';

const SOLUTION = /^(?:solutions?|answers?|sample solution|model answer|(?:possible|suggested|example) solution)(?:\s*\d+)?$/i;
const HINT = /^hints?(?:\s*\d+)?$/i;
const EXERCISE_LABEL = /^(?:exercise|challenge|task|activity|lab|practice|problem|question)\b/i;

/** Strips "Exercise 1:" from an exercise title, keeping a bare "Exercise 1". */
export function exerciseTitle(title: string): string {
  const stripped = title.replace(/^\s*(?:exercise|challenge|task|activity|lab|problem)\s*#?\d*(?:\.\d+)*\s*[:.\-–—]\s*/i, '').trim();
  return stripped || title.trim();
}

function headingName(node: Heading): string {
  return plainText(node).replace(/[:\s]+$/, '');
}

/** Reads an exercise from a run of nodes (house format). */
export function readExercise(title: string, line: number, nodes: RootContent[]): Exercise {
  const prompt: RootContent[] = [];
  const steps: string[] = [];
  const hints: string[] = [];
  const solution: RootContent[] = [];
  let mode: 'prompt' | 'solution' | 'hint' = 'prompt';
  let solutionDepth = 0;

  for (const node of nodes) {
    if (node.type === 'heading') {
      const name = headingName(node);
      if (SOLUTION.test(name)) { mode = 'solution'; solutionDepth = node.depth; continue; }
      if (HINT.test(name)) { mode = 'hint'; solutionDepth = node.depth; continue; }
      if (mode !== 'prompt' && node.depth <= solutionDepth) mode = 'prompt';
    }
    if (node.type === 'fencedDiv') {
      const div = node as FencedDiv;
      if (div.name === 'solution') { solution.push(...divBody(div)); continue; }
      if (div.name === 'hint') { hints.push(blockMarkdown(divBody(div))); continue; }
    }
    const label = paragraphLabel(node);
    if (label && SOLUTION.test(label.label)) {
      mode = 'solution';
      if (label.rest) solution.push(rawMarkdown(label.rest));
      continue;
    }
    if (label && HINT.test(label.label)) {
      if (label.rest) hints.push(label.rest);
      mode = label.rest ? 'prompt' : 'hint';
      continue;
    }
    if (mode === 'solution') { solution.push(node); continue; }
    if (mode === 'hint') {
      if (node.type === 'list') hints.push(...node.children.map(itemText));
      else hints.push(blockMarkdown([node]));
      continue;
    }
    if (node.type === 'list' && node.ordered && steps.length === 0) {
      steps.push(...node.children.map(itemText));
      continue;
    }
    prompt.push(node);
  }
  return {
    title: exerciseTitle(title),
    prompt: blockMarkdown(prompt),
    steps,
    hints: hints.filter(Boolean),
    solution: solution.length > 0 ? blockMarkdown(solution) : null,
    line,
  };
}

/** Exercises of a house-format exercises section, in any of its common shapes. */
export function readExerciseSection(block: Block): { exercises: Exercise[]; leftover: RootContent[] } {
  if (block.children.length > 0) {
    const exercises: Exercise[] = [];
    const leftover: RootContent[] = [];
    const intro = block.content.filter((node) => node.type !== 'code');
    if (intro.length > 0) {
      const fromIntro = readExerciseRun(block.title, block.line, block.content);
      if (fromIntro.length > 1 || (fromIntro.length === 1 && fromIntro[0].title !== exerciseTitle(block.title))) exercises.push(...fromIntro);
      else leftover.push(...intro);
    }
    for (const child of block.children) exercises.push(readExercise(child.title, child.line, blockNodes(child)));
    return { exercises, leftover };
  }
  return { exercises: readExerciseRun(block.title, block.line, block.content), leftover: [] };
}

/** Exercises in a section without subsections: labelled paragraphs, a list of tasks, or one exercise. */
function readExerciseRun(title: string, line: number, nodes: RootContent[]): Exercise[] {
  const starts = nodes
    .map((node, index) => ({ index, label: paragraphLabel(node) }))
    .filter(({ label }) => label !== null && EXERCISE_LABEL.test(label.label));
  if (starts.length > 0) {
    const exercises: Exercise[] = [];
    const before = nodes.slice(0, starts[0].index).filter((node) => node.type !== 'code');
    starts.forEach(({ index, label }, n) => {
      const end = n + 1 < starts.length ? starts[n + 1].index : nodes.length;
      const body = nodes.slice(index + 1, end);
      const rest = label!.rest ? [rawMarkdown(label!.rest)] : [];
      exercises.push(readExercise(label!.label, lineOf(nodes[index]), [...(n === 0 ? before : []), ...rest, ...body]));
    });
    return exercises;
  }
  const lists = nodes.filter((node): node is List => node.type === 'list');
  const others = nodes.filter((node) => node.type !== 'list' && node.type !== 'code');
  if (lists.length === 1 && others.every((node) => node.type === 'paragraph') && others.length <= 1) {
    const list = lists[0];
    return list.children.map((item, index) => {
      const { lead, rest, nested } = splitItem(item);
      const label = readLabel(lead);
      const itemTitle = label ? label.label : `Exercise ${index + 1}`;
      const first = label ? label.rest : inlineMarkdown(lead);
      const body: RootContent[] = [];
      if (first) body.push(rawMarkdown(first));
      body.push(...rest, ...nested);
      const exercise = readExercise(itemTitle, lineOf(item), body);
      // An intro line ("Try these:") belongs to the first task's prompt rather than being lost.
      if (index === 0 && others.length === 1) exercise.prompt = [blockMarkdown(others), exercise.prompt].filter(Boolean).join('\n\n');
      return exercise;
    });
  }
  if (nodes.length === 0) return [];
  return [readExercise(title, line, nodes)];
}

/** A Carpentries challenge div as an exercise: solutions and hints are taken out of the prompt. */
export function readChallenge(div: FencedDiv): Exercise {
  const children = div.children;
  const first = children.find((node) => node.type !== 'html');
  let title = 'Challenge';
  let body = children;
  if (first?.type === 'heading') {
    title = inlineMarkdown(first.children);
    body = children.filter((node) => node !== first);
  }
  const prompt: RootContent[] = [];
  const solutions: string[] = [];
  const hints: string[] = [];
  for (const node of body) {
    if (node.type === 'fencedDiv' && (node as FencedDiv).name === 'solution') solutions.push(blockMarkdown(divBody(node as FencedDiv)));
    else if (node.type === 'fencedDiv' && (node as FencedDiv).name === 'hint') hints.push(blockMarkdown(divBody(node as FencedDiv)));
    else prompt.push(node);
  }
  return {
    title,
    prompt: blockMarkdown(prompt),
    steps: [],
    hints: hints.filter(Boolean),
    solution: solutions.length > 0 ? solutions.join('\n\n') : null,
    line: lineOf(div),
  };
}

/** A solution or hint div without its "## Solution" / "## Hint" heading. */
export function divBody(div: FencedDiv): RootContent[] {
  const [first, ...rest] = div.children;
  if (first?.type === 'heading' && (SOLUTION.test(headingName(first)) || HINT.test(headingName(first)))) return rest;
  return div.children;
}
