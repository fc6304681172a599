/**
 * GFM tables, tried only where one can start.
 *
 * micromark-extension-gfm-table hangs its construct on every start of flow content: the first line
 * of every paragraph is tokenized once as a possible table head row (cell by cell, a token for each
 * word and space) before it is found to be no table at the line's end, and then again as the
 * paragraph. On a course's lessons and lecture notes that was about a tenth of the tokenizer's time
 * and of what it allocated. A head row is a table only when the line under it is a delimiter row,
 * and a delimiter row always holds a `|` or a `:` (its cells are dashes, so without either there is
 * no cell divider and no alignment: micromark's `seen`); so where the next line of the source holds
 * neither, the construct is told no at once. Body rows (a line after a table's head or a row) are
 * left to the construct, as is everything when the source is unknown. The construct itself is
 * unchanged: the tree is the same, only the failing attempts are cut short.
 *
 * The source comes from `scopeAutolinkLiterals` (autolink-scope.ts), which must be in the same
 * processor; micromark's offsets there count the document's characters, container prefixes (`> `,
 * list indents) included, so the next line of the source holds the delimiter row and maybe more.
 */
import type { Plugin } from 'unified';
import type { Root } from 'mdast';
import type { Construct, Extension, State, TokenizeContext } from 'micromark-util-types';
import { parsingSource } from './autolink-scope.js';

const PIPE = 124;
const COLON = 58;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** A unified plugin, used after remark-gfm and scopeAutolinkLiterals: the table construct, gated. */
export const gateTables: Plugin<[], Root> = function () {
  const syntax = (this.data('micromarkExtensions') ?? []) as Array<Extension | Extension[]>;
  this.data('micromarkExtensions', syntax.map(gatedSyntax) as Extension[]);
};

function gatedSyntax(extension: Extension | Extension[]): Extension | Extension[] {
  if (Array.isArray(extension)) return extension.map((one) => gatedSyntax(one) as Extension);
  const anywhere = extension.flow?.null;
  if (!anywhere) return extension;
  const gated = Array.isArray(anywhere) ? anywhere.map(gate) : gate(anywhere as Construct);
  return { ...extension, flow: { ...extension.flow, null: gated } };
}

const gatedCopies = new Map<Construct, Construct>();

function gate(construct: Construct): Construct {
  if (construct.name !== 'table') return construct;
  let copy = gatedCopies.get(construct);
  if (!copy) {
    const tokenize = construct.tokenize;
    copy = {
      ...construct,
      tokenize(this: TokenizeContext, effects, ok, nok): State {
        return mayBeTable(this) ? tokenize.call(this, effects, ok, nok) : nok;
      },
    };
    gatedCopies.set(construct, copy);
  }
  return copy;
}

/** Whether a table (a head row, or a body row of a table above) could start where `context` is. */
export function mayBeTable(context: TokenizeContext): boolean {
  const source = parsingSource();
  if (source === null) return true;
  // After a table's head or row (and the line ending or indent that follows it): a body row, which
  // needs nothing of the next line. This is how the construct itself tells the two apart.
  const events = context.events;
  let index = events.length - 1;
  while (index >= 0 && (events[index]![1].type === 'lineEnding' || events[index]![1].type === 'linePrefix')) index--;
  const tail: string | null = index >= 0 ? events[index]![1].type : null;
  if (tail === 'tableHead' || tail === 'tableRow') return true;
  // A head row ends at its line's end; the delimiter row is the next line, which needs `|` or `:`.
  let at = context.now().offset;
  while (at < source.length && source.charCodeAt(at) !== LINE_FEED && source.charCodeAt(at) !== CARRIAGE_RETURN) at++;
  if (at >= source.length) return false;
  at += source.charCodeAt(at) === CARRIAGE_RETURN && source.charCodeAt(at + 1) === LINE_FEED ? 2 : 1;
  for (; at < source.length; at++) {
    const code = source.charCodeAt(at);
    if (code === PIPE || code === COLON) return true;
    if (code === LINE_FEED || code === CARRIAGE_RETURN) return false;
  }
  return false;
}
