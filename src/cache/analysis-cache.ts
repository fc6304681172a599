/**
 * Parsing is the slow part of reading a course (remark parses a few hundred KB a second), so the
 * analysis of a lesson is kept under `OUT/.cache/analysis/`, keyed by a hash of its text, path,
 * Lectern's version and a fingerprint of its code (`codeVersion`). A hit is used only while every
 * link target the lint checked still exists (or still does not), so `broken-link` never goes stale.
 *
 * A hit carries a skeleton of the tree, not the whole of it: every heading, every link, image and
 * definition and every HTML node that names an anchor, with their positions. That is all that later
 * stages read from a lesson's tree (assets, course lint, link places). Module READMEs and documents
 * (lecture notes), whose whole tree is rendered, keep their whole tree in the entry instead, so a
 * nothing-changed build parses no Markdown at all (issue 11).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Root, RootContent, Nodes, Parent, PhrasingContent } from 'mdast';
import { VFile } from 'vfile';
import { analyzeLesson, type Analysis } from '../pipeline.js';
import type { Lesson, Diagnostic } from '../model/lesson.js';
import { codeVersion } from './code-hash.js';

interface Entry {
  lesson: Lesson;
  skeleton: Root;
  /** True when `skeleton` is the whole tree (the file is rendered whole). */
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

/** Puts cached diagnostics back on a fresh vfile, so later stages add to them as usual. */
function restoreMessages(file: VFile, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const message = file.message(d.message, { place: { line: d.line, column: d.column }, ruleId: d.rule, source: 'lectern' });
    message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
  }
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

  /** `dir` null: no cache (every lesson is parsed, nothing is written). */
  constructor(readonly dir: string | null, private readonly version: string) {}

  #key(file: VFile): string {
    return createHash('sha256').update(this.version).update('\0').update(codeVersion()).update('\0').update(String(file.path)).update('\0').update(String(file.value)).digest('hex');
  }

  /** The analysis of a read lesson: from the cache when its text and the link targets it checked are unchanged. */
  async analyze(file: VFile, options: { whole?: (lesson: Lesson) => boolean; gate?: <T>(work: () => T) => Promise<T> } = {}): Promise<CachedAnalysis> {
    const key = this.dir ? this.#key(file) : '';
    let unchanged = false;
    if (key) {
      const entry = await this.#read(key);
      const fresh = entry && Object.entries(entry.checked).every(([path, existed]) => existsSync(path) === existed);
      unchanged = Boolean(entry && fresh);
      const needsWhole = Boolean(entry && options.whole?.(entry.lesson));
      if (entry && fresh && (!needsWhole || entry.whole)) {
        const copy = new VFile({ path: file.path, value: file.value, cwd: file.cwd });
        restoreMessages(copy, entry.lesson.diagnostics);
        copy.data.lesson = entry.lesson;
        return { lesson: entry.lesson, file: copy, tree: entry.skeleton, cached: !entry.whole, unchanged: true };
      }
    }
    const checked: Record<string, boolean> = {};
    const analyze = () =>
      analyzeLesson(file, {
        fileExists: (path) => {
          const exists = existsSync(path);
          checked[resolve(path)] = exists;
          return exists;
        },
      });
    // The caller may queue the parse (a turn of the event loop each: signals are seen between parses).
    const analysis = options.gate ? await options.gate(analyze) : analyze();
    if (key) {
      // Serialised now: later stages add build diagnostics to this lesson object.
      const whole = Boolean(options.whole?.(analysis.lesson));
      const json = JSON.stringify({ lesson: analysis.lesson, skeleton: whole ? analysis.tree : skeletonOf(analysis.tree), whole, checked } satisfies Entry);
      this.#writes.push(this.#write(key, json).catch(() => {}));
    }
    return { ...analysis, cached: false, unchanged };
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
    try {
      return JSON.parse(await readFile(this.#path(key), 'utf8')) as Entry;
    } catch {
      return null;
    }
  }

  async #write(key: string, json: string): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
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
