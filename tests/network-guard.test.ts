// Rendering never reaches the network (issue #20): pages load from a real HTTP server on 127.0.0.1
// that this test starts and that records what arrives. Lectern has two layers: the page guard
// (request interception, which also records what it blocked) and Chromium's launch flags (a dead
// proxy with loopback not bypassed). Through either nothing may arrive; the twin launches the same
// Chromium binary without both and sees the requests, so the server and its record demonstrably work.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import puppeteer from 'puppeteer-core';
import { BrowserManager } from '../src/browser/manager.js';
import { findChrome } from '../src/browser/find-chrome.js';
import { createMarp, renderMarp } from '../src/export/marp.js';
import { exportDeckPdf } from '../src/export/pdf.js';
import { deckPrintHtml } from '../src/export/print-html.js';
import { pdfPageText } from './helpers/cli.js';

// Real Chromium on a busy CI box: launching and printing take seconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** Paths the server was asked for, in order. */
const requests: string[] = [];
let server: Server;
let base: string;
const manager = new BrowserManager({ concurrency: 1 });
const scratch = mkdtempSync(join(tmpdir(), 'lectern-guard-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url?.endsWith('.css')) response.writeHead(200, { 'content-type': 'text/css' }).end('section { color: red; }');
    else response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await manager.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

/** Markup that asks for the server in three ways: an image, a stylesheet and a frame. */
const markup = (tag: string) =>
  `<link rel="stylesheet" href="${base}/${tag}.css"><img src="${base}/${tag}.png"><iframe src="${base}/${tag}-frame.png"></iframe><p>${tag}</p>`;

describe('the network guard against a live local server', () => {
  it('lets no request of a guarded page arrive, and records each one it blocked', async () => {
    const { blocked, width } = await manager.withPage(async (page, lease) => {
      await page.setContent(markup('guarded'), { waitUntil: 'load' });
      const width = await page.evaluate(() => document.images[0]?.naturalWidth ?? -1);
      return { blocked: lease.blocked.map((b) => b.url), width };
    });
    expect(width).toBe(0);
    expect(blocked).toEqual(expect.arrayContaining([`${base}/guarded.png`, `${base}/guarded.css`]));
    expect(requests.filter((path) => path.startsWith('/guarded'))).toEqual([]);
  });

  it('blocks a remote image in a deck export, and the PDF still prints', async () => {
    const rendered = renderMarp(createMarp(['/* @theme t */ section { font-family: sans-serif; }']), `---\nmarp: true\ntheme: t\n---\n\n# Remote\n\n![x](${base}/deck.png)\n`);
    const out = join(scratch, 'remote.pdf');
    const exported = await exportDeckPdf(manager, { html: deckPrintHtml(rendered), baseDir: scratch, out });
    expect(exported.blocked).toContainEqual({ url: `${base}/deck.png`, resourceType: 'image', reason: 'scheme' });
    expect(pdfPageText(out, 1)).toContain('Remote');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(requests.filter((path) => path.startsWith('/deck'))).toEqual([]);
  });

  it("keeps even an unguarded page of Lectern's Chromium off the server (the launch flags, the second layer)", async () => {
    const page = await (await manager.browser()).newPage();
    try {
      await page.setContent(markup('unguarded'), { waitUntil: 'load' });
      expect(await page.evaluate(() => document.images[0]?.naturalWidth ?? -1)).toBe(0);
    } finally {
      await page.close();
    }
    expect(requests.filter((path) => path.startsWith('/unguarded'))).toEqual([]);
  });

  it("the twin: the same Chromium launched without Lectern's flags and guard does reach the server", async () => {
    const executablePath = findChrome();
    expect(executablePath).not.toBeNull();
    const browser = await puppeteer.launch({ executablePath: executablePath!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage();
      await page.setContent(markup('open'), { waitUntil: 'load' });
      expect(await page.evaluate(() => document.images[0]?.naturalWidth ?? -1)).toBe(1);
    } finally {
      await browser.close();
    }
    expect(requests).toEqual(expect.arrayContaining(['/open.css', '/open.png', '/open-frame.png']));
    // Still nothing from the guarded pages, however late it might have come.
    expect(requests.filter((path) => !path.startsWith('/open'))).toEqual([]);
  });
});
