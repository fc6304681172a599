// Word boxes of a PDF (`pdftotext -bbox`), for checking how large text is drawn.
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  page: number;
  text: string;
  /** Points from the page's top left. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** The page's size in points. */
  pageWidth: number;
  pageHeight: number;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every word of the PDF with its box. */
export function pdfWords(path: string): PdfWord[] {
  const xhtml = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const match of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    page++;
    const pageWidth = Number(match[1]);
    const pageHeight = Number(match[2]);
    for (const word of (match[3] as string).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({
        page,
        // NFKC: the PDF's ligatures (ﬁ) back to letters.
        text: (word[5] as string).replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => entities[name] as string).normalize('NFKC'),
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
        pageWidth,
        pageHeight,
      });
    }
  }
  return words;
}
