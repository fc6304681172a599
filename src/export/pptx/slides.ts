/**
 * Each planned slide (the plan deck.md and deck.pdf are made from) as the content of an editable
 * slide: its title and the blocks of its body, in the theme's sizes and colours. Kinds this file
 * does not know yet still show their title and whatever list or body they carry. Pure.
 */
import type { PlannedSlide, OutlineView } from '../../plan/deck-plan.js';
import { inlineRuns, type Run } from './runs.js';
import { codeLines } from './code.js';
import { sectionBlocks } from './section.js';
import type { Block, Para, TextBlock } from './blocks.js';
import type { PptxTheme } from './theme.js';

export interface TitleSlideSpec {
  layout: 'title';
  title: Run[];
  label: string | null;
  lines: Para[];
}

export interface ContentSlideSpec {
  layout: 'content';
  title: Run[];
  blocks: Block[];
}

export type SlideSpec = TitleSlideSpec | ContentSlideSpec;

/** Body text size, px (the theme's `section { font-size: 28px }`). */
const BODY = 28;

/** The editable slide for a planned slide. */
export function slideSpec(slide: PlannedSlide, theme: PptxTheme): SlideSpec {
  const data = slide.data as Record<string, unknown>;
  const title = inlineRuns(slide.title);
  if (slide.part > 1) title.push({ text: ' (cont.)' });
  if (slide.kind === 'title') return titleSpec(slide, title, data, theme);
  const size = BODY * shrink(slide.classes);
  return { layout: 'content', title, blocks: bodyBlocks(slide, data, theme, size) };
}

function titleSpec(slide: PlannedSlide, title: Run[], data: Record<string, unknown>, theme: PptxTheme): TitleSlideSpec {
  const lines: Para[] = [];
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  const module = text(data.module);
  const duration = text(data.duration);
  const course = text(data.course);
  if (module) lines.push({ runs: inlineRuns(module), size: 28, level: 0, color: 'DFE8F2', after: 10 });
  if (duration) lines.push({ runs: [{ text: 'Duration: ', bold: true, color: theme.titleInk }, { text: duration }], size: 28, level: 0, color: 'DFE8F2', after: 10 });
  if (course) lines.push({ runs: inlineRuns(course), size: 28, level: 0, color: 'B9CBE0', after: 10 });
  const number = text(data.number);
  return { layout: 'title', title, label: number ? `LESSON ${number}` : null, lines };
}

