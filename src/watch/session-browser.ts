/**
 * The one Chromium a watch session keeps across rebuilds. Once the session stops, it refuses to
 * launch again, so a build still running when Ctrl-C came cannot start a fresh browser behind our back.
 */
import type { Browser } from 'puppeteer-core';
import { BrowserManager } from '../browser/manager.js';
import { EnvironmentError } from '../errors.js';

export class SessionBrowser extends BrowserManager {
  #stopped = false;

  override async browser(): Promise<Browser> {
    if (this.#stopped) throw new EnvironmentError('Cannot start Chromium: lectern is shutting down');
    return super.browser();
  }

  /** Closes the browser for good. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.close();
  }
}
