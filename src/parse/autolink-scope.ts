/**
 * GFM autolink literals (`https://…`, `www.…`, `someone@example.org` in plain text), looked for only
 * where they can be, in both of the places remark-gfm looks for them.
 *
 * - The transform. mdast-util-gfm-autolink-literal walks the whole tree once per pattern (four
 *   times) and tests every node on the way: on a course's lessons and lecture notes that was a
 *   tenth of all parsing. Every one of its patterns needs `@`, `http://`/`https://` or `www.` in a
 *   text node, so its transform is run on the top-level blocks that have such a text node, and on
 *   nothing else. The result is the same tree: the transform only rewrites text nodes, judges a
 *   match by the text node's own value, and skips links (never a top-level block).
 * - The tokenizer. micromark-extension-gfm-autolink-literal hangs its email construct on every
 *   letter and digit and its `http(s)://` and `www.` constructs on `h` and `w`, so micromark stops
 *   its run of plain text at the start of almost every word to try them, and they fail: a sixth of
 *   the tokenizer's time on a course. Each construct succeeds only where the source, from that
 *   character on, reads `[-+.\w]*@`, `http://`/`https://` or `www.` (case aside), which a sticky
 *   pattern tells at once; elsewhere the character is not a place to stop (the construct's
 *   `previous`, which is all that micromark asks before trying it, says no). The constructs
 *   themselves are unchanged, and the tokens the text ends up with are the same: micromark joins
 *   runs of plain text that it stopped and started again.
 */
import type { Plugin } from 'unified';
import type { Root, Nodes } from 'mdast';
import type { Code, Construct, Extension, TokenizeContext } from 'micromark-util-types';

type Transform = (tree: Root) => Root | undefined | void;

interface FromMarkdownExtension {
  enter?: Record<string, unknown>;
  transforms?: Transform[];
}

/** Text that one of the autolink patterns could match (a superset of their matches). */
const CANDIDATE = /@|https?:\/\/|www\./i;

/**
 * A unified plugin, used after remark-gfm: wraps the autolink-literal transform among the parser's
 * mdast extensions so that it runs on the blocks that may hold an autolink only.
 */
export const scopeAutolinkLiterals: Plugin<[], Root> = function () {
  const extensions = (this.data('fromMarkdownExtensions') ?? []) as unknown[];
  for (const extension of flatten(extensions)) {
    if (!extension.enter || !('literalAutolinkEmail' in extension.enter) || !extension.transforms) continue;
    extension.transforms = extension.transforms.map(scoped);
  }
  const syntax = (this.data('micromarkExtensions') ?? []) as Array<Extension | Extension[]>;
  this.data('micromarkExtensions', syntax.map(gatedSyntax) as Extension[]);
  // The gates read the document being parsed: the parser (remark-parse's, set before this plugin)
  // hands it over for the length of each parse.
  const parse = this.parser;
  if (parse) {
    this.parser = (document, file) => {
      const outer = source;
      source = document.charCodeAt(0) === 0xfeff ? document.slice(1) : document;
      try {
        return parse(document, file);
      } finally {
        source = outer;
      }
    };
  }
};

/** The document micromark is tokenizing (a byte order mark, which micromark skips, left out), or null. */
let source: string | null = null;

/**
 * The document being parsed by a processor that uses this plugin, as micromark's offsets count it
 * (without a byte order mark); null outside such a parse. Other gates (table-gate.ts) read it too.
 */
export function parsingSource(): string | null {
  return source;
}

/** What each autolink-literal construct needs to read from its first character on. */
const AHEAD: Record<string, RegExp> = {
  emailAutolink: /[-+.\w]*@/y,
  protocolAutolink: /https?:\/\//iy,
  wwwAutolink: /www\./iy,
};

const gated = new Map<Construct, Construct>();

/** The construct with a `previous` that also asks the source for what the construct needs ahead. */
function gate(construct: Construct): Construct {
  const ahead = construct.name ? AHEAD[construct.name] : undefined;
  if (!ahead || !construct.previous) return construct;
  let copy = gated.get(construct);
  if (!copy) {
    const previous = construct.previous;
    copy = {
      ...construct,
      previous(this: TokenizeContext, code: Code): boolean {
        if (!previous.call(this, code)) return false;
        // Outside a parse this plugin set up (no source), the construct is tried as remark-gfm would.
        if (source === null) return true;
        ahead.lastIndex = this.now().offset;
        return ahead.test(source);
      },
    };
    gated.set(construct, copy);
  }
  return copy;
}

function gatedSyntax(extension: Extension | Extension[]): Extension | Extension[] {
  if (Array.isArray(extension)) return extension.map((one) => gatedSyntax(one) as Extension);
  if (!extension.text) return extension;
  const text: NonNullable<Extension['text']> = {};
  for (const [code, constructs] of Object.entries(extension.text)) {
    text[code as unknown as number] = Array.isArray(constructs) ? constructs.map(gate) : gate(constructs as Construct);
  }
  return { ...extension, text };
}

function scoped(transform: Transform): Transform {
  return (tree) => {
    for (const block of tree.children) {
      if (mayHoldAutolink(block)) transform(block as unknown as Root);
    }
  };
}

/** Whether a text node under `node` has what an autolink literal needs. */
export function mayHoldAutolink(node: Nodes): boolean {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'text' && CANDIDATE.test(next.value)) return true;
    if ('children' in next) for (const child of next.children) stack.push(child as Nodes);
  }
  return false;
}

function flatten(list: readonly unknown[]): FromMarkdownExtension[] {
  return list.flatMap((item) => (Array.isArray(item) ? flatten(item) : [item as FromMarkdownExtension]));
}
