/**
 * Writes the editable deck with pptxgenjs: a slide master in the house theme (accent band, title
 * underline, header, footer, slide number), title placeholders, text boxes with real paragraphs
 * and shrink-on-overflow, tables, coloured code runs, pictures with alternative text (SVG with a
 * PNG fallback), and each slide's speaker notes. No file system, no browser: bytes in, bytes out.
 */
import pptxgenjs from 'pptxgenjs';
import { LecternError } from '../../errors.js';
import type { Run } from './runs.js';
import type { Para, Block } from './blocks.js';
import { LINE, CODE_LINE, indentUnit, textWidth, wrapLines } from './blocks.js';
import { placeBlocks, type Placed } from './place.js';
import type { SlideSpec } from './slides.js';
import type { PptxTheme } from './theme.js';

type PptxGenJS = typeof pptxgenjs.default;
type Pres = InstanceType<PptxGenJS>;
type Slide = ReturnType<Pres['addSlide']>;
type TextRun = { text: string; options?: Record<string, unknown> };
// The package's types describe its CommonJS build (class under `.default`); Node loads its ES build,
// whose default export is the class itself. Accept either.
const PptxGenJS: PptxGenJS =
  (pptxgenjs as unknown as { default?: PptxGenJS }).default ?? (pptxgenjs as unknown as PptxGenJS);

/** A picture the deck shows, read from the lesson's output folder. */
export interface Picture {
  /** PNG, JPEG or GIF bytes, or an SVG with `fallback` PNG bytes. */
  data: Uint8Array;
  type: 'png' | 'jpeg' | 'gif' | 'svg';
  fallback?: Uint8Array;
  width: number;
  height: number;
}

export interface EditableDeck {
  slides: SlideSpec[];
  /** Speaker notes per slide (plain text). */
  notes: string[];
  theme: PptxTheme;
  pictures: ReadonlyMap<string, Picture>;
  /** Running header and footer of content slides (the lesson, the module and course). */
  header: string;
  footer: string;
  metadata?: { title?: string; author?: string; subject?: string };
}

const PX = 1 / 96;
const PT = 0.75;
const SLIDE = { w: 1280, h: 720 };
const MARGIN = 72;
/** The body area of content slides, below the title and its underline. */
export const BODY = { x: MARGIN, y: 178, w: SLIDE.w - 2 * MARGIN, h: 470 };
const TITLE_BOX = { x: MARGIN, y: 46, w: SLIDE.w - 2 * MARGIN, h: 106 };

/** Writes the deck and returns the PPTX bytes. */
export async function writeEditablePptx(deck: EditableDeck): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'LECTERN', width: SLIDE.w * PX, height: SLIDE.h * PX });
  pptx.layout = 'LECTERN';
  pptx.theme = { headFontFace: deck.theme.font, bodyFontFace: deck.theme.font };
  const { title, author, subject } = deck.metadata ?? {};
  if (title) pptx.title = title;
  if (author) pptx.author = author;
  if (subject) pptx.subject = subject;
  pptx.company = 'Lectern';
  defineMasters(pptx, deck);

  deck.slides.forEach((spec, index) => {
    const slide = pptx.addSlide({ masterName: spec.layout === 'title' ? 'LECTERN_TITLE' : 'LECTERN_CONTENT' });
    if (spec.layout === 'title') writeTitleSlide(slide, spec, deck.theme);
    else {
      slide.addText(textRuns(spec.title, titleSize(spec.title), deck.theme), { placeholder: 'title', fit: 'shrink' });
      for (const placed of placeBlocks(spec.blocks, BODY, (src) => deck.pictures.get(src))) writeBlock(slide, placed, deck);
    }
    const notes = (deck.notes[index] ?? '').trim();
    if (notes) slide.addNotes(notes);
  });

  const data = await pptx.write({ outputType: 'nodebuffer' });
  if (!(data instanceof Uint8Array)) throw new LecternError('Cannot build the PPTX: pptxgenjs returned no bytes');
  return data;
}

