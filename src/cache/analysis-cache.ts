/**
 * Parsing is the slow part of reading a course (remark parses a few hundred KB a second), so the
 * analysis of a lesson is kept under `OUT/.cache/analysis/`, keyed by a hash of its text, path,
 * Lectern's version and a fingerprint of its code (`codeVersion`). A hit is used only while every
 * link target the lint checked still exists (or still does not), so `broken-link` never goes stale.
 *
 * A hit carries a skeleton of the tree, not the whole of it: every heading, every link, image and
 * definition and every HTML node that names an anchor, with their positions. That is all that later
 * stages read from a lesson's tree (assets, course lint, link places). Module READMEs and documents
 * (lecture notes), whose whole tree is rendered, keep their whole tree as well, so a nothing-changed
 * build parses no Markdown at all (issue 11). It is kept in a file of its own beside the entry and
 * read only when something asks for it (`tree`): a rebuild after one edit renders one lesson's notes,
 * and reading every notes file's whole tree was half of the JSON it read (`outlineOf` gives the
 * skeleton, for what needs no more).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Root, RootContent, Nodes, Parent, PhrasingContent } from 'mdast';
import { VFile } from 'vfile';
import { analyzeLesson, type Analysis } from '../pipeline.js';
import type { Lesson, Diagnostic } from '../model/lesson.js';
import { codeVersion } from './code-hash.js';
import { readFileNow } from '../read/read-now.js';

interface Entry {
  lesson: Lesson;
  skeleton: Root;
  /** True when the whole tree is kept too, in its own file (the file is rendered whole). */
  whole?: boolean;
  /** Absolute paths the lint asked about, and whether they existed. */
  checked: Record<string, boolean>;
}

/** The parts of a tree later stages read, positions kept (see the module comment). */
export function skeletonOf(tree: Root): Root {
  const blocks: RootContent[] = [];
  const inline: PhrasingContent[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'heading') {
      blocks.push(node);
      return;
    }
    if (node.type === 'definition') blocks.push(node);
    else if (node.type === 'html' && /\b(?:id|name)\s*=/.test(node.value)) blocks.push(node);
    else if (node.type === 'link' || node.type === 'image' || node.type === 'linkReference' || node.type === 'imageReference') inline.push(node);
    if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
  };
  visit(tree);
  if (inline.length > 0) blocks.push({ type: 'paragraph', children: inline });
  return { type: 'root', children: blocks };
}

/** The skeletons of analyses whose whole tree is read from the cache only when asked for. */
const outlines = new WeakMap<Analysis, Root>();

/** Makes `analysis.tree` read the whole tree (`load`) the first time it is asked for. */
function lazyTree(analysis: Analysis, skeleton: Root, load: () => Root): void {
  let tree: Root | undefined;
  outlines.set(analysis, skeleton);
  Object.defineProperty(analysis, 'tree', {
    configurable: true,
    enumerable: true,
    get: () => (tree ??= load()),
    set: (value: Root) => (tree = value),
  });
}

/**
 * What the course lint, the links between files and the notes finder read of a tree (headings, links,
 * definitions, anchors): the skeleton, without reading a whole tree that was not read yet.
 */
export function outlineOf(analysis: Analysis): Root {
  return outlines.get(analysis) ?? analysis.tree;
}

/** The same analysis with only the skeleton of its tree, for holding on to after its last render. */
export function withSkeleton<T extends Analysis>(analysis: T): T {
  const copy: Record<string, unknown> = {};
  // Copied without reading `tree`: a whole tree never asked for stays unread.
  for (const key of Object.keys(analysis)) if (key !== 'tree') copy[key] = analysis[key as keyof T];
  copy.tree = outlines.get(analysis) ?? skeletonOf(analysis.tree);
  return copy as T;
}

/** Puts cached diagnostics back on a fresh vfile, so later stages add to them as usual. */
function restoreMessages(file: VFile, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const message = file.message(d.message, { place: { line: d.line, column: d.column }, ruleId: d.rule, source: 'lectern' });
    message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
  }
}

export interface AnalyzeOptions {
  /** Whether a lesson's whole tree is needed (it is rendered whole), not just its skeleton. */
  whole?: (lesson: Lesson) => boolean;
  /** Queues the parse itself (the build's turnstile: signals are seen between parses). */
  gate?: <T>(work: () => T) => Promise<T>;
}

/**
 * Analyses a read lesson, recording every link target the lint asked about and whether it existed
 * (what a cache entry is valid for). Runs in a worker thread as well (`../orchestrate/analysis-worker.ts`).
 */
export function analyzeChecked(file: VFile): { analysis: Analysis; checked: Record<string, boolean> } {
  const checked: Record<string, boolean> = {};
  const analysis = analyzeLesson(file, {
    fileExists: (path) => {
      const exists = existsSync(path);
      checked[resolve(path)] = exists;
      return exists;
    },
  });
  return { analysis, checked };
}

/** A lesson analysed elsewhere (a worker thread) put back on a fresh vfile, as a cache hit is. */
export function revive(file: VFile, lesson: Lesson, tree: Root): Analysis {
  const copy = new VFile({ path: file.path, value: file.value, cwd: file.cwd });
  restoreMessages(copy, lesson.diagnostics);
  copy.data.lesson = lesson;
  return { lesson, tree, file: copy };
}

