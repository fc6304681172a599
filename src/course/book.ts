/**
 * A module book: the lessons' own PDFs (handouts, or student lab sheets) merged into one file, not
 * re-rendered, behind a contents page printed by the shared Chromium, with one bookmark per lesson
 * and the lesson's own headings beneath it. Page count = contents pages + the sum of the parts.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PDFDocument } from '../vendor/pdf-lib.js';
import { loadPartPdf } from '../export/pdf-parts.js';
import { StructureMerger, languageOf } from '../export/pdf-structure.js';
import type { BrowserManager } from '../browser/manager.js';
import type { Templates } from '../render/templates.js';
import { exportDocumentPdf } from '../export/document-pdf.js';
import { writeFileAtomic } from '../export/atomic.js';
import { hashParts } from '../cache/build-cache.js';
import { codeVersion } from '../cache/code-hash.js';
import { insideOut } from '../output/paths.js';
import { bookOutline, contentsRows, type BookPart } from './book-contents.js';
import { bookPath } from './book-plan.js';
import { readOutline, writeOutline } from './pdf-outline.js';
import type { BookRecord } from './book-manifest.js';
import type { BookKind, BookReport } from './report.js';

export interface BookSource {
  source: string;
  title: string;
  number: string | null;
  /** Absolute path of the lesson's PDF. */
  pdf: string;
}

export interface BookJob {
  manager: BrowserManager;
  templates: Templates;
  outRoot: string;
  paper: 'a4' | 'letter';
  courseTitle: string | null;
  module: { dir: string; title: string };
  kind: BookKind;
  sources: BookSource[];
  /** The record of the same book from the last build, if any. */
  previous?: BookRecord;
}

const HEADING: Record<BookKind, string> = { handouts: 'Handouts', labs: 'Lab sheets' };
/** Rendering the contents again when they take more pages than assumed settles in one more pass. */
const CONTENTS_PASSES = 3;

/** Makes (or finds up to date) one module book; returns its manifest record. */
export async function makeBook(job: BookJob): Promise<BookRecord> {
  const path = bookPath(job.module.dir, job.kind);
  const title = `${job.module.title || 'Lessons'}: ${HEADING[job.kind]}`;
  const read = await Promise.all(job.sources.map(async (source) => ({ source, bytes: await readFile(source.pdf) })));
  const contentsHtml = (parts: readonly BookPart[], pages: number) =>
    job.templates.render('course/book-contents.html', {
      title,
      courseTitle: job.courseTitle ?? '',
      moduleTitle: job.module.title || 'Lessons',
      bookTitle: HEADING[job.kind],
      pageSize: job.paper === 'letter' ? 'letter' : 'A4',
      rows: contentsRows(parts, pages),
    });

  // Everything the book is made from is the parts' bytes and the contents page's template and
  // titles, so an unchanged book is known without parsing a single PDF.
  const titlesOnly = job.sources.map((source) => ({ title: source.title, number: source.number, pages: 0, outline: [] }));
  const inputs = hashParts([codeVersion(), job.paper, title, contentsHtml(titlesOnly, 1), ...read.flatMap(({ source, bytes }) => [source.source, bytes])]);
  const target = insideOut(job.outRoot, path);
  if (job.previous && job.previous.inputs === inputs && job.previous.report.path === path) {
    return { ...job.previous, report: { ...job.previous.report, cacheHit: true } };
  }

  const loaded = await Promise.all(
    read.map(async ({ source, bytes }) => {
      const pdf = await parsePart(source.pdf, bytes);
      const part: BookPart = { title: source.title, number: source.number, pages: pdf.getPageCount(), outline: readOutline(pdf) };
      return { pdf, part };
    }),
  );
  const parts = loaded.map((entry) => entry.part);
  const { pdf: contents, pages: contentsPages } = await printContents(job, (pages) => contentsHtml(parts, pages));
  const book = await PDFDocument.create();
  // The parts' structure trees come along, so the book is as tagged as its parts.
  const structure = new StructureMerger(book);
  for (const pdf of [contents, ...loaded.map((entry) => entry.pdf)]) {
    const pages = await book.copyPages(pdf, pdf.getPageIndices());
    for (const page of pages) book.addPage(page);
    structure.add(pdf, pages);
  }
  structure.finish(languageOf(loaded[0]?.pdf ?? contents));
  writeOutline(book, bookOutline(parts, contentsPages));
  book.setTitle(title, { showInWindowTitleBar: true });
  if (job.courseTitle) book.setAuthor(job.courseTitle);
  book.setSubject(job.module.title);
  book.setCreator('Lectern');
  book.setProducer('Lectern (pdf-lib)');
  // Written in one go: yielding every few objects only slows a merge nothing waits on. Without
  // object streams: packing and compressing the small objects into them was a third of the merge's
  // time, on this thread, for a file about a seventh smaller.
  await writeFileAtomic(target, await book.save({ objectsPerTick: Infinity, useObjectStreams: false }));

  const rows = contentsRows(parts, contentsPages);
  const report: BookReport = {
    kind: job.kind,
    path,
    title,
    pages: book.getPageCount(),
    contentsPages,
    parts: job.sources.map((source, index) => ({ source: source.source, title: source.title, firstPage: rows[index]!.page, pages: parts[index]!.pages })),
    cacheHit: false,
  };
  return { module: job.module.dir, inputs, report };
}

