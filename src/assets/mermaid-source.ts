/**
 * Pure helpers over Mermaid source text: where its config lives (front matter, `%%{init}%%`
 * directives), how to defuse security keys there, and how Mermaid's error lines map back.
 */

// Mermaid 11's own patterns (src/diagram-api/regexes.ts, src/diagram-api/comments.ts), so that
// what we skip and count matches what Mermaid strips before parsing.
const frontMatterPattern = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const directivePattern = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const commentLinePattern = /^\s*%%(?!{)[^\n]+\n?/gm;

/**
 * Config keys a diagram may never set. Mermaid's default `secure` list plus the keys that would let a
 * diagram loosen sanitising (`dompurifyConfig`), inject CSS (`themeCSS`) or switch to HTML labels.
 */
export const secureKeys = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges',
  'dompurifyConfig',
  'themeCSS',
  'htmlLabels',
] as const;

const secureKeyPattern = new RegExp(`(^|[{,\\n])(\\s*)(["']?)(${secureKeys.join('|')})\\3(\\s*:)`, 'g');

/**
 * Renames secure keys inside front matter and init directives (`securityLevel:` → `lectern-blocked-securityLevel:`),
 * so Mermaid drops them as unknown. Line structure is kept, so error lines still match.
 * Defence in depth only: escapes such as `"securit\u0079Level"` get past any text rewrite; Mermaid's
 * `secure` list (set from `secureKeys`) is what actually enforces this.
 */
export function neutraliseConfig(code: string): string {
  const defuse = (region: string) =>
    region.replace(secureKeyPattern, (_m, before: string, space: string, quote: string, key: string, colon: string) =>
      `${before}${space}${quote}lectern-blocked-${key}${quote}${colon}`,
    );
  const text = code.replace(/\r\n?/g, '\n');
  const withFrontMatter = text.replace(frontMatterPattern, defuse);
  return withFrontMatter.replace(directivePattern, defuse);
}

/** The source with front matter, directives and `%%` comments removed, as Mermaid's type detection sees it. */
export function stripMermaidPreamble(code: string): string {
  return code
    .replace(/\r\n?/g, '\n')
    .replace(frontMatterPattern, '')
    .replace(directivePattern, '')
    .replace(/\s*%%.*\n/gm, '\n');
}

/**
 * Maps a line number in a Mermaid error (counted in the text Mermaid parsed, after it removed
 * front matter, directives and comments) back to the 1-based line in `code`.
 */
export function sourceLine(code: string, reportedLine: number): number {
  // Replay Mermaid's preprocessing while remembering, for every character, its source line.
  const sourceLines = code.split(/\r\n?|\n/);
  let text = sourceLines.join('\n');
  let origin: number[] = [];
  sourceLines.forEach((line, index) => {
    const length = index < sourceLines.length - 1 ? line.length + 1 : line.length;
    for (let i = 0; i < length; i += 1) origin.push(index + 1);
  });

  const remove = (pattern: RegExp) => {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    let kept = '';
    let keptOrigin: number[] = [];
    let last = 0;
    for (const match of text.matchAll(global)) {
      kept += text.slice(last, match.index);
      keptOrigin = keptOrigin.concat(origin.slice(last, match.index));
      last = match.index + match[0].length;
    }
    text = kept + text.slice(last);
    origin = keptOrigin.concat(origin.slice(last));
  };

  remove(frontMatterPattern);
  remove(directivePattern);
  remove(commentLinePattern);
  remove(/^\s+/); // Mermaid's trimStart()

  let line = 1;
  for (let i = 0; i < text.length; i += 1) {
    if (line === reportedLine) return origin[i] ?? reportedLine;
    if (text[i] === '\n') line += 1;
  }
  // Past the end: Mermaid appends a newline and parsers report unexpected ends of input there,
  // so point at the last line with content, which is the one left unfinished.
  for (let i = text.length - 1; i >= 0; i -= 1) {
    if (!/\s/.test(text[i] ?? '')) return origin[i] ?? reportedLine;
  }
  return Math.min(reportedLine, sourceLines.length);
}
