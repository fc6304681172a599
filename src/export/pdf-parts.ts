/**
 * Loading a printed PDF whose pages are about to be copied into another (a module book, a workshop
 * pack). Chromium writes tagged PDFs: nine objects in ten are structure elements, reachable from the
 * catalog's structure tree but from no page, so copied pages never take them along. Parsing them
 * anyway was most of the time a one-lesson rebuild spent re-merging its module's books.
 */
import { PDFDocument, ParseSpeeds } from '../vendor/pdf-lib.js';

const newline = 0x0a;
// How Skia writes a structure element: "12 0 obj\n<</Type /StructElem\n/S /P …>>\nendobj\n".
const structElem = Buffer.from(' obj\n<</Type /StructElem\n');
const endobj = Buffer.from('\nendobj\n');
const stream = Buffer.from('stream');
const objectNumber = /^\d+ \d+$/;

/**
 * The PDF's bytes without the structure element objects Skia wrote, or the same bytes when there are
 * none in that layout (a PDF pdf-lib wrote keeps them in object streams, untouched). Only whole
 * objects that begin as Skia begins them and hold no stream are left out; the cross-reference table
 * still lists them, which a parser reading objects in order, as pdf-lib does, does not mind.
 */
export function withoutStructure(bytes: Uint8Array): Uint8Array {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Buffer[] = [];
  let from = 0;
  for (let at = pdf.indexOf(structElem); at >= 0; at = pdf.indexOf(structElem, at + structElem.length)) {
    const lineStart = pdf.lastIndexOf(newline, at) + 1;
    const end = pdf.indexOf(endobj, at);
    if (lineStart < from || end < 0) continue;
    if (!objectNumber.test(pdf.toString('latin1', lineStart, at))) continue;
    const streamAt = pdf.indexOf(stream, at);
    if (streamAt >= 0 && streamAt < end) continue;
    kept.push(pdf.subarray(from, lineStart));
    from = end + endobj.length;
  }
  if (from === 0) return bytes;
  kept.push(pdf.subarray(from));
  return Buffer.concat(kept);
}

/** A printed PDF, parsed for copying its pages (and reading its outline): structure elements left out. */
export function loadPartPdf(bytes: Uint8Array): Promise<PDFDocument> {
  // Parsed in one go: yielding between objects only slows a merge nothing waits on.
  return PDFDocument.load(withoutStructure(bytes), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}
