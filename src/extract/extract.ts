/**
 * src/extract/ turns a lesson's mdast into the typed lesson model (src/model/): headings and
 * sections, objectives, exercises and their answers, case studies, navigation, front matter; it asks
 * src/languages/ what each code fence is. Pure: no file system, no browser, no clock.
 *
 * This file: mdast → the lesson model. Problems become vfile messages; nothing is dropped (`sections`).
 */
import type { Root, RootContent, Code, Heading, List, Nodes, Parent, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { createLesson, type Lesson, type TextItem, type DocumentKind } from '../model/lesson.js';
import type { FencedDiv } from '../parse/parse.js';
import { buildBlocks, blockNodes, headingText, lineOf, paragraphLabel, type Block } from './blocks.js';
import { classifyHeading, type SectionKind } from './headings.js';
import { blockMarkdown, plainText } from './markdown.js';
import { frontMatterTitled } from './front-matter-title.js';
import { collectTextItems, collectResources, resourceOf, outlineOf, practiceItemOf, itemText } from './items.js';
import { readCaseStudy, hasCaseStudyParts } from './case-study.js';
import { readExerciseSection, readChallenge, divBody } from './exercise.js';
import { ANSWER_DIV_NAMES, INSTRUCTOR_DIV_NAMES, liftListDivs } from './answers.js';
import { readNavigation } from './navigation.js';
import { takeNavLines } from './nav-line.js';
import { takeLinkBlockquotes } from './link-blockquote.js';
import { readFrontMatter, metaOf, durationFromLine } from './front-matter.js';
import { detectLanguage, normalizeLanguage } from '../languages/index.js';
import { diagramType } from '../assets/mermaid-type.js';

const TITLE = /^(?:(?:lesson|module|chapter|unit|week|day|lecture|session|part|episode|course)\s+)?(\d+(?:\.\d+)*)\s*[:.)\-–—]\s*(.+)$/i;
const FILE_NUMBER = /^(\d+(?:\.\d+)+)(?=[-_ ]|$)/;
/** Fence languages that show a program's output, not code to learn from. */
const OUTPUT_LANGUAGES = new Set(['output', 'error', 'warning', 'result', 'stdout', 'stderr']);
const CHALLENGE_DIVS = new Set(['challenge', 'exercise', 'practice']);

/** The id of a lesson: its file name without the Markdown extension. */
export function lessonId(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.(?:md|markdown)$/i, '');
}

/** What kind of document a path and title suggest. */
export function documentKind(path: string, title: string): DocumentKind {
  if (/(?:^|[\\/])readme\.(?:md|markdown)$/i.test(path)) return 'module-overview';
  if (/(?:^|[\\/])(?:lectures?|notes|lecture-notes)[\\/]/i.test(path) || /lecture notes/i.test(title)) return 'lecture-notes';
  return 'lesson';
}

/** Builds the lesson model from a parsed tree. */
export function extractLesson(tree: Root, file: VFile): Lesson {
  const source = file.path ? String(file.path) : 'lesson.md';
  return new Extraction(tree, file, createLesson(source, lessonId(source))).run();
}

class Extraction {
  /** Code nodes that belong to an exercise or solution: they are not collected as examples. */
  private readonly owned = new Set<Code>();
  private current: { title: string; line: number; nodes: RootContent[] } | null = null;
  /** The heading the title was read from: it names no part of the lesson. */
  private titleHeading: Heading | null = null;

  constructor(private readonly tree: Root, private readonly file: VFile, private readonly lesson: Lesson) {}

