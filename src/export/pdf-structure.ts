/**
 * Keeps a merged PDF tagged: the parts' structure trees (headings, lists, figures and their
 * alternative text) copied under one root, in the parts' order, each part a `Part` element of one
 * `Document`. The parts' structure elements arrive as text (`pdf-parts.ts` sets them aside unparsed);
 * copying one is a rewrite of its object references (parent, kids, pages, link annotations) to
 * the merged file's objects, which costs a fraction of parsing it. The parent tree, which leads
 * from marked content on a page back to its element, is renumbered part by part.
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFInvalidObject,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
  type PDFPage,
} from '../vendor/pdf-lib.js';
import { structureElementsOf } from './pdf-parts.js';

const name = (key: string) => PDFName.of(key);
// A literal string (Skia escapes parentheses inside), a hex string, or an indirect reference.
const token = /\((?:\\[\s\S]|[^\\()])*\)|<[0-9A-Fa-f\s]*>|(\d+) (\d+) R/g;

/** Collects the parts' structure trees while their pages are copied into `target`. */
export class StructureMerger {
  readonly #target: PDFDocument;
  readonly #documentRef: PDFRef;
  readonly #parts: PDFRef[] = [];
  readonly #parentTree: PDFObject[] = [];
  #nextKey = 0;

  constructor(target: PDFDocument) {
    this.#target = target;
    this.#documentRef = target.context.nextRef();
  }

  /** Copies the structure of `source`, whose pages `copied` (all of them, in order) now are in the target. */
  add(source: PDFDocument, copied: readonly PDFPage[]): void {
    const root = source.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
    const elements = structureElementsOf(source);
    if (!root || elements.size === 0) return;
    const { context } = this.#target;
    const refs = new Map<string, PDFRef>();
    const sourcePages = source.getPages();
    sourcePages.forEach((page, index) => {
      const to = copied[index];
      if (!to) return;
      refs.set(page.ref.toString(), to.ref);
      // Link annotations are copied with their page, in order; the elements point at them.
      const from = page.node.Annots();
      const into = to.node.Annots();
      for (let i = 0; from && into && i < from.size(); i++) {
        const a = from.get(i);
        const b = into.get(i);
        if (a instanceof PDFRef && b instanceof PDFRef) refs.set(a.toString(), b);
      }
    });
    for (const number of elements.keys()) refs.set(`${number} 0 R`, context.nextRef());
    const partRef = context.nextRef();
    const rootRef = source.context.getObjectRef(root);
    if (rootRef) refs.set(rootRef.toString(), partRef);

    const mapped = (ref: string) => refs.get(ref)?.toString() ?? 'null';
    const top = new Set(refsIn(root.get(name('K'))));
    for (const [number, text] of elements) {
      let body = text.replace(token, (match, object?: string, generation?: string) => (object === undefined ? match : mapped(`${object} ${generation} R`)));
      // The part's own document element becomes a plain group inside the merged document.
      if (top.has(`${number} 0 R`)) body = body.replace('/S /Document', '/S /Sect');
      context.assign(refs.get(`${number} 0 R`)!, PDFInvalidObject.of(Buffer.from(body, 'latin1')));
    }
    const kids = [...top].map((ref) => refs.get(ref)).filter((ref): ref is PDFRef => ref !== undefined);
    context.assign(partRef, context.obj({ Type: 'StructElem', S: 'Part', P: this.#documentRef, K: kids }));
    this.#parts.push(partRef);

    // The parent tree: marked content of page N (its StructParents key) and each annotation's key.
    const offset = this.#nextKey;
    const tree = root.lookupMaybe(name('ParentTree'), PDFDict);
    let highest = -1;
    for (const [key, value] of numberTreeEntries(tree)) {
      highest = Math.max(highest, key);
      this.#parentTree.push(PDFNumber.of(key + offset), this.#copyParent(value, source, refs));
    }
    const next = root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? highest + 1;
    this.#nextKey += Math.max(next, highest + 1);
    for (const page of copied) {
      const own = page.node.lookupMaybe(name('StructParents'), PDFNumber);
      if (own) page.node.set(name('StructParents'), PDFNumber.of(own.asNumber() + offset));
      const annots = page.node.Annots();
      for (let i = 0; annots && i < annots.size(); i++) {
        const annot = annots.lookupMaybe(i, PDFDict);
        const key = annot?.lookupMaybe(name('StructParent'), PDFNumber);
        if (annot && key) annot.set(name('StructParent'), PDFNumber.of(key.asNumber() + offset));
      }
    }
  }

  /** Writes the merged tree into the target's catalog and marks the document as tagged, in `lang`. */
  finish(lang: string | null): void {
    if (this.#parts.length === 0) return;
    const { context, catalog } = this.#target;
    const document = context.obj({ Type: 'StructElem', S: 'Document', K: this.#parts }) as PDFDict;
    if (lang) document.set(name('Lang'), PDFString.of(lang));
    const rootRef = context.nextRef();
    document.set(name('P'), rootRef);
    context.assign(this.#documentRef, document);
    const parentTree = context.register(context.obj({ Nums: this.#parentTree }));
    context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: this.#documentRef, ParentTree: parentTree, ParentTreeNextKey: this.#nextKey }));
    catalog.set(name('StructTreeRoot'), rootRef);
    catalog.set(name('MarkInfo'), context.obj({ Marked: PDFBool.True }));
    if (lang) catalog.set(name('Lang'), PDFString.of(lang));
  }

  /** One parent tree value: an element (for an annotation) or an array of elements (for a page's marked content). */
  #copyParent(value: PDFObject, source: PDFDocument, refs: Map<string, PDFRef>): PDFObject {
    const map = (item: PDFObject | undefined): PDFObject => (item instanceof PDFRef ? (refs.get(item.toString()) ?? PDFNull) : PDFNull);
    if (value instanceof PDFRef && refs.has(value.toString())) return map(value);
    const array = value instanceof PDFRef ? source.context.lookup(value) : value;
    if (!(array instanceof PDFArray)) return PDFNull;
    return this.#target.context.register(this.#target.context.obj(array.asArray().map(map)));
  }
}

/** The document language a part was printed in (`/Lang` of its catalog), or null. */
export function languageOf(pdf: PDFDocument): string | null {
  const lang = pdf.catalog.lookup(name('Lang'));
  return lang instanceof PDFString ? lang.decodeText() : null;
}

function refsIn(value: PDFObject | undefined): string[] {
  if (value instanceof PDFRef) return [value.toString()];
  if (value instanceof PDFArray) return value.asArray().flatMap((item) => (item instanceof PDFRef ? [item.toString()] : []));
  return [];
}

/** The key/value pairs of a number tree (ISO 32000-1 §7.9.7), leaves and kids alike. */
function numberTreeEntries(tree: PDFDict | undefined, depth = 0): Array<[number, PDFObject]> {
  if (!tree || depth > 16) return [];
  const entries: Array<[number, PDFObject]> = [];
  const nums = tree.lookupMaybe(name('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.get(i);
    if (key instanceof PDFNumber) entries.push([key.asNumber(), nums.get(i + 1)]);
  }
  const kids = tree.lookupMaybe(name('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) entries.push(...numberTreeEntries(kids.lookupMaybe(i, PDFDict), depth + 1));
  return entries;
}
