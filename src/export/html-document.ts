/**
 * The standalone HTML page both deck variants are built on: one file, inline styles, a strict
 * Content-Security-Policy, and at most one script, ours, allowed by its hash.
 */
import { createHash } from 'node:crypto';

export interface HtmlDocumentParts {
  title: string;
  lang: string;
  /** Style sheets, in cascade order. */
  styles: readonly string[];
  body: string;
  /** The page's only script; without one, the policy forbids scripts altogether. */
  script?: string;
  /**
   * Where images, fonts and style sheets may load from. By default images and fonts only from
   * `'self' data: file:`, and no style sheets beyond the inline ones.
   */
  resourceSources?: string;
  /** Class names for the `<html>` element. */
  htmlClass?: string;
}

/** Assembles a complete HTML document from trusted parts; `title` and `lang` are escaped here. */
export function htmlDocument(parts: HtmlDocumentParts): string {
  const sources = parts.resourceSources ?? "'self' data: file:";
  const styleSources = parts.resourceSources === undefined ? '' : ` ${parts.resourceSources}`;
  const scriptSource = parts.script === undefined ? "'none'" : `'${scriptHash(parts.script)}'`;
  const policy = [
    "default-src 'none'",
    `img-src ${sources}`,
    `font-src ${sources}`,
    `style-src 'unsafe-inline'${styleSources}`,
    `script-src ${scriptSource}`,
    "base-uri 'self' file:",
    "form-action 'none'",
  ].join('; ');
  const htmlClass = parts.htmlClass ? ` class="${escapeHtml(parts.htmlClass)}"` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(parts.lang)}"${htmlClass}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
    '<meta name="generator" content="Lectern">',
    `<title>${escapeHtml(parts.title)}</title>`,
    ...parts.styles.map((css) => `<style>${styleText(css)}</style>`),
    '</head>',
    '<body>',
    parts.body,
    ...(parts.script === undefined ? [] : [`<script>${scriptText(parts.script)}</script>`]),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => entities[char] ?? char);
}

/** The `sha256-…` CSP source that allows exactly this inline script. */
export function scriptHash(script: string): string {
  return `sha256-${createHash('sha256').update(scriptText(script), 'utf8').digest('base64')}`;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// A theme or script that says `</style>` or `</script>` would end its element early. In CSS,
// `<\/style` is the same text; in our script, only string literals could hold it, where `<\/` is `</`.
function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

function scriptText(script: string): string {
  return script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
