import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findChrome, isHeadlessShell } from '../src/browser/find-chrome.js';
import { BrowserManager } from '../src/browser/manager.js';
import { withTimeout } from '../src/browser/with-timeout.js';
import { blockReason } from '../src/browser/network-guard.js';
import { Semaphore } from '../src/browser/semaphore.js';
import { EnvironmentError } from '../src/errors.js';

// Launching Chromium and loading Mermaid take seconds on a busy two-core CI box.
vi.setConfig({ testTimeout: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), 'lectern-browser-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A 1×1 transparent PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Processes of a process group that are still running (Linux: read from /proc). */
function liveProcessesIn(group: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        // "pid (comm) state ppid pgrp …"; comm may hold spaces, so read after its closing parenthesis.
        const [state, , pgrp] = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
        return Number(pgrp) === group && state !== 'Z' && state !== 'X' ? [Number(pid)] : [];
      } catch {
        return [];
      }
    });
}

function executable(path: string): string {
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findChrome', () => {
  const dir = join(scratch, 'find');
  mkdirSync(dir, { recursive: true });
  const recorded = executable(join(dir, 'recorded-chrome'));
  const onPath = executable(join(dir, 'google-chrome'));
  const envFile = join(dir, 'lectern-env.json');
  writeFileSync(envFile, JSON.stringify({ chromePath: recorded }));
  const noEnvFile = join(dir, 'missing.json');

  it('prefers CHROME_PATH, even when it does not exist', () => {
    expect(findChrome({ env: { CHROME_PATH: '/opt/custom/chrome', PATH: dir }, envFile })).toBe('/opt/custom/chrome');
  });

  it('then the path recorded by npm run setup', () => {
    expect(findChrome({ env: { PATH: dir }, envFile })).toBe(recorded);
  });

  it('skips a recorded path that is no longer executable', () => {
    const stale = join(dir, 'stale.json');
    writeFileSync(stale, JSON.stringify({ chromePath: join(dir, 'gone') }));
    expect(findChrome({ env: { PATH: dir }, envFile: stale, fallbacks: ['chromium', 'google-chrome'] })).toBe(onPath);
  });

  it('then the usual names on PATH, in order', () => {
    expect(findChrome({ env: { PATH: dir }, envFile: noEnvFile, fallbacks: ['/nonexistent/chromium', 'google-chrome'] })).toBe(onPath);
  });

  it('returns null when there is none', () => {
    expect(findChrome({ env: { PATH: dir }, envFile: noEnvFile, fallbacks: ['chromium'] })).toBeNull();
  });

  it("prefers Chromium's headless shell to Chromium, and knows it by its name", () => {
    const both = join(scratch, 'both');
    mkdirSync(both, { recursive: true });
    executable(join(both, 'chromium'));
    executable(join(both, 'chromium-headless-shell'));
    // Debian's own (/usr/bin/chromium-headless-shell) when installed here, else the one on PATH: a shell either way.
    const found = findChrome({ env: { PATH: both }, envFile: noEnvFile });
    expect(found !== null && isHeadlessShell(found), String(found)).toBe(true);
    expect(['/usr/bin/chromium-headless-shell', '/opt/chrome-headless-shell/chrome-headless-shell', 'C:\\chrome\\chrome-headless-shell.exe'].every(isHeadlessShell)).toBe(true);
    expect(['/usr/bin/chromium', '/usr/bin/google-chrome', '/tmp/headless-shell-notes/chromium'].some(isHeadlessShell)).toBe(false);
  });
});

describe('the full Chromium', () => {
  const full = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((path) => existsSync(path));

  it.skipIf(!full)("loads no address-bar popup: a headless build has no use for it, and loading it cost a second of CPU", async () => {
    const manager = new BrowserManager({ concurrency: 1, executablePath: full });
    try {
      const urls = await manager.withPage(async (page) => {
        const session = await page.browser().target().createCDPSession();
        const { targetInfos } = (await session.send('Target.getTargets', { filter: [{}] })) as { targetInfos: Array<{ url: string }> };
        return targetInfos.map((target) => target.url);
      });
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((url) => url.startsWith('chrome://omnibox-popup'))).toEqual([]);
    } finally {
      await manager.close();
    }
  });
});

