// Reads a PPTX back for tests: its slides and notes as XML, their paragraphs as text with their
// bullet level, and what deck.md says each slide should hold (titles, bullets, code lines, notes).
import { readFileSync } from 'node:fs';
import { inlinePlainText } from '../../src/render/markdown-safe.js';

export interface PptxParts {
  /** Every part by name. */
  files: Record<string, string>;
  /** ppt/slides/slideN.xml, in slide order. */
  slides: string[];
  /** ppt/notesSlides/notesSlideN.xml by slide (empty when a slide has none). */
  notes: string[];
}

export async function readPptx(path: string): Promise<PptxParts> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (/\.(?:xml|rels)$/.test(name)) files[name] = await zip.files[name]!.async('string');
  }
  const numbered = (pattern: RegExp) =>
    Object.keys(files)
      .map((name) => ({ name, n: Number(pattern.exec(name)?.[1] ?? NaN) }))
      .filter((entry) => !Number.isNaN(entry.n))
      .sort((a, b) => a.n - b.n);
  const slides = numbered(/^ppt\/slides\/slide(\d+)\.xml$/).map((entry) => files[entry.name]!);
  const notes = slides.map((_, index) => files[`ppt/notesSlides/notesSlide${index + 1}.xml`] ?? '');
  return { files, slides, notes };
}

export interface Paragraph {
  text: string;
  /** 0-based level (`lvl`), as PowerPoint shows indentation. */
  level: number;
  bullet: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (match, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? match;
  });
}

/** Every paragraph of some DrawingML, with its text and level. */
export function paragraphsOf(xml: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const match of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
    const body = match[1]!;
    const pPr = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/.exec(body)?.[0] ?? '';
    const text = [...body.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => unescapeXml(t[1]!)).join('');
    const level = Number(/\blvl="(\d+)"/.exec(pPr)?.[1] ?? 0);
    out.push({ text, level, bullet: /<a:bu(?:Char|AutoNum)\b/.test(pPr) });
  }
  return out;
}

/** The text of the slide's title placeholder. */
export function titleOf(slideXml: string): string {
  for (const shape of slideXml.split('<p:sp>')) {
    if (/<p:ph\b[^>]*type="(?:title|ctrTitle)"/.test(shape)) return paragraphsOf(shape).map((p) => p.text).join(' ').trim();
  }
  return '';
}

/** Every text of a notes page. */
export function notesText(notesXml: string): string {
  return paragraphsOf(notesXml).map((p) => p.text).join('\n');
}

export interface ExpectedSlide {
  title: string;
  classes: string[];
  /** List items: plain text and 1-based nesting depth in deck.md. */
  bullets: Array<{ text: string; depth: number }>;
  codeLines: string[];
  notes: string[];
}

/** What each slide of a deck.md shows, read independently of the PPTX writer. */
export function expectedSlides(deckMarkdown: string): ExpectedSlide[] {
  const body = deckMarkdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.split(/\n---\n/).map((slide) => {
    const lines = slide.split('\n');
    const expected: ExpectedSlide = { title: '', classes: [], bullets: [], codeLines: [], notes: [] };
    let fence: string | null = null;
    let inNotes = false;
    const indents: number[] = [];
    for (const line of lines) {
      if (fence !== null) {
        if (line.startsWith(fence) && line.trim() === fence) fence = null;
        else if (line.trim()) expected.codeLines.push(line.replace(/\s+$/, ''));
        continue;
      }
      if (inNotes) {
        if (line === '-->') inNotes = false;
        else if (line.trim()) expected.notes.push(line.trim());
        continue;
      }
      const open = /^(`{3,})/.exec(line);
      if (open) {
        fence = open[1]!;
        continue;
      }
      if (line === '<!--') {
        inNotes = true;
        continue;
      }
      const directive = /^<!-- _class: (.*) -->$/.exec(line);
      if (directive) expected.classes = directive[1]!.split(/\s+/);
      const heading = /^#{1,2} (.*)$/.exec(line);
      if (heading && !expected.title) expected.title = inlinePlainText(heading[1]!);
      const item = /^( *)(?:-|\d+\.) (.*)$/.exec(line);
      if (item) {
        const indent = item[1]!.length;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        expected.bullets.push({ text: inlinePlainText(item[2]!), depth: indents.length });
      } else if (/^\S/.test(line)) {
        indents.length = 0;
      }
    }
    return expected;
  });
}