function bodyBlocks(slide: PlannedSlide, data: Record<string, unknown>, theme: PptxTheme, size: number): Block[] {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const bullets = (items: string[], options: Partial<Para> = {}): TextBlock => ({
    kind: 'text',
    paras: items.map((item, index) => ({
      runs: inlineRuns(item),
      size,
      level: 1,
      bulletColor: theme.accent,
      after: size * 0.3,
      ...options,
      ...(options.number !== undefined ? { number: options.number + index } : {}),
    })),
  });
  switch (slide.kind) {
    case 'agenda': {
      const items = strings(data.items);
      const start = typeof data.start === 'number' ? data.start : 1;
      const block = bullets(items, { number: start, size: size * 1.05, bulletColor: theme.primary });
      if (!slide.classes.includes('columns') || items.length < 2) return [block];
      const half = Math.ceil(items.length / 2);
      return [{ kind: 'row', columns: 2, gap: 64, cells: [[{ ...block, paras: block.paras.slice(0, half) }], [{ ...block, paras: block.paras.slice(half) }]] }];
    }
    case 'objectives': {
      const blocks: Block[] = [];
      const items = strings(data.items);
      const questions = strings(data.questions);
      if (items.length > 0) blocks.push(bullets(items));
      if (questions.length > 0) {
        blocks.push({ kind: 'text', paras: [{ runs: [{ text: 'QUESTIONS' }], size: size * 0.9, level: 0, bold: true, color: theme.muted }] });
        blocks.push(bullets(questions));
      }
      return blocks;
    }
    case 'concept':
      return data.cards === true ? [cards(outline(data.items).map((item) => ({ title: item.text, points: item.children })), slide, theme, size)] : [outlineBlock(outline(data.items), theme, size)];
    case 'practices': {
      const items = practiceItems(data.items);
      if (data.cards === true) return [cards(items.map((item) => ({ title: item.title, points: item.points.map((point) => ({ text: point, children: [] })) })), slide, theme, size)];
      return [outlineBlock(items.map((item) => ({ text: `**${item.title}**`, children: item.points.map((point) => ({ text: point, children: [] })) })), theme, size)];
    }
    case 'diagram': {
      const src = typeof data.src === 'string' ? data.src : null;
      const alt = typeof data.alt === 'string' ? data.alt : 'Diagram';
      if (src) return [{ kind: 'image', src, alt, maxHeight: 490 }];
      const error = typeof data.error === 'string' ? data.error : 'Unknown error.';
      return [{
        kind: 'text',
        fill: 'FDF3F2',
        bar: { side: 'left', color: theme.danger, width: 6 },
        pad: 18,
        paras: [
          { runs: [{ text: 'Diagram could not be rendered' }], size: size * 1.05, level: 0, bold: true, color: theme.danger },
          { runs: [{ text: error }], size: size * 0.62, level: 0, mono: true, color: '5A1A14' },
        ],
      }];
    }
    case 'example': {
      const code = typeof data.code === 'string' ? data.code : '';
      const language = typeof data.language === 'string' ? data.language : null;
      const fileName = typeof data.fileName === 'string' ? data.fileName : null;
      const label: Run[] = [];
      if (fileName) label.push({ text: fileName, code: true, bold: true, color: theme.primary });
      if (language) label.push({ text: `${label.length > 0 ? ' · ' : ''}${language}` });
      if (label.length > 0 && slide.part > 1) label.push({ text: ` · part ${slide.part} of ${slide.parts}` });
      const blocks: Block[] = [];
      if (label.length > 0) blocks.push({ kind: 'text', name: 'File name', paras: [{ runs: label, size: size * 0.68, level: 0, color: theme.muted, after: 0 }] });
      blocks.push({ kind: 'code', lines: codeLines(code, language, theme), size: size * 0.64, name: fileName ?? 'Code' });
      return blocks;
    }
    case 'case-study':
      return [caseStudy(data.columns, slide, theme, size)];
    case 'pitfalls':
      return [bullets(strings(data.items), { bulletChar: '⚠', bulletColor: theme.danger })];
    case 'exercises': {
      const items = Array.isArray(data.items) ? (data.items as Array<{ title?: unknown; prompt?: unknown }>) : [];
      const block: TextBlock = {
        kind: 'text',
        paras: items.map((item) => ({
          runs: [...inlineRuns(String(item.title ?? ''), { bold: true, color: theme.primary }), ...(item.prompt ? [{ text: ' — ' }, ...inlineRuns(String(item.prompt))] : [])],
          size,
          level: 1,
          bulletColor: theme.accent,
          after: size * 0.35,
        })),
      };
      const lab = typeof data.lab === 'string' ? data.lab : null;
      if (!lab) return [block];
      return [block, { kind: 'text', fill: theme.accentSoft, pad: 10, paras: [{ runs: [{ text: 'Full instructions in the lab sheet: ' }, { text: lab, link: /^(?:https?:|mailto:)/i.test(lab) ? lab : undefined }], size: size * 0.82, level: 0, after: 0 }] }];
    }
    case 'review':
      return [bullets(strings(data.items), { number: 1, bulletColor: theme.primary })];
    case 'summary': {
      const blocks: Block[] = [];
      if (data.recap === true) blocks.push({ kind: 'text', paras: [{ runs: [{ text: 'In this lesson you learned to:' }], size, level: 0 }] });
      blocks.push(bullets(strings(data.items)));
      return blocks;
    }
    case 'resources': {
      const items = Array.isArray(data.items) ? (data.items as Array<{ text?: unknown; url?: unknown; label?: unknown }>) : [];
      return [{
        kind: 'text',
        paras: items.map((item) => {
          const url = typeof item.url === 'string' && /^(?:https?:|mailto:)/i.test(item.url) ? item.url : undefined;
          const runs = inlineRuns(String(item.text ?? ''), url ? { link: url } : {});
          if (typeof item.label === 'string' && item.label) runs.push({ text: ' · ' }, { text: item.label, code: true, color: theme.muted });
          return { runs, size, level: 1, bulletColor: theme.accent, after: size * 0.3 };
        }),
      }];
    }
    default: {
      // Sections, next steps, and any kind added to the plan later: a body, else a list of items.
      if (typeof data.body === 'string') return sectionBlocks(data.body, theme, { text: slide.kind === 'section' ? size * (25 / 28) : size, code: size * (18 / 28) });
      const items = strings(data.items);
      return items.length > 0 ? [bullets(items)] : [];
    }
  }
}

