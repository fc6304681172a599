// Reading rendered HTML as a browser would, for the render tests.

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
// ---- reading the output as a browser would ---------------------------------------------------
// A small HTML tokenizer (tags, attributes, comments, raw-text elements, entities): enough to see
// every element and attribute a browser would create from the output, and the text it would show.

export interface Tag {
  name: string;
  attrs: Array<{ name: string; value: string }>;
  /** Raw text of elements whose content is not markup (style, script, title, textarea). */
  raw?: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const BLOCKS = /^(?:p|li|h\d|div|td|th|pre|figcaption|dt|dd|tr|section|header|aside|article|figure|ul|ol|table)$/;
/** Inline elements that render as separate pieces (code lines, labels). */
const BLOCK_CLASSES = /\b(?:line|code-title|code-file|code-lang|callout-title)\b/;

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);?/gi, (all, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
    return named[lower] ?? all;
  });
}

export function tokenize(html: string): { tags: Tag[]; text: string } {
  const tags: Tag[] = [];
  const text: string[] = [];
  const stack: Array<{ name: string; hidden: boolean; block: boolean }> = [];
  const hidden = () => stack.some((e) => e.hidden);
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const chunk = lt < 0 ? html.slice(i) : html.slice(i, lt);
    if (chunk && !hidden()) text.push(decode(chunk));
    if (lt < 0) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (/^<[!?]/.test(html.slice(i, i + 2))) {
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const close = /^<\/([a-zA-Z][^\s/>]*)[^>]*>/.exec(html.slice(i));
    if (close) {
      const name = close[1]!.toLowerCase();
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) {
        if (stack[at]!.block) text.push(' ');
        stack.length = at;
      } else if (BLOCKS.test(name)) text.push(' ');
      i += close[0].length;
      continue;
    }
    if (!/^<[a-zA-Z]/.test(html.slice(i, i + 2))) {
      if (!hidden()) text.push('<');
      i++;
      continue;
    }
    // A start tag: name, then attributes until '>'.
    let j = i + 1;
    while (j < html.length && !/[\s/>]/.test(html[j]!)) j++;
    const tag: Tag = { name: html.slice(i + 1, j).toLowerCase(), attrs: [] };
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j]!)) j++;
      if (j >= html.length || html[j] === '>') break;
      let k = j + 1;
      while (k < html.length && !/[\s/>=]/.test(html[k]!)) k++;
      const name = html.slice(j, k).toLowerCase();
      j = k;
      while (j < html.length && /\s/.test(html[j]!)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j]!)) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          k = j;
          while (k < html.length && !/[\s>]/.test(html[k]!)) k++;
          value = html.slice(j, k);
          j = k;
        }
      }
      if (!tag.attrs.some((a) => a.name === name)) tag.attrs.push({ name, value: decode(value) });
    }
    i = j + 1;
    tags.push(tag);
    if (RAW_TEXT.has(tag.name)) {
      const end = html.toLowerCase().indexOf(`</${tag.name}`, i);
      tag.raw = decode(html.slice(i, end < 0 ? html.length : end));
      i = end < 0 ? html.length : html.indexOf('>', end) + 1;
      continue;
    }
    const cls = tag.attrs.find((a) => a.name === 'class')?.value ?? '';
    const block = BLOCKS.test(tag.name) || BLOCK_CLASSES.test(cls);
    if (!VOID.has(tag.name)) stack.push({ name: tag.name, hidden: tag.name === 'head' || /\bprint-url\b/.test(cls), block });
    if (block || VOID.has(tag.name)) text.push(' ');
  }
  return { tags, text: normal(text.join('')) };
}

/** The visible text, whitespace collapsed; printed URLs after links left out (they repeat the href). */
export function visibleText(html: string): string {
  return tokenize(html).text;
}
