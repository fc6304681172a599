/**
 * Line-level preparation of lesson source before remark sees it.
 *
 * Two Carpentries constructs are not CommonMark and would otherwise melt into paragraphs:
 * - Pandoc fenced divs (`:::::: challenge` … `::::::`), opened and closed by any run of 3+ colons;
 * - kramdown attribute lines (`{: .challenge}`, `{: .language-bash}`) that close blockquotes and code.
 * HTML disclosure blocks (`<details>` with a `<summary>`, as GitHub-hosted tutorials hide answers) are
 * read as divs too: a summary that says "solution" or "answer" makes a `solution` div, "hint" a
 * `hint` div, any other a `spoiler`, and the summary's words ride on the marker as the div's title.
 * MkDocs admonitions (`!!! note "Title"`, collapsible `??? tip`) and content tabs (`=== "Windows"`)
 * are divs whose body is the indented lines under them: the body is taken out of its indentation
 * (or it would be code) and the marker says on which line the div ends. A Docusaurus title
 * (`:::tip Title`, `:::tip[Title]`) or a Quarto one (`{.callout-note title="…"}`) rides on the marker.
 * Hugo's paired shortcodes for boxes (`{{% notice tip %}}` … `{{% /notice %}}`, as AWS workshops and the
 * Learn themes write them; `hint`, `alert`, `callout`, `admonition`, `expand`, `details` too) are divs
 * the same way: the box's kind is its first word or `style="…"`, its title a quoted one or `title="…"`.
 * Jekyll's Liquid, as older Carpentries lessons and Jekyll sites write it: `{% highlight python %}` …
 * `{% endhighlight %}` is a code fence, and a line that is only a Liquid tag (`{% include links.md %}`,
 * `{% raw %}`, `{% assign … %}`) or inside `{% comment %}` is the site's machinery, not the lesson's: blank.
 * Fence lines become HTML comment markers (an HTML block can interrupt a paragraph, so the marker
 * always stands alone), and attribute lines are blanked and recorded. Every line keeps its number.
 * A div fence indented inside a list item keeps its indentation, so its marker lands inside that item
 * as Pandoc reads it (`1. Step` … `   ::: answer`); elsewhere only up to three spaces are allowed,
 * so an indented code block that shows `:::` stays code.
 */

export interface AttributeLine {
  /** 1-based line of the `{: …}` line. */
  line: number;
  /** How many `>` prefixes the line had. */
  depth: number;
  /** Class names without the dot: `challenge`, `language-bash`. */
  classes: string[];
}

export interface Prepared {
  text: string;
  /** Line contents after preparation (index 0 is line 1), without blockquote prefixes. */
  lines: string[];
  attributes: AttributeLine[];
}

export const DIV_OPEN = 'lectern-div-open:';
export const DIV_CLOSE = 'lectern-div-close';

const QUOTE_PREFIX = /^(?: {0,3}>[ \t]?)*/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const DIV_OPENER = /^:{3,}[ \t]*(?:\{[ \t]*)?\.?([A-Za-z][\w-]*)[^:]*?(?:\})?[ \t]*:*[ \t]*$/;
const DIV_CLOSER = /^:{3,}[ \t]*$/;
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const ATTRIBUTE = /^[ \t]{0,3}\{:[ \t]*([^}]*)\}[ \t]*$/;
const DETAILS_OPEN = /^<details(?:\s[^>]*)?>[ \t]*(?:<summary(?:\s[^>]*)?>(.*?)<\/summary>[ \t]*)?$/i;
const DETAILS_CLOSE = /^<\/details>[ \t]*$/i;
const SHORTCODE_OPEN = /^\{\{([<%])[ \t]*(notice|hint|alert|callout|admonition|expand|details)\b([^}]*?)[ \t]*[>%]\}\}[ \t]*$/;
const SHORTCODE_CLOSE = /^\{\{[<%][ \t]*\/[ \t]*(notice|hint|alert|callout|admonition|expand|details)[ \t]*[>%]\}\}[ \t]*$/;

