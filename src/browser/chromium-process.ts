/**
 * The Chromium process itself: the flags that keep a headless, throwaway browser offline, its
 * profile in a memory-backed folder when there is room, a launch failure said in one line, and an
 * end that kills the whole process group at once, since nothing in a used profile is worth saving.
 */
import { accessSync, constants, statfsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { isHeadlessShell } from './find-chrome.js';

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
  // No renderer process kept in reserve for the next tab: the pool's pages are opened once and reused.
  // Nor the address bar's popups, which Chromium 156 loads as web pages even when headless: loading
  // them took about 1.2 s of CPU, most of it during the first print (a one-lesson rebuild is
  // CPU-bound on two cores, so that was half a second of its time).
  '--disable-features=SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  // No GPU process either: with the GPU off, it only composites in software, which the browser
  // process does as well in a thread of its own, without a process to start (a tenth of a second
  // of CPU at every launch, measured by counting the machine's CPU around one-lesson rebuilds).
  '--in-process-gpu',
  // Request interception cannot see WebSockets. Two independent layers stop them, and anything else
  // that slips past interception: every host (IP literals and loopback too) resolves to nothing,
  // and all traffic goes to a proxy nobody listens on.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

/**
 * Launches Chromium with `profileDir` as its profile; shutdown and signals are left to the caller.
 * `oneProcess` runs the headless shell as a single process (see `BrowserManagerOptions.oneProcess`).
 */
export async function launchChromium(executablePath: string, profileDir: string, timeout: number, options: { oneProcess?: boolean } = {}): Promise<Browser> {
  const shell = isHeadlessShell(executablePath);
  const browser = await launch({
    executablePath,
    // The headless shell is headless only; the full browser runs its new headless mode.
    headless: shell ? 'shell' : true,
    pipe: true,
    userDataDir: profileDir,
    // The headless shell alone: it is what runs as one process elsewhere too (in serverless functions).
    // Nor are the zygotes, which only fork renderers, started (a fifth of a second of CPU).
    args: options.oneProcess && shell ? [...chromiumArgs, '--single-process', '--no-zygote'] : chromiumArgs,
    timeout,
    // The manager owns shutdown: puppeteer's own handlers would exit before the profile is removed.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // A pipe whose Chromium was killed (by us, at the end, or by the system) with data still unread
  // fails its next read with ECONNRESET: with no listener, that error would end Lectern itself.
  // Whatever Chromium still had to say is of no use then; losing it is told by the crash handling.
  for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => {});
  return browser;
}

/** A new, empty profile folder for one Chromium. */
export function createProfile(): Promise<string> {
  return mkdtemp(join(profileParent(), 'lectern-chromium-'));
}

/** The one-line message of a failed launch, with its cause and the way out. */
export function launchFailed(executablePath: string, error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() || 'unknown error';
  return `Cannot start Chromium (${executablePath}): ${reason}. Run npm run setup, or set CHROME_PATH.`;
}

/**
 * Ends a browser whose work is done. Everything it printed has been received and its profile is
 * thrown away, so there is nothing for a graceful shutdown to save: the whole process group is
 * killed at once, which is a tenth of a second sooner (and less CPU) than Chromium's own shutdown.
 * Windows, without process groups, gets the graceful close.
 */
export async function endBrowser(browser: Browser): Promise<void> {
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

/** Removes a profile folder, waiting out the helpers still writing to it. */
export async function removeProfile(dir: string): Promise<void> {
  // Chromium's helpers can still be flushing for a moment after the main process exits.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
}