export interface CachedAnalysis extends Analysis {
  /** True when the tree is a skeleton from the cache rather than the whole parse. */
  cached: boolean;
  /** True when the text (and the links it checked) are as at the last analysis, parsed again or not. */
  unchanged: boolean;
}

/** Analyses lessons, remembering the results on disk. */
export class AnalysisCache {
  #writes: Promise<unknown>[] = [];
  /** Cache folders made (or being made) in this run. */
  #folders = new Map<string, Promise<unknown>>();

  /** `dir` null: no cache (every lesson is parsed, nothing is written). */
  constructor(readonly dir: string | null, private readonly version: string) {}

  #key(file: VFile): string {
    return createHash('sha256').update(this.version).update('\0').update(codeVersion()).update('\0').update(String(file.path)).update('\0').update(String(file.value)).digest('hex');
  }

  /** The analysis of a read lesson: from the cache when its text and the link targets it checked are unchanged. */
  async analyze(file: VFile, options: AnalyzeOptions = {}): Promise<CachedAnalysis> {
    const found = await this.lookup(file, options);
    if (found.analysis) return found.analysis;
    // The caller may queue the parse (a turn of the event loop each: signals are seen between parses).
    const { analysis, checked } = options.gate ? await options.gate(() => analyzeChecked(file)) : analyzeChecked(file);
    return this.remember(analysis, checked, found.unchanged, options);
  }

  /**
   * The cached analysis of a read lesson, or null when it must be analysed afresh (then `unchanged`
   * says whether its text was analysed before and only a whole tree is missing).
   */
  async lookup(file: VFile, options: AnalyzeOptions = {}): Promise<{ analysis: CachedAnalysis | null; unchanged: boolean }> {
    if (!this.dir) return { analysis: null, unchanged: false };
    const key = this.#key(file);
    const entry = await this.#read(key);
    const fresh = entry && Object.entries(entry.checked).every(([path, existed]) => existsSync(path) === existed);
    const unchanged = Boolean(entry && fresh);
    const needsWhole = Boolean(entry && options.whole?.(entry.lesson));
    if (!entry || !fresh || (needsWhole && !entry.whole)) return { analysis: null, unchanged };
    const analysis = Object.assign(revive(file, entry.lesson, entry.skeleton), { cached: !entry.whole, unchanged: true });
    if (entry.whole) lazyTree(analysis, entry.skeleton, () => this.#readTree(key) ?? analyzeLesson(new VFile({ path: file.path, value: file.value, cwd: file.cwd }), { fileExists: existsSync }).tree);
    return { analysis, unchanged };
  }

  /** Keeps a fresh analysis (made here or in a worker, see `analyzeChecked`) for the next run, and returns it. */
  remember(analysis: Analysis, checked: Record<string, boolean>, unchanged: boolean, options: AnalyzeOptions = {}): CachedAnalysis {
    const whole = Boolean(options.whole?.(analysis.lesson));
    // A lesson not rendered whole keeps only the skeleton from here on, as a cache hit does: later
    // stages read no more of it, and a cold build of a large course no longer holds every lesson's
    // whole tree until its end.
    const skeleton = skeletonOf(analysis.tree);
    const tree = options.whole && !whole ? skeleton : analysis.tree;
    if (this.dir) {
      // Serialised now: later stages add build diagnostics to this lesson object.
      const json = JSON.stringify({ lesson: analysis.lesson, skeleton, whole, checked } satisfies Entry);
      const key = this.#key(analysis.file);
      // The tree first: an entry is never there without its tree (a missing one is parsed again, all the same).
      const written = whole ? this.#write(`${key}.tree`, JSON.stringify(analysis.tree)).then(() => this.#write(key, json)) : this.#write(key, json);
      this.#writes.push(written.catch(() => {}));
    }
    const result = { ...analysis, tree, cached: false, unchanged };
    // The same skeleton as a cache hit's, so what is read from it is the same in a cold build and after.
    if (whole) outlines.set(result, skeleton);
    return result;
  }

  /** Waits for pending writes (a cache that cannot be written only costs time next run). */
  async flush(): Promise<void> {
    const writes = this.#writes;
    this.#writes = [];
    await Promise.all(writes);
  }

  #path(key: string): string {
    return join(this.dir!, key.slice(0, 2), `${key}.json`);
  }

  async #read(key: string): Promise<Entry | null> {
    return this.#readJson<Entry>(key);
  }

  #readTree(key: string): Root | null {
    return this.#readJson<Root>(`${key}.tree`);
  }

  /** A cache file's JSON, or null when it is missing or unreadable. */
  #readJson<T>(name: string): T | null {
    try {
      return JSON.parse(readFileNow(this.#path(name)).toString('utf8')) as T;
    } catch {
      return null;
    }
  }

  async #write(key: string, json: string): Promise<void> {
    const path = this.#path(key);
    // Each of the 256 folders is made once per run, not once per file.
    const folder = dirname(path);
    const made = this.#folders.get(folder) ?? mkdir(folder, { recursive: true });
    this.#folders.set(folder, made);
    await made;
    const temp = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temp, json);
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