/** The div a box shortcode opens: `notice tip`, `notice style="warning" title="Careful"`, `expand "Solution"`. */
export function shortcodeDiv(shortcode: string, args: string): { name: string; title: string } {
  const named = (key: string) => new RegExp(`\\b${key}=(?:"([^"]*)"|'([^']*)'|([^\\s"']+))`).exec(args);
  const quoted = /(?:^|\s)(?:"([^"]*)"|'([^']*)')/.exec(args.replace(/\b\w+=(?:"[^"]*"|'[^']*'|\S+)/g, ''));
  const title = (named('title') ?? named('summary') ?? quoted)?.slice(1).find((part) => part !== undefined) ?? '';
  if (shortcode === 'expand' || shortcode === 'details') return divByTitle(title);
  const style = named('style') ?? named('type') ?? /^\s*([A-Za-z][\w-]*)(?:\s|$)/.exec(args);
  const kind = style?.slice(1).find((part) => part !== undefined)?.toLowerCase() ?? shortcode;
  const said = divByTitle(title);
  return { name: said.name !== 'spoiler' ? said.name : kind, title: said.title };
}

const SUMMARY = /^[ \t]*<summary(?:\s[^>]*)?>(.*?)<\/summary>[ \t]*$/i;

/**
 * The div a block becomes by what its title says (a `<details>` summary, an admonition's or a
 * shortcode's title): a solution, a hint, or a box of more detail.
 */
export function divByTitle(summary: string): { name: string; title: string } {
  const title = summary.replace(/<[^>]*>/g, '').replace(/\*+/g, '').replace(/^[\s_]+|[\s_]+$/g, '').replace(/\s+/g, ' ');
  const name = /\b(?:solutions?|answers?)\b/i.test(title) ? 'solution' : /\bhints?\b/i.test(title) ? 'hint' : 'spoiler';
  return { name, title };
}

const LIQUID_HIGHLIGHT = /^ {0,3}\{%-?[ \t]*highlight[ \t]+([\w#+.-]+)[^%]*-?%\}[ \t]*$/;
const LIQUID_END_HIGHLIGHT = /^ {0,3}\{%-?[ \t]*endhighlight[ \t]*-?%\}[ \t]*$/;
const LIQUID_TAG_LINE = /^ {0,3}\{%-?[ \t]*(?:include|include_relative|raw|endraw|assign|comment|endcomment)\b[^%]*-?%\}[ \t]*$/;
const LIQUID_COMMENT = /^ {0,3}\{%-?[ \t]*comment[ \t]*-?%\}/;
const LIQUID_END_COMMENT = /\{%-?[ \t]*endcomment[ \t]*-?%\}[ \t]*$/;

const ADMONITION = /^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+(?:"([^"]*)"|'([^']*)'))?[ \t]*$/;
const CONTENT_TAB = /^===\+?[ \t]+(?:"([^"]*)"|'([^']*)')[ \t]*$/;
const DIV_NAME = /^:{3,}[ \t]*(?:\{[ \t]*)?\.?[A-Za-z][\w-]*/;

/**
 * The marker that opens a div: its name, its title (URI-encoded: a comment cannot end inside it) and,
 * for a div that has no closing line, the last line it holds (1-based).
 */
export function openMarker(indent: string, name: string, title = '', end = 0): string {
  return `${indent}<!--${DIV_OPEN}${name}${title ? ` t=${encodeURIComponent(title)}` : ''}${end ? ` e=${end}` : ''}-->`;
}

/** The title a div's opening fence gives after its name: `:::tip Title`, `:::tip[Title]`, `title="…"`. */
function fenceTitle(line: string): string {
  const quoted = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(line);
  if (quoted) return (quoted[1] ?? quoted[2] ?? '').trim();
  const rest = line.replace(DIV_NAME, '').replace(/[ \t]*:*[ \t]*$/, '');
  const bracket = /^\[([^\]]*)\]$/.exec(rest);
  if (bracket) return bracket[1]!.trim();
  return /^[ \t]+[^\s{}.#]/.test(rest) ? rest.trim() : '';
}

/** Width of a line's leading white space, a tab counting as four columns. */
function leadingWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width++;
    else if (char === '\t') width += 4;
    else break;
  }
  return width;
}

/** The line without up to `columns` columns of white space after its first `keep` characters. */
function dedent(line: string, keep: number, columns: number): string {
  let at = keep;
  let width = 0;
  while (at < line.length && width < columns && (line[at] === ' ' || line[at] === '\t')) {
    width += line[at] === '\t' ? 4 : 1;
    at++;
  }
  return line.slice(0, keep) + line.slice(at);
}

