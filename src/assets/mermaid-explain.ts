/**
 * Mermaid's parse errors in plain words. Mermaid answers a typo with its grammar's token names
 * ("Expecting 'SQE', 'DOUBLECIRCLEEND', 'PE', … got '1'"); an author needs to hear "the diagram
 * ends before the "[" opened on this line is closed". Pure: the error object in, words and the line
 * (1-based, in the text Mermaid parsed, after its front matter and comments) out.
 */

/** What a grammar token stands for, as an author would type or name it. */
const TOKEN_WORDS: Record<string, string> = {
  SQE: '"]"',
  PE: '")"',
  DIAMOND_STOP: '"}"',
  STADIUMEND: '"])"',
  SUBROUTINEEND: '"]]"',
  CYLINDEREND: '")]"',
  DOUBLECIRCLEEND: '")))"',
  ELLIPSE_END: '"-)"',
  TRAPEND: '"/]"',
  INVTRAPEND: '"\\]"',
  TAGEND: '">"',
  PIPE: '"|"',
  COLON: '":"',
  COMMA: '","',
  SEMI: '";"',
  AMP: '"&"',
  MINUS: '"-"',
  NODE_STRING: 'a node name',
  TEXT: 'text',
  UNICODE_TEXT: 'text',
  STR: 'quoted text',
  NUM: 'a number',
  NEWLINE: 'a new line',
  NL: 'a new line',
  EOF: 'the end of the diagram',
  LINK: 'an arrow such as -->',
  ARROW: 'an arrow such as -->',
  SOLID_ARROW: 'an arrow such as ->>',
  ACTOR: 'a participant name',
  TXT: 'a message after ":"',
  ID: 'a name',
  EDGE_STATE: 'a state',
  ENTITY_NAME: 'an entity name',
  DECIMAL_NUM: 'a number',
  NUMBER_PIE: 'a number',
  end: '"end"',
  END: '"end"',
};

/** Openers an author closes with the tokens above, for "… opened here is never closed". */
const CLOSERS = new Set(['SQE', 'PE', 'DIAMOND_STOP', 'STADIUMEND', 'SUBROUTINEEND', 'CYLINDEREND', 'DOUBLECIRCLEEND', 'TRAPEND', 'INVTRAPEND']);

interface JisonHash {
  text?: string;
  token?: string | number;
  line?: number;
  expected?: string[];
}

/** Plain words for a Mermaid parse error, and its 1-based line in `text` (null when Mermaid gives none). */
export function explainMermaidError(error: unknown): { message: string; line: number | null } {
  const raw = error instanceof Error ? error.message : String(error);
  const reported = /\bline (\d+)/i.exec(raw);
  const hash = (error as { hash?: JisonHash } | null)?.hash;

  if (/No diagram type detected/i.test(raw)) {
    return { message: 'the first line does not name a diagram type Mermaid knows (such as flowchart TD, sequenceDiagram, classDiagram, stateDiagram-v2, erDiagram, gantt or pie)', line: 1 };
  }
  if (/^Lexical error/i.test(raw)) {
    const where = caretText(raw);
    return { message: `Mermaid cannot read ${where ? `"${where}"` : 'the text'} at this point of the line`, line: reported ? Number(reported[1]) : null };
  }
  if (hash && Array.isArray(hash.expected)) {
    const names = hash.expected.map((name) => name.replace(/^'|'$/g, ''));
    const wanted = [...new Set(names.map((name) => TOKEN_WORDS[name]).filter((word): word is string => word !== undefined))];
    const atEnd = hash.token === 1 || hash.token === 'EOF' || (hash.text === '' && hash.token !== undefined && !(String(hash.token) in TOKEN_WORDS));
    const line = reported ? Number(reported[1]) : hash.line !== undefined ? hash.line + 1 : null;
    const closers = names.filter((name) => CLOSERS.has(name)).map((name) => TOKEN_WORDS[name]!);
    const closer = closers.length > 0;
    if (atEnd && closer) return { message: `a shape or label is opened but never closed: Mermaid reached the end of the diagram still expecting ${listOf(closers.slice(0, 5))}`, line };
    const expected = wanted.length === 0 ? '' : ` where Mermaid expected ${listOf(wanted.slice(0, 5))}`;
    if (atEnd) return { message: `the diagram ends too early${expected}`, line };
    if (closer && hash.text?.trim()) return { message: `a shape or label is not closed: found "${hash.text}" where Mermaid expected ${listOf(wanted.slice(0, 5))} (on this line or the one before)`, line };
    if (!hash.text?.trim() && /^(?:NEWLINE|NL)$/.test(String(hash.token))) {
      return { message: `the line ends too early${expected || ': something is missing at its end'}`, line };
    }
    const found = hash.text ? `"${hash.text}"` : TOKEN_WORDS[String(hash.token)] ?? `"${String(hash.token)}"`;
    return { message: `found ${found}${expected || ', which Mermaid does not accept here'}`, line };
  }
  // Mermaid's newer grammars (pie, info, packet, gitGraph, architecture) report through Langium.
  const langium = (error as { result?: { lexerErrors?: Array<{ line?: number; message?: string }>; parserErrors?: Array<{ token?: { startLine?: number; image?: string }; message?: string }> } } | null)?.result;
  if (langium) {
    const lexer = langium.lexerErrors?.[0];
    if (lexer) {
      const char = /->(.+?)<-/.exec(lexer.message ?? '')?.[1];
      return { message: `Mermaid cannot read ${char ? `"${char}"` : 'the text'} at this point of the line`, line: lexer.line ?? null };
    }
    const parser = langium.parserErrors?.[0];
    if (parser) return { message: langiumWords(parser.message ?? raw, parser.token?.image), line: parser.token?.startLine ?? null };
  }
  return { message: plain(raw), line: reported ? Number(reported[1]) : null };
}

/** "Expecting token of type 'NUMBER_PIE' but found `x`" (or a list of sequences) in plain words. */
function langiumWords(message: string, image: string | undefined): string {
  const names = [...message.matchAll(/\[(\w+)\]|type '(\w+)'/g)].map((match) => match[1] ?? match[2] ?? '');
  const wanted = [...new Set(names.map((name) => TOKEN_WORDS[name]).filter((word): word is string => word !== undefined))];
  const expected = wanted.length > 0 ? ` where Mermaid expected ${listOf(wanted.slice(0, 5))}` : '';
  if (image === undefined || image.trim() === '') return `the line ends too early${expected || ': something is missing at its end'}`;
  return `found "${image}"${expected || ', which Mermaid does not accept here'}`;
}

/** One line of Mermaid's own message, without its "Parsing failed:" prefix. */
function plain(message: string): string {
  const first = message.split('\n').map((line) => line.trim()).find(Boolean) ?? message;
  const text = first.replace(/^Parsing failed:\s*/i, '').replace(/^Error:\s*/, '');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The character a Jison message's caret points at ("...a --> ((c" over "------^"). */
function caretText(raw: string): string | null {
  const lines = raw.split('\n');
  const caret = lines.findIndex((line) => /^-*\^$/.test(line));
  if (caret < 1) return null;
  const char = lines[caret - 1]![lines[caret]!.length - 1];
  return char && char.trim() ? char : null;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
