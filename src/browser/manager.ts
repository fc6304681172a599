/**
 * One Chromium for the whole run: launched on first use, shared by every caller, pages drawn from a
 * bounded pool, kept off the network, and always closed, on errors and on Ctrl-C alike.
 */
import { accessSync, constants, rmSync, statfsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { EnvironmentError } from '../errors.js';
import { BrowserCrashedError } from './crash.js';
import { findChrome } from './find-chrome.js';
import { canonical, guardPage } from './network-guard.js';
import type { BlockedRequest, PageGuard } from './network-guard.js';
import { Semaphore } from './semaphore.js';
import { withTimeout } from './with-timeout.js';

export type { BlockedRequest, BlockReason } from './network-guard.js';
export { BrowserCrashedError } from './crash.js';

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
}

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
}

/** An open page not leased to anyone, kept for reuse. */
interface IdlePage {
  page: Page;
  guard: PageGuard;
  javaScriptEnabled: boolean;
}

/** A page borrowed from the pool; `close()` returns its slot. */
export interface PageLease {
  readonly page: Page;
  /** What the page tried to load and was refused, in order; grows while the lease lasts. */
  readonly blocked: readonly BlockedRequest[];
  /** Ends the lease; with `reusable` (and `reuse` asked for) the page stays open for the next caller. */
  close(reusable?: boolean): Promise<void>;
}

interface Session {
  browser: Browser;
  profileDir: string;
  /** Set once we begin closing it, so its 'disconnected' event is not mistaken for a crash. */
  disposed?: Promise<void>;
}

const notFound = 'Cannot start Chromium: none found. Run npm run setup, or set CHROME_PATH.';

// Each flag keeps a headless, offline, throwaway browser from reaching out or tripping on this box.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // Request interception cannot see WebSockets. Two independent layers stop them, and anything else
  // that slips past interception: every host (IP literals and loopback too) resolves to nothing,
  // and all traffic goes to a proxy nobody listens on.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A lazily launched, shared, disposable Chromium. */
export class BrowserManager {
  readonly concurrency: number;
  readonly #executablePath: string | undefined;
  readonly #roots: readonly string[];
  readonly #launchTimeout: number;
  /** Milliseconds any one page call may take. */
  readonly timeout: number;
  readonly #maxCrashes: number;
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

