/**
 * Exercises: house-format exercise sections and Carpentries challenges (both dialects).
 * A solution never leaks into the prompt.
 */
import type { RootContent, Heading, List, Strong } from 'mdast';
import type { Exercise } from '../model/lesson.js';
import type { FencedDiv } from '../parse/parse.js';
import { type Block, blockNodes, paragraphLabel, splitItem, readLabel, lineOf } from './blocks.js';
import { blockMarkdown, inlineMarkdown, plainText, rawMarkdown } from './markdown.js';
import { itemText } from './items.js';
import { pullAnswers, liftListDivs, type Pulled } from './answers.js';

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

/** One question of an exercise while it is read. */
interface Part {
  /** Its own heading, when it has one. */
  title: string | null;
  line: number;
  prompt: RootContent[];
  steps: string[];
  hints: string[];
  solution: RootContent[];
  /** Instructor-only divs' content. */
  notes: RootContent[][];
  /** Started by prompt text after the previous question's solution (not by a heading). */
  afterSolution: boolean;
}

function newPart(title: string | null, line: number, afterSolution = false): Part {
  return { title, line, prompt: [], steps: [], hints: [], solution: [], notes: [], afterSolution };
}

/**
 * Reads an exercise from a run of nodes (house format). Several questions, each with its own
 * `#### Solution`, become one exercise each: a heading after a solution starts the next question.
 */
export function readExercise(title: string, line: number, nodes: RootContent[]): Exercise[] {
  const parts: Part[] = [newPart(null, line)];
  let part = parts[0];
  let mode: 'prompt' | 'solution' | 'hint' = 'prompt';
  let solutionDepth = 0;

  for (const node of nodes) {
    if (node.type === 'heading') {
      const name = headingName(node);
      if (SOLUTION.test(name)) { mode = 'solution'; solutionDepth = node.depth; continue; }
      if (HINT.test(name)) { mode = 'hint'; solutionDepth = node.depth; continue; }
      // A heading ends a solution or hint it is not under; after an answer (however it was given:
      // a heading, a label, a div, an answer in a step) it starts the next question.
      if (mode === 'prompt' ? part.solution.length > 0 : node.depth <= solutionDepth) {
        mode = 'prompt';
        if (part.solution.length > 0) {
          part = newPart(inlineMarkdown(node.children), lineOf(node));
          parts.push(part);
          continue;
        }
      }
    }
    if (node.type === 'fencedDiv') {
      const div = node as FencedDiv;
      if (div.name === 'solution') { part.solution.push(...divBody(div)); continue; }
      if (div.name === 'hint') { part.hints.push(blockMarkdown(divBody(div))); continue; }
    }
    const label = paragraphLabel(node);
    if (label && SOLUTION.test(label.label)) {
      mode = 'solution';
      if (label.rest) part.solution.push(rawMarkdown(label.rest));
      continue;
    }
    if (label && HINT.test(label.label)) {
      if (label.rest) part.hints.push(label.rest);
      mode = label.rest ? 'prompt' : 'hint';
      continue;
    }
    if (mode === 'solution') { part.solution.push(node); continue; }
    if (mode === 'hint') {
      if (node.type === 'list') part.hints.push(...node.children.map(itemText));
      else part.hints.push(blockMarkdown([node]));
      continue;
    }
    if (node.type === 'list' && node.ordered && part.steps.length === 0) {
      const pulled = pullAnswers([node], divBody);
      part.steps.push(...(pulled.nodes[0] as List).children.map(itemText));
      keepPulled(part, pulled);
      continue;
    }
    part.prompt.push(node);
  }
  return finishParts(exerciseTitle(title), parts, exerciseTitle);
}

/** Answers and notes found inside steps or callouts go to the solution and the notes. */
function keepPulled(part: Part, pulled: Pulled): void {
  for (const answer of pulled.answers) {
    const [first, ...rest] = answer.nodes;
    if (answer.item === null || !first) part.solution.push(...answer.nodes);
    else if (first.type === 'paragraph') {
      // "**Step 2:** the answer", on one line.
      const label: Strong = { type: 'strong', children: [{ type: 'text', value: `Step ${answer.item}:` }] };
      part.solution.push({ ...first, children: [label, { type: 'text', value: ' ' }, ...first.children] }, ...rest);
    } else part.solution.push(rawMarkdown(`**Step ${answer.item}:**`), ...answer.nodes);
  }
  part.notes.push(...pulled.notes);
}

/** The parts as exercises: one question keeps the exercise's title, several are titled each. */
function finishParts(base: string, parts: Part[], clean: (title: string) => string): Exercise[] {
  // Every part has its place: the first, a titled question, or text after a solution.
  return parts.map((part, index) => {
    const pulled = pullAnswers(part.prompt, divBody);
    keepPulled(part, pulled);
    return {
      title: parts.length === 1 ? base : part.title !== null ? clean(part.title) : `${base}, part ${index + 1}`,
      prompt: blockMarkdown(liftListDivs(pulled.nodes)),
      steps: part.steps,
      hints: part.hints.filter(Boolean),
      solution: part.solution.length > 0 ? blockMarkdown(part.solution) : null,
      instructorNotes: part.notes.map((note) => blockMarkdown(note)).filter(Boolean),
      line: part.line,
    };
  });
}

