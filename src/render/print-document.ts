/**
 * What every print document (handout, lab sheet, workshop pages) shares: its title, language and
 * `<head>` data, the cover, durations in words, the style sheets with the page size, and Chromium's
 * running header and footer. Pure.
 */
import type { Lesson } from '../model/lesson.js';
import type { RenderContext } from './context.js';
import { escapeHtml, escapeStyle } from './html-escape.js';
import { decodeEntities } from '../decode.js';

/** Style sheets and other non-template files of the templates folder (`loadTemplateSources().assets`). */
export type TemplateAssets = Record<string, string>;

export interface DocumentOptions {
  /** The templates folder's other files; `styles/*.css` are inlined into the document. */
  assets: TemplateAssets;
}

export interface HeadingEntry {
  title: string;
  level: number;
}

/** A print document: HTML plus what `page.pdf()` needs. */
export interface PrintDocument {
  html: string;
  /** For `page.pdf({ displayHeaderFooter: true, headerTemplate })`. */
  headerTemplate: string;
  footerTemplate: string;
  /** The document title (also `<title>`, which Chromium writes into the PDF metadata). */
  title: string;
}

/** "Lesson 6.7: Docker Fundamentals". */
export function documentTitle(lesson: Lesson): string {
  const title = lesson.title || lesson.id;
  return lesson.number ? `Lesson ${lesson.number}: ${title}` : title;
}

/**
 * The lesson's language for `<html lang>` (and so the PDFs' /Lang): front matter `lang` when it is a
 * well-formed BCP 47 tag, else English.
 */
export function documentLang(lesson: Lesson): string {
  const lang = lesson.meta.lang;
  return typeof lang === 'string' && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang.trim()) ? lang.trim() : 'en';
}

/** `<head>` data every print document shares. */
export function documentHead(context: RenderContext, title: string, kind: string) {
  return {
    lang: documentLang(context.lesson),
    title,
    kind,
    author: authorOf(context),
    generator: `Lectern ${context.version}`,
    paper: context.paper,
  };
}

function authorOf(context: RenderContext): string {
  const { meta } = context.lesson;
  const named = meta.author ?? meta.authors;
  if (typeof named === 'string' && named.trim()) return named.trim();
  if (Array.isArray(named)) {
    const names = named.map((a) => (typeof a === 'string' ? a : typeof a === 'object' && a && 'name' in a ? String(a.name) : '')).filter(Boolean);
    if (names.length > 0) return names.join(', ');
  }
  return context.courseTitle || context.moduleTitle || 'Lectern';
}

/** Running header (course · lesson) and footer (document kind · page x of y). */
export function printChrome(context: RenderContext, kind: string): { headerTemplate: string; footerTemplate: string } {
  const { lesson } = context;
  const where = [context.courseTitle, context.moduleTitle].filter((t): t is string => Boolean(t)).join(' · ');
  const lessonLabel = documentTitle(lesson);
  return {
    headerTemplate: headerTemplate(where || lessonLabel, where ? lessonLabel : ''),
    footerTemplate: footerTemplate(kind),
  };
}

/** The cover's data: where the lesson sits, its number, title and duration. */
export function coverView(context: RenderContext) {
  const { lesson } = context;
  return {
    course: context.courseTitle,
    module: context.moduleTitle,
    number: lesson.number,
    title: lesson.title || lesson.id,
    duration: durationText(lesson.meta.teachingMinutes, lesson.meta.exerciseMinutes),
  };
}

/** "45 min (25 min teaching + 20 min exercises)", or null when the lesson says nothing. */
export function durationText(teaching: number | null, exercises: number | null): string | null {
  const t = typeof teaching === 'number' && teaching > 0 ? teaching : null;
  const e = typeof exercises === 'number' && exercises > 0 ? exercises : null;
  if (t !== null && e !== null) return `${minutesText(t + e)} (${minutesText(t)} teaching + ${minutesText(e)} exercises)`;
  if (t !== null) return `${minutesText(t)} teaching`;
  if (e !== null) return `${minutesText(e)} exercises`;
  return null;
}

/** "50 min", "1 h 25 min". */
export function minutesText(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Headings h1–h3 of rendered HTML, as plain text. */
export function headingOutline(html: string): HeadingEntry[] {
  const entries: HeadingEntry[] = [];
  for (const match of html.matchAll(/<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1>/g)) {
    const title = decodeEntities(match[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
    if (title) entries.push({ title, level: Number(match[1]) });
  }
  return entries;
}

export type Paper = 'a4' | 'letter';

/** CSS page size and margins; sizes also go to `page.pdf({ format })`. */
export function pageRule(paper: Paper): string {
  return `@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 18mm 16mm 20mm; }`;
}

/** The style sheets of a document, concatenated, with the page size last so it wins. */
export function documentStyles(assets: Record<string, string>, names: readonly string[], paper: Paper): string {
  const parts = names.map((name) => {
    const text = assets[name];
    if (text === undefined) throw new Error(`Cannot find style sheet "${name}", expected ${name} in the templates folder`);
    return text;
  });
  parts.push(pageRule(paper));
  return escapeStyle(parts.join('\n'));
}

const CHROME_STYLE =
  "width:100%;margin:0 16mm;font-family:'DejaVu Sans',sans-serif;font-size:7.5pt;color:#555;" +
  '-webkit-print-color-adjust:exact;print-color-adjust:exact;display:flex;justify-content:space-between;align-items:baseline;';

/** Chromium's running header: left and right text (escaped here), small and grey. */
export function headerTemplate(left: string, right: string): string {
  return (
    `<div style="${CHROME_STYLE}padding-top:6mm;">` +
    `<span style="font-size:7.5pt;">${escapeHtml(left)}</span>` +
    `<span style="font-size:7.5pt;">${escapeHtml(right)}</span></div>`
  );
}

/** Chromium's running footer: text on the left, "Page x of y" on the right. */
export function footerTemplate(left: string): string {
  return (
    `<div style="${CHROME_STYLE}padding-bottom:6mm;">` +
    `<span style="font-size:7.5pt;">${escapeHtml(left)}</span>` +
    `<span style="font-size:7.5pt;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  );
}
