/**
 * Fence labels that name no file kind: program output, logs, diffs, notation, and labels that say
 * "some code" without naming a language. They have no pack; this says how each is treated.
 */

interface NonCode {
  /** The detector never second-guesses the label. */
  opaque?: boolean;
  /** No file name makes sense for the block. */
  noFileName?: boolean;
  /** Never a "write this file" task. */
  noTask?: boolean;
  /** Says "some code" without naming a language (Carpentries' `source`): detection decides as if unlabelled. */
  unspecific?: boolean;
}

const OUTPUT: NonCode = { opaque: true, noFileName: true, noTask: true };
const NOTATION: NonCode = { opaque: true };

const NON_CODE = new Map<string, NonCode>([
  ['output', OUTPUT], ['out', { opaque: true, noFileName: true }], ['error', OUTPUT], ['warning', OUTPUT], ['log', OUTPUT],
  ['diff', OUTPUT], ['patch', OUTPUT], ['mermaid', OUTPUT],
  ['csv', NOTATION], ['tsv', NOTATION], ['result', NOTATION], ['stdout', NOTATION], ['stderr', NOTATION], ['math', NOTATION],
  ['latex', NOTATION], ['tex', NOTATION], ['dot', NOTATION], ['graphviz', NOTATION], ['plantuml', NOTATION], ['pycon', NOTATION],
  ['ipython', NOTATION],
  ['http', { opaque: true, noTask: true }],
  ['source', { unspecific: true, noTask: true }],
  ['code', { unspecific: true }],
]);

/** How Lectern treats a label that names no file kind, or undefined for any other label. */
export function nonCode(label: string): NonCode | undefined {
  return NON_CODE.get(label);
}
