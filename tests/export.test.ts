import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserManager } from '../src/browser/manager.js';
import { pdfFields } from './helpers/cli.js';
import { EnvironmentError, InputError, LecternError } from '../src/errors.js';
import { writeFileAtomic } from '../src/export/atomic.js';
import { deckHtml } from '../src/export/deck-html.js';
import { exportDocumentPdf } from '../src/export/document-pdf.js';
import { scriptHash } from '../src/export/html-document.js';
import { createMarp, renderMarp } from '../src/export/marp.js';
import { exportDeckPdf, measureDeck } from '../src/export/pdf.js';
import type { DeckPdfResult } from '../src/export/pdf.js';
import { exportDeckPptx } from '../src/export/pptx.js';
import { deckPrintHtml } from '../src/export/print-html.js';

// Real Chromium on a busy CI box: launching and printing take seconds.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), 'lectern-export-test-'));
const manager = new BrowserManager();
afterAll(async () => {
  await manager.close();
  rmSync(scratch, { recursive: true, force: true });
});

const theme = "/* @theme t */ section { font-family: 'DejaVu Sans'; }";
const items = Array.from({ length: 40 }, (_, i) => `- item ${i + 1}`).join('\n');
const deckMarkdown = `---
marp: true
theme: t
---

# Alpha slide

Hello :smile: <b>not bold</b> and $x^2$

![diagram](assets/diagram.svg)

<!-- Say hello & welcome </script> -->

---

# Beta list

${items}

<!-- Pace yourself. -->

---

# Gamma end

Thanks

<!-- _class: closing -->
`;

// Text inside the SVG proves the relative asset path resolved: pdftotext reads it from the vector image.
const diagram =
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80"><rect width="240" height="80" fill="#36c"/>' +
  '<text x="12" y="52" font-family="DejaVu Sans" font-size="32" fill="#fff">DIAGRAMTEXT</text></svg>';

/** A lesson output folder with the diagram asset. */
function lessonDir(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'assets', 'diagram.svg'), diagram);
  return dir;
}

const rendered = renderMarp(createMarp([theme]), deckMarkdown);


function pdfPageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

// jszip (a dependency of pptxgenjs) rather than the unzip tool, which a fresh machine may lack.
async function zipEntries(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
}

async function zipEntry(file: string, entry: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file(entry)!.async('nodebuffer');
}

describe('renderMarp', () => {
  it('keeps lesson HTML as text, renders emoji offline, leaves math as text, and collects notes per slide', () => {
    expect(rendered.slides).toHaveLength(3);
    expect(rendered.html).toContain('&lt;b&gt;not bold&lt;/b&gt;');
    expect(rendered.html).not.toContain('<b>');
    expect(rendered.html).toContain('😄');
    expect(rendered.html).not.toMatch(/<img[^>]+twemoji/);
    // Math is off: no MathJax (or KaTeX fonts from a CDN); the dollar text stays as written.
    expect(rendered.html).not.toMatch(/<mjx-container/);
    expect(rendered.html).toContain("$x^2$");
    expect(rendered.comments).toEqual([['Say hello & welcome </script>'], ['Pace yourself.'], []]);
  });

  it('rejects a theme without a @theme name', () => {
    expect(() => createMarp(['section { color: red; }'])).toThrow(InputError);
  });
});

