/**
 * Lesson inline Markdown as PowerPoint text runs: bold, italic, inline code and safe links kept,
 * everything else as plain text. The text is first made safe by the deck's own sanitiser, so the
 * editable deck shows exactly what deck.pdf shows. Pure.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { PhrasingContent, Root } from 'mdast';
import { inlineMarkdown } from '../../render/markdown-safe.js';
import { noAssets } from '../../render/markdown-sanitize.js';

/** A piece of text with one formatting. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** An http(s) or mailto URL. */
  link?: string;
  /** Hex colour (`AABBCC`) that overrides the paragraph's. */
  color?: string;
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Runs of one line of lesson inline Markdown (sanitised as the deck sanitises it). */
export function inlineRuns(markdown: string, style: Omit<Run, 'text'> = {}): Run[] {
  const safe = inlineMarkdown(markdown, noAssets);
  if (!safe) return [];
  // A leading word keeps block syntax (`# `, `1. `) from applying, as the sanitiser does.
  const tree = parser.parse(`x ${safe}`) as Root;
  const first = tree.children[0];
  if (tree.children.length !== 1 || first?.type !== 'paragraph') return [{ ...style, text: safe }];
  const runs = phrasingRuns(first.children, style);
  if (runs[0]) runs[0] = { ...runs[0], text: runs[0].text.replace(/^x /, '') };
  return tidy(runs);
}

/** Runs of already sanitised phrasing content (section bodies). */
export function phrasingRuns(nodes: readonly PhrasingContent[], style: Omit<Run, 'text'> = {}): Run[] {
  const out: Run[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ ...style, text: node.value.replace(/\s*\n\s*/g, ' ') });
        break;
      case 'break':
        out.push({ ...style, text: ' ' });
        break;
      case 'inlineCode':
        out.push({ ...style, code: true, text: node.value });
        break;
      case 'strong':
        out.push(...phrasingRuns(node.children, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...phrasingRuns(node.children, { ...style, italic: true }));
        break;
      case 'delete':
        out.push(...phrasingRuns(node.children, { ...style, strike: true }));
        break;
      case 'link': {
        const safe = /^(?:https?:|mailto:)/i.test(node.url) ? node.url : undefined;
        out.push(...phrasingRuns(node.children, safe ? { ...style, link: safe } : style));
        break;
      }
      case 'image':
        out.push({ ...style, text: node.alt ?? '' });
        break;
      default:
        if ('value' in node && typeof node.value === 'string') out.push({ ...style, text: node.value });
        else if ('children' in node) out.push(...phrasingRuns(node.children as PhrasingContent[], style));
    }
  }
  return out;
}

/** Drops empty runs and joins neighbours of the same formatting. */
export function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last, run)) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code && a.link === b.link && a.color === b.color;
}

/** The visible text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}
