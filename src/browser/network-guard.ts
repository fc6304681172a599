/**
 * Keeps a page off the network: only in-memory URLs and files under allow-listed folders load.
 * Everything else is aborted and recorded, so callers can tell the author what a lesson tried to fetch.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';

/** Why a request did not load: a scheme other than file/data/blob/about, or a file outside the roots. */
export type BlockReason = 'scheme' | 'outside-roots';

/** A request the guard stopped. */
export interface BlockedRequest {
  url: string;
  /** Puppeteer's resource type: `image`, `stylesheet`, `fetch`, `document`, `websocket`… */
  resourceType: string;
  reason: BlockReason;
}

const inMemorySchemes = new Set(['data:', 'blob:', 'about:']);

/** Returns why `url` must not load, or null when it may: data/blob/about, or a file inside a root. */
export function blockReason(url: string, roots: readonly string[]): BlockReason | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'scheme';
  }
  if (inMemorySchemes.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'file:') return 'scheme';
  // file://server/share is a network path, not a local file.
  if (parsed.host !== '' && parsed.host !== 'localhost') return 'outside-roots';
  let file: string;
  try {
    file = canonical(fileURLToPath(parsed));
  } catch {
    return 'outside-roots';
  }
  return roots.some((root) => isInside(file, root)) ? null : 'outside-roots';
}

/** Resolves symlinks where the path exists, so a link inside a root cannot reach a file outside it. */
export function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

function isInside(file: string, root: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A guarded page's live state: what it may load now, and what it refused since `reset`. */
export interface PageGuard {
  /** What the page tried to load and was refused, in order; replaced (not cleared) by `reset`. */
  readonly blocked: readonly BlockedRequest[];
  /** Gives the page new roots and a new, empty blocked list, for its next document. */
  reset(roots: readonly string[]): void;
}

/**
 * Turns on request interception for `page` and returns its guard: what it blocked, and the roots
 * it allows, which a reused page swaps for the next document's. `roots` must already be canonical
 * (see `canonical`).
 */
export async function guardPage(page: Page, roots: readonly string[]): Promise<PageGuard> {
  let allowed = roots;
  let blocked: BlockedRequest[] = [];
  const guard: PageGuard = {
    get blocked() {
      return blocked;
    },
    reset(next) {
      allowed = next;
      blocked = [];
    },
  };

  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const reason = blockReason(url, allowed);
    // The page may close mid-request; a failed continue/abort then has nobody left to tell.
    if (reason === null) {
      request.continue().catch(() => {});
    } else {
      blocked.push({ url, resourceType: request.resourceType(), reason });
      request.abort('blockedbyclient').catch(() => {});
    }
  });

  // WebSockets bypass request interception. The launch flags already keep them from connecting;
  // here they are only recorded, so the report still names them.
  const session = await page.createCDPSession();
  await session.send('Network.enable');
  session.on('Network.webSocketCreated', ({ url }) => {
    blocked.push({ url, resourceType: 'websocket', reason: blockReason(url, allowed) ?? 'scheme' });
  });

  return guard;
}
