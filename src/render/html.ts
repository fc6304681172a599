/**
 * Lesson Markdown → safe HTML for print documents (handouts, lab sheets): headings fitted to the
 * document, callouts (fenced divs) as boxes, code blocks (code-block.ts) and Mermaid figures in place.
 *
 * Lesson text never becomes live HTML: markdown-it runs with `html: false`, every link and image URL
 * passes {@link safeUrl} (http, https, mailto and relative only), remote images are printed as links
 * and never fetched. The only raw markup inserted is what this module builds itself, plus diagram
 * SVGs (rendered by Mermaid in strict mode and sanitised by the build).
 *
 * Pure: no fs, no browser, no clock.
 */
import { imageLabel } from './image-label.js';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type { ImageAsset } from './context.js';
import { detectLanguage, normalizeLanguage } from '../languages/index.js';
import { displayFileName } from '../plan/display-file-name.js';
import { renderCodeBlock } from './code-block.js';
import { escapeHtml, isRemoteUrl, safeUrl } from './html-escape.js';

// ---------------------------------------------------------------------------------------------
// Fenced divs (Carpentries callouts serialised by the extractor as `::: name` … `:::`)
// ---------------------------------------------------------------------------------------------

export type DivTree = Array<string | FencedDiv>;

export interface FencedDiv {
  name: string;
  children: DivTree;
}

const DIV_OPEN = /^ {0,3}:{3,}\s*\{?\s*\.?([A-Za-z][\w-]*)[^:]*?\}?\s*:*\s*$/;
const DIV_CLOSE = /^ {0,3}:{3,}\s*$/;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Splits Markdown on fenced-div lines (outside code fences) into a tree of Markdown and divs. */
export function splitFencedDivs(source: string): DivTree {
  const root: DivTree = [];
  const stack: DivTree[] = [root];
  let buffer: string[] = [];
  let fence: { char: string; size: number } | null = null;
  const flush = () => {
    if (buffer.length > 0) (stack[stack.length - 1] as DivTree).push(buffer.join('\n'));
    buffer = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const fenceMatch = FENCE_LINE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence.char && fenceMatch[1]!.length >= fence.size && fenceMatch[2]!.trim() === '') fence = null;
      buffer.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = { char: fenceMatch[1]![0]!, size: fenceMatch[1]!.length };
      buffer.push(line);
      continue;
    }
    if (DIV_CLOSE.test(line) && stack.length > 1) {
      flush();
      stack.pop();
      continue;
    }
    const open = DIV_OPEN.exec(line);
    if (open) {
      flush();
      const div: FencedDiv = { name: open[1]!.toLowerCase(), children: [] };
      (stack[stack.length - 1] as DivTree).push(div);
      stack.push(div.children);
      continue;
    }
    buffer.push(line);
  }
  flush();
  return root;
}

/** Workbench tab blocks (`tab`, `group-tab`): each `###` heading inside starts a tab. */
const TAB_DIVS = new Set(['tab', 'group-tab', 'tabs']);

/** Box labels of Workbench blocks whose name does not read well as one. */
const DIV_LABELS: Record<string, string> = {
  prereq: 'Prerequisite',
  spoiler: 'More detail',
  tab: 'Options',
  'group-tab': 'Options',
  tabs: 'Options',
  keypoints: 'Key points',
};

/** Divs whose content is for instructors or gives answers away. */
export const ANSWER_DIVS = new Set(['solution', 'instructor', 'answer', 'hint-instructor', 'facilitator']);

/** Every div with one of the names in the tree, in order (nested ones too), as Markdown. */
export function collectDivs(tree: DivTree, names: ReadonlySet<string>): Array<{ name: string; markdown: string }> {
  const found: Array<{ name: string; markdown: string }> = [];
  for (const node of tree) {
    if (typeof node === 'string') continue;
    if (names.has(node.name)) found.push({ name: node.name, markdown: divTreeMarkdown(node.children) });
    else found.push(...collectDivs(node.children, names));
  }
  return found;
}