function defineMasters(pptx: Pres, deck: EditableDeck): void {
  const { theme } = deck;
  const small = { fontFace: theme.font, fontSize: 16 * PT, color: theme.muted, margin: 0 };
  const runningWidth = SLIDE.w - MARGIN - 160;
  const header = oneLine(deck.header, runningWidth, 16);
  const footer = oneLine(deck.footer, runningWidth, 16);
  pptx.defineSlideMaster({
    title: 'LECTERN_CONTENT',
    background: { color: theme.background },
    slideNumber: { x: (SLIDE.w - 120) * PX, y: (SLIDE.h - 42) * PX, w: 80 * PX, h: 24 * PX, fontFace: theme.font, fontSize: 16 * PT, color: theme.muted, align: 'right' },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.w * 0.7 * PX, h: 6 * PX, fill: { color: theme.primary }, line: { type: 'none' } } },
      { rect: { x: SLIDE.w * 0.7 * PX, y: 0, w: SLIDE.w * 0.3 * PX, h: 6 * PX, fill: { color: theme.accent }, line: { type: 'none' } } },
      { rect: { x: MARGIN * PX, y: 156 * PX, w: 84 * PX, h: 5 * PX, fill: { color: theme.accent }, line: { type: 'none' } } },
      ...(header ? [{ text: { text: header, options: { ...small, x: MARGIN * PX, y: 16 * PX, w: runningWidth * PX, h: 24 * PX, valign: 'middle' as const } } }] : []),
      ...(footer ? [{ text: { text: footer, options: { ...small, x: MARGIN * PX, y: (SLIDE.h - 42) * PX, w: runningWidth * PX, h: 24 * PX, valign: 'middle' as const } } }] : []),
      {
        placeholder: {
          options: { name: 'title', type: 'title', x: TITLE_BOX.x * PX, y: TITLE_BOX.y * PX, w: TITLE_BOX.w * PX, h: TITLE_BOX.h * PX, fontFace: theme.font, fontSize: 40 * PT, bold: true, color: theme.primary, valign: 'bottom', align: 'left', margin: 0 },
          text: '',
        },
      },
    ],
  });
  pptx.defineSlideMaster({
    title: 'LECTERN_TITLE',
    background: { color: theme.titleBg },
    objects: [
      { rect: { x: 0, y: (SLIDE.h - 10) * PX, w: SLIDE.w * PX, h: 10 * PX, fill: { color: theme.accent }, line: { type: 'none' } } },
      { rect: { x: 110 * PX, y: 420 * PX, w: 140 * PX, h: 8 * PX, fill: { color: theme.accent }, line: { type: 'none' } } },
      {
        placeholder: {
          options: { name: 'title', type: 'title', x: 110 * PX, y: 200 * PX, w: (SLIDE.w - 220) * PX, h: 204 * PX, fontFace: theme.font, fontSize: 62 * PT, bold: true, color: theme.titleInk, valign: 'bottom', align: 'left', margin: 0 },
          text: '',
        },
      },
    ],
  });
}

function writeTitleSlide(slide: Slide, spec: Extract<SlideSpec, { layout: 'title' }>, theme: PptxTheme): void {
  const words = spec.title.map((run) => run.text).join('');
  const size = words.length > 60 ? 44 : words.length > 36 ? 52 : 62;
  slide.addText(textRuns(spec.title, size, theme, { color: theme.titleInk }), { placeholder: 'title', fit: 'shrink' });
  if (spec.label) {
    slide.addText(spec.label, { x: 110 * PX, y: 150 * PX, w: (SLIDE.w - 220) * PX, h: 34 * PX, fontFace: theme.font, fontSize: 22 * PT, color: theme.titleLabel, bold: true, charSpacing: 4, margin: 0, valign: 'bottom', fit: 'shrink' });
  }
  if (spec.lines.length > 0) {
    slide.addText(paragraphs(spec.lines, 1, theme), { x: 110 * PX, y: 448 * PX, w: (SLIDE.w - 220) * PX, h: 200 * PX, margin: 0, valign: 'top', fit: 'shrink', objectName: 'Lesson details' });
  }
}

/** A title's size: the theme's 40 px, smaller when it would take more than two lines of its box. */
function titleSize(title: Run[]): number {
  const bold = title.map((run) => ({ ...run, bold: true }));
  return [40, 36, 32, 28, 24].find((size) => wrapLines(bold, size, TITLE_BOX.w) * size * LINE <= TITLE_BOX.h) ?? 22;
}