/** Exercises of a house-format exercises section, in any of its common shapes. */
export function readExerciseSection(block: Block): { exercises: Exercise[]; leftover: RootContent[] } {
  if (block.children.length > 0) {
    const exercises: Exercise[] = [];
    const leftover: RootContent[] = [];
    const fromIntro = readExerciseRun(block.title, block.line, block.content);
    // An intro that is no exercise of its own stays in the lesson, code and all (the caller owns
    // this section's code, so it would not reach the examples either).
    if (fromIntro.length > 1 || (fromIntro.length === 1 && fromIntro[0].title !== exerciseTitle(block.title))) exercises.push(...fromIntro);
    else leftover.push(...block.content);
    for (const child of block.children) exercises.push(...readExercise(child.title, child.line, blockNodes(child)));
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
    const before = nodes.slice(0, starts[0].index);
    starts.forEach(({ index, label }, n) => {
      const end = n + 1 < starts.length ? starts[n + 1].index : nodes.length;
      const body = nodes.slice(index + 1, end);
      const rest = label!.rest ? [rawMarkdown(label!.rest)] : [];
      exercises.push(...readExercise(label!.label, lineOf(nodes[index]), [...(n === 0 ? before : []), ...rest, ...body]));
    });
    return exercises;
  }
  const lists = nodes.filter((node): node is List => node.type === 'list');
  // Code beside the list belongs to no one task: the section is then one exercise that keeps it.
  const others = nodes.filter((node) => node.type !== 'list');
  if (lists.length === 1 && others.every((node) => node.type === 'paragraph') && others.length <= 1) {
    const list = lists[0];
    return list.children.flatMap((item, index) => {
      const { lead, rest, nested } = splitItem(item);
      const label = readLabel(lead);
      const itemTitle = label ? label.label : `Exercise ${index + 1}`;
      const first = label ? label.rest : inlineMarkdown(lead);
      const body: RootContent[] = [];
      if (first) body.push(rawMarkdown(first));
      body.push(...rest, ...nested);
      const exercises = readExercise(itemTitle, lineOf(item), body);
      // An intro line ("Try these:") belongs to the first task's prompt rather than being lost.
      if (index === 0 && others.length === 1) exercises[0].prompt = [blockMarkdown(others), exercises[0].prompt].filter(Boolean).join('\n\n');
      return exercises;
    });
  }
  if (nodes.length === 0) return [];
  return readExercise(title, line, nodes);
}

/**
 * A Carpentries challenge div as exercises, one per question: a question ends at its solution
 * (solutions that follow each other answer the same question) or at the next question's heading.
 * Text after the last solution, with no solution of its own, is the last question's follow-up.
 * Solutions and hints are taken out of the prompt, wherever they are nested.
 */
export function readChallenge(div: FencedDiv): Exercise[] {
  const children = div.children;
  const first = children.find((node) => node.type !== 'html');
  let title = 'Challenge';
  let body = children;
  if (first?.type === 'heading') {
    title = inlineMarkdown(first.children);
    body = children.filter((node) => node !== first);
  }
  const parts: Part[] = [newPart(null, lineOf(div))];
  let part = parts[0];
  const start = (next: Part) => {
    parts.push(next);
    part = next;
  };
  for (const node of body) {
    if (node.type === 'heading' && !SOLUTION.test(headingName(node)) && !HINT.test(headingName(node))) {
      const heading = newPart(inlineMarkdown(node.children), lineOf(node));
      if (part.solution.length === 0 && part.title === null) {
        // Text before the first question's heading introduces it; text after a solution follows that up.
        const previous = parts[parts.length - 2];
        if (part.afterSolution && previous) previous.prompt.push(...part.prompt);
        else heading.prompt.push(...part.prompt);
        heading.notes.push(...part.notes);
        parts.pop();
      }
      start(heading);
      continue;
    }
    if (node.type === 'fencedDiv' && (node as FencedDiv).name === 'solution') {
      const solution = node as FencedDiv;
      // Some lessons give a hint as a solution block titled "Hint".
      const lead = solution.children[0];
      if (lead?.type === 'heading' && HINT.test(headingName(lead))) part.hints.push(blockMarkdown(divBody(solution)));
      else part.solution.push(...divBody(solution));
      continue;
    }
    if (node.type === 'fencedDiv' && (node as FencedDiv).name === 'hint') {
      part.hints.push(blockMarkdown(divBody(node as FencedDiv)));
      continue;
    }
    if (part.solution.length > 0 && node.type !== 'html') start(newPart(null, lineOf(node), true));
    part.prompt.push(node);
  }
  const last = parts[parts.length - 1];
  // (The first part never follows a solution, so a last part that does is not the only one.)
  if (last.afterSolution && last.solution.length === 0) {
    parts.pop();
    const previous = parts[parts.length - 1];
    previous.prompt.push(...last.prompt);
    previous.hints.push(...last.hints);
  }
  return finishParts(title, parts, (text) => text);
}

/** A solution or hint div without its "## Solution" / "## Hint" heading. */
export function divBody(div: FencedDiv): RootContent[] {
  const [first, ...rest] = div.children;
  if (first?.type === 'heading' && (SOLUTION.test(headingName(first)) || HINT.test(headingName(first)))) return rest;
  return div.children;
}
