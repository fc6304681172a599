#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js) and the packages it uses into dist/bundle/, which
// bin/lectern.js runs. Node loads one bundle much faster than the ~2,000 separate module files
// behind it, and a one-lesson rebuild or a `check` is short enough for that to be a third of it.
// Lazily loaded parts (Chromium, Marp, the PDF writers) stay separate chunks, loaded when needed.
//
// dist/bundle/ sits two folders below the package root, like dist/cli/, so the paths the code
// finds from its own location (templates/, package.json, node_modules) stay the same.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

// Lectern renders decks with Marp's math off (lesson text escapes `$`), yet marp-core loads KaTeX
// and MathJax with all its TeX packages when it starts: a sixth of a short run. In the bundle they
// are replaced by a stand-in that fails loudly if math were ever rendered.
const mathFree = {
  name: 'lectern-without-math',
  setup(build) {
    build.onResolve({ filter: /^(katex|mathjax-full)(\/|$)/ }, (args) => ({ path: args.path, namespace: 'lectern-without-math' }));
    build.onLoad({ filter: /.*/, namespace: 'lectern-without-math' }, (args) => ({
      loader: 'js',
      contents: args.path === 'katex/package.json'
        ? 'module.exports = { version: "0.0.0" };'
        : `const fail = () => { throw new Error(${JSON.stringify(`Lectern is built without ${args.path}: decks render with math off`)}); };
module.exports = new Proxy(fail, { get: (target, key) => (key === '__esModule' ? false : fail) });`,
    }));
  },
};

// Puppeteer makes a new `debug` logger for every message it sends Chromium, and each one asks
// whether the terminal does colour: a tenth of a second of a one-lesson rebuild, for logging that is
// off. In the bundle `debug` is a no-op unless DEBUG is set, when the real package is loaded.
const quietDebug = {
  name: 'lectern-quiet-debug',
  setup(build) {
    build.onResolve({ filter: /^debug$/ }, () => ({ path: 'debug', namespace: 'lectern-quiet-debug' }));
    build.onLoad({ filter: /.*/, namespace: 'lectern-quiet-debug' }, () => ({
      loader: 'js',
      contents: `if (process.env.DEBUG) {
  // A name in a variable: left for Node to load from node_modules at run time, not bundled.
  const real = 'debug';
  module.exports = require(real);
} else {
  const off = () => {};
  const createDebug = (namespace) => Object.assign(() => {}, { namespace, enabled: false, log: off, destroy: () => true, extend: (sub) => createDebug(\`\${namespace}:\${sub}\`) });
  module.exports = Object.assign(createDebug, { default: createDebug, enable: off, disable: () => '', enabled: () => false, formatters: {}, names: [], skips: [] });
}`,
    }));
  },
};

// Puppeteer's browser downloader reaches the network through proxy-agent, which brings a PAC-script
// interpreter (QuickJS), an FTP client and more: 1.8 MB of code that every build compiled while
// starting Chromium, for downloads Lectern never makes (it only runs a system Chromium). In the
// bundle, proxy-agent is a stand-in that fails loudly if a download were ever tried.
export const noDownloads = {
  name: 'lectern-no-browser-downloads',
  setup(build) {
    build.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'lectern-no-browser-downloads' }));
    build.onLoad({ filter: /.*/, namespace: 'lectern-no-browser-downloads' }, () => ({
      loader: 'js',
      contents: `export class ProxyAgent {
  constructor() {
    throw new Error('Lectern never downloads a browser: it runs the system Chromium (set CHROME_PATH, or run npm run setup)');
  }
}`,
    }));
  },
};

/**
 * A plugin that edits one piece of a package's file as it is bundled, to make it faster without
 * changing what it does. If the package has changed so that the piece is not found, the file is
 * bundled as it is and the build warns, saying what that costs.
 */
function packagePatch({ name, file, contains, find, replace, prefix = '', cost }) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter: file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        // A package split in hashed chunks: only the chunk that defines the piece is edited.
        if (contains && !source.includes(contains)) return undefined;
        if (source.search(find) < 0) return { contents: source, loader: 'js', warnings: [{ text: cost }] };
        return { contents: `${prefix}${source.replace(find, replace)}`, loader: 'js' };
      });
    },
  };
}

// mdast-util-from-markdown calls the handler of every event on a fresh copy of its compile context
// (`{...context, sliceSerialize}`), a new object for each of the hundreds of thousands of events of a
// course. The handlers only read that object, at once, and write nothing to it (they keep their state in
// `this.data` and `this.stack`, which every copy shares), so in the bundle one copy per document is
// reused with its `sliceSerialize` set for each event: parsing took a seventh less time on the bench
// course (README › Performance). The trees are the same; tests/bundle-compile.test.ts compares them.
export const sharedCompileContext = packagePatch({
  name: 'lectern-shared-compile-context',
  file: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/,
  find: /handler\[events\[index\]\[1\]\.type\]\.call\(\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}, events\[index\]\[1\]\);/,
  prefix: 'let lecternContext, lecternThis;\n',
  replace: '(lecternContext === context || (lecternContext = context, lecternThis = { ...context, sliceSerialize: undefined }), lecternThis.sliceSerialize = events[index][2].sliceSerialize, handler[events[index][1].type].call(lecternThis, events[index][1]));',
  cost: 'mdast-util-from-markdown has changed: its compile loop is left as it is (parsing is slower, the trees are the same)',
});

