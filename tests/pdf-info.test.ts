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

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), 'lectern-pdf-info-'));
const manager = new BrowserManager();
let printed: Uint8Array;

beforeAll(async () => {
  // What Chromium really writes: three pages, a title of its own.
  printed = await manager.withPage(async (page) => {
    await page.setContent('<title>Chromium title</title><p>one</p><p style="break-before: page">two</p><p style="break-before: page">three</p>');
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
