// The CLI bundle reuses one compile context per document in mdast-util-from-markdown instead of a
// fresh copy for every event (scripts/bundle.mjs, `sharedCompileContext`: a seventh of parse time),
// skips micromark's last pass when it only expanded strings (`noEmptyLastPass`), and walks trees
// without naming every visit (`unnamedVisits`).
// The parse that is bundled with it must give exactly the trees of the package as published, on
// every Markdown file of the tests and the sample lessons, and on documents that parse inside a
// handler's work (nested parses share the module's reused object).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { VFile } from 'vfile';
import { parseLesson } from '../src/parse/parse.js';
// @ts-expect-error: a plain ES module script without types.
import { noDownloads, noEmptyLastPass, sharedCompileContext, unnamedVisits } from '../scripts/bundle.mjs';
import { markdownFiles } from './helpers/markdown-files.js';

const root = join(import.meta.dirname, '..');


/**
 * A module bundled as the CLI bundles its packages (a source file, or an entry's `contents` resolved
 * from the package root), with `plugins`: the module, its code and the build's warnings.
 */
async function bundled<T>(outfile: string, entry: { path: string } | { contents: string }, plugins: Plugin[]): Promise<{ module: T; code: string; warnings: string[] }> {
  const result = await build({
    ...('path' in entry ? { entryPoints: [entry.path] } : { stdin: { contents: entry.contents, resolveDir: root, loader: 'js' as const } }),
    outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', write: true, logLevel: 'silent',
    plugins,
  });
  const module = (await import(pathToFileURL(outfile).href)) as T;
  return { module, code: readFileSync(outfile, 'utf8'), warnings: result.warnings.map((warning) => warning.text) };
}

/** src/parse/parse.ts bundled as the CLI bundles it, with or without the parse patches. */
async function bundledParse(dir: string, patched: boolean): Promise<{ parse: typeof parseLesson; code: string; warnings: string[] }> {
  const { module, code, warnings } = await bundled<{ parseLesson: typeof parseLesson }>(
    join(dir, patched ? 'patched.mjs' : 'plain.mjs'),
    { path: join(root, 'src', 'parse', 'parse.ts') },
    patched ? [sharedCompileContext, noEmptyLastPass] : [],
  );
  return { parse: module.parseLesson, code, warnings };
}

