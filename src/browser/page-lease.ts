/**
 * What a caller asks of a page (`PageOptions`) and what it gets (`PageLease`), and the opening of a
 * fresh page, which gives up rather than wait when the browser closes or stops answering.
 */
import type { Browser, Page } from 'puppeteer-core';
import { EnvironmentError } from '../errors.js';
import type { BlockedRequest } from './network-guard.js';

export interface PageOptions {
  /** Folders whose files this page may load, on top of the manager's. */
  allowedRoots?: readonly string[];
  /** Whether scripts run in the page; defaults to true. */
  javaScriptEnabled?: boolean;
  /**
   * Hands the page back for the next caller with the same options instead of closing it: opening a
   * page starts a renderer process, which costs as much as printing a handout. For callers that
   * navigate to a whole new document (print pages); the next lease gets fresh roots and blocked list.
   */
  reuse?: boolean;
  /**
   * A long-lived page (Mermaid's warm page) that does not take one of the pool's slots, so it never
   * leaves the PDFs waiting for it. Only one per caller, kept for the run.
   */
  dedicated?: boolean;
  /**
   * A page in a window of its own, which no other tab can hide: for screenshots (PPTX slides),
   * which a hidden page never finishes. Other pages are background tabs, which print just as well
   * and cost less. Never kept for reuse.
   */
  visible?: boolean;
  /**
   * Waits for a pool slot ahead of callers of a lower priority (0 unless given): a build's longest
   * chain of work (a deck: render, load, measure, print) gets the first page to come free.
   */
  priority?: number;
}

/** A page borrowed from the pool; `close()` returns its slot. */
export interface PageLease {
  readonly page: Page;
  /** What the page tried to load and was refused, in order; grows while the lease lasts. */
  readonly blocked: readonly BlockedRequest[];
  /** Ends the lease; with `reusable` (and `reuse` asked for) the page stays open for the next caller. */
  close(reusable?: boolean): Promise<void>;
}

/**
 * A new page of `browser`: a background tab, or a window of its own when `visible`. Fails with an
 * `EnvironmentError` when the browser closes meanwhile, and after `timeout` ms when it does not answer.
 */
export function openNewPage(browser: Browser, visible: boolean | undefined, timeout: number): Promise<Page> {
  // A browser closing under us (Ctrl-C) would leave newPage() waiting for its 30 s timeout.
  // Pool pages open as background tabs, so that they never hide a page someone screenshots.
  return new Promise<Page>((resolvePage, rejectPage) => {
    const gone = () => rejectPage(new EnvironmentError('Cannot open a page: Chromium was closed'));
    if (!browser.connected) return gone();
    browser.once('disconnected', gone);
    const timer = setTimeout(() => rejectPage(new Error(`Cannot open a page: Chromium did not answer in ${timeout} ms`)), timeout);
    browser
      .newPage(visible ? { type: 'window' } : { background: true })
      .then(resolvePage, rejectPage)
      .finally(() => {
        clearTimeout(timer);
        browser.off('disconnected', gone);
      });
  });
}
