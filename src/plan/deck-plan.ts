/**
 * src/plan/ decides WHAT the documents show, from the typed lesson model: which slides a deck has and
 * what their notes say (this file and deck-*.ts, notes.ts), which parts a handout prints in which
 * order (handout-plan.ts), how diagrams are told in words, which file names code shows. Pure: no
 * templates, no browser, no file system (tests/structure.test.ts checks); src/render/ writes the plans
 * out as Marp Markdown and HTML.
 *
 * This file: the deck's slide plan, which slides a lesson becomes, in which order, and how content
 * that does not fit is continued on "(cont.)" slides. Each planned slide carries the data its partial
 * renders (lesson text still raw: the templates' helpers escape it) and the talking points of its notes.
 */
import type { Lesson, Diagram, Example, PracticeItem } from '../model/lesson.js';
import type { RenderContext } from '../render/context.js';
import { displayFileName } from './display-file-name.js';
import { inlinePlainText } from '../render/markdown-safe.js';
import type { AssetResolver } from '../render/markdown-sanitize.js';
import { pack, splitCode, rows, itemRows, LIST_BUDGET, FLAT_BUDGET, CODE_BUDGET } from './deck-split.js';
import { outlineTalkingPoints, codeTalkingPoints, listProse, sentence } from './notes.js';
import { planDiagramSlides } from './deck-diagrams.js';
import { planSections, normalizeCode } from './deck-sections.js';
import { VISIBLE_DEPTH, foldOutline, flattenText, packOutline, titleRows, cardClasses, cardColumns } from './deck-layout.js';
import { planClosing } from './deck-closing.js';
import { planAgenda } from './deck-agenda.js';


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

/** A slide as a planner describes it: part, parts, exercise and classes default to a single plain slide. */
export type SlideDraft = Omit<PlannedSlide, 'part' | 'parts' | 'exercise' | 'classes'> & Partial<PlannedSlide>;

/** Where the planners of each part of the deck add their slides, in deck order. */
export interface SlideSink {
  add(slide: SlideDraft): void;
  /** Adds one slide per part, numbered "(n/m)". */
  addParts<T>(parts: T[][], make: (part: T[], index: number) => SlideDraft): void;
  /** The fewest parts the build's tuning asks a slide group (by key) to be split into. */
  minParts(key: string): number;
}

/** Rows of a case-study column at the theme's size (24.6 px text in a third of the slide). */
const CASE_STUDY_ROWS = 10.5;

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
  const complete = (slide: SlideDraft): PlannedSlide => ({ part: 1, parts: 1, exercise: false, classes: [], ...slide, line: slide.line || 1 });
  const add = (slide: SlideDraft) => {
    slides.push(complete(slide));
  };
  const addParts = <T>(parts: T[][], make: (part: T[], index: number) => SlideDraft) => {
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
  const bodyStart = slides.length;

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
      ...items.map((item) => sentence(`${plain(item.title)}${item.points.length > 0 ? `: ${listProse(item.points.map(plain))}` : ''}`)),
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
      study.solution.length > 0 ? sentence(`What they did: ${listProse(study.solution.map(plain))}`) : '',
      study.results.length > 0 ? sentence(`Outcome: ${listProse(study.results.map(plain))}`) : '',
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

  // Leftover sections, in lesson order (introductions already went first), each before the first
  // slide of the body that comes later in the lesson, as the handout places them: a tutorial's
  // "Common Mistakes" at its end stays after the steps it warns about.
  for (const slide of sections.slides) {
    if (slide.data.intro) continue;
    const later = slides.findIndex((other, index) => index >= bodyStart && other.line > slide.line);
    slides.splice(later < 0 ? slides.length : later, 0, complete(slide));
  }


  // Exercises, review questions, summary, next steps and resources.
  planClosing(context, objectives, { add, addParts, minParts }, plain);

  // The agenda lists what follows it.
  const agenda = planAgenda(slides.slice(agendaIndex), sections.instructorNotes, minParts, plain);
  if (agenda.length > 0) slides.splice(agendaIndex, 0, ...agenda);
  else slides[0].say.push(...sections.instructorNotes.map((note) => `Instructor note: ${note}`));
  return slides;
}

/** "55 min (40 min teaching, 15 min exercises)", or null when the lesson gives no timing. */
export function durationLabel(lesson: Lesson): string | null {
  const teaching = lesson.meta.teachingMinutes;
  const exercises = lesson.meta.exerciseMinutes;
  if (teaching && exercises) return `${teaching + exercises} min (${teaching} min teaching, ${exercises} min exercises)`;
  if (teaching) return `${teaching} min`;
  if (exercises) return `${exercises} min of exercises`;
  return null;
}

/** Whether `haystack` holds `needle` as whole lines. */
function containsLines(haystack: string, needle: string): boolean {
  return needle !== '' && `\n${haystack}\n`.includes(`\n${needle}\n`);
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
