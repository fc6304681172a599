/**
 * Exports a deck to PowerPoint: each slide rendered by the shared browser into a full-bleed picture,
 * with its speaker notes, so the PPTX looks exactly like the PDF. Written atomically.
 */
import pptxgenjs from 'pptxgenjs';
import type { BrowserManager, BlockedRequest } from '../browser/manager.js';
import { LecternError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { assertSlides } from './measure.js';
import { withPrintPage } from './print-page.js';
import { slideSelector, slideSizeOf } from './slides.js';

export interface PptxMetadata {
  title?: string;
  author?: string;
  subject?: string;
}

export interface ExportDeckPptxOptions {
  /** The deck's print variant (`deckPrintHtml`). */
  html: string;
  /** The lesson's output folder: relative asset URLs resolve here, and only files under it load. */
  baseDir: string;
  /** Where to write the PPTX; replaced atomically, left alone on failure. */
  out: string;
  /** Speaker notes per slide, as `renderMarp` returns them. */
  notes: readonly (readonly string[])[];
  metadata?: PptxMetadata;
  /** Pixels per CSS pixel in the slide pictures; defaults to 2. */
  scale?: number;
  /** Milliseconds allowed for loading; defaults to 60 000. */
  timeout?: number;
}

export interface DeckPptxResult {
  slides: number;
  /** What the deck tried to load and was refused. */
  blocked: BlockedRequest[];
}

interface SlidePicture {
  png: Uint8Array;
  /** The slide's visible text, as the picture's alternative text. */
  text: string;
}

type PptxGenJS = typeof pptxgenjs.default;
// The package's types describe its CommonJS build (class under `.default`); Node loads its ES build,
// whose default export is the class itself. Accept either.
const PptxGenJS: PptxGenJS =
  (pptxgenjs as unknown as { default?: PptxGenJS }).default ?? (pptxgenjs as unknown as PptxGenJS);

const pixelsPerInch = 96;
const maxAltText = 1000;

/** Renders each slide to a picture and writes a PPTX with one full-slide picture and the notes per slide. */
export async function exportDeckPptx(manager: BrowserManager, options: ExportDeckPptxOptions): Promise<DeckPptxResult> {
  const { width, height } = slideSizeOf(options.html);
  const { pictures, blocked } = await withPrintPage(
    manager,
    {
      html: options.html,
      baseDir: options.baseDir,
      viewport: { width, height },
      deviceScaleFactor: options.scale ?? 2,
      timeout: options.timeout,
      visible: true,
    },
    async (page, lease) => {
      await assertSlides(page, options.out);
      const slides = await page.$$(slideSelector);
      const pictures: SlidePicture[] = [];
      for (const slide of slides) {
        const png = await slide.screenshot({ type: 'png' });
        const text = await slide.evaluate((svg) => (svg.textContent ?? '').replace(/\s+/g, ' ').trim());
        pictures.push({ png, text });
      }
      return { pictures, blocked: [...lease.blocked] };
    },
  );

  const pptx = new PptxGenJS();
  // The slide's own size at 96 px per inch: 1280×720 is PowerPoint's 13.33×7.5 in widescreen.
  const w = width / pixelsPerInch;
  const h = height / pixelsPerInch;
  pptx.defineLayout({ name: 'LECTERN', width: w, height: h });
  pptx.layout = 'LECTERN';
  const { title, author, subject } = options.metadata ?? {};
  if (title) pptx.title = title;
  if (author) pptx.author = author;
  if (subject) pptx.subject = subject;
  pptx.company = 'Lectern';

  pictures.forEach((picture, index) => {
    const slide = pptx.addSlide();
    slide.addImage({
      data: `image/png;base64,${Buffer.from(picture.png).toString('base64')}`,
      x: 0,
      y: 0,
      w,
      h,
      altText: picture.text.slice(0, maxAltText) || `Slide ${index + 1}`,
    });
    const notes = (options.notes[index] ?? []).map((note) => note.trim()).filter((note) => note !== '');
    if (notes.length > 0) slide.addNotes(notes.join('\n\n'));
  });

  const data = await pptx.write({ outputType: 'nodebuffer' });
  if (!(data instanceof Uint8Array)) throw new LecternError('Cannot build the PPTX: pptxgenjs returned no bytes');
  await writeFileAtomic(options.out, data);
  return { slides: pictures.length, blocked };
}