  constructor(options: BrowserManagerOptions = {}) {
    this.#executablePath = options.executablePath;
    this.concurrency = options.concurrency ?? Math.max(2, availableParallelism());
    this.#slots = new Semaphore(this.concurrency);
    this.#roots = (options.allowedRoots ?? []).map(canonical);
    this.#launchTimeout = options.launchTimeout ?? 30_000;
    this.timeout = options.timeout ?? 60_000;
    this.#maxCrashes = options.maxCrashes ?? Number.POSITIVE_INFINITY;
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
    const release = options.dedicated ? () => {} : await this.#slots.acquire();
    const javaScriptEnabled = options.javaScriptEnabled !== false;
    const roots = [...this.#roots, ...(options.allowedRoots ?? []).map(canonical)];
    let page: Page | undefined;
    try {
      const browser = await browserOf();
      let guard: PageGuard;
      const idle = options.visible ? undefined : this.#takeIdle(browser, javaScriptEnabled);
      if (idle) {
        ({ page, guard } = idle);
        guard.reset(roots);
      } else {
        // A browser closing under us (Ctrl-C) would leave newPage() waiting for its 30 s timeout.
        // Pool pages open as background tabs, so that they never hide a page someone screenshots.
        page = await new Promise<Page>((resolvePage, rejectPage) => {
          const gone = () => rejectPage(new EnvironmentError('Cannot open a page: Chromium was closed'));
          if (!browser.connected) return gone();
          browser.once('disconnected', gone);
          const timer = setTimeout(() => rejectPage(new Error(`Cannot open a page: Chromium did not answer in ${this.timeout} ms`)), this.timeout);
          browser
            .newPage(options.visible ? { type: 'window' } : { background: true })
            .then(resolvePage, rejectPage)
            .finally(() => {
              clearTimeout(timer);
              browser.off('disconnected', gone);
            });
        });
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
              // Back to the idle list only while the browser that made it is the current one.
              if (reusable && options.reuse && !options.visible && !this.#closing && this.#live?.browser === browser && browser.connected && this.#idle.length < this.concurrency) {
                this.#idle.push({ page: opened, guard, javaScriptEnabled });
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

    const profileDir = await mkdtemp(join(profileParent(), 'lectern-chromium-'));
    this.#profileDir = profileDir;
    // Installed before launching, so Ctrl-C during the launch still cleans up.
    this.#listen();
    let browser: Browser;
    try {
      browser = await launch({
        executablePath,
        headless: true,
        pipe: true,
        userDataDir: profileDir,
        args: chromiumArgs,
        timeout: this.#launchTimeout,
        // The manager owns shutdown: puppeteer's own handlers would exit before the profile is removed.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (error) {
      this.#unlisten();
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
        this.#unlisten();
      }
      await removeProfile(profileDir);
      if (this.#profileDir === profileDir) this.#profileDir = undefined;
    })();
    session.disposed = disposal;
    this.#disposals.add(disposal);
    void disposal.finally(() => this.#disposals.delete(disposal));
    return disposal;
  }

  /** The signal that is ending the process (the browser is closing for good), if any. */
  get interrupted(): NodeJS.Signals | undefined {
    return this.#interrupted;
  }

  #interrupted: NodeJS.Signals | undefined;

  readonly #onSignal = (signal: NodeJS.Signals): void => {
    this.#interrupted ??= signal;
    // A second Ctrl-C while we clean up gets Node's default (immediate) behaviour.
    this.#unlisten();
    void this.close()
      .catch(() => {})
      .finally(() => {
        // Re-raise for the default exit (130 for SIGINT) unless someone else handles the signal.
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
  };

  // Last resort when the process exits without close(): synchronous kill and removal only.
  readonly #onExit = (): void => {
    this.#live?.browser.process()?.kill('SIGKILL');
    if (this.#profileDir) rmSync(this.#profileDir, { recursive: true, force: true, maxRetries: 3 });
  };

  #listen(): void {
    this.#unlisten();
    for (const signal of signals) process.on(signal, this.#onSignal);
    process.on('exit', this.#onExit);
  }

  #unlisten(): void {
    for (const signal of signals) process.off(signal, this.#onSignal);
    process.off('exit', this.#onExit);
  }
}

function launchFailed(executablePath: string, error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() || 'unknown error';
  return `Cannot start Chromium (${executablePath}): ${reason}. Run npm run setup, or set CHROME_PATH.`;
}

/**
 * Ends a browser whose work is done. Everything it printed has been received and its profile is
 * thrown away, so there is nothing for a graceful shutdown to save: the whole process group is
 * killed at once, which is a tenth of a second sooner (and less CPU) than Chromium's own shutdown.
 * Windows, without process groups, gets the graceful close.
 */
async function endBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  if (process.platform === 'win32' || !child?.pid) return browser.close();
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    try {
      // Puppeteer starts Chromium as the leader of its own process group: renderers, GPU and utility processes too.
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    await exited;
  }
  await browser.disconnect();
}

/**
 * Where the throwaway profile goes: a memory-backed folder when there is a roomy one. A new profile
 * is two dozen small databases, each created and synced to disk; on a RAM disk that costs Chromium's
 * start a fifth less CPU.
 */
function profileParent(): string {
  const shm = '/dev/shm';
  if (process.platform !== 'linux') return tmpdir();
  try {
    accessSync(shm, constants.W_OK);
    const { bavail, bsize } = statfsSync(shm);
    // Docker gives containers 64 MiB, which Chromium's own shared memory needs; leave that alone.
    if (bavail * bsize >= 512 * 1024 * 1024) return shm;
  } catch {
    // No /dev/shm here.
  }
  return tmpdir();
}

async function removeProfile(dir: string): Promise<void> {
  // Chromium's helpers can still be flushing for a moment after the main process exits.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
}