describe('deckHtml', () => {
  const dir = lessonDir('deck-html');
  const html = deckHtml(rendered, { title: 'Alpha & <Beta>', lang: 'en' });
  const file = join(dir, 'deck.html');
  writeFileSync(file, html);

  it('is self-contained: no external URLs, one script allowed by its hash, notes escaped', () => {
    // Namespace names are identifiers, not requests.
    const urls = html.replace(/xmlns(:\w+)?="[^"]*"/g, '').match(/(https?:)?\/\/[\w.-]+\.[a-z]{2,}/gi);
    expect(urls).toBeNull();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(html).toContain(`script-src '${scriptHash(scripts[0]![1]!)}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<title>Alpha &amp; &lt;Beta&gt;</title>');
    expect(html).toContain('Say hello &amp; welcome &lt;/script&gt;');
    expect(html).toContain('Pace yourself.');
  });

  it('navigates by keys, clicks and #n links, and opens a presenter view with notes and the next slide', async () => {
    // Driven like a reader would (keys, clicks, touch): a page in a window of its own, never a hidden tab.
    const lease = await manager.openPage({ allowedRoots: [dir], visible: true });
    const { page } = lease;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await page.setViewport({ width: 1000, height: 600 });
      await page.goto(`${pathToFileURL(file).href}#2`);
      const state = () =>
        page.evaluate(() => ({
          hash: location.hash,
          counter: document.querySelector('.lectern-counter')?.textContent,
          shown: Array.from(document.querySelectorAll('svg[data-marpit-svg]'))
            .filter((svg) => getComputedStyle(svg).display !== 'none')
            .map((svg) => svg.querySelector('h1')?.textContent),
        }));

      expect(await state()).toEqual({ hash: '#2', counter: '2 / 3', shown: ['Beta list'] });
      await page.keyboard.press('ArrowRight');
      expect(await state()).toEqual({ hash: '#3', counter: '3 / 3', shown: ['Gamma end'] });
      await page.keyboard.press('ArrowRight');
      expect((await state()).counter).toBe('3 / 3');
      await page.keyboard.press('Home');
      expect(await state()).toEqual({ hash: '#1', counter: '1 / 3', shown: ['Alpha slide'] });
      await page.mouse.click(500, 300);
      expect((await state()).counter).toBe('2 / 3');
      await page.keyboard.press('PageUp');
      expect((await state()).counter).toBe('1 / 3');
      await page.setViewport({ width: 1000, height: 600, hasTouch: true });
      await page.touchscreen.touchStart(800, 300);
      await page.touchscreen.touchMove(300, 320);
      await page.touchscreen.touchEnd();
      expect((await state()).counter).toBe('2 / 3');
      await page.keyboard.press('PageUp');
      // The asset loads from file:// under the page's policy.
      expect(await page.$eval('img[alt="diagram"]', (img) => (img as HTMLImageElement).naturalWidth)).toBe(240);

      const opened = page.browser().waitForTarget((target) => target.opener() === page.target());
      await page.keyboard.press('p');
      const presenter = await (await opened).page();
      expect(presenter).not.toBeNull();
      try {
        const view = () =>
          presenter!.evaluate(() => ({
            current: document.querySelector('.lectern-presenter-current h1')?.textContent,
            next: document.querySelector('.lectern-presenter-next h1')?.textContent,
            notes: document.querySelector('.lectern-presenter-notes')?.textContent,
            timer: document.querySelector('.lectern-presenter-timer')?.textContent,
          }));
        expect(await view()).toEqual({
          current: 'Alpha slide',
          next: 'Beta list',
          notes: 'Say hello & welcome </script>',
          timer: '00:00',
        });
        await page.keyboard.press('End');
        expect(await view()).toEqual({ current: 'Gamma end', next: undefined, notes: '', timer: expect.any(String) });
      } finally {
        await presenter?.close();
      }
      expect(errors).toEqual([]);
      expect(lease.blocked).toEqual([]);
    } finally {
      await lease.close();
    }
  });
});

