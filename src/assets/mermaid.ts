/**
 * src/assets/ turns a lesson's Mermaid diagrams into pictures that can be read where they are shown:
 * rendered to SVG (this file), measured and redrawn the other way round or split into parts until
 * their words are large enough (mermaid-layout.ts, mermaid-fit.ts, mermaid-split*.ts), read without
 * Mermaid to describe them in words (mermaid-structure.ts, mermaid-read-*.ts), and cached by content
 * (diagram-cache.ts).
 *
 * This file: renders Mermaid diagrams to SVG in one warm Chromium page: Mermaid loads once, then each
 * diagram costs tens of milliseconds. Always `securityLevel: 'strict'`, whatever a diagram asks for.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MermaidConfig } from 'mermaid';
import type { BrowserManager, PageLease } from '../browser/manager.js';
import { BrowserCrashedError, looksDisconnected } from '../browser/crash.js';
import { withTimeout } from '../browser/with-timeout.js';
import { EnvironmentError } from '../errors.js';
import { diagramKey } from './diagram-cache.js';
import type { DiagramCache } from './diagram-cache.js';
import { runtimeScript } from './mermaid-page.js';
import type { PageGlobals, PageOutcome } from './mermaid-page.js';
import { neutraliseConfig, secureKeys, sourceLine } from './mermaid-source.js';

export type MermaidTheme = 'default' | 'neutral' | 'dark' | 'forest' | 'base';

export interface MermaidRendererOptions {
  theme?: MermaidTheme;
  /** Mermaid theme variables (colours, font sizes); most only take effect with theme `base`. */
  themeVariables?: Record<string, string>;
  /** CSS font-family for diagram text; defaults to `DejaVu Sans, sans-serif`. */
  fontFamily?: string;
  /** Where finished SVGs are kept between runs; cached diagrams never touch the browser. */
  cache?: DiagramCache;
  /** Milliseconds one diagram may take before it counts as failed; defaults to 30 000. */
  timeout?: number;
}

/** One diagram to render. `id` becomes the SVG's id: a letter, then letters, digits, `-` or `_`. */
export interface DiagramSource {
  id: string;
  code: string;
}

/** Why a diagram did not render; `line` is 1-based within the diagram's code, when Mermaid says. */
export interface DiagramError {
  message: string;
  line?: number;
}

/** The outcome for one diagram: `svg` or `error`, never both. */
export interface RenderedDiagram {
  id: string;
  svg?: string;
  error?: DiagramError;
  /** True when the SVG came from the cache. */
  cached?: boolean;
  /** True when the diagram was not in the cache and `cachedOnly` kept the browser closed. */
  skipped?: boolean;
}

/** Where Mermaid's browser bundle is installed. */
export interface MermaidBundle {
  version: string;
  bundlePath: string;
}

// Bump when the page runtime or sanitiser changes what ends up in an SVG, to retire cached output.
const rendererRevision = 3;

const pageHtml = `<!doctype html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
</head><body></body></html>`;

const idPattern = /^[A-Za-z][\w-]*$/;

let bundle: MermaidBundle | undefined;
let bundleSource: Promise<string> | undefined;

/**
 * Finds Mermaid's package: next to Lectern when hoisted, else inside mermaid-cli's own node_modules.
 */
export function mermaidBundle(): MermaidBundle {
  if (bundle) return bundle;
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('mermaid/package.json');
  } catch (hoistedError) {
    try {
      const cli = require.resolve('@mermaid-js/mermaid-cli');
      packageJson = createRequire(cli).resolve('mermaid/package.json');
    } catch {
      throw new EnvironmentError('Cannot find Mermaid, expected node_modules/mermaid. Run npm run setup.', {
        cause: hoistedError,
      });
    }
  }
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  bundle = { version, bundlePath: join(dirname(packageJson), 'dist', 'mermaid.min.js') };
  return bundle;
}

