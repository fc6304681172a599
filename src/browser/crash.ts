/**
 * A Chromium that died under the build. Kept apart from the manager so that code which only needs
 * to recognise the error does not load Puppeteer.
 */
import { LecternError } from '../errors.js';

/** Chromium died under the build (it was not closed by us), and may not be launched again. */
export class BrowserCrashedError extends LecternError {
  constructor(message = 'Chromium closed unexpectedly, and again after it was restarted', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}

/** Puppeteer's words for a page or browser whose connection went away mid-call. */
export function looksDisconnected(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Target closed|Session closed|Connection closed|detached Frame|Navigating frame was detached|Protocol error.*(?:closed|detached)/i.test(message);
}
