/**
 * src/export/pptx/ is the editable PowerPoint deck: each planned slide turned into blocks
 * (slides.ts, section.ts, blocks.ts, runs.ts, code.ts), placed on the slide (place.ts), in the deck
 * theme's look (theme.ts), with the lesson's pictures (pictures.ts), written by pptxgenjs (write.ts).
 *
 * This file: `--to pptx` (editable, the default style): the deck as native PowerPoint slides, planned
 * exactly as deck.md and deck.pdf are (same slides, same order, continuation slides included), with the
 * pictures read from the lesson's output folder. Written atomically.
 */
import type { BrowserManager } from '../../browser/manager.js';
import type { RenderContext } from '../../render/context.js';
import { planDeck, type DeckTuning, type PlannedSlide } from '../../plan/deck-plan.js';
import { inlinePlainText } from '../../render/markdown-safe.js';
import { writeFileAtomic } from '../atomic.js';
import { LecternError } from '../../errors.js';
import type { Block } from './blocks.js';
import { loadPictures } from './pictures.js';
import { slideSpec, type SlideSpec } from './slides.js';
import { pptxThemeOf } from './theme.js';
import { writeEditablePptx, type EditableDeck, type Picture } from './write.js';

export interface ExportEditablePptxOptions {
  context: RenderContext;
  /** The tuning the build settled on for deck.pdf, so both have the same slides. */
  tuning: DeckTuning;
  /** Speaker notes per slide, as `renderMarp` returns them. */
  notes: readonly (readonly string[])[];
  /** The deck theme's CSS files, in cascade order. */
  themeCss: readonly string[];
  /** The lesson's output folder: pictures are read from here and only here. */
  baseDir: string;
  out: string;
  metadata?: { title?: string; author?: string; subject?: string };
}

/** Plans, reads the pictures, writes the PPTX; returns the number of slides. */
export async function exportEditablePptx(manager: BrowserManager, options: ExportEditablePptxOptions): Promise<{ slides: number }> {
  const plan = planDeck(options.context, options.tuning);
  if (options.notes.length !== plan.length) {
    throw new LecternError(`Cannot write ${options.out}: the deck has ${options.notes.length} slides but its plan ${plan.length}; this is a bug in Lectern`);
  }
  const theme = pptxThemeOf(options.themeCss);
  const slides = plan.map((slide) => slideSpec(slide, theme));
  const pictures = await loadPictures(manager, options.baseDir, pictureSources(slides));
  const bytes = await writeEditablePptx(editableDeck(options.context, plan, slides, options.notes, pictures, theme, options.metadata));
  await writeFileAtomic(options.out, bytes);
  return { slides: slides.length };
}

/** Everything the writer needs, once the pictures are read. */
export function editableDeck(
  context: RenderContext,
  plan: readonly PlannedSlide[],
  slides: SlideSpec[],
  notes: readonly (readonly string[])[],
  pictures: ReadonlyMap<string, Picture>,
  theme: EditableDeck['theme'],
  metadata?: EditableDeck['metadata'],
): EditableDeck {
  const { lesson } = context;
  const title = inlinePlainText(lesson.title || lesson.id);
  return {
    slides,
    notes: plan.map((_, index) => (notes[index] ?? []).map((note) => note.trim()).filter(Boolean).join('\n\n')),
    theme,
    pictures,
    header: lesson.number ? `Lesson ${lesson.number} · ${title}` : title,
    footer: [context.moduleTitle, context.courseTitle].filter((part): part is string => Boolean(part)).map((part) => inlinePlainText(part)).join(' · '),
    metadata,
  };
}

/** Every picture the slides show. */
export function pictureSources(slides: readonly SlideSpec[]): string[] {
  const found: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'image') found.push(block.src);
      else if (block.kind === 'row') for (const cell of block.cells) visit(cell);
    }
  };
  for (const slide of slides) if (slide.layout === 'content') visit(slide.blocks);
  return found;
}
