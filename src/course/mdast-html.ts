/**
 * Markdown (already parsed) → safe HTML for the course pages: the index's module overviews and the
 * pages of documents. Every text is escaped; raw HTML in the source is shown as text, never run;
 * images are named, not loaded (their files are not copied for these pages); each link goes
 * through `link`, which says where it leads in OUT or that it leads nowhere (then only its text
 * is kept). Pure, and light: it reuses the tree the lesson pipeline already parsed.
 */
import { imageLabel } from '../render/image-label.js';
import type { Nodes, Root, RootContent, Table } from 'mdast';
import { escapeHtml } from '../export/html-document.js';

export interface MdastHtmlOptions {
  /** The href for a link's URL, or null to keep only the link's text. */
  link(url: string): string | null;
  /** The level an `#` heading becomes (deeper ones follow); default 3. */
  headingLevel?: number;
}

/** The HTML of a tree or a list of its nodes. */
export function mdastToHtml(nodes: Root | readonly RootContent[], options: MdastHtmlOptions): string {
  const list = Array.isArray(nodes) ? nodes : (nodes as Root).children;
  const render = renderer(options);
  return list.map((node) => render(node)).join('');
}

/** An `http`, `https` or `mailto` URL as it may appear in a page, or null. */
export function externalHref(url: string): string | null {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^(?:https?:\/\/|mailto:)/i.test(compact) ? url.trim() : null;
}

function renderer(options: MdastHtmlOptions): (node: Nodes) => string {
  const base = options.headingLevel ?? 3;
  const render = (node: Nodes): string => {
    const inner = () => ('children' in node ? (node.children as Nodes[]).map(render).join('') : '');
    switch (node.type) {
      case 'root':
        return inner();
      case 'paragraph':
        return `<p>${inner()}</p>\n`;
      case 'heading': {
        const level = Math.min(6, base + node.depth - 1);
        return `<h${level}>${inner()}</h${level}>\n`;
      }
      case 'text':
        return escapeHtml(node.value);
      case 'emphasis':
        return `<em>${inner()}</em>`;
      case 'strong':
        return `<strong>${inner()}</strong>`;
      case 'delete':
        return `<del>${inner()}</del>`;
      case 'inlineCode':
        return `<code>${escapeHtml(node.value)}</code>`;
      case 'code':
        return `<pre><code>${escapeHtml(node.value)}</code></pre>\n`;
      case 'break':
        return '<br>';
      case 'thematicBreak':
        return '<hr>\n';
      case 'blockquote':
        return `<blockquote>${inner()}</blockquote>\n`;
      case 'list': {
        const tag = node.ordered ? 'ol' : 'ul';
        const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
        return `<${tag}${start}>\n${inner()}</${tag}>\n`;
      }
      case 'listItem': {
        // A tight list item's paragraph prints without <p>, as Markdown viewers show it.
        const children = node.children.map((child) => (child.type === 'paragraph' && node.spread !== true ? (child.children as Nodes[]).map(render).join('') : render(child)));
        const box = node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : '';
        return `<li>${box}${children.join('')}</li>\n`;
      }
      case 'link': {
        const href = options.link(node.url);
        return href === null ? inner() : `<a href="${escapeHtml(href)}">${inner()}</a>`;
      }
      case 'linkReference':
        return inner();
      case 'image':
      case 'imageReference':
        return `<span class="image">${escapeHtml(imageLabel(node.alt, node.type === 'image' ? node.url : null))}</span>`;
      case 'html':
        return escapeHtml(node.value);
      case 'table':
        return table(node, render);
      case 'fencedDiv':
        return `<div class="box box-${escapeHtml(node.name.replace(/[^a-z0-9-]/gi, ''))}">${inner()}</div>\n`;
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
      case 'footnoteReference':
        return '';
      default:
        return inner();
    }
  };
  return render;
}

function table(node: Table, render: (node: Nodes) => string): string {
  const [head, ...body] = node.children;
  const row = (cells: Nodes[], tag: 'th' | 'td') => `<tr>${cells.map((cell) => `<${tag}>${'children' in cell ? (cell.children as Nodes[]).map(render).join('') : ''}</${tag}>`).join('')}</tr>`;
  return `<table>${head ? `<thead>${row(head.children, 'th')}</thead>` : ''}<tbody>${body.map((r) => row(r.children, 'td')).join('')}</tbody></table>\n`;
}
