/**
 * Code as coloured text runs, line by line: highlight.js tokens (as marp-core highlights the PDF's
 * code, for a language it knows, never guessing) coloured as the theme colours `.hljs-*`. Pure.
 */
import hljs from 'highlight.js';
import type { Run } from './runs.js';
import type { PptxTheme } from './theme.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: '\u00a0' };

/** One array of runs per line of `code`. */
export function codeLines(code: string, language: string | null | undefined, theme: PptxTheme): Run[][] {
  const text = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const name = (language ?? '').toLowerCase();
  let html: string | null = null;
  if (name && hljs.getLanguage(name)) {
    try {
      html = hljs.highlight(text, { language: name, ignoreIllegals: true }).value;
    } catch {
      html = null;
    }
  }
  if (html === null) return text.split('\n').map((line) => (line ? [{ text: line }] : []));
  return splitLines(tokens(html, theme));
}

/** highlight.js HTML (only `<span class="…">`, `</span>` and escaped text) as styled runs. */
function tokens(html: string, theme: PptxTheme): Run[] {
  const runs: Run[] = [];
  const stack: Array<Omit<Run, 'text'>> = [{}];
  const pattern = /<span class="([^"]*)">|<\/span>|([^<]+)/g;
  for (const match of html.matchAll(pattern)) {
    if (match[1] !== undefined) {
      stack.push({ ...stack[stack.length - 1], ...styleOf(match[1], theme) });
    } else if (match[0] === '</span>') {
      if (stack.length > 1) stack.pop();
    } else if (match[2] !== undefined) {
      const text = match[2].replace(/&(#x27|#39|amp|lt|gt|quot|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? _m);
      runs.push({ ...stack[stack.length - 1], text });
    }
  }
  return runs;
}

/** `hljs-title function_` → the theme's `title.function_`, else `title`. */
function styleOf(classes: string, theme: PptxTheme): Omit<Run, 'text'> {
  const names = classes.split(/\s+/);
  const scope = names.find((name) => name.startsWith('hljs-'))?.slice(5);
  if (!scope) return {};
  const sub = names.filter((name) => !name.startsWith('hljs-') && !name.startsWith('language-'));
  const style = theme.syntax[[scope, ...sub].join('.')] ?? theme.syntax[scope];
  if (!style) return {};
  return { color: style.color, ...(style.italic ? { italic: true } : {}), ...(style.bold ? { bold: true } : {}) };
}

function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...run, text: part });
    });
  }
  return lines;
}