// micromark resolves a document's nested content in passes over all of its events (flow, then the
// text of paragraphs and cells, then the strings of link destinations and titles), and it makes one
// more pass whenever the last one expanded anything: on the bench course every document took a fourth
// pass that found nothing, the largest of the four. A string (character escapes and references only)
// holds no content to expand, so expanding strings alone does not ask for another pass.
// tests/bundle-compile.test.ts compares the trees.
export const noEmptyLastPass = packagePatch({
  name: 'lectern-no-empty-last-pass',
  file: /[\\/]micromark-util-subtokenize[\\/]index\.js$/,
  find: /Object\.assign\(jumps, subcontent\(events, index\)\);\s*index = jumps\[index\];\s*more = true;/,
  replace: "Object.assign(jumps, subcontent(events, index)); index = jumps[index]; if (event[1].contentType !== 'string') more = true;",
  cost: 'micromark-util-subtokenize has changed: every document gets its last pass as before (parsing is slower, the trees are the same)',
});

// unist-util-visit-parents names the visitor of every node it walks (`node (heading)`, for stack
// traces) with Object.defineProperty and a colour escape: a twentieth of the threads' work in a cold
// `check`, whose lint rules walk every tree. The bundle walks without naming; the visits are the same.
export const unnamedVisits = packagePatch({
  name: 'lectern-unnamed-visits',
  file: /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/,
  find: /Object\.defineProperty\(visit, 'name', \{\s*value:\s*'node \(' \+ color\(node\.type \+ \(name \? '<' \+ name \+ '>' : ''\)\) \+ '\)'\s*\}\)/,
  replace: 'void name',
  cost: 'unist-util-visit-parents has changed: it names every visit as before (lint is slower, the visits are the same)',
});

// Mermaid hands out its configuration as a fresh deep copy at every read (`getConfig`), and a flowchart
// reads it for every node while it parses. The copy defines each key with Object.defineProperty, so
// that a `__proto__` key cannot reach the prototype; in the Node bundle, plain assignment does it for
// every other key of a plain object, which gives the same copy: Mermaid's parse of a diagram took half
// the time. tests/mermaid-parse.test.ts compares the copies and the verdicts with Mermaid's own modules.
export const plainConfigCopies = packagePatch({
  name: 'lectern-plain-config-copies',
  file: /[\\/]mermaid[\\/]dist[\\/]chunks[\\/]mermaid\.core[\\/][^\\/]+\.mjs$/,
  contains: 'var assignWithDepth = ',
  find: /Object\.defineProperty\(dst, key, \{\s*value: (void 0|srcValue),\s*writable: true,\s*enumerable: true,\s*configurable: true\s*\}\);/g,
  replace: 'if (key === "__proto__" || Array.isArray(dst)) Object.defineProperty(dst, key, { value: $1, writable: true, enumerable: true, configurable: true }); else dst[key] = $1;',
  cost: "Mermaid's configuration copy has changed: it is left as it is (check's diagram parsing is slower, the verdicts are the same)",
});

/** Both bundles: ES modules for Node, split into chunks loaded when first needed. */
const esmForNode = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  charset: 'ascii',
  // CommonJS packages inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);" },
};

export async function bundle() {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    // The analysis pool's worker is an entry of its own: a thread loads it by file name, beside the chunks.
    entryPoints: [join(root, 'dist', 'cli', 'main.js'), join(root, 'dist', 'orchestrate', 'analysis-worker.js')],
    outdir,
    // Flat, beside the chunks: main.js for bin/lectern.js, analysis-worker.js for the pool.
    entryNames: '[name]',
    ...esmForNode,
    plugins: [mathFree, quietDebug, noDownloads, sharedCompileContext, noEmptyLastPass, unnamedVisits],
    logLevel: 'warning',
    // Handlebars points at require.extensions, which only matters for loading .hbs files through require.
    logOverride: { 'unsupported-require-call': 'silent' },
  });
  await bundleMermaid();
}

/**
 * Mermaid's parser for `check` and for the build's `mermaid-syntax` wording (src/assets/mermaid-parse.ts),
 * as one bundle: dist/bundle/mermaid-node-<version>/index.js and its chunks. Mermaid's ES build is some
 * 130 chunks that import d3, lodash-es and the rest file by file, over a thousand modules: Node took a
 * second of one core to resolve, read and compile them, in the middle of a cold `check` whose threads
 * needed both cores. One bundle loads in under a third of that; split where Mermaid loads a diagram
 * type lazily, only the core and the types a course draws are compiled (a flowchart and a sequence
 * diagram: 195 ms against 310 ms for one file). DOMPurify is exported beside Mermaid (the same
 * instance Mermaid imports), because the parser must give it a stand-in `sanitize` in Node.
 * The version is in the name: after an update of Mermaid without a rebuild, the parser loads
 * Mermaid from node_modules as before rather than an older copy.
 */
async function bundleMermaid() {
  const require = createRequire(join(root, 'package.json'));
  let packageJson;
  try {
    packageJson = require.resolve('mermaid/package.json');
  } catch {
    packageJson = createRequire(require.resolve('@mermaid-js/mermaid-cli')).resolve('mermaid/package.json');
  }
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  // The entry is written here, resolved from Mermaid's own folder (code splitting takes no stdin).
  const entry = {
    name: 'lectern-mermaid-entry',
    setup(build) {
      build.onResolve({ filter: /^lectern-mermaid-entry$/ }, () => ({ path: 'entry', namespace: 'lectern-mermaid-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'lectern-mermaid-entry' }, () => ({
        contents: "export { default as mermaid } from './dist/mermaid.core.mjs';\nexport { default as purify } from 'dompurify';\n",
        resolveDir: dirname(packageJson),
        loader: 'js',
      }));
    },
  };
  await build({
    entryPoints: { index: 'lectern-mermaid-entry' },
    outdir: join(outdir, `mermaid-node-${version}`),
    ...esmForNode,
    // Mermaid reaches for KaTeX only to draw math in a label, never to parse.
    plugins: [entry, mathFree, plainConfigCopies],
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  bundle().catch((error) => {
    console.error(`bundle failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