/** Parts parsed ahead of time (`preparseParts`), by path, with the bytes they were parsed from. */
const preparsed = new Map<string, { bytes: Uint8Array; pdf: Promise<PDFDocument> }>();

/** A part's parsed PDF: the one parsed ahead of time when its bytes are still the same (exported for tests). */
export function parsePart(path: string, bytes: Uint8Array): Promise<PDFDocument> {
  const early = preparsed.get(path);
  preparsed.delete(path);
  if (early && Buffer.from(early.bytes).equals(Buffer.from(bytes))) return early.pdf;
  return loadPartPdf(bytes);
}

/**
 * Reads and parses, one file at a time, lesson PDFs a book is about to be made from (the parts a
 * rebuild does not touch), while this thread would otherwise wait for Chromium. The book step then
 * takes them as they are, as long as their bytes did not change meanwhile. Reading them is only
 * ever a head start: nothing depends on it finishing.
 */
export function preparseParts(paths: readonly string[]): void {
  void (async () => {
    for (const path of paths) {
      if (preparsed.has(path)) continue;
      const bytes = await readFile(path).catch(() => null);
      if (!bytes) continue;
      const pdf = loadPartPdf(bytes);
      pdf.catch(() => {});
      preparsed.set(path, { bytes, pdf });
      await pdf.catch(() => {});
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
}

/** Drops what was parsed ahead and not used (a build that made no book). */
export function forgetPreparsed(): void {
  preparsed.clear();
}

/**
 * Prints the contents page(s); when they run longer than assumed, prints again with the page numbers
 * moved. A contents page whose HTML is unchanged (same titles, same page numbers: the usual case when
 * one lesson was edited) is taken from the cache instead of Chromium.
 */
async function printContents(job: BookJob, html: (pages: number) => string): Promise<{ pdf: PDFDocument; pages: number }> {
  const dir = join(job.outRoot, '.cache', 'books');
  await mkdir(dir, { recursive: true });
  const keyOf = (text: string) => join(dir, `contents-${createHash('sha256').update(job.paper).update('\0').update(text).digest('hex').slice(0, 32)}.pdf`);
  for (let assumed = 1; assumed <= 3; assumed++) {
    const cached = await readFile(keyOf(html(assumed))).catch(() => null);
    if (!cached) continue;
    const pdf = await loadPartPdf(cached);
    if (pdf.getPageCount() === assumed) return { pdf, pages: assumed };
  }
  const out = join(dir, `contents-${process.pid}-${randomBytes(6).toString('hex')}.pdf`);
  try {
    let assumed = 1;
    for (let pass = 0; ; pass++) {
      const text = html(assumed);
      const { pages } = await exportDocumentPdf(job.manager, { html: text, baseDir: dir, out, paper: job.paper, title: job.module.title || 'Lessons' });
      if (pages === assumed || pass === CONTENTS_PASSES - 1) {
        const bytes = await readFile(out);
        await writeFileAtomic(keyOf(text), bytes).catch(() => {});
        const pdf = await loadPartPdf(bytes);
        return { pdf, pages: pdf.getPageCount() };
      }
      assumed = pages;
    }
  } finally {
    await rm(out, { force: true });
  }
}
