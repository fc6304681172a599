/**
 * The deck's slide plan: which slides a lesson becomes, in which order, and how content that does
 * not fit is continued on "(cont.)" slides. Each planned slide carries the data its partial renders
 * (lesson text still raw: the templates' helpers escape it) and the talking points of its notes.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Blockquote, Code, Text } from 'mdast';
import type { Lesson, Outline, Diagram, Example, PracticeItem } from '../model/lesson.js';
import type { RenderContext } from '../render/context.js';
import { displayFileName } from './display-file-name.js';
import {
  type AssetResolver, parseBlocks, blocksToMarkdown, nodesPlainText, inlinePlainText, escapeText, collapse,
  phrasingMarkdown,
} from '../render/markdown-safe.js';
import {
  pack, splitCode, rows, itemRows, LIST_BUDGET, FLAT_BUDGET, SECTION_BUDGET, CODE_BUDGET, SECTION_CHARS_PER_ROW,
  CODE_CHARS_PER_ROW, CODE_ROW,
} from './deck-split.js';
import { outlineTalkingPoints, codeTalkingPoints, listProse } from './notes.js';
import { planDiagramSlides } from './deck-diagrams.js';

/** Per-slide-group adjustments the build makes after measuring the rendered deck. */
export interface DeckTuning {
  /** By stable slide key (`concept:1`, `example:0`, `section:2/0` …): the tuning applies to every part of the group. */
  [key: string]: {
    /** Shrink the text of the group to this share of its size (0.6–1). */
    scale?: number;
    /** Split the group into at least this many parts. */
    split?: number;
  };
}

export type SlideKind =
  | 'title' | 'agenda' | 'objectives' | 'concept' | 'diagram' | 'example' | 'practices' | 'case-study'
  | 'pitfalls' | 'section' | 'exercises' | 'review' | 'summary' | 'next-steps' | 'resources';

/** One planned slide: the data of its partial, and what its notes should say. */
export interface PlannedSlide {
  key: string;
  kind: SlideKind;
  /** Inline Markdown (lesson text): escaped by the template. */
  title: string;
  line: number;
  part: number;
  parts: number;
  /** Extra slide classes (layout); the kind and the shrink class are added when rendering. */
  classes: string[];
  data: Record<string, unknown>;
  say: string[];
  /** The slide presents exercises (timed from `exerciseMinutes`). */
  exercise: boolean;
}

/** An outline item as a slide shows it: at most three levels, deeper ones folded into their parent. */
export interface OutlineView {
  text: string;
  children: OutlineView[];
}

const VISIBLE_DEPTH = 3;
/** Rows of a case-study column at the theme's size (24.6 px text in a third of the slide). */
const CASE_STUDY_ROWS = 10.5;
const MAX_CARDS = 4;
const CARD_ROWS = 6;

