/**
 * Mermaid's own parser, run in Node without a browser: `check` finds the diagrams a build would
 * refuse, and a build words its `mermaid-syntax` errors through the same function, so both report
 * the same lesson line and the same plain words. Mermaid is loaded from node_modules only when a
 * lesson has a diagram (it is large; the CLI bundle leaves it out).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mermaidBundle } from './mermaid.js';
import { neutraliseConfig, sourceLine } from './mermaid-source.js';
import { explainMermaidError } from './mermaid-explain.js';

/** Why a diagram does not parse: plain words, and the 1-based line within the diagram's code. */
export interface MermaidProblem {
  message: string;
  line: number;
}

interface MermaidApi {
  parse(text: string): Promise<unknown>;
  initialize(config: Record<string, unknown>): void;
}

let loading: Promise<MermaidApi> | undefined;

function loadMermaid(): Promise<MermaidApi> {
  loading ??= (async () => {
    const mermaidDir = dirname(dirname(mermaidBundle().bundlePath));
    await quietDomPurify(mermaidDir);
    // A computed URL: esbuild leaves it to Node at run time instead of bundling Mermaid into the CLI.
    const url = pathToFileURL(join(mermaidDir, 'dist', 'mermaid.core.mjs')).href;
    const module = (await import(url)) as { default: MermaidApi };
    module.default.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return module.default;
  })();
  return loading;
}

/**
 * Mermaid cleans every label with DOMPurify while it parses, and DOMPurify without a DOM has no
 * `sanitize` or `addHook`: every flowchart with a label would fail with a TypeError. Parsing renders
 * nothing, so in Node (where DOMPurify cannot work anyway) its instance gets a hook list that does
 * nothing and a `sanitize` that escapes all markup: nothing can come out of it as live HTML.
 */
async function quietDomPurify(mermaidDir: string): Promise<void> {
  const require = createRequire(join(mermaidDir, 'package.json'));
  // Its exports hide package.json: find the package folder from its main file.
  const main = require.resolve('dompurify');
  const marker = `${sep}node_modules${sep}dompurify${sep}`;
  if (!main.includes(marker)) return;
  const packageJson = join(main.slice(0, main.lastIndexOf(marker) + marker.length), 'package.json');
  const { exports, module: esm } = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports?: { '.'?: { import?: { default?: string } } }; module?: string };
  const entry = exports?.['.']?.import?.default ?? esm;
  if (!entry) return;
  // The ES build, the instance Mermaid's own `import DOMPurify from 'dompurify'` gets.
  const purify = ((await import(pathToFileURL(join(dirname(packageJson), entry)).href)) as { default: Record<string, unknown> }).default;
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
