/**
 * What a module book is made of, as data: where each part starts, the contents page's rows and the
 * book's outline. Pure.
 */
import type { OutlineEntry } from './pdf-outline.js';

export interface BookPart {
  title: string;
  number: string | null;
  /** Pages of the part's own PDF. */
  pages: number;
  /** The part's own outline (its headings), page indexes within the part. */
  outline: OutlineEntry[];
}

export interface ContentsRow {
  number: string;
  title: string;
  /** 1-based page of the book where the part starts. */
  page: number;
}

/** The contents rows when the contents themselves take `contentsPages` pages. */
export function contentsRows(parts: readonly BookPart[], contentsPages: number): ContentsRow[] {
  let page = contentsPages + 1;
  return parts.map((part) => {
    const row = { number: part.number ?? '', title: part.title, page };
    page += part.pages;
    return row;
  });
}

/** A part's name in bookmarks: "Lesson 3.1: HTTP Fundamentals". */
export function partLabel(part: Pick<BookPart, 'title' | 'number'>): string {
  return part.number ? `Lesson ${part.number}: ${part.title}` : part.title;
}

/**
 * One top-level bookmark per part at its first page, the part's own headings folded beneath it
 * (without the part's title heading, which the bookmark itself already is).
 */
export function bookOutline(parts: readonly BookPart[], contentsPages: number): OutlineEntry[] {
  let offset = contentsPages;
  return parts.map((part) => {
    const only = part.outline.length === 1 ? part.outline[0]! : null;
    const own = only && isTitle(only.title, part.title) ? only.children : part.outline;
    const entry: OutlineEntry = { title: partLabel(part), pageIndex: offset, left: null, top: null, children: shift(own, offset) };
    offset += part.pages;
    return entry;
  });
}

/** True when a heading is the part's title ("HTTP Fundamentals", "Lesson 3.1: HTTP Fundamentals"). */
function isTitle(heading: string, title: string): boolean {
  const plain = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  return title.trim() !== '' && plain(heading).includes(plain(title));
}

function shift(entries: readonly OutlineEntry[], offset: number): OutlineEntry[] {
  return entries.map((entry) => ({ ...entry, pageIndex: entry.pageIndex + offset, children: shift(entry.children, offset) }));
}