/** Renders batches of Mermaid diagrams in one reused page of a shared `BrowserManager`. */
export class MermaidRenderer {
  readonly #manager: BrowserManager;
  readonly #cache: DiagramCache | undefined;
  readonly #timeout: number;
  readonly #config: MermaidConfig;
  readonly #keyConfig: Record<string, unknown>;
  #lease: Promise<PageLease> | undefined;
  // Mermaid keeps global state in the page, so renders must not interleave.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(manager: BrowserManager, options: MermaidRendererOptions = {}) {
    this.#manager = manager;
    this.#cache = options.cache;
    this.#timeout = options.timeout ?? manager.timeout ?? 30_000;
    const theme = options.theme ?? 'default';
    const fontFamily = options.fontFamily ?? 'DejaVu Sans, sans-serif';
    const themeVariables = { ...options.themeVariables };
    this.#config = {
      startOnLoad: false,
      securityLevel: 'strict',
      // Replaces Mermaid's default list, which secureKeys includes; directives cannot change these.
      secure: [...secureKeys],
      suppressErrorRendering: true,
      theme,
      themeVariables,
      fontFamily,
      // Plain SVG <text>, not <foreignObject> HTML: portable to PDF and standalone .svg files.
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      // Sequence diagrams name their own fonts ("Open Sans"), which this machine lacks; keep one face.
      sequence: { actorFontFamily: fontFamily, messageFontFamily: fontFamily, noteFontFamily: fontFamily },
    };
    this.#keyConfig = { theme, themeVariables, fontFamily, rendererRevision };
  }

  /** Version of the Mermaid bundle used, part of every cache key. */
  get mermaidVersion(): string {
    return mermaidBundle().version;
  }

  /**
   * Renders each diagram to SVG, in input order. A diagram that fails gets an `error` and does not
   * affect the others. Throws only for bad ids or when Chromium cannot start.
   */
  async render(diagrams: readonly DiagramSource[], options: { cachedOnly?: boolean } = {}): Promise<RenderedDiagram[]> {
    checkIds(diagrams);
    const run = this.#queue.then(() => this.#render(diagrams, options.cachedOnly === true));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Waits for renders in progress, then closes the page (the browser belongs to the manager). */
  async dispose(): Promise<void> {
    await this.#queue;
    await this.#closePage();
  }

  async #closePage(): Promise<void> {
    const lease = this.#lease;
    this.#lease = undefined;
    await (await lease?.catch(() => undefined))?.close();
  }

  async #render(diagrams: readonly DiagramSource[], cachedOnly: boolean): Promise<RenderedDiagram[]> {
    const { version } = mermaidBundle();
    const results: RenderedDiagram[] = new Array(diagrams.length);
    // Identical code renders once; its SVG is re-labelled for each id.
    const pending = new Map<string, { code: string; indexes: number[] }>();

    for (const [index, { id, code }] of diagrams.entries()) {
      const key = diagramKey(code, version, this.#keyConfig);
      // An unreadable cache entry is just a miss: the cache only saves time.
      const cached = await this.#cache?.get(key).catch(() => null);
      if (cached) {
        results[index] = { id, svg: withId(cached, key, id), cached: true };
        continue;
      }
      const group = pending.get(key);
      if (group) group.indexes.push(index);
      else pending.set(key, { code, indexes: [index] });
    }

    for (const [key, { code, indexes }] of pending) {
      if (cachedOnly) {
        for (const index of indexes) results[index] = { id: (diagrams[index] as DiagramSource).id, skipped: true };
        continue;
      }
      const outcome = await this.#renderOne(placeholderId(key), code);
      if ('svg' in outcome) {
        // Likewise a full or read-only disk must not fail the build.
        await this.#cache?.set(key, outcome.svg).catch(() => {});
      }
      for (const index of indexes) {
        const { id } = diagrams[index] as DiagramSource;
        results[index] = 'svg' in outcome ? { id, svg: withId(outcome.svg, key, id) } : { id, error: diagramError(outcome.error, code) };
      }
    }
    return results;
  }

  async #renderOne(id: string, code: string): Promise<PageOutcome> {
    const crashes = this.#manager.crashes;
    let lease = await this.#page();
    // The warm page went with a Chromium that died since the last diagram: draw on a new one.
    if (lease.page.isClosed() || !lease.page.browser().connected) {
      await this.#closePage();
      lease = await this.#page();
    }
    try {
      return await withTimeout(
        lease.page.evaluate((id, code) => (globalThis as unknown as PageGlobals).lecternRender(id, code), id, neutraliseConfig(code)),
        this.#timeout,
        'rendering',
      );
    } catch (error) {
      // Timed out or the page died: start the next diagram on a fresh page.
      await this.#closePage();
      // Chromium itself died: not the diagram's fault, and not a syntax error to blame its author for.
      if (this.#manager.crashes > crashes || looksDisconnected(error)) throw new BrowserCrashedError('Chromium closed unexpectedly while drawing a diagram', { cause: error });
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { error: `Cannot render diagram: ${reason}` };
    }
  }

  #page(): Promise<PageLease> {
    if (!this.#lease) {
      const opening = this.#openPage();
      this.#lease = opening;
      opening.catch(() => {
        if (this.#lease === opening) this.#lease = undefined;
      });
    }
    return this.#lease;
  }

  async #openPage(): Promise<PageLease> {
    const lease = await this.#manager.openPage({ javaScriptEnabled: true, dedicated: true });
    try {
      const { page } = lease;
      await page.setContent(pageHtml);
      await this.#manager.testPoint('mermaid-setup');
      await page.addScriptTag({ content: await readBundle() });
      await page.addScriptTag({ content: runtimeScript() });
      await page.evaluate((config) => (globalThis as unknown as PageGlobals).lecternInit(config), this.#config);
      return lease;
    } catch (error) {
      await lease.close();
      throw error;
    }
  }
}

function readBundle(): Promise<string> {
  bundleSource ??= readFile(mermaidBundle().bundlePath, 'utf8');
  return bundleSource;
}

function checkIds(diagrams: readonly DiagramSource[]): void {
  const seen = new Set<string>();
  for (const { id } of diagrams) {
    if (!idPattern.test(id)) {
      throw new TypeError(`Cannot use ${JSON.stringify(id)} as a diagram id, expected a letter then letters, digits, - or _`);
    }
    if (seen.has(id)) throw new TypeError(`Cannot render two diagrams with the id ${JSON.stringify(id)}, expected unique ids`);
    seen.add(id);
  }
}

// Diagrams render under an id derived from their cache key, so a cached SVG can be given any id later.
function placeholderId(key: string): string {
  return `lectern-mermaid-${key.slice(0, 20)}`;
}

function withId(svg: string, key: string, id: string): string {
  return svg.split(placeholderId(key)).join(id);
}

/** Turns Mermaid's message into one line, with the line number mapped back to the diagram's code. */
function diagramError(raw: string, code: string): DiagramError {
  const lines = raw
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  // Jison messages quote the source and point at it with a caret; the quote is noise in one line.
  const kept = lines.length >= 3 && /^-*\^$/.test(lines[2] ?? '') ? [lines[0], ...lines.slice(3)] : lines;
  let message = kept.join(' ').replace(/\s+/g, ' ');
  if (message.length > 300) message = `${message.slice(0, 299)}…`;

  const reported = /\bline (\d+)/i.exec(message);
  if (!reported) return { message };
  const line = sourceLine(code, Number(reported[1]));
  return { message: message.replace(/\bline \d+/i, `line ${line}`), line };
}
