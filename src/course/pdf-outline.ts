/**
 * PDF outlines (bookmarks) with pdf-lib, which has no API for them: the `/Outlines` tree of
 * ISO 32000-1 §12.3.3 read and written as plain dictionaries. Destinations are page indexes, so an
 * outline read from one file can be written into another that holds its pages at an offset.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFObject } from '../vendor/pdf-lib.js';

export interface OutlineEntry {
  title: string;
  /** 0-based index of the page the entry opens. */
  pageIndex: number;
  /** Where on the page (PDF units from the bottom-left); null keeps the reader's position. */
  left: number | null;
  top: number | null;
  children: OutlineEntry[];
}

const MAX_DEPTH = 16;
const name = (key: string) => PDFName.of(key);

/** The document's outline, with destinations as page indexes; entries whose target is not a page of it are dropped. */
export function readOutline(pdf: PDFDocument): OutlineEntry[] {
  const pages = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index]));
  const root = pdf.catalog.lookupMaybe(name('Outlines'), PDFDict);
  const seen = new Set<PDFDict>();

  const level = (parent: PDFDict, depth: number): OutlineEntry[] => {
    const entries: OutlineEntry[] = [];
    if (depth > MAX_DEPTH) return entries;
    for (let item = parent.lookupMaybe(name('First'), PDFDict); item && !seen.has(item); item = item.lookupMaybe(name('Next'), PDFDict)) {
      seen.add(item);
      const children = level(item, depth + 1);
      const dest = destinationOf(item, pages);
      if (dest) entries.push({ title: textOf(item.lookup(name('Title'))), ...dest, children });
      else entries.push(...children);
    }
    return entries;
  };
  return root ? level(root, 0) : [];
}

function destinationOf(item: PDFDict, pages: Map<string, number>): Pick<OutlineEntry, 'pageIndex' | 'left' | 'top'> | null {
  let dest = item.lookup(name('Dest'));
  const action = item.lookupMaybe(name('A'), PDFDict);
  if (!dest && action?.lookup(name('S')) === name('GoTo')) dest = action.lookup(name('D'));
  // Named destinations would need the /Dests tree; Chromium writes explicit ones.
  if (!(dest instanceof PDFArray) || dest.size() < 2) return null;
  const page = dest.get(0);
  const pageIndex = page instanceof PDFRef ? pages.get(page.toString()) : undefined;
  if (pageIndex === undefined) return null;
  const isXyz = dest.get(1) === name('XYZ');
  return { pageIndex, left: isXyz ? numberOf(dest.get(2)) : null, top: isXyz ? numberOf(dest.get(3)) : null };
}

function numberOf(value: PDFObject | undefined): number | null {
  return value instanceof PDFNumber ? value.asNumber() : null;
}

function textOf(value: PDFObject | undefined): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
}

/**
 * Replaces the document's outline with `entries`: the top level shown, deeper levels folded, and
 * the reader told to open the bookmarks panel.
 */
export function writeOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  const { context } = pdf;
  const pageRefs = pdf.getPages().map((page) => page.ref);
  const rootRef = context.nextRef();

  const level = (items: readonly OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef } | null => {
    if (items.length === 0) return null;
    const refs = items.map(() => context.nextRef());
    items.forEach((item, index) => {
      const page = pageRefs[item.pageIndex];
      if (!page) throw new RangeError(`Cannot write an outline entry for page ${item.pageIndex + 1}, expected at most ${pageRefs.length} pages`);
      const dict = context.obj({}) as PDFDict;
      dict.set(name('Title'), PDFHexString.fromText(item.title));
      dict.set(name('Parent'), parent);
      if (index > 0) dict.set(name('Prev'), refs[index - 1]!);
      if (index < items.length - 1) dict.set(name('Next'), refs[index + 1]!);
      dict.set(name('Dest'), context.obj([page, name('XYZ'), item.left ?? PDFNull, item.top ?? PDFNull, PDFNull]));
      const children = level(item.children, refs[index]!);
      if (children) {
        dict.set(name('First'), children.first);
        dict.set(name('Last'), children.last);
        // A negative count folds the entry: its children show when the reader opens it.
        dict.set(name('Count'), PDFNumber.of(-item.children.length));
      }
      context.assign(refs[index]!, dict);
    });
    return { first: refs[0]!, last: refs.at(-1)! };
  };

  const root = context.obj({ Type: 'Outlines' }) as PDFDict;
  const top = level(entries, rootRef);
  if (top) {
    root.set(name('First'), top.first);
    root.set(name('Last'), top.last);
    root.set(name('Count'), PDFNumber.of(entries.length));
  }
  context.assign(rootRef, root);
  pdf.catalog.set(name('Outlines'), rootRef);
  pdf.catalog.set(name('PageMode'), name('UseOutlines'));
}
