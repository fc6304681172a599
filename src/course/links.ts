/**
 * Where a relative Markdown link points: the target file (absolute, without its fragment) and the
 * fragment. Pure path arithmetic; nothing here touches the disk.
 */
import { dirname, resolve } from 'node:path';

/** True for links that leave the course: a scheme (`https:`, `mailto:`), `//host` or a site-root `/path`. */
export function isExternal(href: string): boolean {
  const url = href.trim();
  return /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('/');
}

function decode(text: string, decoder: (text: string) => string): string {
  try {
    return decoder(text);
  } catch {
    return text;
  }
}

/** The file a link in `fromFile` points at, or null for external links and links within the same file. */
export function linkTarget(fromFile: string, href: string): string | null {
  const url = href.trim();
  if (url === '' || isExternal(url)) return null;
  const path = decode(url.replace(/[?#].*$/s, ''), decodeURI);
  if (path === '') return null;
  return resolve(dirname(fromFile), path);
}

/** The decoded `#fragment` of a link, lower-cased, or null when it has none. */
export function linkFragment(href: string): string | null {
  const at = href.indexOf('#');
  if (at < 0) return null;
  const fragment = decode(href.slice(at + 1), decodeURIComponent).toLowerCase();
  return fragment === '' ? null : fragment;
}
