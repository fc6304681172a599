/**
 * src/serve/ is `lectern serve`'s preview of OUT in a browser: the server (this file), the live
 * reload added to pages as they are served (live-reload.ts) and the content types (mime.ts).
 *
 * This file: the preview server of `lectern serve`: OUT as static files on 127.0.0.1, HTML pages with
 * live reload added on the way out, and a Server-Sent Events stream that tells them when a build is
 * done. Nothing outside OUT is ever served, nor any dot-file inside it (`.cache`), nor a folder
 * listing.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { isInside } from '../output/paths.js';
import { EVENTS_PATH, RELOAD_SCRIPT_PATH, injectLiveReload, reloadClient } from './live-reload.js';
import { contentType } from './mime.js';

export interface PreviewServerOptions {
  /** The folder served (absolute). */
  root: string;
  /** Defaults to 127.0.0.1: the preview is for this machine only. */
  host?: string;
  /** The port to try first; 0 takes any free one. */
  port: number;
  /** Ports tried after `port` when it is taken, before any free one; 0 fails instead. */
  fallbacks?: number;
}

/** Host names a request may carry: anything else is a page elsewhere reaching us through DNS rebinding. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const HEARTBEAT_MS = 20_000;

export class PreviewServer {
  readonly #server: Server;
  readonly #root: string;
  #realRoot: string;
  readonly #clients = new Set<ServerResponse>();
  readonly #heartbeat: NodeJS.Timeout;
  #port = 0;
  #host = '127.0.0.1';

  private constructor(root: string) {
    this.#root = root;
    this.#realRoot = root;
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, `Cannot serve this: ${error instanceof Error ? error.message : String(error)}`);
        else response.destroy();
      });
    });
    this.#heartbeat = setInterval(() => this.#broadcast(': ping\n\n'), HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  /** Starts listening; a taken port moves on to the next ones, then to any free one. */
  static async start(options: PreviewServerOptions): Promise<PreviewServer> {
    const server = new PreviewServer(resolve(options.root));
    server.#realRoot = await realpath(server.#root).catch(() => server.#root);
    server.#host = options.host ?? '127.0.0.1';
    const fallbacks = options.port === 0 ? 0 : (options.fallbacks ?? 10);
    const candidates = [options.port, ...Array.from({ length: fallbacks }, (_, i) => options.port + 1 + i).filter((port) => port <= 65535)];
    if (fallbacks > 0) candidates.push(0);
    let lastError: unknown;
    for (const port of candidates) {
      try {
        server.#port = await listen(server.#server, server.#host, port);
        return server;
      } catch (error) {
        lastError = error;
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE' && code !== 'EACCES') break;
      }
    }
    clearInterval(server.#heartbeat);
    throw new EnvironmentError(`Cannot listen on ${server.#host}:${options.port}: ${(lastError as Error)?.message ?? 'unknown error'}. Choose another with --port.`, {
      cause: lastError,
    });
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `http://${this.#host.includes(':') ? `[${this.#host}]` : this.#host}:${this.#port}/`;
  }

  /** Tells every open page to reload. */
  reload(detail: unknown = {}): void {
    this.#broadcast(`event: reload\ndata: ${JSON.stringify(detail)}\n\n`);
  }

  /** Stops listening and ends every open connection. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
    await new Promise<void>((done) => {
      this.#server.close(() => done());
      this.#server.closeAllConnections();
    });
  }

  #broadcast(message: string): void {
    for (const client of this.#clients) client.write(message);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!LOCAL_HOSTS.has(host)) return send(response, 403, 'Forbidden: this preview only answers to 127.0.0.1 and localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'Method not allowed');
    }
    const raw = request.url ?? '/';
    // "//host" would make the folder redirect below point at another site.
    if (!raw.startsWith('/') || raw.startsWith('//')) return send(response, 400, 'Bad request');
    const [pathPart = '/', query = ''] = splitQuery(raw);

    if (pathPart === EVENTS_PATH) return this.#events(request, response);
    if (pathPart === RELOAD_SCRIPT_PATH) return sendBody(request, response, 200, contentType('reload.js'), reloadClient);

    const target = this.#resolve(pathPart);
    if (target === 'bad') return send(response, 400, 'Bad request');
    if (target === null) return send(response, 404, 'Not found');
    const found = await this.#existing(target);
    if (!found) return send(response, 404, 'Not found');
    if (found.isDirectory) {
      // Relative links in the folder's index.html need the trailing slash.
      if (!pathPart.endsWith('/')) {
        response.writeHead(301, { Location: `${pathPart}/${query}`, 'Cache-Control': 'no-store' });
        response.end();
        return;
      }
      const index = await this.#existing(join(target, 'index.html'));
      if (!index || index.isDirectory) return send(response, 404, 'Not found');
      return this.#file(request, response, index.path, index.size);
    }
    return this.#file(request, response, found.path, found.size);
  }

  /** The file a URL path names inside the root; null when it names nothing we serve, 'bad' when it is malformed. */
  #resolve(pathPart: string): string | null | 'bad' {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch {
      return 'bad';
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return 'bad';
    const segments = decoded.split('/').filter((segment) => segment !== '');
    // Dot segments: "..", ".", and hidden files such as .cache and the atomic writer's temporaries.
    if (segments.some((segment) => segment.startsWith('.'))) return null;
    const target = resolve(this.#root, ...segments);
    return isInside(this.#root, target) ? target : null;
  }

  /** The file or folder, after following links, as long as it is still inside the root. */
  async #existing(path: string): Promise<{ path: string; isDirectory: boolean; size: number } | null> {
    try {
      const real = await realpath(path);
      if (!isInside(this.#realRoot, real)) return null;
      const stats = await stat(real);
      if (!stats.isDirectory() && !stats.isFile()) return null;
      return { path: real, isDirectory: stats.isDirectory(), size: stats.size };
    } catch {
      return null;
    }
  }

  async #file(request: IncomingMessage, response: ServerResponse, path: string, size: number): Promise<void> {
    const type = contentType(path);
    if (type.startsWith('text/html')) {
      return sendBody(request, response, 200, type, injectLiveReload(await readFile(path, 'utf8')));
    }
    response.writeHead(200, { ...commonHeaders, 'Content-Type': type, 'Content-Length': size });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(path);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }

  #events(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { ...commonHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // The retry hint and a first comment make the browser see the stream open at once.
    response.write('retry: 1000\n: connected\n\n');
    this.#clients.add(response);
    request.on('close', () => this.#clients.delete(response));
  }
}

const commonHeaders = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function splitQuery(raw: string): [string, string] {
  const at = raw.search(/[?#]/);
  return at === -1 ? [raw, ''] : [raw.slice(0, at), raw.slice(at)];
}

function send(response: ServerResponse, status: number, text: string): void {
  const body = `${text}\n`;
  response.writeHead(status, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function sendBody(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { ...commonHeaders, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