/** The slide's own shrink classes (the plan sets `shrink-90` on a compact case study). */
function shrink(classes: readonly string[]): number {
  const step = classes.map((name) => /^shrink-(\d0)$/.exec(name)?.[1]).find(Boolean);
  return step ? Number(step) / 100 : 1;
}

function outline(value: unknown): OutlineView[] {
  return Array.isArray(value) ? (value as OutlineView[]) : [];
}

function practiceItems(value: unknown): Array<{ title: string; points: string[] }> {
  if (!Array.isArray(value)) return [];
  return (value as Array<{ title?: unknown; points?: unknown }>).map((item) => ({
    title: String(item.title ?? ''),
    points: Array.isArray(item.points) ? item.points.map(String) : [],
  }));
}

/** Nested bullets: three levels, each smaller and a little lighter, as the theme sets them. */
function outlineBlock(items: OutlineView[], theme: PptxTheme, size: number): TextBlock {
  return { kind: 'text', paras: outlineParas(items, theme, size, 1) };
}

function outlineParas(items: OutlineView[], theme: PptxTheme, size: number, level: number): Para[] {
  const paras: Para[] = [];
  for (const node of items) {
    const runs = inlineRuns(node.text);
    if (runs.length === 0 && node.children.length === 0) continue;
    paras.push({ runs: runs.length > 0 ? runs : [{ text: '…' }], size, level: Math.min(level, 3), bulletColor: theme.accent, color: level > 1 ? '34424F' : undefined, after: size * 0.18 });
    paras.push(...outlineParas(node.children ?? [], theme, size * 0.9, level + 1));
  }
  return paras;
}

/** Titled groups as boxes in the house colours, top bars alternating primary and accent. */
function cards(items: Array<{ title: string; points: OutlineView[] }>, slide: PlannedSlide, theme: PptxTheme, size: number): Block {
  const columns = Number(slide.classes.map((name) => /^cols-(\d)$/.exec(name)?.[1]).find(Boolean) ?? Math.min(3, items.length)) || 3;
  const grid = slide.classes.includes('grid-2x2');
  const cardSize = size * (grid ? 0.86 : 0.95);
  const cells: Block[][] = items.map((item, index) => [{
    kind: 'text',
    name: `Card ${index + 1}`,
    fill: theme.primarySoft,
    bar: { side: 'top', color: index % 2 === 0 ? theme.primary : theme.accent, width: 6 },
    pad: 16,
    paras: [
      { runs: inlineRuns(item.title, { bold: true }), size: cardSize, level: 0, color: theme.primary, after: 10 },
      ...outlineParas(item.points, theme, cardSize * 0.92, 1),
    ],
  }]);
  return { kind: 'row', columns, gap: 22, cells };
}

/** Challenge, solution and results: a coloured head over a soft body per column. */
function caseStudy(value: unknown, slide: PlannedSlide, theme: PptxTheme, size: number): Block {
  const columns = Array.isArray(value) ? (value as Array<{ heading?: unknown; text?: unknown; items?: unknown }>) : [];
  const compact = slide.classes.includes('compact');
  const bodySize = size * (compact ? 0.76 : 0.88);
  const colourOf = (heading: string, index: number) => {
    const named = ['challenge', 'solution', 'results'].indexOf(heading.toLowerCase());
    return theme.columns[named >= 0 ? named : index % 3];
  };
  const cells: Block[][] = columns.map((column, index) => {
    const heading = String(column.heading ?? '');
    const colour = colourOf(heading, index);
    const items = Array.isArray(column.items) ? column.items.map(String) : [];
    const text = typeof column.text === 'string' && column.text ? column.text : null;
    const paras: Para[] = text
      ? [{ runs: inlineRuns(text), size: bodySize, level: 0 }]
      : items.length > 0
        ? items.map((item) => ({ runs: inlineRuns(item), size: bodySize, level: 1, bulletColor: theme.accent, after: bodySize * 0.2 }))
        : [{ runs: [{ text: 'Not described in the lesson.', italic: true }], size: bodySize, level: 0 }];
    return [
      { kind: 'text', name: heading, fill: colour.head, pad: 10, paras: [{ runs: [{ text: heading.toUpperCase() }], size: size * 0.82, level: 0, bold: true, color: 'FFFFFF', after: 0 }] },
      { kind: 'text', name: `${heading} text`, fill: colour.body, pad: 16, paras },
    ] satisfies Block[];
  });
  return { kind: 'row', columns: Math.max(1, columns.length), gap: 24, cells };
}
