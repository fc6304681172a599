/**
 * Mermaid's own parser, run in Node without a browser: `check` finds the diagrams a build would
 * refuse, and a build words its `mermaid-syntax` errors through the same function, so both report
 * the same lesson line and the same plain words. Mermaid is loaded only when a lesson has a diagram
 * (it is large: the CLI bundle leaves it out, and scripts/bundle.mjs makes it a bundle of its own).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mermaidBundle } from './mermaid.js';
import { neutraliseConfig, sourceLine } from './mermaid-source.js';
import { explainMermaidError } from './mermaid-explain.js';

/** Why a diagram does not parse: plain words, and the 1-based line within the diagram's code. */
export interface MermaidProblem {
  message: string;
  line: number;
}

export interface MermaidApi {
  parse(text: string): Promise<unknown>;
  initialize(config: Record<string, unknown>): void;
}

let loading: Promise<MermaidApi> | undefined;

/**
 * Where scripts/bundle.mjs puts Mermaid for Node, as one bundle: dist/bundle/mermaid-node-<version>/index.js
 * and its chunks. Found from the package root, so the same from src/, dist/ and the CLI bundle in dist/bundle/.
 */
export function mermaidNodeBundle(): string {
  return fileURLToPath(new URL(`../../dist/bundle/mermaid-node-${mermaidBundle().version}/index.js`, import.meta.url));
}

function loadMermaid(): Promise<MermaidApi> {
  // The bundle loads in a third of the time Mermaid's own thousand-odd modules take. Before the
  // first build, or after an update of Mermaid that was not bundled yet, Mermaid comes from node_modules.
  loading ??= (() => {
    const bundled = mermaidNodeBundle();
    return loadMermaidFrom(existsSync(bundled) ? bundled : null);
  })();
  return loading;
}

/** Mermaid from its one-file bundle, or (null) from its own modules in node_modules; ready to parse. */
export async function loadMermaidFrom(bundled: string | null): Promise<MermaidApi> {
  let mermaid: MermaidApi;
  if (bundled) {
    // DOMPurify comes out of the bundle beside Mermaid: the instance Mermaid itself uses.
    const module = (await import(pathToFileURL(bundled).href)) as { mermaid: MermaidApi; purify: Record<string, unknown> };
    quietDomPurify(module.purify);
    mermaid = module.mermaid;
  } else {
    const mermaidDir = dirname(dirname(mermaidBundle().bundlePath));
    const purify = await domPurifyOf(mermaidDir);
    if (purify) quietDomPurify(purify);
    // A computed URL: esbuild leaves it to Node at run time instead of bundling Mermaid into the CLI.
    const url = pathToFileURL(join(mermaidDir, 'dist', 'mermaid.core.mjs')).href;
    mermaid = ((await import(url)) as { default: MermaidApi }).default;
  }
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
}

/** The ES build of DOMPurify that Mermaid's own `import DOMPurify from 'dompurify'` gets. */
async function domPurifyOf(mermaidDir: string): Promise<Record<string, unknown> | null> {
  const require = createRequire(join(mermaidDir, 'package.json'));
  // Its exports hide package.json: find the package folder from its main file.
  const main = require.resolve('dompurify');
  const marker = `${sep}node_modules${sep}dompurify${sep}`;
  if (!main.includes(marker)) return null;
  const packageJson = join(main.slice(0, main.lastIndexOf(marker) + marker.length), 'package.json');
  const { exports, module: esm } = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports?: { '.'?: { import?: { default?: string } } }; module?: string };
  const entry = exports?.['.']?.import?.default ?? esm;
  if (!entry) return null;
  return ((await import(pathToFileURL(join(dirname(packageJson), entry)).href)) as { default: Record<string, unknown> }).default;
}

/**
 * Mermaid cleans every label with DOMPurify while it parses, and DOMPurify without a DOM has no
 * `sanitize` or `addHook`: every flowchart with a label would fail with a TypeError. Parsing renders
 * nothing, so in Node (where DOMPurify cannot work anyway) its instance gets a hook list that does
 * nothing and a `sanitize` that escapes all markup: nothing can come out of it as live HTML.
 * Mermaid adds its hooks on its first sanitising, so this may come after Mermaid has loaded.
 */
function quietDomPurify(purify: Record<string, unknown>): void {
  if (purify.isSupported !== false) return;
  purify.addHook ??= () => {};
  purify.removeHook ??= () => {};
  purify.removeAllHooks ??= () => {};
  purify.sanitize ??= (dirty: unknown) => String(dirty).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Parses one diagram; null when Mermaid accepts it. A fault that is not about the text (Mermaid
 * reaching for a browser API while parsing) is not the author's mistake and counts as accepted:
 * the build's browser has the last word on it.
 */
export async function parseMermaid(code: string): Promise<MermaidProblem | null> {
  const mermaid = await loadMermaid();
  const text = neutraliseConfig(code);
  try {
    await mermaid.parse(text);
    return null;
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof TypeError) return null;
    const { message, line } = explainMermaidError(error);
    return { message, line: line === null ? 1 : sourceLine(code, line) };
  }
}
