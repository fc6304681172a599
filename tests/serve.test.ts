// `lectern serve`: the live-reload rewrite of served pages, the static server's refusals, and the real
// CLI building, serving and telling an open page to reload after a lesson changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowLiveReload, injectLiveReload, RELOAD_SCRIPT_PATH } from '../src/serve/live-reload.js';
import { PreviewServer } from '../src/serve/preview-server.js';
import { findChrome } from '../src/browser/find-chrome.js';
import { launch } from 'puppeteer-core';
import { ensureBuilt, root, startLectern, type LongRun } from './helpers/cli.js';

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A GET with the path sent exactly as given (no client-side normalisation of "..", unlike fetch). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('allowLiveReload', () => {
  it("adds 'self' to script-src and connect-src, keeping everything else", () => {
    const deck = "default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'; script-src 'sha256-abc='; base-uri 'self' file:; form-action 'none'";
    expect(allowLiveReload(deck)).toBe(
      "default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'; script-src 'sha256-abc=' 'self'; base-uri 'self' file:; form-action 'none'; connect-src 'self'",
    );
  });

  it('derives a missing directive from default-src, dropping its none', () => {
    expect(allowLiveReload("default-src 'none'; style-src 'unsafe-inline'")).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'");
    expect(allowLiveReload("default-src https://cdn.example")).toBe("default-src https://cdn.example; script-src https://cdn.example 'self'; connect-src https://cdn.example 'self'");
  });

  it('leaves policies that already allow us, or restrict neither, alone', () => {
    expect(allowLiveReload("script-src 'self'; connect-src *")).toBe("script-src 'self'; connect-src *");
    expect(allowLiveReload("img-src data:")).toBe('img-src data:');
  });
});

describe('injectLiveReload', () => {
  const page = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>T</title></head><body><p>x</p></body></html>`;

  it('adds the external client script after the policy and widens the policy', () => {
    const served = injectLiveReload(page);
    expect(served).toContain(`<script src="${RELOAD_SCRIPT_PATH}"></script>\n</head>`);
    expect(served).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'"`);
    expect(served.replace(`<script src="${RELOAD_SCRIPT_PATH}"></script>\n`, '').replace("; script-src 'self'; connect-src 'self'", '')).toBe(page);
  });

  it('handles attribute order, quotes and entities, and pages without a head', () => {
    const served = injectLiveReload(`<META content='default-src &#39;none&#39;' HTTP-EQUIV="content-security-policy"><p>hi</p>`);
    expect(served).toContain(`<META content="default-src 'none'; script-src 'self'; connect-src 'self'" HTTP-EQUIV="content-security-policy">`);
    expect(served.endsWith(`<script src="${RELOAD_SCRIPT_PATH}"></script>\n`)).toBe(true);
  });
});

