/**
 * src/browser/ is the one Chromium that diagrams and every PDF share: found (find-chrome.ts),
 * launched offline and ended (chromium-process.ts), its pages kept off the network
 * (network-guard.ts), closed on Ctrl-C (exit-hooks.ts), and a crash told apart (crash.ts).
 *
 * This file: one Chromium for the whole run: launched on first use, shared by every caller, pages drawn
 * from a bounded pool, kept off the network, and always closed, on errors and on Ctrl-C alike.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { EnvironmentError } from '../errors.js';
import { BrowserCrashedError } from './crash.js';
import { findChrome } from './find-chrome.js';
import { canonical, guardPage } from './network-guard.js';
import type { PageGuard } from './network-guard.js';
import { Semaphore } from './semaphore.js';
import { withTimeout } from './with-timeout.js';
import { createProfile, endBrowser, launchChromium, launchFailed, removeProfile } from './chromium-process.js';
import { ExitHooks } from './exit-hooks.js';
import { openNewPage, type PageLease, type PageOptions } from './page-lease.js';

export type { BlockedRequest, BlockReason } from './network-guard.js';
export { BrowserCrashedError } from './crash.js';
export type { PageLease, PageOptions } from './page-lease.js';

export interface BrowserManagerOptions {
  /** Chromium to launch; defaults to `findChrome()`. An empty string means none is available. */
  executablePath?: string;
  /** Most pages open at once; defaults to `Math.max(2, os.availableParallelism())`. */
  concurrency?: number;
  /** Folders whose files every page may load over `file:`. */
  allowedRoots?: readonly string[];
  /** Milliseconds to wait for Chromium to start; defaults to 30 000. */
  launchTimeout?: number;
  /** Milliseconds any one call to a page may take (opening, loading, printing); defaults to 60 000. */
  timeout?: number;
  /**
   * How many times Chromium may die under us before the manager stops launching it again: further
   * calls then fail with `BrowserCrashedError`. Unlimited by default (a watch session lives long).
   */
  maxCrashes?: number;
  /**
   * Runs Chromium's headless shell as a single process (`--single-process`; the full browser is
   * started as usual): it starts with far less CPU, having no renderer processes to start, but its
   * pages share one thread, so documents load and print one at a time. For a build that prints a
   * handful of documents; a restart after a crash starts it the same way.
   */
  oneProcess?: boolean;
  /**
   * How many documents one reusable page serves before it is closed and a fresh one opened
   * (`PAGE_USES` by default). A renderer that has printed many documents holds on to the memory they
   * took (about 250 MB after a few dozen decks and handouts; asking it to purge under memory pressure
   * gave nothing back), so pages kept forever took a cold build of the bench course past 1 GiB.
   */
  pageUses?: number;
}

/**
 * Documents per reusable page (see `BrowserManagerOptions.pageUses`). On the bench course's cold
 * build, pages kept forever peaked at 991–1,113 MiB for the whole process tree, 12 uses at 913–928,
 * 8 at 854–888; a fresh page's renderer costs 2 % of that build's time.
 */
export const PAGE_USES = 8;

/** An open page not leased to anyone, kept for reuse. */
interface IdlePage {
  page: Page;
  guard: PageGuard;
  javaScriptEnabled: boolean;
  /** The documents it has served. */
  uses: number;
}

interface Session {
  browser: Browser;
  profileDir: string;
  /** Set once we begin closing it, so its 'disconnected' event is not mistaken for a crash. */
  disposed?: Promise<void>;
}

const notFound = 'Cannot start Chromium: none found. Run npm run setup, or set CHROME_PATH.';


