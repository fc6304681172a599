/**
 * src/vendor/ is how third-party code is loaded where its package's usual entry will not do.
 *
 * This file: pdf-lib, loaded from its single-file build: the same library and API, in a third of the
 * time its hundreds of CommonJS modules take to load, which a one-lesson rebuild pays for its module
 * books. Every part of Lectern imports pdf-lib from here, so its objects all come from one copy (the
 * outline code tells PDF objects apart with `instanceof`).
 */
import { createRequire } from 'node:module';

type PdfLib = typeof import('pdf-lib');

const lib = createRequire(import.meta.url)('pdf-lib/dist/pdf-lib.min.js') as PdfLib;

export const { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, ParseSpeeds, StandardFonts } = lib;
export type PDFArray = import('pdf-lib').PDFArray;
export type PDFDict = import('pdf-lib').PDFDict;
export type PDFDocument = import('pdf-lib').PDFDocument;
export type PDFHexString = import('pdf-lib').PDFHexString;
export type PDFName = import('pdf-lib').PDFName;
export type PDFNumber = import('pdf-lib').PDFNumber;
export type PDFPage = import('pdf-lib').PDFPage;
export type PDFRef = import('pdf-lib').PDFRef;
export type PDFString = import('pdf-lib').PDFString;
export type { PDFObject } from 'pdf-lib';