describe('PreviewServer', () => {
  let dir: string;
  let out: string;
  let server: PreviewServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-serve-unit-'));
    out = join(dir, 'out');
    mkdirSync(join(out, 'm', 'lesson', 'assets'), { recursive: true });
    mkdirSync(join(out, '.cache'));
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    writeFileSync(join(out, '.cache', 'entry.json'), '{}');
    writeFileSync(join(out, 'index.html'), `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body>index</body></html>`);
    writeFileSync(join(out, 'm', 'lesson', 'deck.pdf'), '%PDF-1.7 fake');
    writeFileSync(join(out, 'm', 'lesson', 'assets', 'd.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(out, 'm', 'lesson', 'deck.pptx'), 'PK');
    writeFileSync(join(out, 'm', 'lesson', 'my file.md'), '# spaced');
    symlinkSync(join(dir, 'secret.txt'), join(out, 'm', 'link.txt'));
    server = await PreviewServer.start({ root: out, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the index with live reload, without touching the file', async () => {
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain(`<script src="${RELOAD_SCRIPT_PATH}"></script>`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('__lectern');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it.each([
    ['/m/lesson/deck.pdf', 'application/pdf'],
    ['/m/lesson/assets/d.svg', 'image/svg+xml'],
    ['/m/lesson/deck.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['/m/lesson/my%20file.md', 'text/markdown; charset=utf-8'],
    ['/__lectern/reload.js', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await get(server.port, path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['/../secret.txt', 404],
    ['/../../../../etc/passwd', 404],
    ['/%2e%2e/', 404],
    ['/%2e%2e/secret.txt', 404],
    ['/m/..%2f..%2fsecret.txt', 404],
    ['/m/%2e%2e/%2e%2e/secret.txt', 404],
    ['/..%5csecret.txt', 400],
    ['/%zz', 400],
    ['/a%00b', 400],
    ['//evil.example/', 400],
    ['/.cache/entry.json', 404],
    ['/.cache/', 404],
    ['/m/link.txt', 404],
    ['/m/lesson/', 404],
    ['/nothing.html', 404],
  ])('refuses %s with %i', async (path, status) => {
    const res = await get(server.port, path);
    expect(res.status).toBe(status);
    expect(res.body).not.toContain('outside');
  });

  it('redirects a folder to its slash form, answers only to local host names and to GET/HEAD', async () => {
    const folder = await get(server.port, '/m?x=1');
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe('/m/?x=1');
    expect((await get(server.port, '/', { Host: 'attacker.example' })).status).toBe(403);
    expect((await get(server.port, '/', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('moves to another port when the one asked for is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const second = await PreviewServer.start({ root: out, port: taken });
    try {
      expect(second.port).not.toBe(taken);
      expect((await get(second.port, '/')).status).toBe(200);
    } finally {
      await second.close();
      blocker.close();
    }
  });
});

describe('lectern serve (real CLI and Chromium)', () => {
  let dir: string;
  let cli: LongRun;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lectern-serve-'));
    mkdirSync(join(dir, 'lessons', 'module-3'), { recursive: true });
    for (const name of ['README.md', '3.1-http-fundamentals.md']) {
      cpSync(join(root, 'lessons', 'module-3-web-apis', name), join(dir, 'lessons', 'module-3', name));
    }
    cli = startLectern(['serve', 'lessons', '--out', 'out', '--formats', 'deck', '--to', 'md,html', '--port', '0'], dir);
    await cli.waitFor(() => /Serving out at http:\/\/127\.0\.0\.1:\d+\//.test(cli.stdout), 'the server');
  }, 120_000);

  afterAll(async () => {
    await cli?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const port = () => Number(/127\.0\.0\.1:(\d+)/.exec(cli.stdout)![1]);

  it('serves the built course with live reload, and nothing outside it', async () => {
    const index = await get(port(), '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain(`<script src="${RELOAD_SCRIPT_PATH}"></script>`);
    expect(index.body).toContain('3.1-http-fundamentals/deck.html');

    const deck = await get(port(), '/module-3/3.1-http-fundamentals/deck.html');
    expect(deck.status).toBe(200);
    expect(deck.headers['content-type']).toBe('text/html; charset=utf-8');
    // The deck's own script stays allowed by its hash; ours is allowed as 'self'.
    expect(deck.body).toMatch(/script-src 'sha256-[^']+' 'self'/);
    expect(deck.body).toContain(`<script src="${RELOAD_SCRIPT_PATH}"></script>`);
    expect(readFileSync(join(dir, 'out', 'module-3', '3.1-http-fundamentals', 'deck.html'), 'utf8')).not.toContain('__lectern');

    expect((await get(port(), '/module-3/3.1-http-fundamentals/deck.md')).headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect((await get(port(), '/../etc/passwd')).status).toBe(404);
    expect((await get(port(), '/%2e%2e/')).status).toBe(404);
    expect((await get(port(), '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get(port(), '/.cache/')).status).toBe(404);
  });

  it('reloads an open deck when its lesson is edited, then exits on Ctrl-C', async () => {
    let events = '';
    const stream = request({ host: '127.0.0.1', port: port(), path: '/__lectern/events' });
    const opened = new Promise<string | undefined>((resolve) =>
      stream.on('response', (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (events += chunk));
        resolve(res.headers['content-type']);
      }),
    );
    stream.on('error', () => {});
    stream.end();
    expect(await opened).toBe('text/event-stream; charset=utf-8');

    // A real page: the policy must let the client script run and connect, and the page must reload.
    const browser = await launch({ executablePath: findChrome() ?? undefined, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text());
      });
      const connected = page.waitForRequest((req) => req.url().endsWith('/__lectern/events'));
      await page.goto(`http://127.0.0.1:${port()}/module-3/3.1-http-fundamentals/deck.html`);
      await connected;
      await page.evaluate(() => ((globalThis as { beforeReload?: boolean }).beforeReload = true));
      const reloaded = page.waitForNavigation({ timeout: 60_000 });

      appendFileSync(join(dir, 'lessons', 'module-3', '3.1-http-fundamentals.md'), '\nOne more line for the summary.\n');
      await cli.waitFor(() => events.includes('event: reload'), 'the reload event');
      expect(events).toContain('"lessons":["lessons/module-3/3.1-http-fundamentals.md"]');
      expect(cli.stderr).toContain('rebuilt 3.1-http-fundamentals in');
      await reloaded;
      expect(await page.evaluate(() => (globalThis as { beforeReload?: boolean }).beforeReload)).toBeUndefined();
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(130);
    stream.destroy();
  });
});