/** Resolves images and diagrams of lesson Markdown against what the build produced. */
export function assetResolver(context: RenderContext): AssetResolver {
  const diagrams = context.lesson.diagrams;
  return {
    image(url) {
      const asset = context.images[url] ?? context.images[safeDecode(url)];
      return asset ? asset.src : undefined;
    },
    diagram(code) {
      const index = diagrams.findIndex((diagram) => diagram.code.trim() === code.trim());
      if (index < 0) return undefined;
      const asset = context.diagrams[index];
      return { title: diagrams[index].title, src: asset?.src ?? null, error: asset?.error ?? null };
    },
  };
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Plans every slide of the lesson's deck. */
export function planDeck(context: RenderContext, tuning: DeckTuning = {}): PlannedSlide[] {
  const { lesson } = context;
  const assets = assetResolver(context);
  const plain = (markdown: string) => inlinePlainText(markdown);
  const slides: PlannedSlide[] = [];
  const minParts = (key: string) => Math.max(1, Math.floor(tuning[key]?.split ?? 1));
  const add = (slide: Omit<PlannedSlide, 'part' | 'parts' | 'exercise' | 'classes'> & Partial<PlannedSlide>) =>
    slides.push({ part: 1, parts: 1, exercise: false, classes: [], ...slide, line: slide.line || 1 });
  const addParts = <T>(
    parts: T[][],
    make: (part: T[], index: number) => Omit<PlannedSlide, 'part' | 'parts' | 'exercise' | 'classes'> & Partial<PlannedSlide>,
  ) => {
    parts.forEach((part, index) => add({ ...make(part, index), part: index + 1, parts: parts.length }));
  };

  // Sections first: their code and diagrams decide which examples and diagrams need slides of their own.
  const sections = planSections(lesson, assets, minParts);
  const sectionCode = new Set(sections.code.map(normalizeCode));
  const shownInSection = (code: string) => {
    const wanted = normalizeCode(code);
    if (!wanted) return false;
    for (const candidate of sectionCode) if (containsLines(candidate, wanted)) return true;
    return false;
  };
  const solutionText = normalizeCode(lesson.exercises.map((exercise) => exercise.solution ?? '').join('\n'));

  // Title.
  add({
    key: 'title',
    kind: 'title',
    title: lesson.title || lesson.id,
    line: 1,
    classes: [],
    data: {
      number: lesson.number,
      module: context.moduleTitle,
      course: context.courseTitle,
      duration: durationLabel(lesson),
    },
    say: [
      `Welcome everyone and introduce the lesson: ${plain(lesson.title || lesson.id)}.`,
      ...(durationLabel(lesson) ? [`Planned duration: ${durationLabel(lesson)}.`] : []),
    ],
  });

  // Agenda: filled in below, once the rest of the plan is known.
  const agendaIndex = slides.length;

  // Objectives (and the episode's questions).
  const objectives = lesson.objectives.map((item) => item.text).filter(Boolean);
  const questions = lesson.questions.map((item) => item.text).filter(Boolean);
  if (objectives.length > 0 || questions.length > 0) {
    const units = [
      ...objectives.map((text) => ({ text, question: false })),
      ...questions.map((text) => ({ text, question: true })),
    ];
    const cost = (unit: { text: string; question: boolean }) => itemRows(inlinePlainText(unit.text)) + 0.15;
    const headed = objectives.length > 0 && questions.length > 0 ? 1.5 : 0;
    addParts(pack(units, cost, FLAT_BUDGET - headed, minParts('objectives')), (part) => ({
      key: 'objectives',
      kind: 'objectives',
      title: objectives.length > 0 ? 'Learning Objectives' : 'Questions',
      line: lesson.objectives[0]?.line ?? lesson.questions[0]?.line ?? 1,
      data: {
        items: part.filter((unit) => !unit.question).map((unit) => unit.text),
        questions: objectives.length > 0 ? part.filter((unit) => unit.question).map((unit) => unit.text) : [],
      },
      say: [
        objectives.length > 0
          ? 'Read the objectives aloud; tell learners these are what they will be able to do by the end.'
          : 'Pose the questions this lesson answers; come back to them in the summary.',
        ...part.map((unit) => `${unit.question ? 'Question' : 'Objective'}: ${plain(unit.text)}`),
      ],
    }));
  }

  // A leftover introduction that comes before the structured content opens the lesson.
  for (const slide of sections.slides) if (slide.data.intro) add(slide);

  // Key concepts.
  lesson.concepts.forEach((concept, index) => {
    const key = `concept:${index}`;
    const items = concept.items.map((item) => foldOutline(item, 1));
    const cards = !tuning[key]?.split && cardColumns(items.map((item) => ({ title: item.text, points: item.children.map((child) => flattenText(child)) })));
    const say = outlineTalkingPoints(concept.items, plain, VISIBLE_DEPTH);
    if (items.length === 0) {
      add({ key, kind: 'concept', title: concept.title, line: concept.line, data: { items: [], cards: false }, say });
      return;
    }
    if (cards) {
      add({ key, kind: 'concept', title: concept.title, line: concept.line, classes: cardClasses(items.length, cards), data: { items, cards: true }, say });
      return;
    }
    addParts(packOutline(items, LIST_BUDGET - titleRows(concept.title), minParts(key)), (part) => ({
      key,
      kind: 'concept',
      title: concept.title,
      line: concept.line,
      data: { items: part, cards: false },
      say,
    }));
  });

  // Diagrams (those shown inside a section slide are not repeated); split ones take several slides.
  lesson.diagrams.forEach((diagram, index) => {
    if (sections.diagramCode.has(diagram.code.trim())) return;
    for (const slide of planDiagramSlides(diagram, index, context.diagrams[index], diagramTitle(diagram), plain)) add(slide);
  });

  // Examples (code already on a section slide, or an exercise's solution, is not repeated).
  lesson.examples.forEach((example, index) => {
    if (!example.code.trim() || shownInSection(example.code)) return;
    if (solutionText && containsLines(solutionText, normalizeCode(example.code))) return;
    const key = `example:${index}`;
    const fileName = displayFileName(example.code, example.language, example.title);
    const parts = splitCode(example.code, CODE_BUDGET, minParts(key));
    parts.forEach((code, part) =>
      add({
        key,
        kind: 'example',
        title: example.title || 'Example',
        line: example.line,
        part: part + 1,
        parts: parts.length,
        data: { code, language: example.language, fileName },
        say: exampleSay(example, fileName, part, parts.length),
      }),
    );
  });

  // Best practices.
  lesson.practices.forEach((group, index) => {
    const key = `practice:${index}`;
    const items = group.items.filter((item) => item.title || item.points.length > 0);
    if (items.length === 0) return;
    const title = /best practices?/i.test(plain(group.title)) ? group.title : `Best Practices: ${group.title}`;
    const say = [
      'For each practice, say why it matters and what goes wrong without it.',
      ...items.map((item) => `${plain(item.title)}${item.points.length > 0 ? `: ${listProse(item.points.map(plain))}` : ''}.`),
    ];
    const cards = !tuning[key]?.split && cardColumns(items);
    if (cards) {
      add({ key, kind: 'practices', title, line: 1, classes: cardClasses(items.length, cards), data: { items, cards: true }, say });
      return;
    }
    const cost = (item: PracticeItem) =>
      itemRows(inlinePlainText(item.title)) + item.points.reduce((sum, point) => sum + itemRows(inlinePlainText(point), 2), 0);
    addParts(pack(items, cost, LIST_BUDGET - titleRows(title), minParts(key)), (part) => ({
      key, kind: 'practices', title, line: 1, data: { items: part, cards: false }, say,
    }));
  });

  // Case studies: challenge, solution and results side by side; smaller or split in two when long.
  lesson.caseStudies.forEach((study, index) => {
    const key = `case-study:${index}`;
    const title = /^case study/i.test(plain(study.title)) ? study.title : `Case Study: ${study.title}`;
    const challenge = { heading: 'Challenge', text: study.challenge || null, items: [] as string[] };
    const solution = { heading: 'Solution', text: null, items: study.solution };
    const results = { heading: 'Results', text: null, items: study.results };
    const columnRows = (width: number) =>
      Math.max(
        rows(plain(study.challenge), width),
        ...[study.solution, study.results].map((items) => items.reduce((sum, item) => sum + rows(plain(item), width - 2) + 0.25, 0)),
      );
    const room = CASE_STUDY_ROWS - titleRows(title);
    const say = [
      'Tell it as a story: the situation, what the team did, and what changed.',
      study.challenge ? `Challenge: ${plain(study.challenge)}` : '',
      study.solution.length > 0 ? `What they did: ${listProse(study.solution.map(plain))}.` : '',
      study.results.length > 0 ? `Outcome: ${listProse(study.results.map(plain))}.` : '',
      'Ask: where would this apply in your own work?',
    ];
    const base = { key, kind: 'case-study' as const, title, line: study.line, say };
    if (!tuning[key]?.split && columnRows(26) <= room) {
      add({ ...base, data: { columns: [challenge, solution, results] } });
    } else if (!tuning[key]?.split && columnRows(32) <= room * 1.15) {
      // Past the room (the estimate allows 15% more), the compact card is also set a size smaller.
      add({ ...base, classes: columnRows(32) > room ? ['compact', 'shrink-90'] : ['compact'], data: { columns: [challenge, solution, results] } });
    } else {
      // Two wide columns still fill the slide when the solution is long: set them smaller up front.
      const firstClasses = columnRows(40) > room * 0.85 ? ['split-first', 'compact'] : ['split-first'];
      add({ ...base, part: 1, parts: 2, classes: firstClasses, data: { columns: [challenge, solution] } });
      add({ ...base, part: 2, parts: 2, classes: ['split-results'], data: { columns: [results] } });
    }
  });

  // Pitfalls.
  if (lesson.pitfalls.length > 0) {
    const items = lesson.pitfalls.map((item) => item.text).filter(Boolean);
    // At most seven pitfalls a slide, fewer when they are long.
    const cost = (text: string) => Math.max(FLAT_BUDGET / 7, itemRows(inlinePlainText(text)) + 0.15);
    addParts(pack(items, cost, FLAT_BUDGET, minParts('pitfalls')), (part, index) => ({
      key: 'pitfalls',
      kind: 'pitfalls',
      title: 'Common Pitfalls',
      line: lesson.pitfalls[0].line,
      data: { items: part },
      say: [
        index === 0 ? 'Ask who has already run into one of these; let them tell the story.' : 'Continue with the remaining pitfalls.',
        ...part.map((text) => `Pitfall: ${plain(text)} — how would you notice it, and how do you avoid it?`),
      ],
    }));
  }

  // Leftover sections, in lesson order (introductions already went first).
  for (const slide of sections.slides) if (!slide.data.intro) add(slide);

  // Exercises.
  if (lesson.exercises.length > 0) {
    const items = lesson.exercises.map((exercise, index) => ({
      title: exercise.title || `Exercise ${index + 1}`,
      prompt: oneLinePrompt(exercise.prompt),
      exercise,
    }));
    const cost = (item: (typeof items)[number]) => itemRows(`${plain(item.title)} — ${plain(item.prompt)}`) + 0.3;
    addParts(pack(items, cost, FLAT_BUDGET - 1.5, minParts('exercises')), (part) => ({
      key: 'exercises',
      kind: 'exercises',
      title: 'Hands-on Exercises',
      line: lesson.exercises[0].line,
      exercise: true,
      data: { items: part.map(({ title, prompt }) => ({ title, prompt })), lab: labLink(context) },
      say: [
        'Introduce each exercise, check everyone knows where the lab sheet is, then let learners work.',
        ...part.flatMap(({ title, exercise }) => [
          `${plain(title)}${exercise.steps.length > 0 ? ` (${exercise.steps.length} steps)` : ''}.`,
          ...exercise.hints.map((hint) => `Hint if learners get stuck: ${plain(hint)}`),
        ]),
        lesson.exercises.some((exercise) => exercise.solution) ? 'Solutions are in the instructor lab sheet.' : '',
      ],
    }));
  }

  // Review questions.
  if (lesson.reviewQuestions.length > 0) {
    const items = lesson.reviewQuestions.map((item) => item.text).filter(Boolean);
    addParts(pack(items, (text) => itemRows(plain(text)) + 0.15, FLAT_BUDGET, minParts('review')), (part) => ({
      key: 'review',
      kind: 'review',
      title: 'Check Your Understanding',
      line: lesson.reviewQuestions[0].line,
      data: { items: part },
      say: ['Ask each question and wait at least ten seconds before taking answers.', ...part.map((text) => `Ask: ${plain(text)}`)],
    }));
  }

  // Summary: the key points, or a recap of the objectives.
  const keypoints = lesson.keypoints.map((item) => item.text).filter(Boolean);
  const recap = keypoints.length > 0 ? keypoints : objectives;
  if (recap.length > 0) {
    const intro = keypoints.length > 0 ? 0 : 1.2;
    addParts(pack(recap, (text) => itemRows(plain(text)) + 0.15, FLAT_BUDGET - intro, minParts('summary')), (part) => ({
      key: 'summary',
      kind: 'summary',
      title: keypoints.length > 0 ? 'Key Points' : 'Summary',
      line: (keypoints.length > 0 ? lesson.keypoints[0]?.line : lesson.objectives[0]?.line) ?? 1,
      data: { items: part, recap: keypoints.length === 0 },
      say: [
        keypoints.length > 0 ? 'Recap the key points; ask learners which one they found hardest.' : 'Recap what learners can now do, one objective at a time.',
        ...part.map((text) => plain(text)),
      ],
    }));
  }

  // Next steps.
  if (lesson.nextSteps.length > 0) {
    const items = lesson.nextSteps.map((item) => item.text).filter(Boolean);
    addParts(pack(items, (text) => itemRows(plain(text)) + 0.15, FLAT_BUDGET, minParts('next-steps')), (part) => ({
      key: 'next-steps',
      kind: 'next-steps',
      title: 'Next Steps',
      line: lesson.nextSteps[0].line,
      data: { items: part },
      say: ['Point to what comes next and how it builds on today.', ...part.map((text) => plain(text))],
    }));
  }

  // Resources.
  if (lesson.resources.length > 0) {
    const items = lesson.resources
      .filter((item) => item.text || item.url)
      .map((item) => ({ text: item.text || item.url || '', url: item.url, label: urlLabel(item.url) }));
    const cost = (item: { text: string; label: string | null }) => itemRows(`${plain(item.text)} · ${item.label ?? ''}`) + 0.15;
    addParts(pack(items, cost, FLAT_BUDGET, minParts('resources')), (part) => ({
      key: 'resources',
      kind: 'resources',
      title: 'Resources',
      line: lesson.resources[0].line,
      data: { items: part },
      say: ['Mention which resource to read first; the links are in the handout too.'],
    }));
  }

  // The agenda lists what follows it.
  const agenda = agendaItems(slides.slice(agendaIndex), plain);
  if (agenda.length > 0) {
    const columns = agenda.length > 8;
    const agendaParts = pack(agenda, () => 1, 14, minParts('agenda'));
    const agendaSlides: PlannedSlide[] = agendaParts.map((part, index) => ({
      key: 'agenda',
      kind: 'agenda',
      title: 'Agenda',
      line: 1,
      part: index + 1,
      parts: agendaParts.length,
      exercise: false,
      classes: columns && part.length > 8 ? ['columns'] : [],
      data: { items: part, start: agenda.indexOf(part[0]) + 1 },
      say: [
        'Walk through the plan for the session so learners know what to expect.',
        ...(index === 0 ? sections.instructorNotes.map((note) => `Instructor note: ${note}`) : []),
      ],
    }));
    slides.splice(agendaIndex, 0, ...agendaSlides);
  } else {
    slides[0].say.push(...sections.instructorNotes.map((note) => `Instructor note: ${note}`));
  }
  return slides;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the parts above
// ---------------------------------------------------------------------------------------------

/** "55 min (40 min teaching, 15 min exercises)", or null when the lesson gives no timing. */
export function durationLabel(lesson: Lesson): string | null {
  const teaching = lesson.meta.teachingMinutes;
  const exercises = lesson.meta.exerciseMinutes;
  if (teaching && exercises) return `${teaching + exercises} min (${teaching} min teaching, ${exercises} min exercises)`;
  if (teaching) return `${teaching} min`;
  if (exercises) return `${exercises} min of exercises`;
  return null;
}

function labLink(context: RenderContext): string {
  const lab = context.links.lab || 'lab.pdf';
  return lab;
}

/** A URL as readers see it: no scheme, at most 60 characters. */
function urlLabel(url: string | null): string | null {
  if (!url || !/^(?:https?:|mailto:)/i.test(url)) return null;
  const bare = url.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return bare.length <= 60 ? bare : `${bare.slice(0, 57)}…`;
}

/** Whether `haystack` holds `needle` as whole lines. */
function containsLines(haystack: string, needle: string): boolean {
  return needle !== '' && `\n${haystack}\n`.includes(`\n${needle}\n`);
}

function normalizeCode(code: string): string {
  return code.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

/** The diagram's title, unless it is only the heading of the lesson's diagram section ("2. 📊 Diagrams"). */
function diagramTitle(diagram: Diagram): string {
  const text = inlinePlainText(diagram.title);
  if (text && !/^[^\p{L}]*(?:architecture\s+|system\s+)?diagrams?$/iu.test(text)) return diagram.title;
  const kind = diagram.type.charAt(0).toUpperCase() + diagram.type.slice(1);
  return kind ? `${kind} Diagram` : 'Diagram';
}

function exampleSay(example: Example, fileName: string | null, part: number, parts: number): string[] {
  const language = example.language ?? 'code';
  const lines: string[] = [];
  if (part === 0) {
    lines.push(
      fileName
        ? `This is ${fileName} (${language}). Say what it is for before reading it line by line.`
        : `This is a ${language} example. Say what it does before reading it line by line.`,
    );
    if (example.declaredLanguage && example.language && example.declaredLanguage !== example.language) {
      lines.push(`The lesson labels it ${example.declaredLanguage}, but it is ${example.language}.`);
    }
    const steps = codeTalkingPoints(example.code);
    if (steps.length > 0) lines.push(`Walk through the steps: ${steps.join(' → ')}.`);
  } else {
    lines.push(`Continue the walk-through (part ${part + 1} of ${parts}).`);
  }
  return lines;
}

/** Folds an outline for a slide: items below depth 3 are appended to their level-3 parent's text. */
export function foldOutline(item: Outline, depth: number): OutlineView {
  if (depth >= VISIBLE_DEPTH) return { text: flattenText(item), children: [] };
  return { text: item.text, children: item.children.map((child) => foldOutline(child, depth + 1)) };
}

function flattenText(item: Outline | OutlineView): string {
  const children = item.children.map(flattenText).filter(Boolean);
  if (children.length === 0) return item.text;
  return item.text ? `${item.text} — ${children.join('; ')}` : children.join('; ');
}

function outlineRows(item: OutlineView, depth = 1): number {
  return itemRows(inlinePlainText(item.text), depth) + item.children.reduce((sum, child) => sum + outlineRows(child, depth + 1), 0);
}

/** Packs an outline into slides: whole top-level items where possible, long ones continued. */
function packOutline(items: OutlineView[], budget: number, minParts: number): OutlineView[][] {
  const units: OutlineView[] = [];
  for (const item of items) {
    if (outlineRows(item) <= budget || item.children.length <= 1) {
      units.push(item);
      continue;
    }
    // Too long for one slide: continue its children under a repeated parent.
    const groups = pack(item.children, (child) => outlineRows(child, 2), budget - 1);
    for (const group of groups) units.push({ text: item.text, children: group });
  }
  return pack(units, (unit) => outlineRows(unit), budget, minParts);
}

/** Extra rows a slide title takes when it wraps (40 px titles: ~48 characters a line). */
function titleRows(title: string): number {
  return rows(inlinePlainText(title), 48) > 1 ? 1.3 : 0;
}

function cardClasses(count: number, columns: number): string[] {
  return ['cards', `cols-${columns}`, ...(count > columns ? ['grid-2x2'] : [])];
}

/** Columns for a card layout (2–4 titled groups of short points), or 0 when bullets suit better. */
function cardColumns(items: { title: string; points: string[] }[]): number {
  if (items.length < 2 || items.length > MAX_CARDS) return 0;
  if (items.some((item) => item.points.length === 0)) return 0;
  const columns = items.length === 4 ? 2 : items.length;
  const width = columns === 3 ? 24 : 38;
  const fits = items.every(
    (item) => rows(inlinePlainText(item.title), width) + item.points.reduce((sum, point) => sum + rows(inlinePlainText(point), width - 2), 0) <= CARD_ROWS,
  );
  return fits ? columns : 0;
}

/** The first paragraph of an exercise prompt, shortened to one line. */
function oneLinePrompt(prompt: string): string {
  const { nodes } = parseBlocks(prompt);
  const first = nodes.find((node): node is Paragraph => node.type === 'paragraph');
  if (!first) return '';
  const text = nodesPlainText(first);
  if (text.length <= 150) return phrasingMarkdown(first.children);
  const sentence = /^.{20,150}?[.?!](?=\s|$)/.exec(text)?.[0];
  if (sentence) return escapeText(sentence);
  const cut = text.slice(0, 140).replace(/\s+\S*$/, '');
  return `${escapeText(cut)} …`;
}

function agendaItems(slides: PlannedSlide[], plain: (markdown: string) => string): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  const push = (text: string) => {
    const label = collapse(text);
    if (label && !seen.has(label)) {
      seen.add(label);
      items.push(label);
    }
  };
  const count = (kind: SlideKind) => new Set(slides.filter((slide) => slide.kind === kind).map((slide) => slide.key)).size;
  for (const slide of slides) {
    switch (slide.kind) {
      case 'concept':
        push(slide.title);
        break;
      case 'diagram':
        push(count('diagram') === 1 ? String(slide.data.diagramTitle ?? slide.title) : 'Architecture Diagrams');
        break;
      case 'example':
        push(count('example') === 1 ? `Example: ${slide.title}` : 'Code Examples');
        break;
      case 'practices':
        push('Best Practices');
        break;
      case 'case-study':
        push(count('case-study') === 1 ? slide.title : 'Case Studies');
        break;
      case 'pitfalls':
        push('Common Pitfalls');
        break;
      case 'section':
        push(String(slide.data.section ?? slide.title));
        break;
      case 'exercises':
        push('Hands-on Exercises');
        break;
      case 'review':
        push('Check Your Understanding');
        break;
      case 'summary':
        push(plain(slide.title) === 'Key Points' ? 'Key Points' : 'Summary');
        break;
      default:
        break;
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

interface SectionPlan {
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

function planSections(lesson: Lesson, assets: AssetResolver, minParts: (key: string) => number): SectionPlan {
  const plan: SectionPlan = { slides: [], code: [], diagramCode: new Set(), instructorNotes: [] };
  lesson.sections.forEach((section, sectionIndex) => {
    if (!section.markdown.trim()) return;
    const parsed = parseBlocks(section.markdown, assets);
    const hidden = parsed.hidden;
    const nodes = parsed.nodes.filter((node) => !(node.type === 'paragraph' && TIMING_LINE.test(nodesPlainText(node))));
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
    for (const node of nodes) {
      if (node.type === 'heading') chunks.push({ title: phrasingMarkdown((node as Heading).children), nodes: [] });
      else chunks[chunks.length - 1].nodes.push(node);
    }
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
    const first = lines.find((line) => !/^(?:#|\/\/|--\s)/.test(line)) ?? lines[0] ?? '';
    say.push(`Live-code this rather than reading it: start with ${first} and show the output.`);
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
      return [{ node, cost: node.children.length * 1.2 + 0.5 }];
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