/** Serialises a div tree back to Markdown. */
export function divTreeMarkdown(tree: DivTree): string {
  return tree
    .map((node) => (typeof node === 'string' ? node : `::: ${node.name}\n${divTreeMarkdown(node.children)}\n:::`))
    .join('\n')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/** What a fenced code block in prose is, when it is one of the lesson's examples. */
export interface CodeInfo {
  language: string | null;
  fileName: string | null;
  title?: string | null;
}

export interface MarkdownOptions {
  /** Local images by the URL written in the lesson. */
  images?: Record<string, ImageAsset>;
  /** Figure HTML for a Mermaid block (by its code), or null to print the code. */
  figure?: (code: string) => string | null;
  /** The example a code block is (by its code), for its language and file name. */
  example?: (code: string) => CodeInfo | null;
  /** Fenced divs to leave out entirely (solutions, instructor notes). */
  dropDivs?: ReadonlySet<string>;
}

interface RenderEnv {
  headingLevel: number;
  minHeading: number;
}

const SAFE_TAG = /^<(\/?)(kbd|sub|sup)>/i;

/** Whitelisted attribute-free inline tags (`<kbd>`, `<sub>`, `<sup>`), the only HTML lesson text may use. */
function safeTags(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c /* < */) return false;
  const match = SAFE_TAG.exec(state.src.slice(state.pos, state.pos + 7));
  if (!match) return false;
  if (!silent) {
    const token = state.push('html_inline', '', 0);
    token.content = `<${match[1]}${match[2]!.toLowerCase()}>`;
  }
  state.pos += match[0].length;
  return true;
}

/** A kramdown attribute after an image (`![](fig/a.svg){alt='…'}`), whose alt text we keep. */
const IMAGE_ATTRIBUTES = /(!\[)([^\]\n]*)(\]\([^)\s]*(?:\s+"[^"]*")?\))\{([^}\n]*)\}/g;

function imageAttributes(markdown: string): string {
  if (!markdown.includes('){')) return markdown;
  return markdown.replace(IMAGE_ATTRIBUTES, (_all, open: string, alt: string, rest: string, attributes: string) => {
    const given = /\balt\s*=\s*(?:'([^']*)'|"([^"]*)")/.exec(attributes);
    const text = alt || given?.[1] || given?.[2] || '';
    return `${open}${text.replace(/([[\]\\])/g, '\\$1')}${rest}`;
  });
}

/**
 * Markdown → safe HTML for one document: headings shifted to the document's hierarchy, code blocks
 * highlighted and labelled, Mermaid blocks as figures, callouts as boxes, images resolved.
 */
export class MarkdownRenderer {
  readonly #md: MarkdownIt;
  readonly #options: MarkdownOptions;

  constructor(options: MarkdownOptions = {}) {
    this.#options = options;
    const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
    md.validateLink = (url) => safeUrl(url) !== null;
    md.inline.ruler.before('text', 'lectern_safe_tags', safeTags);
    this.#md = md;
    const rules = md.renderer.rules;

    rules.heading_open = (tokens, idx, _options, env: RenderEnv) => {
      const token = tokens[idx] as Token;
      const level = Math.min(6, env.headingLevel + Number(token.tag.slice(1)) - env.minHeading);
      return `<h${level} class="prose-heading">`;
    };
    rules.heading_close = (tokens, idx, _options, env: RenderEnv) => {
      const token = tokens[idx] as Token;
      return `</h${Math.min(6, env.headingLevel + Number(token.tag.slice(1)) - env.minHeading)}>\n`;
    };
    rules.fence = (tokens, idx) => this.#fence(tokens[idx] as Token);
    rules.code_block = (tokens, idx) => this.#codeBlock((tokens[idx] as Token).content, null);
    rules.image = (tokens, idx, options, env, self) => {
      const token = tokens[idx] as Token;
      const alt = self.renderInlineAsText(token.children ?? [], options, env);
      return this.#image(token.attrGet('src') ?? '', alt);
    };
    rules.link_close = (tokens, idx) => `</a>${printedUrl(tokens, idx)}`;
    rules.table_open = () => '<table class="prose-table">\n';
  }

  /** Block Markdown → HTML; Markdown headings start at `headingLevel` (h3 by default). */
  block(markdown: string, headingLevel = 3): string {
    return this.#tree(splitFencedDivs(markdown), headingLevel);
  }

