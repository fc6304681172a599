/**
 * The build's engine: Chromium, the Mermaid renderer and the document builders, imported and
 * started only when the first lesson needs them, and disposed of once at the end.
 */
import { join } from 'node:path';
import type { BrowserManager } from '../browser/manager.js';
import type { MermaidRenderer } from '../assets/mermaid.js';
import type { Progress } from './progress.js';

/** Chromium may die once under a build and be restarted; the second death is final. */
export const MAX_CRASHES = 2;

/**
 * A build that starts after at most this many lessons (or lecture notes) were edited prints a handful
 * of documents, and runs Chromium as one process (`BrowserManagerOptions.oneProcess`): starting its
 * renderer processes was a fifth of such a build's CPU. A larger build keeps them, so that its pages
 * print in parallel.
 */
export const FEW_EDITS = 2;

/**
 * A build of a course of at most this many Markdown files (a lesson or a few, with their README)
 * prints a handful of documents too, and runs Chromium as one process as well.
 */
export const FEW_FILES = 4;

/** How the engine's Chromium is started; the first `load` decides. */
export interface EngineLaunch {
  /** Chromium as one process, for a build of a few edited lessons or a small course (`FEW_EDITS`, `FEW_FILES`). */
  oneProcess?: boolean;
}

/**
 * The heavy half of a build (Chromium, Mermaid, Marp, the PDF writers), loaded on first need:
 * a build whose lessons are all unchanged never imports it.
 */
export class Engine {
  #loaded: Promise<{ manager: BrowserManager; mermaid: MermaidRenderer; buildDocuments: typeof import('./documents.js').buildDocuments }> | undefined;

  constructor(
    private readonly given: () => BrowserManager | null,
    private readonly options: { concurrency: number; outRoot: string; executablePath?: string; prewarm: boolean; progress: Progress; timeout?: number },
  ) {}

  #manager: BrowserManager | undefined;

  /** The signal that is closing this build's Chromium for good, if any. */
  get interrupted(): NodeJS.Signals | undefined {
    return this.#manager?.interrupted;
  }

  /** How many times Chromium died under this build so far. */
  get crashes(): number {
    return this.#manager?.crashes ?? 0;
  }

  load(launch: EngineLaunch = {}) {
    this.#loaded ??= (async () => {
      // Chromium first: it starts in the background while the rest of the engine loads and the first
      // lesson renders, which is most of a one-lesson rebuild.
      const [{ BrowserManager }, { warmPrintPages }] = await Promise.all([import('../browser/manager.js'), import('../export/print-page.js')]);
      const { concurrency, outRoot, executablePath } = this.options;
      const given = this.given();
      // A browser given by the caller (watch, serve) is started as it was made.
      const oneProcess = !given && launch.oneProcess === true;
      const manager =
        given ?? new BrowserManager({ concurrency, allowedRoots: [outRoot], executablePath, timeout: this.options.timeout, maxCrashes: MAX_CRASHES, oneProcess });
      this.#manager = manager;
      if (this.options.prewarm) warmPrintPages(manager, concurrency);
      this.options.progress.mark(oneProcess ? 'engine: browser starting as one process' : 'engine: browser starting');
      const [{ MermaidRenderer }, { DiagramCache }, { buildDocuments }] = await Promise.all([
        import('../assets/mermaid.js'),
        import('../assets/diagram-cache.js'),
        import('./documents.js'),
      ]);
      const mermaid = new MermaidRenderer(manager, { cache: new DiagramCache(join(outRoot, '.cache', 'diagrams')) });
      // The module books' PDF library loads while Chromium prints, when this thread would only wait.
      void import('../course/book.js').catch(() => {});
      this.options.progress.mark('engine loaded');
      return { manager, mermaid, buildDocuments };
    })();
    return this.#loaded;
  }

  /** Releases the page and (when it owns it) the browser; says whether Chromium was started. */
  async dispose(closeBrowser: boolean): Promise<boolean> {
    if (!this.#loaded) return false;
    const loaded = await this.#loaded.catch(() => undefined);
    if (!loaded) return false;
    const { manager, mermaid } = loaded;
    const launched = manager.launched;
    await mermaid.dispose().catch(() => {});
    if (closeBrowser) await manager.close();
    return launched;
  }
}