/** A lazily launched, shared, disposable Chromium. */
export class BrowserManager {
  readonly concurrency: number;
  readonly #executablePath: string | undefined;
  readonly #roots: readonly string[];
  readonly #launchTimeout: number;
  /** Milliseconds any one page call may take. */
  readonly timeout: number;
  readonly #maxCrashes: number;
  readonly #oneProcess: boolean;
  readonly #pageUses: number;
  #crashes = 0;
  readonly #hookCounts = new Map<string, number>();
  readonly #slots: Semaphore;
  readonly #leases = new Set<PageLease>();
  #idle: IdlePage[] = [];
  #session: Promise<Session> | undefined;
  #closing: Promise<void> | undefined;
  // Known synchronously, for the process 'exit' hook, which cannot wait for promises.
  #profileDir: string | undefined;
  #live: Session | undefined;
  readonly #disposals = new Set<Promise<void>>();
  readonly #hooks = new ExitHooks(
    () => this.close(),
    () => {
      this.#live?.browser.process()?.kill('SIGKILL');
      if (this.#profileDir) rmSync(this.#profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  );

  constructor(options: BrowserManagerOptions = {}) {
    this.#executablePath = options.executablePath;
    this.concurrency = options.concurrency ?? Math.max(2, availableParallelism());
    this.#slots = new Semaphore(this.concurrency);
    this.#roots = (options.allowedRoots ?? []).map(canonical);
    this.#launchTimeout = options.launchTimeout ?? 30_000;
    this.timeout = options.timeout ?? 60_000;
    this.#maxCrashes = options.maxCrashes ?? Number.POSITIVE_INFINITY;
    this.#oneProcess = options.oneProcess === true;
    this.#pageUses = options.pageUses ?? PAGE_USES;
  }

  /** The signal that is ending the process (the browser is closing for good), if any. */
  get interrupted(): NodeJS.Signals | undefined {
    return this.#hooks.interrupted;
  }

  /** How many times a launched Chromium died without being closed by us. */
  get crashes(): number {
    return this.#crashes;
  }

  /**
   * Test hook: `LECTERN_TEST_KILL_BROWSER=point:n[,n…]` kills Chromium (the whole process group, as
   * a crash or the OOM killer would) the n-th time the build reaches `point`, and waits until the
   * connection is gone, so a test of a crash at a given moment needs no timing luck.
   */
  async testPoint(point: 'mermaid-setup' | 'print' | 'page-closed'): Promise<void> {
    const spec = process.env.LECTERN_TEST_KILL_BROWSER;
    if (!spec) return;
    const [name, counts = '1'] = spec.split(':');
    if (name !== point) return;
    const count = (this.#hookCounts.get(point) ?? 0) + 1;
    this.#hookCounts.set(point, count);
    if (!counts.split(',').map(Number).includes(count)) return;
    const browser = this.#live?.browser;
    const child = browser?.process();
    if (!browser || !child?.pid) return;
    const gone = new Promise<void>((resolveGone) => (browser.connected ? browser.once('disconnected', () => resolveGone()) : resolveGone()));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    await withTimeout(gone, 10_000, 'waiting for the killed Chromium to disconnect').catch(() => {});
  }

  /** True from the first use until `close()`: a Chromium is starting or running. */
  get launched(): boolean {
    return this.#session !== undefined;
  }

  /** True while a launched browser is up and connected (not merely starting). */
  get ready(): boolean {
    return this.#live !== undefined && this.#live.browser.connected && !this.#closing;
  }

  /** The running browser's temporary profile folder, removed on close. */
  get profileDir(): string | undefined {
    return this.#profileDir;
  }

  /** The shared browser, launched on the first call; concurrent first callers share one launch. */
  async browser(): Promise<Browser> {
    if (this.#closing) await this.#closing;
    if (!this.#session && this.#crashes >= this.#maxCrashes) throw new BrowserCrashedError();
    if (!this.#session) {
      const starting = this.#start();
      this.#session = starting;
      // A failed launch is not memoized: the next caller tries again.
      starting.catch(() => {
        if (this.#session === starting) this.#session = undefined;
      });
    }
    return (await this.#session).browser;
  }

  /** Opens a guarded page once a pool slot is free (at once when `dedicated`); the caller must `close()` it. */
  async openPage(options: PageOptions = {}): Promise<PageLease> {
    return this.#open(options, () => this.browser());
  }

  async #open(options: PageOptions, browserOf: () => Promise<Browser>): Promise<PageLease> {
    const release = options.dedicated ? () => {} : await this.#slots.acquire(options.priority);
    const javaScriptEnabled = options.javaScriptEnabled !== false;
    const roots = [...this.#roots, ...(options.allowedRoots ?? []).map(canonical)];
    let page: Page | undefined;
    try {
      const browser = await browserOf();
      let guard: PageGuard;
      let uses = 1;
      const idle = options.visible ? undefined : this.#takeIdle(browser, javaScriptEnabled);
      if (idle) {
        ({ page, guard } = idle);
        uses += idle.uses;
        guard.reset(roots);
      } else {
        page = await openNewPage(browser, options.visible, this.timeout);
        // Every call on the page (loading, waiting, evaluating) gives up after this long rather than hang.
        page.setDefaultTimeout(this.timeout);
        page.setDefaultNavigationTimeout(this.timeout);
        guard = await guardPage(page, roots);
        if (!javaScriptEnabled) await page.setJavaScriptEnabled(false);
      }

      const opened = page;
      const blocked = guard.blocked;
      let closing: Promise<void> | undefined;
      const lease: PageLease = {
        page: opened,
        blocked,
        close: (reusable = false) =>
          (closing ??= (async () => {
            this.#leases.delete(lease);
            await this.testPoint('page-closed');
            try {
              if (opened.isClosed()) return;
              // Back to the idle list only while the browser that made it is the current one, and
              // only until it has served its share of documents.
              if (reusable && options.reuse && !options.visible && !this.#closing && this.#live?.browser === browser && browser.connected && this.#idle.length < this.concurrency && uses < this.#pageUses) {
                this.#idle.push({ page: opened, guard, javaScriptEnabled, uses });
              } else {
                await opened.close();
              }
            } catch {
              // Already gone when the browser closed or crashed, or the target vanished meanwhile.
            } finally {
              release();
            }
          })()),
      };
      this.#leases.add(lease);
      return lease;
    } catch (error) {
      await page?.close().catch(() => {});
      release();
      throw error;
    }
  }

  /** An idle page of `browser` with the given script setting, if one is waiting. */
  #takeIdle(browser: Browser, javaScriptEnabled: boolean): IdlePage | undefined {
    this.#idle = this.#idle.filter((idle) => !idle.page.isClosed() && idle.page.browser() === browser);
    const index = this.#idle.findIndex((idle) => idle.javaScriptEnabled === javaScriptEnabled);
    return index >= 0 ? this.#idle.splice(index, 1)[0] : undefined;
  }

  /**
   * Starts Chromium and opens up to `pages` reusable pages with `options` ahead of need, so the first
   * documents do not wait for renderer processes to start. Failures surface at first real use.
   */
  prewarm(pages: number, options: Omit<PageOptions, 'reuse' | 'dedicated'> = {}): void {
    const warm = async () => {
      const browser = await this.browser();
      // Pages go to this browser only: one closed meanwhile is not launched again for them.
      const same = async () => {
        if (this.#closing || this.#live?.browser !== browser || !browser.connected) throw new EnvironmentError('Chromium was closed');
        return browser;
      };
      // Each page is handed over as soon as it is open, and only free slots are warmed: a warm-up
      // waiting for a slot would hold a page back from the documents queued behind it.
      const warmOne = async () => {
        if (this.#slots.held >= this.concurrency) return;
        const lease = await this.#open({ ...options, reuse: true }, same);
        await lease.close(true);
      };
      await Promise.allSettled(Array.from({ length: Math.min(pages, this.concurrency) }, warmOne));
    };
    warm().catch(() => {});
  }

  /** Runs `fn` with a fresh guarded page and always closes the page afterwards. */
  async withPage<T>(fn: (page: Page, lease: PageLease) => Promise<T>, options: PageOptions = {}): Promise<T> {
    const lease = await this.openPage(options);
    let done = false;
    try {
      const result = await fn(lease.page, lease);
      done = true;
      return result;
    } finally {
      // A page whose work failed may be in any state: it is closed, never reused.
      await lease.close(done);
    }
  }

  /** Closes the browser and removes its profile; safe to call any number of times. */
  async close(): Promise<void> {
    this.#closing ??= this.#shutdown().finally(() => {
      this.#closing = undefined;
    });
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    const starting = this.#session;
    this.#session = undefined;
    const session = await starting?.catch(() => undefined);
    // Idle pages die with their browser.
    this.#idle = [];
    if (session) void this.#dispose(session);
    // Includes a crashed browser still being cleaned up.
    await Promise.all(this.#disposals);
    // Open leases died with the browser; free their slots so later callers are not stuck.
    await Promise.all([...this.#leases].map((lease) => lease.close()));
  }

  async #start(): Promise<Session> {
    const executablePath = this.#executablePath ?? findChrome();
    if (!executablePath) throw new EnvironmentError(notFound);

    const profileDir = await createProfile();
    this.#profileDir = profileDir;
    // Installed before launching, so Ctrl-C during the launch still cleans up.
    this.#hooks.on();
    let browser: Browser;
    try {
      browser = await launchChromium(executablePath, profileDir, this.#launchTimeout, { oneProcess: this.#oneProcess });
    } catch (error) {
      this.#hooks.off();
      await removeProfile(profileDir);
      if (this.#profileDir === profileDir) this.#profileDir = undefined;
      throw new EnvironmentError(launchFailed(executablePath, error), { cause: error });
    }

    const session: Session = { browser, profileDir };
    this.#live = session;
    browser.once('disconnected', () => {
      // A crash rather than our own close: forget this browser so the next caller launches anew.
      if (session.disposed) return;
      this.#crashes += 1;
      if (this.#live === session) this.#session = undefined;
      void this.#dispose(session);
    });
    return session;
  }

  #dispose(session: Session): Promise<void> {
    if (session.disposed) return session.disposed;
    const { browser, profileDir } = session;
    const disposal = (async () => {
      try {
        await withTimeout(endBrowser(browser), 10_000, 'closing Chromium');
      } catch {
        // Hung or already dead; make sure no process is left holding the profile.
        browser.process()?.kill('SIGKILL');
      }
      if (this.#live === session) {
        this.#live = undefined;
        this.#hooks.off();
      }
      await removeProfile(profileDir);
      if (this.#profileDir === profileDir) this.#profileDir = undefined;
    })();
    session.disposed = disposal;
    this.#disposals.add(disposal);
    void disposal.finally(() => this.#disposals.delete(disposal));
    return disposal;
  }
}