  run(): Lesson {
    const { lesson } = this;
    lesson.navigation.others = [];
    let nodes = this.tree.children;

    const yaml = nodes.find((node): node is Yaml => node.type === 'yaml');
    if (yaml) {
      const frontMatter = readFrontMatter(yaml, this.file);
      lesson.meta = metaOf(frontMatter.meta);
      lesson.objectives.push(...frontMatter.lists.objectives);
      lesson.questions.push(...frontMatter.lists.questions);
      lesson.keypoints.push(...frontMatter.lists.keypoints);
    }
    nodes = nodes.filter((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');

    const titleIndex = nodes.findIndex((node) => node.type === 'heading' && node.depth === 1);
    const firstHeading = nodes.findIndex((node) => node.type === 'heading');
    // A Jekyll lecture page (`layout: lecture`, `title:`) whose text opens with prose: its `# `
    // headings are its parts, and its title is the front matter's (issue 19).
    if (frontMatterTitled(lesson.meta, titleIndex)) {
      this.setTitle(String(lesson.meta.title).trim());
    } else if (titleIndex >= 0 && titleIndex === firstHeading) {
      this.titleHeading = nodes[titleIndex] as Heading;
      this.setTitle(headingText(this.titleHeading));
      nodes = nodes.filter((_, index) => index !== titleIndex);
    } else if (typeof lesson.meta.title === 'string' && lesson.meta.title.trim()) {
      this.setTitle(lesson.meta.title.trim());
    } else if (firstHeading >= 0 && documentKind(lesson.source, '') === 'module-overview') {
      this.titleHeading = nodes[firstHeading] as Heading;
      this.setTitle(headingText(this.titleHeading));
      nodes = nodes.filter((_, index) => index !== firstHeading);
    }
    nodes = takeNavLines(nodes, lesson.navigation);
    nodes = takeLinkBlockquotes(nodes, lesson.resources);
    if (lesson.number === null) lesson.number = FILE_NUMBER.exec(lesson.id)?.[1] ?? null;
    lesson.meta.kind = documentKind(lesson.source, lesson.title);

    this.readDurations(nodes);
    const { intro, blocks } = buildBlocks(nodes);
    if (intro.length > 0) {
      this.open('Introduction', lineOf(intro[0]));
      this.current!.nodes.push(...this.takeDivs(intro));
    }
    for (const block of blocks) this.walk(block, true);
    this.flush();

    this.collectCode();
    return lesson;
  }

  /** A duration line near the top fills the minutes the front matter did not give. */
  private readDurations(nodes: RootContent[]): void {
    const { meta } = this.lesson;
    for (const node of nodes.slice(0, 12)) {
      const label = paragraphLabel(node);
      const found = label && durationFromLine(label.label, label.rest);
      if (!found) continue;
      meta.teachingMinutes ??= found.teaching;
      meta.exerciseMinutes ??= found.exercises;
    }
  }

  private setTitle(text: string): void {
    const match = TITLE.exec(text);
    if (match) {
      this.lesson.number = match[1];
      // (The text comes trimmed, and the pattern has taken the spaces before the title.)
      this.lesson.title = match[2];
    } else {
      this.lesson.title = text;
    }
  }

  // ---- sections -------------------------------------------------------------

  private open(title: string, line: number): void {
    this.flush();
    this.current = { title, line, nodes: [] };
  }

  private flush(): void {
    const current = this.current;
    this.current = null;
    if (!current) return;
    this.lesson.sections.push({ title: current.title, markdown: blockMarkdown(current.nodes), line: current.line });
  }

  private section(title: string, line: number, nodes: RootContent[]): void {
    if (nodes.length === 0) return;
    this.open(title, line);
    this.current!.nodes.push(...nodes);
    this.flush();
  }

  /** Claimed headings go to their field; the rest accumulates into `sections`, in order. */
  private walk(block: Block, top: boolean): void {
    const kind = classifyHeading(plainText(block.heading));
    if (kind) {
      this.flush();
      const leftover = this.claim(kind, block);
      this.section(block.title, block.line, leftover);
      return;
    }
    if (top || this.current === null) this.open(block.title, block.line);
    else this.current!.nodes.push(block.heading);
    this.current!.nodes.push(...this.takeDivs(block.content));
    for (const child of block.children) this.walk(child, false);
  }

  /** Fills a field from a claimed block; returns the nodes it did not take. */
  private claim(kind: SectionKind, block: Block): RootContent[] {
    const { lesson } = this;
    const content = (target: Block) => this.takeDivs(target.content);
    switch (kind) {
      case 'navigation':
        return readNavigation(blockNodes(block), lesson.navigation);
      case 'objectives':
      case 'questions':
      case 'keypoints':
      case 'pitfalls':
      case 'reviewQuestions':
      case 'nextSteps': {
        const { items, leftover } = collectTextItems(this.withDivsTaken(block));
        lesson[kind].push(...items);
        return leftover;
      }
      case 'resources': {
        // A heading that is itself the link ("## [Pre-lecture quiz](https://…)") is the first resource.
        if (block.heading.children.some((node) => node.type === 'link')) lesson.resources.push(resourceOf(block.heading.children, block.line));
        const { items, leftover } = collectResources(this.withDivsTaken(block));
        lesson.resources.push(...items);
        return leftover;
      }
      case 'concepts':
        return this.claimConcepts(block);
      case 'diagrams':
      case 'examples':
        // Code is collected everywhere by `collectCode`; only the prose is left over.
        return proseOf(block, false);
      case 'practices':
        return this.claimPractices(block);
      case 'caseStudies':
        return this.claimCaseStudies(block, content);
      case 'exercises': {
        this.own(blockNodes(block));
        const { exercises, leftover } = readExerciseSection(block);
        lesson.exercises.push(...exercises);
        return leftover;
      }
    }
  }

  private withDivsTaken(block: Block): Block {
    return { ...block, content: this.takeDivs(block.content), children: block.children.map((child) => this.withDivsTaken(child)) };
  }

  private claimConcepts(block: Block): RootContent[] {
    const leftover: RootContent[] = [];
    const fromNodes = (nodes: RootContent[]) => {
      const items = [];
      for (const node of nodes) {
        if (node.type === 'list') items.push(...outlineOf(node));
        else if (node.type === 'paragraph') items.push({ text: blockMarkdown([node]).replace(/\s*\n\s*/g, ' '), children: [] });
        else if (node.type !== 'code') leftover.push(node);
      }
      return items;
    };
    const topic = (child: Block): ReturnType<typeof fromNodes> => [
      ...fromNodes(this.takeDivs(child.content)),
      ...child.children.map((grandchild) => ({ text: grandchild.title, children: topic(grandchild) })),
    ];
    const direct = fromNodes(this.takeDivs(block.content));
    if (direct.length > 0) this.lesson.concepts.push({ title: block.title, line: block.line, items: direct });
    for (const child of block.children) this.lesson.concepts.push({ title: child.title, line: child.line, items: topic(child) });
    return leftover;
  }

  private claimPractices(block: Block): RootContent[] {
    const leftover: RootContent[] = [];
    const group = (title: string, nodes: RootContent[]) => {
      const items = [];
      for (const node of nodes) {
        if (node.type === 'list') items.push(...node.children.map(practiceItemOf));
        else if (node.type === 'paragraph') items.push({ title: blockMarkdown([node]).replace(/\s*\n\s*/g, ' '), points: [] });
        else if (node.type !== 'code') leftover.push(node);
      }
      if (items.length > 0) this.lesson.practices.push({ title, items });
    };
    group(block.title, this.takeDivs(block.content));
    for (const child of block.children) {
      // A third level (### group / #### item) is an item with points.
      if (child.children.length > 0 && !child.content.some((node) => node.type === 'list')) {
        leftover.push(...child.content.filter((node) => node.type !== 'code'));
        this.lesson.practices.push({
          title: child.title,
          items: child.children.map((item) => ({
            title: item.title,
            points: blockNodes(item).flatMap((node) => {
              if (node.type === 'list') return node.children.map(itemText);
              if (node.type === 'paragraph') return [plainText(node)];
              if (node.type !== 'code') leftover.push(node);
              return [];
            }),
          })),
        });
        continue;
      }
      group(child.title, blockNodes(child));
    }
    return leftover;
  }

  private claimCaseStudies(block: Block, content: (target: Block) => RootContent[]): RootContent[] {
    const intro = content(block);
    if (block.children.length === 0) {
      // Code is collected everywhere by `collectCode`; only the prose is left over.
      if (!hasCaseStudyParts(intro)) return intro.filter((node) => node.type !== 'code');
      const { study, leftover } = readCaseStudy({ ...block, content: intro });
      this.lesson.caseStudies.push(study);
      return leftover;
    }
    // The intro's section comes before those of the studies' leftovers, as in the lesson.
    this.section(block.title, block.line, intro.filter((node) => node.type !== 'code'));
    for (const child of block.children) {
      const { study, leftover } = readCaseStudy(this.withDivsTaken(child));
      this.lesson.caseStudies.push(study);
      this.section(child.title, child.line, leftover);
    }
    return [];
  }

  // ---- Carpentries containers ----------------------------------------------

  /** Takes challenges and objective/question/keypoint divs out of a run of nodes. */
  private takeDivs(nodes: RootContent[]): RootContent[] {
    const kept: RootContent[] = [];
    // Whether the last block (a comment aside) was a challenge taken here, or what was added to it.
    let afterChallenge = false;
    for (const node of liftListDivs(nodes)) {
      if (node.type !== 'fencedDiv') {
        kept.push(node);
        if (node.type !== 'html') afterChallenge = false;
        continue;
      }
      const div = node as FencedDiv;
      if (CHALLENGE_DIVS.has(div.name) || (!ANSWER_DIV_NAMES.has(div.name) && !INSTRUCTOR_DIV_NAMES.has(div.name) && holdsAnswer(div))) {
        // A callout (or any block) that holds a solution asks a question: it is an exercise too,
        // so its answer reaches the instructor lab instead of vanishing with the hidden div.
        this.own(div.children);
        this.lesson.exercises.push(...readChallenge(div));
        afterChallenge = true;
      } else if (div.name === 'objectives' || div.name === 'questions' || div.name === 'keypoints') {
        this.lesson[div.name].push(...this.divItems(div));
      } else if ((div.name === 'solution' || div.name === 'hint') && afterChallenge) {
        // A solution right after its challenge (some Workbench lessons close the challenge first).
        this.own(div.children);
        const exercise = this.lesson.exercises[this.lesson.exercises.length - 1];
        const body = blockMarkdown(divBody(div));
        if (div.name === 'hint') exercise.hints.push(body);
        else exercise.solution = exercise.solution ? `${exercise.solution}\n\n${body}` : body;
      } else {
        kept.push({ ...div, children: this.takeDivs(div.children) } as RootContent);
        afterChallenge = false;
      }
    }
    return kept;
  }

  private divItems(div: FencedDiv): TextItem[] {
    const items: TextItem[] = [];
    for (const node of div.children) {
      if (node.type === 'list') for (const item of (node as List).children) items.push({ text: itemText(item), line: lineOf(item) });
      else if (node.type === 'paragraph') items.push({ text: plainText(node), line: lineOf(node) });
    }
    return items.filter((item) => item.text);
  }

  private own(nodes: RootContent[]): void {
    const visit = (node: Nodes) => {
      if (node.type === 'code') this.owned.add(node);
      if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
    };
    nodes.forEach((node) => visit(node as Nodes));
  }

  // ---- code and diagrams ------------------------------------------------------

  /** Every Mermaid block becomes a diagram and every other code block an example, titled by the nearest heading. */
  private collectCode(): void {
    const { lesson } = this;
    let nearest = lesson.title;
    const visit = (node: Nodes) => {
      if (node.type === 'heading') {
        if (node !== this.titleHeading) nearest = headingText(node);
        return;
      }
      if (node.type === 'code') {
        if (this.owned.has(node)) return;
        const declared = normalizeLanguage(node.lang ?? null);
        const line = lineOf(node);
        if (declared === 'mermaid' || (declared === null && /^\s*(?:graph|flowchart)\s+(?:TD|TB|BT|RL|LR)\b|^\s*(?:sequenceDiagram|classDiagram|stateDiagram|erDiagram|gantt|pie|mindmap)\b/.test(node.value))) {
          lesson.diagrams.push({ title: nearest || `Diagram ${lesson.diagrams.length + 1}`, type: diagramType(node.value), code: node.value, line });
          return;
        }
        if (declared && OUTPUT_LANGUAGES.has(declared)) return;
        lesson.examples.push({
          title: nearest || `Example ${lesson.examples.length + 1}`,
          language: detectLanguage(node.value, declared),
          declaredLanguage: declared,
          code: node.value,
          line,
        });
        return;
      }
      const outer = nearest;
      if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
      // A heading inside a callout, a challenge or a quotation names only what is inside it.
      nearest = outer;
    };
    visit(this.tree);
  }
}

/** Whether a div holds a solution or answer div, at any depth (not inside another challenge). */
function holdsAnswer(div: FencedDiv): boolean {
  return div.children.some((child) => {
    const node = child as Nodes | FencedDiv;
    if (node.type === 'fencedDiv') return ANSWER_DIV_NAMES.has(node.name) || (!CHALLENGE_DIVS.has(node.name) && holdsAnswer(node));
    if (node.type === 'list') return node.children.some((item) => holdsAnswer({ type: 'fencedDiv', name: '', children: item.children as RootContent[] }));
    return false;
  });
}

/** A block's nodes without code; subsections that hold only code leave no heading behind. */
function proseOf(block: Block, withHeading: boolean): RootContent[] {
  const own = block.content.filter((node) => node.type !== 'code');
  const nested = block.children.flatMap((child) => proseOf(child, true));
  if (own.length === 0 && nested.length === 0) return [];
  return [...(withHeading ? [block.heading] : []), ...own, ...nested];
}
