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

// mdast-util-from-markdown calls the handler of every event on a fresh copy of its compile context
// (`{...context, sliceSerialize}`), a new object for each of the hundreds of thousands of events of a
// course. The handlers only read that object, at once, and write nothing to it (they keep their state in
// `this.data` and `this.stack`, which every copy shares), so in the bundle one copy per document is
// reused with its `sliceSerialize` set for each event: parsing took a seventh less time on the bench
// course (README › Performance). The trees are the same; tests/bundle-compile.test.ts compares them. If
// the package changes so that the call is not found, it is left as it is (slower, the same trees).
const COMPILE_CALL = /handler\[events\[index\]\[1\]\.type\]\.call\(\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}, events\[index\]\[1\]\);/;
export const sharedCompileContext = {
  name: 'lectern-shared-compile-context',
  setup(build) {
    build.onLoad({ filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!COMPILE_CALL.test(source)) {
        return { contents: source, loader: 'js', warnings: [{ text: 'mdast-util-from-markdown has changed: its compile loop is left as it is (parsing is slower, the trees are the same)' }] };
      }
      const reuse = '(lecternContext === context || (lecternContext = context, lecternThis = { ...context, sliceSerialize: undefined }), lecternThis.sliceSerialize = events[index][2].sliceSerialize, handler[events[index][1].type].call(lecternThis, events[index][1]));';
      return { contents: `let lecternContext, lecternThis;\n${source.replace(COMPILE_CALL, reuse)}`, loader: 'js' };
    });
  },
};

export async function bundle() {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    // The analysis pool's worker is an entry of its own: a thread loads it by file name, beside the chunks.
    entryPoints: [join(root, 'dist', 'cli', 'main.js'), join(root, 'dist', 'orchestrate', 'analysis-worker.js')],
    outdir,
    // Flat, beside the chunks: main.js for bin/lectern.js, analysis-worker.js for the pool.
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // CommonJS packages inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);" },
    plugins: [mathFree, quietDebug, sharedCompileContext],
    logLevel: 'warning',
    // Handlebars points at require.extensions, which only matters for loading .hbs files through require.
    logOverride: { 'unsupported-require-call': 'silent' },
  });
  await bundleMermaid();
}

/**
 * Mermaid's parser for `check` and for the build's `mermaid-syntax` wording (src/assets/mermaid-parse.ts),
 * as one file: dist/bundle/mermaid-node-<version>.js. Mermaid's ES build is some 130 chunks that
 * import d3, lodash-es and the rest file by file, over a thousand modules: Node took a second of
 * one core to resolve, read and compile them, in the middle of a cold `check` whose threads needed
 * both cores. One bundle loads in under a third of that. DOMPurify is exported beside Mermaid (the
 * same instance Mermaid imports), because the parser must give it a stand-in `sanitize` in Node.
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
  await build({
    stdin: {
      contents: "export { default as mermaid } from './dist/mermaid.core.mjs';\nexport { default as purify } from 'dompurify';\n",
      resolveDir: dirname(packageJson),
      sourcefile: 'mermaid-node-entry.mjs',
      loader: 'js',
    },
    outfile: join(outdir, `mermaid-node-${version}.js`),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __lecternRequire } from 'node:module'; const require = __lecternRequire(import.meta.url);" },
    // Mermaid reaches for KaTeX only to draw math in a label, never to parse.
    plugins: [mathFree],
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  bundle().catch((error) => {
    console.error(`bundle failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
