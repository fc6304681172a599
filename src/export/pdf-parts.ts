/**
 * Loading a printed PDF whose pages are about to be copied into another (a module book, a workshop
 * pack). Chromium writes tagged PDFs: nine objects in ten are structure elements, reachable from the
 * catalog's structure tree but from no page, so copied pages never take them along. Parsing them
 * as PDF objects was most of the time a one-lesson rebuild spent re-merging its module's books, so
 * they are set aside as text instead, for `pdf-structure.ts` to copy with a rewrite of their references.
 */
import { PDFDocument, ParseSpeeds } from '../vendor/pdf-lib.js';

const newline = 0x0a;
// How Skia writes a structure element: "12 0 obj\n<</Type /StructElem\n/S /P …>>\nendobj\n".
const structElem = Buffer.from(' obj\n<</Type /StructElem\n');
const endobj = Buffer.from('\nendobj\n');
const stream = Buffer.from('stream');
const objectNumber = /^\d+ \d+$/;

/** Structure element objects set aside while parsing a part: object number → its dictionary text. */
export type StructureElements = Map<number, string>;

/**
 * The PDF's bytes without the structure element objects Skia wrote, or the same bytes when there are
 * none in that layout (a PDF pdf-lib wrote keeps them in object streams, untouched). Only whole
 * objects that begin as Skia begins them and hold no stream are left out; the cross-reference table
 * still lists them, which a parser reading objects in order, as pdf-lib does, does not mind.
 */
export function withoutStructure(bytes: Uint8Array): Uint8Array {
  return splitStructure(bytes).bytes;
}

/**
 * `withoutStructure`, also returning the elements it left out as text, so that a merge can copy the
 * structure tree with a cheap rewrite of their references instead of a full parse.
 */
export function splitStructure(bytes: Uint8Array): { bytes: Uint8Array; elements: StructureElements } {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const elements: StructureElements = new Map();
  const kept: Buffer[] = [];
  let from = 0;
  for (let at = pdf.indexOf(structElem); at >= 0; at = pdf.indexOf(structElem, at + structElem.length)) {
    const lineStart = pdf.lastIndexOf(newline, at) + 1;
    const end = pdf.indexOf(endobj, at);
    if (lineStart < from || end < 0) continue;
    const header = pdf.toString('latin1', lineStart, at);
    if (!objectNumber.test(header)) continue;
    const streamAt = pdf.indexOf(stream, at);
    if (streamAt >= 0 && streamAt < end) continue;
    kept.push(pdf.subarray(from, lineStart));
    // The dictionary, from "<<" to its end, as Latin-1 so that every byte survives the round trip.
    elements.set(Number(header.split(' ')[0]), pdf.toString('latin1', at + 5, end));
    from = end + endobj.length;
  }
  if (from === 0) return { bytes, elements };
  kept.push(pdf.subarray(from));
  return { bytes: Buffer.concat(kept), elements };
}

const partElements = new WeakMap<PDFDocument, StructureElements>();

/** The structure elements set aside when `pdf` was loaded by `loadPartPdf` (empty for an untagged part). */
export function structureElementsOf(pdf: PDFDocument): StructureElements {
  return partElements.get(pdf) ?? new Map();
}

/** A printed PDF, parsed for copying its pages (and reading its outline): structure elements set aside. */
export async function loadPartPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const split = splitStructure(bytes);
  // Parsed in one go: yielding between objects only slows a merge nothing waits on.
  const pdf = await PDFDocument.load(split.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  partElements.set(pdf, split.elements);
  return pdf;
}
