/**
 * The sanitiser behind markdown-safe.ts: lesson mdast → mdast that is safe to splice into a Marp deck.
 * Raw HTML becomes visible text (defanged), HTML comments, rules and definitions go, `solution` and
 * `instructor` divs are set aside for the notes, other fenced divs become callouts, Mermaid blocks
 * become their rendered diagram, remote images visible links, and links only go to http, https,
 * mailto or relative targets. Pure: no fs, no network.
 */
import { toString } from 'mdast-util-to-string';
import type {
  Nodes, Parent, PhrasingContent, RootContent, Paragraph, Text, Link, Image, Code, Definition,
  Blockquote, Strong,
} from 'mdast';
import type { FencedDiv } from '../parse/parse.js';

/** What the sanitiser needs from the build: where images and diagrams ended up. */
export interface AssetResolver {
  /** The output path of a local image as written in the lesson: a string, null (must not be shown), or undefined (unknown). */
  image(url: string): string | null | undefined;
  /** The rendered diagram for a Mermaid code block, matched by its code. */
  diagram(code: string): { title: string; src: string | null; error: string | null } | undefined;
}

/** A resolver that knows no assets: every image becomes a placeholder. */
export const noAssets: AssetResolver = { image: () => undefined, diagram: () => undefined };

/** A fence info string: a language name only, never attributes or anything a fence could not hold. */
export function fenceLanguage(language: string | null | undefined): string {
  const token = /^[\w#+.-]+/.exec(String(language ?? '').trim())?.[0] ?? '';
  return token.replace(/`/g, '');
}

export interface SanitizeState {
  assets: AssetResolver;
  definitions: Map<string, Definition>;
  hidden: RootContent[];
}

const HIDDEN_DIVS = new Set(['solution', 'instructor', 'spoiler']);
const HTML_COMMENT = /^\s*<!--[\s\S]*?(?:-->\s*|$)$/;
/** Sanitises block nodes; hidden divs go to `state.hidden`. */
export function sanitizeFlow(nodes: RootContent[], state: SanitizeState): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) out.push(...sanitizeBlock(node, state));
  return out;
}

function sanitizeBlock(node: RootContent, state: SanitizeState): RootContent[] {
  switch (node.type) {
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      // A rule would start a new slide; definitions are resolved in place; front matter is not content.
      return [];
    case 'html': {
      if (HTML_COMMENT.test(node.value)) return [];
      const text = collapse(defangHtml(node.value));
      return text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [];
    }
    case 'code':
      return [sanitizeCode(node, state)];
    case 'paragraph': {
      const children = sanitizePhrasing(node.children, state.assets, state.definitions);
      return children.length > 0 ? [{ ...node, children }] : [];
    }
    case 'heading': {
      const children = sanitizePhrasing(node.children, state.assets, state.definitions);
      return children.length > 0 ? [{ ...node, children }] : [];
    }
    case 'fencedDiv': {
      const div = node as unknown as FencedDiv;
      if (HIDDEN_DIVS.has(div.name)) {
        state.hidden.push(...sanitizeFlow(div.children, { ...state, hidden: [] }));
        return [];
      }
      return [calloutOf(div, state)];
    }
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'footnoteDefinition': {
      const parent = node as Parent;
      const children = sanitizeFlow(parent.children as RootContent[], state);
      if (node.type === 'footnoteDefinition') {
        return [{ type: 'paragraph', children: [{ type: 'text', value: `[${node.label ?? node.identifier}] ` }] }, ...children];
      }
      return [{ ...node, children } as RootContent];
    }
    case 'table': {
      const rows = node.children.map((row) => ({
        ...row,
        children: row.children.map((cell) => ({ ...cell, children: sanitizePhrasing(cell.children, state.assets, state.definitions) })),
      }));
      return [{ ...node, children: rows }];
    }
    default: {
      // Phrasing content at block level, or a node type we do not know: keep only its text.
      const text = collapse(toString(node));
      return text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [];
    }
  }
}

function sanitizeCode(node: Code, state: SanitizeState): RootContent {
  const language = fenceLanguage(node.lang).toLowerCase();
  if (language === 'mermaid') {
    const diagram = state.assets.diagram(node.value);
    if (diagram?.src) return diagramParagraph(diagram.title, diagram.src);
    const reason = diagram?.error ? `: ${collapse(diagram.error)}` : '';
    return placeholder(`Diagram could not be rendered${reason}`);
  }
  return { type: 'code', lang: language || null, meta: null, value: node.value.replace(/\r\n?/g, '\n') };
}

/** A paragraph holding one diagram image (Marp sizes it; alt text carries no Marp keywords). */
export function diagramParagraph(title: string, src: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'image', url: src, alt: marpSafeAlt(title) || 'Diagram', title: null }] };
}

function placeholder(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: text }] }] };
}

function calloutOf(div: FencedDiv, state: SanitizeState): Blockquote {
  const children = sanitizeFlow(div.children, state);
  const [first] = children;
  const label = div.name.charAt(0).toUpperCase() + div.name.slice(1);
  let title: PhrasingContent[] = [{ type: 'text', value: label }];
  if (first?.type === 'heading') {
    children.shift();
    title = [{ type: 'text', value: `${label}: ` }, ...first.children];
  }
  const heading: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: title } as Strong] };
  return { type: 'blockquote', children: [heading, ...children] as Blockquote['children'] };
}

/** Link and image definitions by identifier (the first wins), to resolve references in place. */
export function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    if (!into.has(node.identifier)) into.set(node.identifier, node);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child as Nodes, into);
}

// ---------------------------------------------------------------------------------------------
// Phrasing
// ---------------------------------------------------------------------------------------------

/** Inline HTML tags that only style their content: dropped, their content kept. */
const HARMLESS_TAG = /^<\/?(?:kbd|b|i|em|strong|u|s|sub|sup|small|mark|span|code|abbr|cite|q|samp|var)(?:\s[^>]*)?>$/i;
const LINE_BREAK_TAG = /^<br\s*\/?>$/i;
const SAFE_URL = /^(?:https?:|mailto:)/i;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const REMOTE = /^(?:https?:)?\/\//i;
/** Pandoc attributes after an image: `{alt='…' width=50%}`. */
const PANDOC_ATTRIBUTES = /^\{[^{}]*\}/;

/** Sanitises inline nodes, resolving references with `definitions`. */
export function sanitizePhrasing(
  nodes: PhrasingContent[],
  assets: AssetResolver,
  definitions: Map<string, Definition> = new Map(),
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let previous: PhrasingContent | undefined;
  for (const [index, node] of nodes.entries()) {
    const next = nodes[index + 1];
    // Pandoc's `![](fig.svg){alt='…'}` keeps the alt text in attributes after the image.
    if (node.type === 'image' && !node.alt && next?.type === 'text') {
      const alt = /^\{[^{}]*?\balt\s*=\s*(["'])(.*?)\1/.exec(next.value)?.[2];
      if (alt) {
        out.push(...sanitizeInline({ ...node, alt }, assets, definitions, previous));
        previous = node;
        continue;
      }
    }
    const produced = sanitizeInline(node, assets, definitions, previous);
    out.push(...produced);
    previous = node;
  }
  return mergeText(out);
}

function sanitizeInline(
  node: PhrasingContent,
  assets: AssetResolver,
  definitions: Map<string, Definition>,
  previous: PhrasingContent | undefined,
): PhrasingContent[] {
  switch (node.type) {
    case 'text': {
      let value = node.value.replace(/\s*\n\s*/g, ' ');
      if (previous?.type === 'image' || previous?.type === 'imageReference') value = value.replace(PANDOC_ATTRIBUTES, '');
      return value ? [{ type: 'text', value }] : [];
    }
    case 'break':
      return [{ type: 'text', value: ' ' }];
    case 'html': {
      if (HARMLESS_TAG.test(node.value.trim())) return [];
      if (LINE_BREAK_TAG.test(node.value.trim())) return [{ type: 'text', value: ' ' }];
      if (HTML_COMMENT.test(node.value)) return [];
      return [{ type: 'text', value: defangHtml(node.value) }];
    }
    case 'inlineCode':
      return [{ type: 'inlineCode', value: node.value.replace(/\s*\n\s*/g, ' ') }];
    case 'link':
      return linkOf(node.url, sanitizePhrasing(node.children, assets, definitions));
    case 'linkReference': {
      const definition = definitions.get(node.identifier);
      const children = sanitizePhrasing(node.children, assets, definitions);
      return definition ? linkOf(definition.url, children) : children;
    }
    case 'image':
      return imageOf(node.url, node.alt ?? '', assets);
    case 'imageReference': {
      const definition = definitions.get(node.identifier);
      return definition ? imageOf(definition.url, node.alt ?? '', assets) : [{ type: 'text', value: node.alt ?? '' }];
    }
    case 'footnoteReference':
      return [{ type: 'text', value: `[${node.label ?? node.identifier}]` }];
    case 'emphasis':
    case 'strong':
    case 'delete': {
      const children = sanitizePhrasing(node.children, assets, definitions);
      return children.length > 0 ? [{ ...node, children } as PhrasingContent] : [];
    }
    default: {
      const text = toString(node);
      return text ? [{ type: 'text', value: text }] : [];
    }
  }
}

function linkOf(url: string, children: PhrasingContent[]): PhrasingContent[] {
  const target = url.trim();
  const allowed = SAFE_URL.test(target) || (!SCHEME.test(target) && !target.startsWith('//'));
  if (!allowed || children.length === 0) return children;
  // Links inside link text are not allowed in Markdown: flatten them.
  return [{ type: 'link', url: target, title: null, children: children.flatMap(unlink) } as Link];
}

function unlink(node: PhrasingContent): PhrasingContent[] {
  return node.type === 'link' ? node.children : [node];
}

function imageOf(url: string, alt: string, assets: AssetResolver): PhrasingContent[] {
  const target = url.trim();
  const description = collapse(alt);
  if (REMOTE.test(target)) {
    // Never fetched: a visible link the reader can follow instead.
    const link: Link = { type: 'link', url: target.startsWith('//') ? `https:${target}` : target, title: null, children: [{ type: 'text', value: `image: ${description || 'remote image'}` }] };
    return [{ type: 'text', value: '[' }, link, { type: 'text', value: ']' }];
  }
  const src = SCHEME.test(target) ? null : assets.image(target);
  if (!src) {
    const shown = description.length > 60 ? `${description.slice(0, 57).replace(/\s+\S*$/, '')} …` : description;
    return [{ type: 'emphasis', children: [{ type: 'text', value: `[image unavailable: ${shown || target}]` }] }];
  }
  const image: Image = { type: 'image', url: src, alt: marpSafeAlt(description) || 'Image', title: null };
  return [image];
}

/**
 * Raw HTML is shown as text, never as markup; it is also shown without its event handlers and script
 * URLs, so that not even the visible text carries `onerror=alert(…)` or `href="javascript:…"`.
 */
export function defangHtml(html: string): string {
  return html
    .replace(/\s+on[a-z]+\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*)/gi, '')
    .replace(/\s+[\w:-]+\s*=\s*(?:"\s*(?:javascript|vbscript|data):[^"]*"?|'\s*(?:javascript|vbscript|data):[^']*'?|(?:javascript|vbscript|data):[^\s>]*)/gi, '');
}

/** Marp reads sizing, filter and background keywords from image alt text: drop words that look like them. */
export function marpSafeAlt(text: string): string {
  const keyword = /^(?:bg|contain|cover|fit|auto|left|right|vertical|horizontal|(?:\d*\.)?\d+%|(?:w|h|width|height|blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia|left|right)(?::.*)?)$/i;
  return collapse(text)
    .split(' ')
    .filter((word) => word && !keyword.test(word))
    .join(' ')
    .replace(/[[\]]/g, '');
}

function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') (last as Text).value += node.value;
    else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out;
}

/** Collapses whitespace runs (and hard breaks) to single spaces and trims. */
export function collapse(text: string): string {
  return String(text ?? '').replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
}
