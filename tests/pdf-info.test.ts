import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserManager } from '../src/browser/manager.js';
import { pdfFields } from './helpers/cli.js';
import { appendInfo } from '../src/export/pdf-info.js';
import { savePdf } from '../src/export/pdf-file.js';
import { loadPartPdf, withoutStructure } from '../src/export/pdf-parts.js';
import { readOutline } from '../src/course/pdf-outline.js';
// The outline reader tells PDF objects apart with instanceof: load with the copy of pdf-lib it uses.
import { PDFDocument as LecternPDFDocument } from '../src/vendor/pdf-lib.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), 'lectern-pdf-info-'));
const manager = new BrowserManager();
let printed: Uint8Array;

beforeAll(async () => {
  // What Chromium really writes: three pages, a title of its own.
  printed = await manager.withPage(async (page) => {
    await page.setContent(
      '<title>Chromium title</title><h1>First</h1><p>one <a href="https://example.org/">a link</a></p>' +
        '<h1 style="break-before: page">Second</h1><p>two</p><ul><li>an item</li></ul><h2 style="break-before: page">Third</h2><p>three</p>',
    );
    return page.pdf({ format: 'a4', outline: true, tagged: true });
  });
});
afterAll(async () => {
  await manager.close();
  rmSync(scratch, { recursive: true, force: true });
});


describe('appendInfo', () => {
  it('adds the metadata as an update after Chromium’s bytes, which stay untouched', () => {
    const title = 'Lesson 1: Ünïcode (parens) \\ “quotes” 🐳 </script>';
    const updated = appendInfo(printed, { title, author: 'A. Teacher', subject: 'Module 1', keywords: ['docker', 'pdf'], creator: 'Lectern' });
    expect(updated).not.toBeNull();
    expect(updated!.pages).toBe(3);
    expect(Buffer.from(updated!.bytes.subarray(0, printed.length)).equals(Buffer.from(printed))).toBe(true);
    const path = join(scratch, 'updated.pdf');
    writeFileSync(path, updated!.bytes);
    const info = pdfFields(path);
    expect(info['Title']).toBe(title);
    expect(info['Author']).toBe('A. Teacher');
    expect(info['Subject']).toBe('Module 1');
    expect(info['Keywords']).toBe('docker pdf');
    expect(info['Creator']).toBe('Lectern');
    // Chromium's producer is kept; the page count and text are the printed ones.
    expect(info['Producer']).toMatch(/Skia/);
    expect(info['Pages']).toBe('3');
    expect(execFileSync('pdftotext', ['-f', '3', '-l', '3', path, '-'], { encoding: 'utf8' })).toContain('three');
  });

  it('keeps Chromium’s title when none is given, and pdf-lib reads the result (module books merge it)', async () => {
    const updated = appendInfo(printed, { creator: 'Lectern' });
    const pdf = await PDFDocument.load(updated!.bytes);
    expect(pdf.getTitle()).toBe('Chromium title');
    expect(pdf.getCreator()).toBe('Lectern');
    expect(pdf.getPageCount()).toBe(3);
  });

  it('declines what Chromium does not write: an already updated file, a cross-reference stream, junk', async () => {
    expect(appendInfo(appendInfo(printed, {})!.bytes, {})).toBeNull();
    const rewritten = await (await PDFDocument.load(printed)).save({ useObjectStreams: true });
    expect(appendInfo(rewritten, {})).toBeNull();
    expect(appendInfo(new TextEncoder().encode('%PDF-1.4\nnot really\n%%EOF\n'), {})).toBeNull();
  });
});

describe('savePdf', () => {
  it('falls back to rewriting files it cannot update, with the same metadata', async () => {
    const rewritten = await (await PDFDocument.load(printed)).save({ useObjectStreams: true });
    const path = join(scratch, 'fallback.pdf');
    expect(await savePdf(rewritten, path, { title: 'Fallback', author: 'B. Teacher' })).toBe(3);
    const info = pdfFields(path);
    expect(info['Title']).toBe('Fallback');
    expect(info['Author']).toBe('B. Teacher');
    expect(info['Creator']).toBe('Lectern');
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});

describe('loadPartPdf', () => {
  const structureElements = (pdf: LecternPDFDocument) =>
    pdf.context.enumerateIndirectObjects().filter(([, object]) => /\/Type \/StructElem\b/.test(object.toString())).length;
  const pageTexts = async (pdf: LecternPDFDocument) => {
    const copy = await LecternPDFDocument.create();
    for (const page of await copy.copyPages(pdf, pdf.getPageIndices())) copy.addPage(page);
    const path = join(scratch, `copy-${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(path, await copy.save());
    return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  };

  it('leaves out Chromium’s structure elements, and the copied pages, their text and the outline stay the same', async () => {
    const whole = await LecternPDFDocument.load(printed);
    const part = await loadPartPdf(printed);
    expect(structureElements(whole)).toBeGreaterThan(5);
    expect(structureElements(part)).toBe(0);
    expect(part.getPageCount()).toBe(3);
    expect(readOutline(part)).toEqual(readOutline(whole));
    expect(readOutline(part).map((entry) => entry.title)).toEqual(['First', 'Second']);
    const text = await pageTexts(part);
    expect(text).toBe(await pageTexts(whole));
    expect(text).toMatch(/one a link[\s\S]*two[\s\S]*an item[\s\S]*three/);
  });

  it('takes the bytes as they are when there is nothing in Skia’s layout to leave out', async () => {
    const rewritten = await (await PDFDocument.load(printed)).save({ useObjectStreams: true });
    expect(withoutStructure(rewritten)).toBe(rewritten);
    expect((await loadPartPdf(rewritten)).getPageCount()).toBe(3);
    // Text that merely looks like a structure element, inside a stream, is not an object to drop.
    const fake = new TextEncoder().encode('%PDF-1.4\n5 0 obj\n<</Length 40>>\nstream\n6 0 obj\n<</Type /StructElem\n/S /P>>\nendstream\nendobj\n');
    expect(withoutStructure(fake)).toBe(fake);
  });
});