/** A running header or footer cut to one line of its box, as the theme's ellipsis does. */
function oneLine(text: string, width: number, size: number): string {
  if (textWidth([{ text }], size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && textWidth([{ text: `${cut}…` }], size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function writeBlock(slide: Slide, { block, box, scale }: Placed, deck: EditableDeck): void {
  const { theme } = deck;
  const at = { x: box.x * PX, y: box.y * PX, w: box.w * PX, h: Math.max(box.h, 1) * PX };
  switch (block.kind) {
    case 'text': {
      const pad = (block.pad ?? 0) * scale;
      const bar = block.bar;
      if (bar) {
        const barBox = bar.side === 'left' ? { x: at.x, y: at.y, w: bar.width * PX, h: at.h } : { x: at.x, y: at.y, w: at.w, h: bar.width * PX };
        slide.addShape('rect', { ...barBox, fill: { color: bar.color }, line: { type: 'none' } });
      }
      const inset = bar ? bar.width * PX : 0;
      const text = bar?.side === 'left' ? { ...at, x: at.x + inset, w: at.w - inset } : bar ? { ...at, y: at.y + inset, h: at.h - inset } : at;
      slide.addText(paragraphs(block.paras, scale, theme), {
        ...text,
        margin: pad * PT,
        valign: 'top',
        fit: 'shrink',
        ...(block.fill ? { fill: { color: block.fill } } : {}),
        ...(block.name ? { objectName: block.name } : {}),
      });
      return;
    }
    case 'code': {
      const size = block.size * scale;
      const runs: TextRun[] = [];
      block.lines.forEach((line, index) => {
        const last = index === block.lines.length - 1;
        const pieces = line.length > 0 ? line : [{ text: ' ' }];
        pieces.forEach((run, i) => runs.push({ text: run.text, options: { ...runOptions(run, theme, theme.mono), fontSize: size * PT, breakLine: i === pieces.length - 1 && !last, lineSpacingMultiple: CODE_LINE / 1.17 } }));
      });
      slide.addShape('rect', { x: at.x, y: at.y, w: 6 * PX, h: at.h, fill: { color: theme.primary }, line: { type: 'none' } });
      slide.addText(runs, {
        x: at.x + 6 * PX, y: at.y, w: at.w - 6 * PX, h: at.h,
        fontFace: theme.mono, color: theme.codeInk, fill: { color: theme.codeBg }, line: { color: theme.codeBorder, width: 0.75 },
        margin: [12 * PT * scale, 18 * PT * scale, 12 * PT * scale, 14 * PT * scale], valign: 'top', fit: 'shrink', objectName: block.name ?? 'Code',
      });
      return;
    }
    case 'table': {
      const size = block.size * scale;
      const cell = (runs: Run[], header: boolean) => ({
        text: runs.length > 0 ? runs.map((run) => ({ text: run.text, options: runOptions(run, theme, theme.font) })) : ' ',
        options: header ? { bold: true, color: theme.primary, fill: { color: theme.primarySoft } } : {},
      });
      const rows = [...(block.header.length > 0 ? [block.header.map((runs) => cell(runs, true))] : []), ...block.rows.map((row) => row.map((runs) => cell(runs, false)))];
      const columns = Math.max(1, ...rows.map((row) => row.length));
      for (const row of rows) while (row.length < columns) row.push(cell([], false));
      slide.addTable(rows as Parameters<Slide['addTable']>[0], {
        ...at, fontFace: theme.font, fontSize: size * PT, color: theme.ink, border: { type: 'solid', pt: 0.75, color: theme.codeBorder },
        margin: [4 * PT, 8 * PT, 4 * PT, 8 * PT], valign: 'middle', autoPage: false,
      });
      return;
    }
    case 'image': {
      const picture = deck.pictures.get(block.src);
      if (!picture) {
        slide.addText(`[image unavailable: ${block.alt}]`, { ...at, fontFace: theme.font, fontSize: 18 * PT, italic: true, color: theme.muted, margin: 0, fit: 'shrink' });
        return;
      }
      addPicture(slide, picture, at, block.alt);
      return;
    }
    case 'row':
      return;
  }
}

/** Paragraphs as pptxgenjs text runs: bullets, levels, numbers, spacing. */
function paragraphs(paras: readonly Para[], scale: number, theme: PptxTheme): TextRun[] {
  const out: TextRun[] = [];
  paras.forEach((para, index) => {
    const size = para.size * scale;
    const indent = indentUnit(para) * scale * PT;
    const paragraph: Record<string, unknown> = {
      align: para.align ?? 'left',
      paraSpaceAfter: (para.after ?? para.size * 0.3) * scale * PT,
      lineSpacingMultiple: LINE / 1.17,
    };
    if (para.number !== undefined) Object.assign(paragraph, { bullet: { type: 'number', numberStartAt: para.number, indent }, indentLevel: Math.max(0, para.level - 1) });
    else if (para.level > 0) {
      const code = para.bulletChar ? para.bulletChar.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') : para.level === 1 ? '2022' : para.level === 2 ? '25E6' : '25AA';
      Object.assign(paragraph, { bullet: { characterCode: code, indent }, indentLevel: para.level - 1 });
    } else paragraph.bullet = false;
    const runs = para.runs.length > 0 ? para.runs : [{ text: ' ' }];
    const base = { color: para.color ?? theme.ink, bold: para.bold || undefined };
    runs.forEach((run, i) => {
      const options: Record<string, unknown> = { ...paragraph, ...base, ...runOptions({ ...run, bold: run.bold ?? para.bold }, theme, para.mono ? theme.mono : theme.font), fontSize: size * PT };
      if (!run.color && para.color) options.color = para.color;
      if (i === runs.length - 1 && index < paras.length - 1) options.breakLine = true;
      out.push({ text: run.text, options });
    });
  });
  return out;
}

/** A title's runs in its placeholder (size and colour come from the layout unless given). */
function textRuns(runs: Run[], size: number, theme: PptxTheme, extra: Record<string, unknown> = {}): TextRun[] {
  const shown = runs.length > 0 ? runs : [{ text: ' ' }];
  return shown.map((run) => ({ text: run.text, options: { ...runOptions(run, theme, theme.font), fontSize: size * PT, bold: true, align: 'left', ...extra, ...(run.color ? { color: run.color } : {}) } }));
}

function runOptions(run: Run, theme: PptxTheme, font: string): Record<string, unknown> {
  const options: Record<string, unknown> = { fontFace: run.code ? theme.mono : font };
  if (run.bold) options.bold = true;
  if (run.italic) options.italic = true;
  if (run.strike) options.strike = 'sngStrike';
  if (run.color) options.color = run.color;
  else if (run.bold && !run.link) options.color = theme.primary;
  if (run.code && !run.color) options.color = theme.codeInk;
  if (run.link) {
    options.hyperlink = { url: run.link };
    options.color = theme.link;
    options.underline = { style: 'sng' };
  }
  return options;
}

/** A picture with its alternative text; an SVG keeps its PNG rendering as the fallback older apps show. */
function addPicture(slide: Slide, picture: Picture, at: { x: number; y: number; w: number; h: number }, alt: string): void {
  const base64 = Buffer.from(picture.data).toString('base64');
  const mime = picture.type === 'svg' ? 'image/svg+xml' : `image/${picture.type}`;
  const media = (slide as unknown as { _relsMedia?: Array<{ isSvgPng?: boolean; data?: string; type?: string }> })._relsMedia ?? [];
  const before = media.length;
  slide.addImage({ data: `${mime};base64,${base64}`, ...at, altText: alt });
  if (picture.type !== 'svg') return;
  // pptxgenjs draws an SVG's fallback in a browser canvas, and in Node writes a "broken image"
  // instead: give it the PNG the build rendered, as an ordinary picture part.
  const fallback = media.slice(before).find((rel) => rel.isSvgPng);
  if (fallback && picture.fallback) {
    fallback.isSvgPng = false;
    fallback.type = 'image/png';
    fallback.data = `image/png;base64,${Buffer.from(picture.fallback).toString('base64')}`;
  }
}
