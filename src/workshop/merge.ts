/**
 * Merges PDFs into one, with a bookmark (PDF outline entry) for every part: a reader's sidebar
 * then lists "Agenda", "Lesson 3.1 …" → "Handout", "Lab sheet", and under each part the bookmarks
 * it had itself (Chromium's, from its headings). The page count is the sum of the parts'.
 *
 * The outline is read and written by `../course/pdf-outline.ts`; this file only copies pages and
 * nests the parts' outlines. When the course build gets a merge of its own, one of them should go.
 */
import { PDFDocument } from '../vendor/pdf-lib.js';
import { loadPartPdf } from '../export/pdf-parts.js';
import { StructureMerger, languageOf } from '../export/pdf-structure.js';
import { readOutline, writeOutline, type OutlineEntry } from '../course/pdf-outline.js';

/** A part of the merged document: a PDF of its own, or a heading over its children (or both). */
export interface MergePart {
  title: string;
  pdf?: Uint8Array;
  children?: MergePart[];
  /** Keep the part's own bookmarks under its entry (default true). */
  ownOutline?: boolean;
}

export interface MergeMetadata {
  title?: string;
  author?: string;
  subject?: string;
}

/** Merges the parts in order and returns the new PDF's bytes and page count. */
export async function mergePdfs(parts: MergePart[], metadata: MergeMetadata = {}): Promise<{ bytes: Uint8Array; pages: number }> {
  const merged = await PDFDocument.create();
  // The parts' structure trees come along, so the pack is as tagged as its parts.
  const structure = new StructureMerger(merged);
  let lang: string | null = null;

  const place = async (part: MergePart): Promise<OutlineEntry | null> => {
    const first = merged.getPageCount();
    const children: OutlineEntry[] = [];
    if (part.pdf) {
      const source = await loadPartPdf(part.pdf);
      const pages = await merged.copyPages(source, source.getPageIndices());
      for (const page of pages) merged.addPage(page);
      structure.add(source, pages);
      lang ??= languageOf(source);
      if (part.ownOutline !== false) children.push(...shift(readOutline(source), first));
    }
    for (const child of part.children ?? []) {
      const entry = await place(child);
      if (entry) children.push(entry);
    }
    // A heading whose parts were all missing has no page to open.
    if (merged.getPageCount() === first) return null;
    return { title: part.title, pageIndex: first, left: null, top: null, children };
  };

  const outline: OutlineEntry[] = [];
  for (const part of parts) {
    const entry = await place(part);
    if (entry) outline.push(entry);
  }
  structure.finish(lang);
  if (outline.length > 0) writeOutline(merged, outline);
  if (metadata.title) merged.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) merged.setAuthor(metadata.author);
  if (metadata.subject) merged.setSubject(metadata.subject);
  merged.setCreator('Lectern');
  return { bytes: await merged.save({ objectsPerTick: Infinity }), pages: merged.getPageCount() };
}

/** The entries of a part's own outline, moved to where its pages now start. */
function shift(entries: OutlineEntry[], offset: number): OutlineEntry[] {
  return entries.map((entry) => ({ ...entry, pageIndex: entry.pageIndex + offset, children: shift(entry.children, offset) }));
}