/**
 * Takes the body of an admonition or tab opened on line `index` (the lines under it indented by four
 * more columns, blank lines between them) out of its indentation; returns the body's last line (1-based).
 */
function takeBody(lines: string[], index: number, indent: string): number {
  const base = leadingWidth(indent);
  let last = index;
  for (let at = index + 1; at < lines.length; at++) {
    if (lines[at]!.trim() === '') continue;
    if (leadingWidth(lines[at]!) < base + 4) break;
    last = at;
  }
  for (let at = index + 1; at <= last; at++) lines[at] = dedent(lines[at]!, indent.length, 4);
  return last + 1;
}

/** Removes a BOM and normalises line endings to LF. */
export function normalizeSource(source: string): string {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

/** Prepares normalised source for parsing (see module comment). */
export function prepareSource(source: string): Prepared {
  const rawLines = normalizeSource(source).split('\n');
  const out: string[] = [];
  const contents: string[] = [];
  const attributes: AttributeLine[] = [];
  let fence: { char: string; size: number } | null = null;
  // Inside a list (since its last item marker, until text at the margin after a blank line).
  let inList = false;
  let blank = true;
  // `<details>` blocks open (each closes at a `</details>` line), and summary lines folded into one.
  const details: Array<{ index: number; summary: number | null; shortcode?: string }> = [];
  const folded = new Set<number>();

  // Inside a `{% highlight %}` block (a fence now) or a `{% comment %}` block.
  let liquid: 'highlight' | 'comment' | null = null;
  // A `{% comment %}` is a block only when an `{% endcomment %}` follows: else it would blank the rest.
  const lastEndComment = source.includes('endcomment') ? rawLines.findLastIndex((line) => LIQUID_END_COMMENT.test(line)) : -1;

  for (let index = 0; index < rawLines.length; index++) {
    if (rawLines[index]!.includes('{%')) liquid = readLiquid(rawLines, index, liquid, fence !== null, lastEndComment);
    else if (liquid === 'comment') rawLines[index] = '';
    const raw = rawLines[index]!;
    const prefix = QUOTE_PREFIX.exec(raw)?.[0] ?? '';
    const content = raw.slice(prefix.length);
    const depth = (prefix.match(/>/g) ?? []).length;

    const indent = /^[ \t]*/.exec(content)![0];
    // A fence indented inside a list item is still a fence (outside a list, 4+ spaces are code).
    const fenceMatch = FENCE.exec(inList ? content.slice(indent.length) : content);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence.char && fenceMatch[1].length >= fence.size && fenceMatch[2].trim() === '') {
        fence = null;
      }
      out.push(raw);
      contents.push(content);
      continue;
    }

    if (LIST_ITEM.test(content)) inList = true;
    else if (blank && indent === '' && content.trim() !== '') inList = false;
    blank = content.trim() === '';
    if (fenceMatch && !(fenceMatch[1][0] === '`' && fenceMatch[2].includes('`'))) {
      fence = { char: fenceMatch[1][0], size: fenceMatch[1].length };
      out.push(raw);
      contents.push(content);
      continue;
    }

    const divLine = depth === 0 && (inList || indent.length <= 3) ? content.slice(indent.length) : null;
    if (divLine !== null && folded.has(index)) {
      out.push('');
      contents.push('');
      continue;
    }
    const disclosure = divLine !== null && divLine.startsWith('<') ? DETAILS_OPEN.exec(divLine) : null;
    if (disclosure) {
      let summary = disclosure[1];
      let summaryLine: number | null = null;
      if (summary === undefined) {
        // The summary on a line of its own, right after (a blank line between is allowed).
        const next = rawLines[index + 1]?.trim() === '' ? index + 2 : index + 1;
        const line = SUMMARY.exec(rawLines[next] ?? '');
        if (line) {
          summary = line[1];
          summaryLine = next;
          folded.add(next);
        }
      }
      const { name, title } = divByTitle(summary ?? '');
      details.push({ index, summary: summaryLine });
      out.push(openMarker(indent, name, title));
      contents.push('');
      continue;
    }
    const shortcode = divLine !== null && divLine.startsWith('{{') ? SHORTCODE_OPEN.exec(divLine) : null;
    if (shortcode) {
      const { name, title } = shortcodeDiv(shortcode[2]!, shortcode[3]!);
      details.push({ index, summary: null, shortcode: shortcode[2] });
      out.push(openMarker(indent, name, title));
      contents.push('');
      continue;
    }
    const closer = divLine !== null && divLine.startsWith('{{') ? SHORTCODE_CLOSE.exec(divLine) : null;
    if (closer && details.at(-1)?.shortcode === closer[1]) {
      details.pop();
      out.push(`${indent}<!--${DIV_CLOSE}-->`);
      contents.push('');
      continue;
    }
    if (divLine !== null && details.at(-1)?.shortcode === undefined && details.length > 0 && DETAILS_CLOSE.test(divLine)) {
      details.pop();
      out.push(`${indent}<!--${DIV_CLOSE}-->`);
      contents.push('');
      continue;
    }
    const block = divLine !== null && (divLine.startsWith('!!!') || divLine.startsWith('???') || divLine.startsWith('===')) ? ADMONITION.exec(divLine) ?? CONTENT_TAB.exec(divLine) : null;
    if (block) {
      const tab = block.length === 3;
      // A title that says solution or hint makes the admonition one (`??? success "Solution"`).
      const said = divByTitle((tab ? block[1] ?? block[2] : block[2] ?? block[3]) ?? '');
      const name = tab ? 'tab' : said.name !== 'spoiler' ? said.name : block[1]!.toLowerCase();
      out.push(openMarker(indent, name, said.title, takeBody(rawLines, index, indent)));
      contents.push('');
      continue;
    }
    if (divLine !== null && DIV_CLOSER.test(divLine)) {
      out.push(`${indent}<!--${DIV_CLOSE}-->`);
      contents.push('');
      continue;
    }
    const opener = divLine !== null ? DIV_OPENER.exec(divLine) : null;
    if (opener) {
      out.push(openMarker(indent, opener[1].toLowerCase(), fenceTitle(divLine!)));
      contents.push('');
      continue;
    }
    const attribute = ATTRIBUTE.exec(content);
    if (attribute) {
      const classes = attribute[1]
        .split(/\s+/)
        .filter((word) => word.startsWith('.'))
        .map((word) => word.slice(1));
      attributes.push({ line: index + 1, depth, classes });
      out.push(prefix.trimEnd());
      contents.push('');
      continue;
    }
    out.push(raw);
    contents.push(content);
  }

  // A `<details>` or a shortcode never closed stays as it was: a div would take in the rest of the lesson.
  for (const open of details) {
    for (const at of open.summary === null ? [open.index] : [open.index, open.summary]) {
      out[at] = rawLines[at];
      contents[at] = rawLines[at].slice(QUOTE_PREFIX.exec(rawLines[at])?.[0].length ?? 0);
    }
  }
  return { text: out.join('\n'), lines: contents, attributes };
}


/**
 * Rewrites line `index` if it is Liquid (see the module comment) and returns the Liquid block the
 * next line is in. A Liquid line inside an ordinary code fence is code and stays.
 */
function readLiquid(lines: string[], index: number, liquid: 'highlight' | 'comment' | null, inFence: boolean, lastEndComment: number): 'highlight' | 'comment' | null {
  const line = lines[index]!;
  if (liquid === 'comment') {
    lines[index] = '';
    return LIQUID_END_COMMENT.test(line) ? null : 'comment';
  }
  if (liquid === 'highlight') {
    if (!LIQUID_END_HIGHLIGHT.test(line)) return liquid;
    lines[index] = '```';
    return null;
  }
  if (inFence) return null;
  const highlight = LIQUID_HIGHLIGHT.exec(line);
  if (highlight) {
    lines[index] = `\`\`\`${highlight[1]}`;
    return 'highlight';
  }
  if (LIQUID_COMMENT.test(line) && !LIQUID_END_COMMENT.test(line) && lastEndComment > index) {
    lines[index] = '';
    return 'comment';
  }
  if (LIQUID_TAG_LINE.test(line)) lines[index] = '';
  return null;
}
