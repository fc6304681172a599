/**
 * Loads a print page (a deck's print variant, a handout, a lab sheet) into the shared browser:
 * scripts off, network locked down, relative asset paths resolved against the lesson's output
 * folder, images and fonts settled.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { BrowserManager, PageLease } from '../browser/manager.js';
import { withTimeout } from '../browser/with-timeout.js';
import { EnvironmentError, LecternError } from '../errors.js';
import { escapeHtml } from './html-document.js';
import { defaultSlideSize } from './slides.js';

export interface PrintPageOptions {
  /** A complete HTML document with a `<head>`. */
  html: string;
  /** The folder that relative URLs resolve against; the page may read files under it. */
  baseDir: string;
  /** Viewport in CSS pixels; defaults to 1280×720. */
  viewport?: { width: number; height: number };
  /** Pixel density of the viewport; 2 for crisp screenshots. Defaults to 1. */
  deviceScaleFactor?: number;
  /** Milliseconds allowed for loading; defaults to 60 000. */
  timeout?: number;
  /** For screenshots: a page no other tab can hide (see `PageOptions.visible`). */
  visible?: boolean;
  /** Gets a page ahead of documents of a lower priority (see `PageOptions.priority`). */
  priority?: number;
}

/**
 * Which document gets the next page to come free, longest first: a deck (loaded, measured, then
 * printed, and rendered after the others so that its rendering overlaps their printing), then a
 * handout, then the lab sheets. A lesson ends when its last document does, and the module books
 * wait for its handout and labs: a short lab sheet that went first made both end later.
 */
export const PRINT_PRIORITY = { deck: 2, handout: 1, lab: 0 } as const;

/** How every print page is opened: no scripts, and kept open for the next document. */
const printPage = { javaScriptEnabled: false, reuse: true } as const;

/** Starts Chromium with `pages` print pages ready, while the first documents are still being rendered. */
export function warmPrintPages(manager: BrowserManager, pages: number): void {
  manager.prewarm(pages, { javaScriptEnabled: printPage.javaScriptEnabled });
}

/** Runs `fn` with the document loaded and settled, then closes the page and removes its temporary copy. */
export async function withPrintPage<T>(
  manager: BrowserManager,
  options: PrintPageOptions,
  fn: (page: Page, lease: PageLease) => Promise<T>,
): Promise<T> {
  await assertFolder(options.baseDir);
  const timeout = options.timeout ?? manager.timeout;
  // The page lives outside the output folder, so a crash never leaves a stray file there;
  // a <base> points its relative URLs back at the lesson's assets.
  const dir = await mkdtemp(join(tmpdir(), 'lectern-print-'));
  try {
    const file = join(dir, 'page.html');
    await writeFile(file, withBase(options.html, options.baseDir));
    return await manager.withPage(
      async (page, lease) => {
        const { width, height } = options.viewport ?? defaultSlideSize;
        await page.setViewport({ width, height, deviceScaleFactor: options.deviceScaleFactor ?? 1 });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout });
        await withTimeout(page.evaluate(settle), timeout, 'waiting for images and fonts');
        await manager.testPoint('print');
        return fn(page, lease);
      },
      { ...printPage, visible: options.visible, priority: options.priority, allowedRoots: [options.baseDir, dir] },
    );
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function assertFolder(path: string): Promise<void> {
  const stats = await stat(path).catch((error: unknown) => {
    throw new EnvironmentError(`Cannot export from ${path}: expected the lesson's output folder, found nothing`, {
      cause: error,
    });
  });
  if (!stats.isDirectory()) {
    throw new EnvironmentError(`Cannot export from ${path}: expected a folder, found a file`);
  }
}

function withBase(html: string, baseDir: string): string {
  const href = pathToFileURL(join(baseDir, '/')).href;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) throw new LecternError('Cannot print a page: expected a full HTML document with a <head>');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n<base href="${escapeHtml(href)}">${html.slice(at)}`;
}

// Runs in the page. Resolves once web fonts and every image have loaded or failed; a blocked or
// broken image must not stall the export.
async function settle(): Promise<void> {
  await document.fonts.ready;
  await Promise.all(
    Array.from(document.images, (image) => (image.complete ? undefined : image.decode().catch(() => undefined))),
  );
}
