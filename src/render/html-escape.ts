/**
 * Escaping and URL checks for the HTML that print documents are made of: text and attribute values
 * escaped, `<style>` contents that cannot close their element, and links only to http, https, mailto
 * or relative targets. Pure.
 */

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