describe('exportDeckPdf', () => {
  const dir = lessonDir('pdf');
  const out = join(dir, 'deck.pdf');
  const html = deckPrintHtml(rendered, { title: 'Alpha', lang: 'en' });
  let result: DeckPdfResult;

  beforeAll(async () => {
    result = await exportDeckPdf(manager, {
      html,
      baseDir: dir,
      out,
      metadata: { title: 'Alpha lesson', author: 'A. Teacher', subject: 'Testing', keywords: ['marp', 'pdf'] },
    });
  });

  it('prints one 1280×720 px (960×540 pt) page per slide, with metadata', () => {
    expect(result.pages).toBe(3);
    const info = pdfFields(out);
    expect(info['Pages']).toBe('3');
    expect(info['Page size']).toBe('960 x 540 pts');
    expect(info['Title']).toBe('Alpha lesson');
    expect(info['Author']).toBe('A. Teacher');
    expect(info['Subject']).toBe('Testing');
    expect(info['Creator']).toBe('Lectern');
  });

  it('has each slide’s text on its own page, the local SVG asset included, clipped text left out', () => {
    const first = pdfPageText(out, 1);
    expect(first).toContain('Alpha slide');
    expect(first).toContain('DIAGRAMTEXT');
    const second = pdfPageText(out, 2);
    expect(second).toContain('Beta list');
    expect(second).toContain('item 1\n');
    expect(second).not.toContain('item 40');
    expect(pdfPageText(out, 3)).toContain('Gamma end');
    expect(readdirSync(dir).sort()).toEqual(['assets', 'deck.pdf']);
  });

  it('reports the overflowing slide, and only it', async () => {
    expect(result.overflow).toHaveLength(1);
    expect(result.overflow[0]).toMatchObject({ index: 1 });
    expect(result.overflow[0]!.ratio).toBeGreaterThan(1);
    expect(result.overflow[0]!.overflowPx).toBeGreaterThan(100);
    expect(result.blocked).toEqual([]);
    const measured = await measureDeck(manager, html, dir);
    expect(measured).toEqual({ slides: 3, overflow: result.overflow, blocked: [] });
  });

  it('stops reporting overflow once the slide is split', async () => {
    const split = deckMarkdown.replace('- item 21\n', '\n---\n\n# Beta, continued\n\n- item 21\n');
    const measured = await measureDeck(manager, deckPrintHtml(renderMarp(createMarp([theme]), split)), dir);
    expect(measured.slides).toBe(4);
    expect(measured.overflow).toEqual([]);
  });

  it('adds a page of speaker notes after each slide that has notes', async () => {
    const notesOut = join(dir, 'deck-notes.pdf');
    const notes = await exportDeckPdf(manager, { html, baseDir: dir, out: notesOut, notes: true });
    expect(notes.pages).toBe(5);
    expect(pdfFields(notesOut)['Pages']).toBe('5');
    expect(pdfPageText(notesOut, 2)).toContain('Say hello & welcome </script>');
    expect(pdfPageText(notesOut, 3)).toContain('Beta list');
    expect(pdfPageText(notesOut, 4)).toContain('Pace yourself.');
    expect(pdfPageText(notesOut, 5)).toContain('Gamma end');
  });

  it('blocks a remote image, reports it, and still exports', async () => {
    const remote = renderMarp(createMarp([theme]), '---\nmarp: true\ntheme: t\n---\n\n# Remote\n\n![x](https://example.com/a.png)\n');
    const remoteOut = join(dir, 'remote.pdf');
    const exported = await exportDeckPdf(manager, { html: deckPrintHtml(remote), baseDir: dir, out: remoteOut });
    expect(exported.blocked).toContainEqual({ url: 'https://example.com/a.png', resourceType: 'image', reason: 'scheme' });
    expect(exported.pages).toBe(1);
    expect(pdfPageText(remoteOut, 1)).toContain('Remote');
  });
});

describe('exportDeckPptx', () => {
  it('writes one full-slide picture per slide, with the speaker notes', async () => {
    const dir = lessonDir('pptx');
    const out = join(dir, 'deck.pptx');
    const result = await exportDeckPptx(manager, {
      html: deckPrintHtml(rendered),
      baseDir: dir,
      out,
      notes: rendered.comments,
      metadata: { title: 'Alpha lesson' },
    });
    expect(result).toEqual({ slides: 3, blocked: [] });

    const entries = (await zipEntries(out));
    for (const n of [1, 2, 3]) {
      expect(entries).toContain(`ppt/slides/slide${n}.xml`);
      expect(entries).toContain(`ppt/notesSlides/notesSlide${n}.xml`);
    }
    expect(entries).not.toContain('ppt/slides/slide4.xml');
    expect((await zipEntry(out, 'ppt/notesSlides/notesSlide1.xml')).toString()).toContain('Say hello &amp; welcome &lt;/script&gt;');
    expect((await zipEntry(out, 'ppt/notesSlides/notesSlide2.xml')).toString()).toContain('Pace yourself.');
    // 16:9 at 13.33×7.5 in, PowerPoint's widescreen size.
    expect((await zipEntry(out, 'ppt/presentation.xml')).toString()).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const pictures = entries.filter((entry) => entry.startsWith('ppt/media/') && entry.endsWith('.png'));
    expect(pictures).toHaveLength(3);
    // The PNG header's width and height: slides at twice their CSS size.
    const png = (await zipEntry(out, pictures[0]!));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2560, 1440]);
    expect(readdirSync(dir).sort()).toEqual(['assets', 'deck.pptx']);
  });
});