describe('the bundle’s patches of the parser and the tree walker', () => {
  it('is applied to the package installed here, and parses every Markdown file of the tests and lessons to the same tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-bundle-compile-'));
    try {
      const patched = await bundledParse(dir, true);
      const plain = await bundledParse(dir, false);
      // The call was found and replaced (else the plugin warns and the bundle keeps the copies).
      expect(patched.warnings).toEqual([]);
      expect(patched.code).toMatch(/lecternThis\d*\.sliceSerialize = events\d*\[index\d*\]\[2\]\.sliceSerialize/);
      expect(plain.code).not.toContain('lecternThis');
      expect(patched.code).toMatch(/index\d* = jumps\[index\d*\];\s*if \(event\[1\]\.contentType !== "string"\) more = true;/);
      expect(plain.code).not.toContain('contentType !== "string") more');

      const files = [...markdownFiles(join(root, 'tests')), ...markdownFiles(join(root, 'lessons'))];
      expect(files.length).toBeGreaterThan(100);
      for (const path of files) {
        const value = readFileSync(path, 'utf8');
        const expected = parseLesson(new VFile({ path, value }));
        expect(patched.parse(new VFile({ path, value })), path).toEqual(expected);
        expect(plain.parse(new VFile({ path, value })), path).toEqual(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('gives a document parsed inside another one’s handler its own context, and the outer one back its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-bundle-compile-'));
    try {
      type FromMarkdown = (value: string, options?: { mdastExtensions?: unknown[] }) => unknown;
      const load = async (patched: boolean): Promise<FromMarkdown> => {
        const { module, warnings } = await bundled<{ fromMarkdown: FromMarkdown }>(
          join(dir, patched ? 'from-patched.mjs' : 'from-plain.mjs'),
          { contents: "export { fromMarkdown } from 'mdast-util-from-markdown';" },
          patched ? [sharedCompileContext] : [],
        );
        expect(warnings).toEqual([]);
        return module.fromMarkdown;
      };
      const outer = '# Outer\n\nSome *text* with `code`, *more* and a [link](https://example.org).\n\n- one *two*\n- three\n';
      const inner = '## Inner\n\n> a quote with **strong** words\n\n1. first\n2. second\n';
      const trees = async (fromMarkdown: FromMarkdown) => {
        const nested: unknown[] = [];
        // Each emphasis parses another document before it opens its own node, as the default handler does.
        const extension = {
          enter: {
            emphasis(this: { enter: (node: unknown, token: unknown) => void }, token: unknown) {
              nested.push(fromMarkdown(inner));
              this.enter({ type: 'emphasis', children: [] }, token);
            },
          },
        };
        return { outer: fromMarkdown(outer, { mdastExtensions: [extension] }), nested };
      };
      const expected = await trees(await load(false));
      expect(expected.nested).toHaveLength(3);
      expect(await trees(await load(true))).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('walks every tree of the tests and lessons as the package does, without naming each visit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-bundle-visit-'));
    try {
      type Visit = (tree: unknown, test: unknown, visitor: (node: Node, index: number | undefined, parent: Node | undefined) => unknown) => void;
      type Node = { type: string; children?: Node[] };
      const load = async (patched: boolean): Promise<{ visit: Visit; code: string }> => {
        const { module, code, warnings } = await bundled<{ visit: Visit }>(
          join(dir, patched ? 'visit-patched.mjs' : 'visit-plain.mjs'),
          { contents: "export { visit } from 'unist-util-visit';" },
          patched ? [unnamedVisits] : [],
        );
        expect(warnings).toEqual([]);
        return { visit: module.visit, code };
      };
      const patched = await load(true);
      const plain = await load(false);
      expect(plain.code).toMatch(/Object\.defineProperty\(visit\d*, "name"/);
      expect(patched.code).not.toMatch(/Object\.defineProperty\(visit\d*, "name"/);
      // Every node, in order, with its index and parent; headings skipped (their text is not walked).
      const walk = (visit: Visit, tree: unknown) => {
        const seen: string[] = [];
        visit(tree, null, (node, index, parent) => {
          seen.push(`${node.type} ${index} ${parent?.type}`);
          return node.type === 'heading' ? 'skip' : undefined;
        });
        return seen;
      };
      const files = [...markdownFiles(join(root, 'tests')), ...markdownFiles(join(root, 'lessons'))];
      for (const path of files) {
        const tree = parseLesson(new VFile({ path, value: readFileSync(path, 'utf8') }));
        expect(walk(patched.visit, tree), path).toEqual(walk(plain.visit, tree));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the browser launcher in the bundle', () => {
  it("leaves out the downloader's network code (proxy-agent, a PAC interpreter, an FTP client), which fails loudly if ever called", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-bundle-launcher-'));
    try {
      const entry = { contents: "export { launch } from 'puppeteer-core';\nexport { ProxyAgent } from 'proxy-agent';\n" };
      const plain = await bundled<Record<string, unknown>>(join(dir, 'plain.mjs'), entry, []);
      expect(plain.code).toContain('quickjs');
      const lean = await bundled<{ launch: unknown; ProxyAgent: new () => unknown }>(join(dir, 'lean.mjs'), entry, [noDownloads]);
      expect(lean.code).not.toContain('quickjs');
      expect(lean.code).not.toContain('basic-ftp');
      expect(lean.code.length).toBeLessThan(plain.code.length * 0.7);
      expect(typeof lean.module.launch).toBe('function');
      expect(() => new lean.module.ProxyAgent()).toThrow(/never downloads a browser/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
