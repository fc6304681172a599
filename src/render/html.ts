/**
 * Safe HTML for print documents (handouts, lab sheets): escaping, Markdown → HTML, highlighted code
 * blocks with line numbers, numbered figures, and Chromium's running header/footer templates.
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
import hljs from 'highlight.js/lib/core';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import makefile from 'highlight.js/lib/languages/makefile';
import markdown from 'highlight.js/lib/languages/markdown';
import nginx from 'highlight.js/lib/languages/nginx';
import php from 'highlight.js/lib/languages/php';
import plaintext from 'highlight.js/lib/languages/plaintext';
import powershell from 'highlight.js/lib/languages/powershell';
import python from 'highlight.js/lib/languages/python';
import r from 'highlight.js/lib/languages/r';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import type { DiagramAsset, ImageAsset } from './context.js';
import { CONVENTIONAL_FILE_NAMES, detectLanguage, inferFileName, normalizeLanguage, statedFileName } from '../extract/language.js';

// ---------------------------------------------------------------------------------------------
// Escaping and URLs
// ---------------------------------------------------------------------------------------------

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Makes a string safe inside `<style>`: nothing in it can close the element. */
export function escapeStyle(cssText: string): string {
  return cssText.replace(/<\/(style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The URL when a document may link to it: http, https and mailto, or a relative reference (not
 * protocol-relative). Null for `javascript:`, `data:`, `file:`, `vbscript:` and anything else.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact === '' || compact.startsWith('//') || compact.startsWith('\\')) return null;
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return url.trim();
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? url.trim() : null;
}

/** True for absolute http(s) URLs: content the print must never fetch. */
export function isRemoteUrl(url: string): boolean {
  return /^https?:/i.test(url.trim());
}

/** `<a href>` for safe URLs; the text alone (escaped) otherwise. */
export function linkHtml(text: string, url: string | null): string {
  const href = safeUrl(url);
  return href === null ? escapeHtml(text) : `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

// ---------------------------------------------------------------------------------------------
// Highlighting
// ---------------------------------------------------------------------------------------------

/** Terraform/HCL, which highlight.js does not ship. */
const hcl: LanguageFn = (api) => ({
  name: 'HCL',
  aliases: ['terraform', 'tf'],
  keywords: {
    keyword: 'resource data provider variable output module terraform locals backend required_providers dynamic for_each count depends_on lifecycle for in if',
    literal: 'true false null',
  },
  contains: [
    api.HASH_COMMENT_MODE,
    api.C_LINE_COMMENT_MODE,
    api.C_BLOCK_COMMENT_MODE,
    {
      scope: 'string',
      begin: '"',
      end: '"',
      contains: [api.BACKSLASH_ESCAPE, { scope: 'subst', begin: /\$\{/, end: /\}/ }],
    },
    { scope: 'string', begin: /<<-?\s*(\w+)$/, end: /^\s*\w+$/ },
    { scope: 'attr', begin: /\b[A-Za-z_][\w-]*(?=\s*=(?!=))/ },
    api.NUMBER_MODE,
  ],
});

const LANGUAGES: Record<string, LanguageFn> = {
  bash, c, cpp, csharp, css, diff, dockerfile, go, hcl, http, ini, java, javascript, json, kotlin, makefile,
  markdown, nginx, php, plaintext, powershell, python, r, ruby, rust, shell, sql, swift, typescript, xml, yaml,
};

let highlighter: HLJSApi | undefined;

/** A private highlight.js instance, so Lectern never changes the one marp-core shares. */
function hl(): HLJSApi {
  if (!highlighter) {
    highlighter = hljs.newInstance();
    for (const [name, language] of Object.entries(LANGUAGES)) highlighter.registerLanguage(name, language);
  }
  return highlighter;
}

/** highlight.js's name for a Lectern language, or null to print the code plain. */
const HIGHLIGHT_NAMES: Record<string, string> = {
  console: 'shell',
  toml: 'ini',
  html: 'xml',
  svg: 'xml',
  jsx: 'javascript',
  tsx: 'typescript',
  mermaid: 'plaintext',
};

/** Languages printed as terminal output: plain, without line numbers. */
const OUTPUT_LANGUAGES = new Set(['output', 'out', 'text', 'error', 'warning', 'log', 'stdout', 'stderr', 'result']);

function highlightName(language: string | null, code: string): string | null {
  if (language === null) return null;
  // Carpentries fence transcripts (`$ ls`, `> do`) as bash; highlight.js reads them as a session.
  if (language === 'bash' && /^\$ /m.test(code)) return 'shell';
  const name = HIGHLIGHT_NAMES[language] ?? language;
  return hl().getLanguage(name) ? name : null;
}

/** The code as highlighted HTML, one string per source line (spans closed and reopened at line ends). */
export function highlightLines(code: string, language: string | null): string[] {
  const name = highlightName(language, code);
  let html: string;
  try {
    html = name === null ? escapeHtml(code) : hl().highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    html = escapeHtml(code);
  }
  return splitHighlighted(html);
}

/** Splits highlight.js output at newlines, keeping every line's markup balanced. */
function splitHighlighted(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  for (const part of html.split(/(<span[^>]*>|<\/span>)/)) {
    if (part.startsWith('<span')) {
      open.push(part);
      current += part;
    } else if (part === '</span>') {
      open.pop();
      current += part;
    } else {
      const pieces = part.split('\n');
      current += pieces[0] ?? '';
      for (const piece of pieces.slice(1)) {
        lines.push(current + '</span>'.repeat(open.length));
        current = open.join('') + piece;
      }
    }
  }
  lines.push(current + '</span>'.repeat(open.length));
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Code blocks and figures
// ---------------------------------------------------------------------------------------------

/** Code blocks up to this many lines are kept on one page. */
export const KEEP_TOGETHER_LINES = 40;

export interface CodeBlock {
  code: string;
  /** Detected language (Lectern's names), or null. */
  language: string | null;
  /** Suggested file name, or null. */
  fileName: string | null;
  /** A heading for the block (an example's title), or null. */
  title?: string | null;
  /** Extra class names for the block. */
  className?: string;
  /** Line numbers; defaults to true except for terminal output. */
  numbered?: boolean;
  /** Marks lines with a `TODO` (starters) so they stand out. */
  markTodos?: boolean;
}

/** Languages typed at a prompt: a file name label would mislead (a directory listing is no `script.sh`). */
const TYPED = new Set(['bash', 'console', 'powershell']);

/**
 * The file name to print on a code block: the author's (caption, `# file:` comment), or a name the tool
 * requires (`Dockerfile`); never a guess such as `script.sh` or `deployment.yaml`.
 */
export function displayFileName(code: string, language: string | null, title?: string): string | null {
  if (language === null) return null;
  const stated = statedFileName(code, language, title);
  if (stated !== null) return stated;
  const name = inferFileName(code, language, title);
  if (name === null || TYPED.has(language)) return null;
  return CONVENTIONAL_FILE_NAMES.has(name) ? name : null;
}

/** Human name of a language for labels. */
export function languageLabel(language: string | null): string {
  if (language === null) return 'code';
  return LANGUAGE_LABELS[language] ?? language;
}

const LANGUAGE_LABELS: Record<string, string> = {
  bash: 'Bash', console: 'Terminal', dockerfile: 'Dockerfile', yaml: 'YAML', json: 'JSON', python: 'Python',
  javascript: 'JavaScript', typescript: 'TypeScript', sql: 'SQL', hcl: 'HCL', ini: 'INI', toml: 'TOML',
  nginx: 'nginx', html: 'HTML', xml: 'XML', css: 'CSS', go: 'Go', java: 'Java', rust: 'Rust', c: 'C',
  cpp: 'C++', ruby: 'Ruby', powershell: 'PowerShell', markdown: 'Markdown', output: 'Output', error: 'Error',
  text: 'Text', http: 'HTTP', r: 'R', mermaid: 'Mermaid', source: 'code',
};

/** A code block: label (title, file name, language), then numbered, highlighted lines. */
export function renderCodeBlock(block: CodeBlock): string {
  const code = block.code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const lines = highlightLines(code, block.language);
  const output = block.language !== null && OUTPUT_LANGUAGES.has(block.language);
  const numbered = block.numbered ?? !output;
  const classes = ['code-block'];
  if (block.className) classes.push(block.className);
  if (output) classes.push('code-block--output');
  classes.push(lines.length > KEEP_TOGETHER_LINES ? 'code-block--long' : 'code-block--short');
  if (lines.length >= 100) classes.push('code-block--wide-gutter');
  const label: string[] = [];
  if (block.title) label.push(`<span class="code-title">${escapeHtml(block.title)}</span>`);
  if (block.fileName) label.push(`<span class="code-file">${escapeHtml(block.fileName)}</span>`);
  const languageName = languageLabel(block.language);
  if (block.language !== null && languageName.toLowerCase() !== block.fileName?.toLowerCase()) {
    label.push(`<span class="code-lang">${escapeHtml(languageName)}</span>`);
  }
  // Block-level lines: no newline between them, or pre-wrap would print each one twice.
  const body = lines
    .map((line) => `<span class="${block.markTodos && line.includes('TODO') ? 'line line--todo' : 'line'}">${line === '' ? ' ' : line}</span>`)
    .join('');
  const lang = block.language ? ` data-language="${escapeHtml(block.language)}"` : '';
  return (
    `<figure class="${classes.join(' ')}"${lang}>` +
    (label.length > 0 ? `<figcaption class="code-label">${label.join('')}</figcaption>` : '') +
    `<pre class="${numbered ? 'code numbered' : 'code'}"><code class="hljs">${body}</code></pre></figure>`
  );
}

export interface Figure {
  /** 1-based figure number in the document. */
  number: number;
  title: string;
  asset: DiagramAsset | undefined;
  /** Id prefix for this document part, keeping SVG ids unique when two parts share diagram ids. */
  idPrefix?: string;
  /** The diagram in words: the figure's text alternative, and a collapsible "Text description" under it. */
  description?: string;
}

/** A numbered figure with the diagram's SVG inlined, or a visible placeholder with the error. */
export function renderFigure(figure: Figure): string {
  const caption =
    `<figcaption><span class="figure-number">Figure ${figure.number}:</span> ${escapeHtml(figure.title)}</figcaption>`;
  const svg = figure.asset?.svg ?? null;
  // The SVG's own text is a jumble of labels to a screen reader; the description says what it shows.
  const described = figure.description ? ` role="img" aria-label="${escapeHtml(figure.description)}"` : '';
  const details = figure.description && svg !== null
    ? `<details class="figure-description"><summary>Text description</summary><p>${escapeHtml(figure.description)}</p></details>`
    : '';
  const body =
    svg !== null
      ? `<div class="figure-body"${described}>${figure.idPrefix ? prefixSvgIds(svg, figure.idPrefix) : svg}</div>`
      : `<div class="figure-placeholder"><p class="figure-placeholder-title">Diagram not available</p>` +
        `<p class="figure-placeholder-error">${escapeHtml(figure.asset?.error ?? 'The diagram was not rendered.')}</p></div>`;
  return `<figure class="diagram" id="figure-${figure.number}">${body}${caption}${details}</figure>`;
}

/** Renames the root id of an SVG (and every reference to it) so two copies can share a page. */
function prefixSvgIds(svg: string, prefix: string): string {
  const id = /^\s*<svg\b[^>]*?\sid="([A-Za-z][\w-]*)"/.exec(svg)?.[1];
  if (!id) return svg;
  const pattern = new RegExp(`(?<![\\w-])${id.replace(/[-]/g, '\\-')}(?![0-9])`, 'g');
  return svg.replace(pattern, `${prefix}${id}`);
}

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

/** Code compared by content: line endings and trailing spaces do not count. */
export const normalizeCode = (code: string): string =>
  code.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n').trim();

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

// ---------------------------------------------------------------------------------------------
// Print chrome
// ---------------------------------------------------------------------------------------------

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