describe('the Chromium Lectern starts', () => {
  /** The command lines of the browser's processes that are its descendants (Linux: read from /proc). */
  const descendants = (root: number): string[] => {
    const parent = new Map<number, number>();
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const status = (() => {
        try {
          return readFileSync(`/proc/${entry}/status`, 'utf8');
        } catch {
          return '';
        }
      })();
      const ppid = /^PPid:\s+(\d+)/m.exec(status)?.[1];
      if (ppid) parent.set(Number(entry), Number(ppid));
    }
    const below = (pid: number): boolean => pid === root || (parent.has(pid) && pid !== 1 && below(parent.get(pid)!));
    return [...parent.keys()]
      .filter((pid) => pid !== root && below(pid))
      .map((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        } catch {
          return '';
        }
      });
  };

  it.skipIf(process.platform !== 'linux')('composites in the browser process: no GPU process is started (with the GPU off it only cost CPU)', async () => {
    const manager = new BrowserManager({ concurrency: 1 });
    try {
      const processes = await manager.withPage(async (page) => {
        await page.setContent('<p>Hello</p>');
        return descendants(page.browser().process()!.pid!);
      });
      // The listing sees the browser's other processes: the page's renderer is there.
      expect(processes.some((command) => command.includes('--type=renderer')), processes.join('\n')).toBe(true);
      expect(processes.filter((command) => command.includes('--type=gpu-process'))).toEqual([]);
    } finally {
      await manager.close();
    }
  });

  it.skipIf(process.platform !== 'linux' || !isHeadlessShell(findChrome() ?? ''))('runs as one process when asked (a build of a few edits): no renderer nor zygote, and it still prints', async () => {
    const manager = new BrowserManager({ concurrency: 2, oneProcess: true });
    try {
      const [first, second] = await Promise.all(
        ['One', 'Two'].map((word) =>
          manager.withPage(async (page) => {
            await page.setContent(`<p>${word}</p>`);
            const pdf = await page.pdf({ format: 'a4' });
            return { processes: descendants(page.browser().process()!.pid!), pdf: Buffer.from(pdf) };
          }),
        ),
      );
      for (const { processes, pdf } of [first!, second!]) {
        expect(processes.filter((command) => command.includes('--type=renderer') || command.includes('--type=zygote'))).toEqual([]);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      await manager.close();
    }
  });
});

describe('blockReason', () => {
  const root = join(scratch, 'root');
  it.each([
    ['data:image/png;base64,AAAA', null],
    ['about:blank', null],
    ['blob:null/4f1e', null],
    [pathToFileURL(join(root, 'img', 'a.png')).href, null],
    [pathToFileURL(root).href, null],
    [pathToFileURL(join(root, '..', 'secret.txt')).href, 'outside-roots'],
    [pathToFileURL(`${root}-sibling/a.png`).href, 'outside-roots'],
    ['file://fileserver/share/a.png', 'outside-roots'],
    ['https://example.com/x.png', 'scheme'],
    ['http://127.0.0.1:8080/', 'scheme'],
    ['ws://example.com/socket', 'scheme'],
    ['ftp://example.com/file', 'scheme'],
    ['chrome://settings', 'scheme'],
    ['not a url', 'scheme'],
  ])('%s → %s', (url, reason) => {
    expect(blockReason(url, [root])).toBe(reason);
  });
});

describe('Semaphore', () => {
  it('never lets more than size holders in, and serves waiters in order', async () => {
    const semaphore = new Semaphore(2);
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map(async (n) => {
        const release = await semaphore.acquire();
        order.push(n);
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inside -= 1;
        release();
        release(); // a second release must not free a second slot
      }),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(semaphore.held).toBe(0);
  });

  it('gives a freed slot to the waiter of the highest priority, and among equals to the first', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const order: string[] = [];
    const waiters = (
      [
        ['lab', 0],
        ['handout', 1],
        ['second lab', 0],
        ['deck', 2],
        ['second handout', 1],
      ] as const
    ).map(async ([name, priority]) => {
      const free = await semaphore.acquire(priority);
      order.push(name);
      free();
    });
    release();
    await Promise.all(waiters);
    expect(order).toEqual(['deck', 'handout', 'second handout', 'lab', 'second lab']);
    expect(semaphore.held).toBe(0);
  });
});