  /** One line of inline Markdown → HTML (list items, titles). */
  inline(text: string): string {
    return this.#md.renderInline(imageAttributes(text), { headingLevel: 3, minHeading: 1 } satisfies RenderEnv);
  }

  #tree(tree: DivTree, headingLevel: number): string {
    const drop = this.#options.dropDivs ?? ANSWER_DIVS;
    let html = '';
    for (const node of tree) {
      if (typeof node === 'string') {
        html += this.#markdown(node, headingLevel);
        continue;
      }
      if (drop.has(node.name)) continue;
      html += this.#aside(node, headingLevel);
    }
    return html;
  }

  #markdown(markdown: string, headingLevel: number): string {
    if (markdown.trim() === '') return '';
    const env: RenderEnv = { headingLevel, minHeading: 1 };
    const tokens = this.#md.parse(imageAttributes(markdown), env);
    const levels = tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
    env.minHeading = levels.length > 0 ? Math.min(...levels) : 1;
    return this.#md.renderer.render(tokens, this.#md.options, env);
  }

  /** A callout box: the div's leading heading becomes its title. */
  #aside(div: FencedDiv, headingLevel: number): string {
    const children = [...div.children];
    let title = '';
    const first = children[0];
    // A tab group's headings name its tabs, not the box: on paper every tab is shown, one after another.
    if (typeof first === 'string' && !TAB_DIVS.has(div.name)) {
      const match = /^\s*#{1,6}\s+(.+?)\s*#*\s*(?:\n|$)/.exec(first);
      if (match) {
        title = match[1]!;
        children[0] = first.slice(match[0].length);
      }
    }
    const name = div.name.replace(/[-_]+/g, ' ');
    const label = DIV_LABELS[div.name] ?? name.charAt(0).toUpperCase() + name.slice(1);
    const kind = div.name.replace(/[^a-z0-9-]/g, '');
    return (
      `<aside class="callout callout-${kind}"><p class="callout-label">${escapeHtml(label)}` +
      (title ? `<span class="callout-title">${this.inline(title)}</span>` : '') +
      `</p>${this.#tree(children, Math.min(6, headingLevel + 1))}</aside>\n`
    );
  }

  #fence(token: Token): string {
    const info = token.info.trim();
    const declared = normalizeLanguage(info);
    if (declared === 'mermaid') {
      const figure = this.#options.figure?.(token.content) ?? null;
      if (figure !== null) return figure;
    }
    return this.#codeBlock(token.content, declared);
  }

  #codeBlock(content: string, declared: string | null): string {
    const known = this.#options.example?.(content) ?? null;
    if (known) return renderCodeBlock({ code: content, language: known.language, fileName: known.fileName, className: 'code-block--prose' });
    const language = detectLanguage(content, declared);
    return renderCodeBlock({ code: content, language, fileName: displayFileName(content, language), className: 'code-block--prose' });
  }

  #image(src: string, alt: string): string {
    const label = imageLabel(alt, src);
    const url = safeUrl(src);
    if (url === null) return `<span class="image-missing">${escapeHtml(label)}</span>`;
    if (isRemoteUrl(url)) return `<a class="image-link" href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
    const asset = this.#options.images?.[src];
    const local = asset?.src ? safeUrl(asset.src) : null;
    if (!local || isRemoteUrl(local)) return `<span class="image-missing">${escapeHtml(label)} (not available)</span>`;
    return `<img class="prose-image" src="${escapeHtml(local)}" alt="${escapeHtml(alt)}">`;
  }
}

/** After a link whose text is not its URL, the URL in print (a PDF reader on paper cannot hover). */
function printedUrl(tokens: Token[], closeIndex: number): string {
  let text = '';
  for (let i = closeIndex - 1; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (token.type === 'link_open') {
      const href = token.attrGet('href') ?? '';
      if (!/^(?:https?|mailto):/i.test(href)) return '';
      const shown = href.replace(/^mailto:/i, '');
      const bare = (s: string) => s.replace(/^https?:\/\//i, '').replace(/\/$/, '');
      if (bare(text.trim()) === bare(shown)) return '';
      return ` <span class="print-url">(${escapeHtml(shown)})</span>`;
    }
    text = token.content + text;
  }
  return '';
}