describe('exportDocumentPdf', () => {
  it('prints on the paper size with the running header and footer, assets resolved, metadata set', async () => {
    const dir = lessonDir('document');
    const out = join(dir, 'handout.pdf');
    const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i + 1}</p>`).join('');
    const html =
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Handout</title>' +
      '<style>@page { size: A4; margin: 20mm 16mm; } body { font: 12pt "DejaVu Sans"; }</style></head>' +
      `<body><h1>Handout title</h1><img src="assets/diagram.svg" alt="diagram">${paragraphs}</body></html>`;
    const result = await exportDocumentPdf(manager, {
      html,
      baseDir: dir,
      out,
      paper: 'a4',
      headerTemplate: '<div style="font-size:8pt;margin:0 16mm">Running head</div>',
      footerTemplate:
        '<div style="font-size:8pt;margin:0 16mm">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      title: 'Alpha handout',
      author: 'A. Teacher',
    });
    const info = pdfFields(out);
    expect(result).toEqual({ pages: Number(info['Pages']), blocked: [] });
    expect(result.pages).toBeGreaterThan(1);
    // Chromium rounds the sheet to whole CSS pixels: 594.96 x 841.92 pts, which pdfinfo still calls A4.
    expect(info['Page size']).toMatch(/^59\d\.\d+ x 84\d\.\d+ pts \(A4\)$/);
    expect(info['Title']).toBe('Alpha handout');
    const first = pdfPageText(out, 1);
    expect(first).toContain('Running head');
    expect(first).toContain(`Page 1 of ${result.pages}`);
    expect(first).toContain('DIAGRAMTEXT');
  });
});

describe('atomic writes', () => {
  it('leaves the previous PDF byte-identical, and no temp files, when an export fails', async () => {
    const dir = lessonDir('atomic-pdf');
    const out = join(dir, 'deck.pdf');
    await exportDeckPdf(manager, { html: deckPrintHtml(rendered), baseDir: dir, out });
    const good = readFileSync(out);

    // Fails in the browser, after loading: the page has no slides.
    const empty = deckPrintHtml({ html: '<div class="marpit"></div>', slides: [], css: '', comments: [] });
    await expect(exportDeckPdf(manager, { html: empty, baseDir: dir, out })).rejects.toThrow(LecternError);
    // Fails before the browser: the lesson folder is missing.
    await expect(
      exportDeckPdf(manager, { html: deckPrintHtml(rendered), baseDir: join(dir, 'missing'), out }),
    ).rejects.toThrow(EnvironmentError);
    // Fails at the write: the PDF's folder is gone.
    await expect(
      exportDeckPdf(manager, { html: deckPrintHtml(rendered), baseDir: dir, out: join(dir, 'gone', 'deck.pdf') }),
    ).rejects.toThrow(EnvironmentError);

    expect(readFileSync(out).equals(good)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['assets', 'deck.pdf']);
  });

  it('removes its temp file when the final rename fails', async () => {
    const dir = join(scratch, 'atomic-rename');
    mkdirSync(join(dir, 'taken'), { recursive: true });
    writeFileSync(join(dir, 'taken', 'keep.txt'), 'keep');
    // Renaming a file over a non-empty folder fails after the data is written and flushed.
    await expect(writeFileAtomic(join(dir, 'taken'), 'new')).rejects.toThrow(EnvironmentError);
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(dir, 'taken', 'keep.txt'), 'utf8')).toBe('keep');

    // Replaced, not rewritten in place: a reader that opened the old file still reads all of it.
    const file = join(dir, 'file.txt');
    await writeFileAtomic(file, 'one');
    const reader = await open(file, 'r');
    try {
      await writeFileAtomic(file, 'two');
      expect(readFileSync(file, 'utf8')).toBe('two');
      expect(await reader.readFile('utf8')).toBe('one');
    } finally {
      await reader.close();
    }
    expect(readdirSync(dir).sort()).toEqual(['file.txt', 'taken']);
  });
});