describe('BrowserManager with real Chromium', () => {
  let manager: BrowserManager;
  beforeAll(() => {
    manager = new BrowserManager({ concurrency: 2 });
  });
  afterAll(async () => {
    await manager.close();
  });

  it('launches lazily, once, for concurrent callers', async () => {
    expect(manager.launched).toBe(false);
    expect(manager.profileDir).toBeUndefined();
    const browsers = await Promise.all([1, 2, 3, 4].map(() => manager.withPage(async (page) => page.browser())));
    expect(new Set(browsers).size).toBe(1);
    expect(browsers[0]).toBe(await manager.browser());
    expect(manager.launched).toBe(true);
  });

  it('keeps at most `concurrency` pages open', async () => {
    let open = 0;
    let most = 0;
    await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        manager.withPage(async () => {
          open += 1;
          most = Math.max(most, open);
          // Long enough for the next page to open meanwhile, however slowly Chromium makes tabs.
          await new Promise((resolve) => setTimeout(resolve, 400));
          open -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    // Only the tab Chromium opens at start-up remains; every pooled page was closed.
    expect((await (await manager.browser()).pages()).length).toBeLessThanOrEqual(1);
  });

  it('closes the page even when the callback throws', async () => {
    let opened: import('puppeteer-core').Page | undefined;
    await expect(
      manager.withPage(async (page) => {
        opened = page;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(opened?.isClosed()).toBe(true);
  });

  it('blocks and records a remote image without hanging', async () => {
    const started = Date.now();
    const { blocked, loaded } = await manager.withPage(async (page, lease) => {
      await page.setContent('<img src="https://example.com/x.png">');
      const loaded = await page.evaluate(() => document.images[0]?.naturalWidth ?? -1);
      return { blocked: [...lease.blocked], loaded };
    });
    expect(blocked).toEqual([{ url: 'https://example.com/x.png', resourceType: 'image', reason: 'scheme' }]);
    expect(loaded).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('loads files inside the allowed roots only', async () => {
    const root = join(scratch, 'lesson');
    mkdirSync(join(root, 'img'), { recursive: true });
    writeFileSync(join(root, 'img', 'inside.png'), png);
    writeFileSync(join(scratch, 'outside.png'), png);
    writeFileSync(join(root, 'page.html'), '<img id="in" src="img/inside.png"><img id="out" src="../outside.png">');

    const result = await manager.withPage(
      async (page, lease) => {
        await page.goto(pathToFileURL(join(root, 'page.html')).href);
        const widths = await page.evaluate(() => Array.from(document.images, (image) => image.naturalWidth));
        return { widths, blocked: [...lease.blocked] };
      },
      { allowedRoots: [root] },
    );
    expect(result.widths).toEqual([1, 0]);
    expect(result.blocked).toEqual([
      { url: pathToFileURL(join(scratch, 'outside.png')).href, resourceType: 'image', reason: 'outside-roots' },
    ]);
  });

  it('refuses files when no root is allowed', async () => {
    writeFileSync(join(scratch, 'plain.html'), '<p>hi</p>');
    await expect(manager.withPage((page) => page.goto(pathToFileURL(join(scratch, 'plain.html')).href))).rejects.toThrow(
      /ERR_BLOCKED_BY_CLIENT/,
    );
  });

  it('keeps WebSockets, which interception cannot see, from connecting, and records them', async () => {
    let connections = 0;
    const server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { outcome, blocked } = await manager.withPage(async (page, lease) => {
        const outcome = await page.evaluate(
          (url) =>
            new Promise<string>((resolve) => {
              const socket = new WebSocket(url);
              socket.onopen = () => resolve('open');
              socket.onerror = () => resolve('error');
              setTimeout(() => resolve('timeout'), 3_000);
            }),
          `ws://127.0.0.1:${port}/live`,
        );
        return { outcome, blocked: [...lease.blocked] };
      });
      expect(outcome).toBe('error');
      expect(connections).toBe(0);
      expect(blocked).toContainEqual({ url: `ws://127.0.0.1:${port}/live`, resourceType: 'websocket', reason: 'scheme' });
    } finally {
      server.close();
    }
  });

  it('reuses a print page with a fresh blocked list and only the new lease’s roots', async () => {
    const first = join(scratch, 'reuse-first');
    const second = join(scratch, 'reuse-second');
    for (const dir of [first, second]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(first, 'pic.png'), png);
    writeFileSync(join(first, 'page.html'), '<img src="https://example.com/first.png"><img src="pic.png">');
    writeFileSync(join(second, 'page.html'), `<img src="${pathToFileURL(join(first, 'pic.png')).href}">`);
    const visit = (dir: string) =>
      manager.withPage(
        async (page, lease) => {
          await page.goto(pathToFileURL(join(dir, 'page.html')).href);
          const widths = await page.evaluate(() => Array.from(document.images, (image) => image.naturalWidth));
          return { page, widths, blocked: [...lease.blocked] };
        },
        { allowedRoots: [dir], javaScriptEnabled: false, reuse: true },
      );
    const one = await visit(first);
    const two = await visit(second);
    expect(two.page).toBe(one.page);
    expect(one.widths).toEqual([0, 1]);
    expect(one.blocked.map((b) => b.url)).toEqual(['https://example.com/first.png']);
    // The first lesson's folder is not the second's: its file is refused now.
    expect(two.widths).toEqual([0]);
    expect(two.blocked).toEqual([{ url: pathToFileURL(join(first, 'pic.png')).href, resourceType: 'image', reason: 'outside-roots' }]);
    // Scripts stay off on the reused page, and a page with scripts on is never handed a script-free one.
    const scripted = await manager.withPage(async (page) => page, { reuse: true });
    expect(scripted).not.toBe(one.page);
  });

  it('does not reuse a page whose work failed', async () => {
    let failed: import('puppeteer-core').Page | undefined;
    await expect(
      manager.withPage(
        async (page) => {
          failed = page;
          throw new Error('print failed');
        },
        { javaScriptEnabled: false, reuse: true },
      ),
    ).rejects.toThrow('print failed');
    expect(failed?.isClosed()).toBe(true);
  });

  it('closes a reusable page once it has served its share of documents, and opens a fresh one', async () => {
    const small = new BrowserManager({ concurrency: 1, pageUses: 3 });
    try {
      const pages: import('puppeteer-core').Page[] = [];
      for (let n = 0; n < 4; n++) pages.push(await small.withPage(async (page) => page, { javaScriptEnabled: false, reuse: true }));
      expect(pages[1]).toBe(pages[0]);
      expect(pages[2]).toBe(pages[0]);
      expect(pages[0].isClosed()).toBe(true);
      expect(pages[3]).not.toBe(pages[0]);
      expect(pages[3].isClosed()).toBe(false);
    } finally {
      await small.close();
    }
  });

  it('gives a dedicated page no pool slot, so pooled pages never wait for it', async () => {
    const small = new BrowserManager({ concurrency: 1 });
    try {
      const dedicated = await small.openPage({ dedicated: true });
      const title = await small.withPage(async (page) => {
        await page.setContent('<title>pooled</title>');
        return page.title();
      });
      expect(title).toBe('pooled');
      await dedicated.close();
    } finally {
      await small.close();
    }
  });

  it('runs no page scripts when JavaScript is disabled', async () => {
    const title = await manager.withPage(
      async (page) => {
        await page.setContent('<title>static</title><script>document.title = "ran"</script>');
        return page.title();
      },
      { javaScriptEnabled: false },
    );
    expect(title).toBe('static');
  });
});

describe('BrowserManager lifecycle', () => {
  it('removes its temporary profile on close, and close is idempotent', async () => {
    const manager = new BrowserManager();
    await manager.close(); // closing an unused manager is fine
    const browser = await manager.browser();
    await manager.withPage((page) => page.setContent('<p>a renderer process</p>'));
    const group = browser.process()!.pid!;
    expect(liveProcessesIn(group).length).toBeGreaterThan(2);
    const profile = manager.profileDir;
    expect(profile && existsSync(profile)).toBe(true);
    await Promise.all([manager.close(), manager.close()]);
    await manager.close();
    // The browser and every helper it started are gone at once (a zombie awaiting its reaper counts
    // as gone; a killed process takes a moment to become one).
    await expect.poll(() => liveProcessesIn(group), { timeout: 2_000, interval: 50 }).toEqual([]);
    expect(existsSync(profile as string)).toBe(false);
    expect(manager.launched).toBe(false);
    expect(manager.profileDir).toBeUndefined();
  });

  it('keeps the profile on a RAM disk when there is a roomy one', async () => {
    const manager = new BrowserManager();
    try {
      await manager.browser();
      const profile = manager.profileDir as string;
      const shm = process.platform === 'linux' && existsSync('/dev/shm') && statfsSync('/dev/shm').bavail * statfsSync('/dev/shm').bsize >= 512 * 1024 * 1024;
      expect(profile.startsWith(shm ? '/dev/shm/' : tmpdir())).toBe(true);
    } finally {
      await manager.close();
    }
  });

  it('keeps a page for screenshots visible when later pages open (a hidden page never finishes a PPTX slide)', async () => {
    const manager = new BrowserManager({ concurrency: 3 });
    try {
      const shots = await manager.openPage({ javaScriptEnabled: false, visible: true });
      const later = [await manager.openPage({ javaScriptEnabled: false }), await manager.openPage({ javaScriptEnabled: false })];
      expect(await shots.page.evaluate(() => document.visibilityState)).toBe('visible');
      await shots.page.setContent('<p style="font-size: 40px">slide</p>');
      const png = await withTimeout(shots.page.screenshot({ type: 'png' }), 10_000, 'screenshot');
      expect(png.length).toBeGreaterThan(100);
      await Promise.all([shots, ...later].map((lease) => lease.close(true)));
    } finally {
      await manager.close();
    }
  });

  it('warms pages for the first documents, and a close during the warm-up launches nothing again', async () => {
    const manager = new BrowserManager({ concurrency: 2 });
    manager.prewarm(2, { javaScriptEnabled: false });
    const browser = await manager.browser();
    await manager.close();
    // The warm-up may still be opening pages: it must not bring a second browser up.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(manager.launched).toBe(false);
    expect(browser.connected).toBe(false);

    const warm = new BrowserManager({ concurrency: 2 });
    try {
      warm.prewarm(2, { javaScriptEnabled: false });
      const opened = await warm.browser();
      await expect.poll(async () => (await opened.pages()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const pages = await opened.pages();
      // The next print page is one of them, not a new one.
      const used = await warm.withPage(async (page) => page, { javaScriptEnabled: false, reuse: true });
      expect(pages).toContain(used);
    } finally {
      await warm.close();
    }
  });

  it('warms only free slots, so a document never waits behind the warm-up for a page in use', async () => {
    const manager = new BrowserManager({ concurrency: 2 });
    try {
      // Chromium is starting with two pages to warm, when a document (a deck rendered meanwhile)
      // asks for a page and keeps it a while.
      manager.prewarm(2, { javaScriptEnabled: false });
      const busy = await manager.openPage({ javaScriptEnabled: false, reuse: true });
      // The next document gets the other page at once, without waiting for the first to finish.
      const next = await Promise.race([
        manager.openPage({ javaScriptEnabled: false, reuse: true }),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
      ]);
      expect(next).not.toBeNull();
      expect(next!.page).not.toBe(busy.page);
      await Promise.all([busy.close(true), next!.close(true)]);
    } finally {
      await manager.close();
    }
  });

  it('reports a missing Chromium as a one-line EnvironmentError (exit 3)', async () => {
    const manager = new BrowserManager({ executablePath: '' });
    const error = await manager.browser().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).exitCode).toBe(3);
    expect((error as Error).message).toBe('Cannot start Chromium: none found. Run npm run setup, or set CHROME_PATH.');
    expect(manager.launched).toBe(false);
  });

  it('reports a failed launch with its cause and leaves no profile behind', async () => {
    const manager = new BrowserManager({ executablePath: join(scratch, 'no-such-chrome') });
    const error = await manager.browser().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toMatch(/^Cannot start Chromium \(.*no-such-chrome\): .+\. Run npm run setup, or set CHROME_PATH\.$/);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(manager.launched).toBe(false);
    expect(manager.profileDir).toBeUndefined();
  });

  // A real process, a real signal: the child launches Chromium, we interrupt it, nothing may remain.
  it.each(['SIGINT', 'SIGTERM'] as const)('closes Chromium and removes the profile on %s', async (signal) => {
    const managerUrl = pathToFileURL(fileURLToPath(new URL('../src/browser/manager.ts', import.meta.url))).href;
    const script = join(scratch, `child-${signal}.mts`);
    writeFileSync(
      script,
      [
        `import { BrowserManager } from ${JSON.stringify(managerUrl)};`,
        'const manager = new BrowserManager();',
        'const browser = await manager.browser();',
        'console.log(JSON.stringify({ profile: manager.profileDir, pid: browser.process()?.pid }));',
        'setInterval(() => {}, 1000);',
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const started = await new Promise<{ profile: string; pid: number }>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0] as string));
      });
      child.once('exit', () => reject(new Error(`child exited early: ${stderr}`)));
    });
    expect(existsSync(started.profile)).toBe(true);

    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill(signal);
    // Re-raised after cleanup, so the shell sees the usual status (130 for Ctrl-C).
    expect(await exited).toEqual({ code: null, signal });
    expect(existsSync(started.profile)).toBe(false);
    expect(() => process.kill(started.pid, 0)).toThrow(/ESRCH/);
  });
});
