/**
 * Parsing is the slow part of reading a course (remark parses a few hundred KB a second), so the
 * result of analysing a lesson is kept under `OUT/.cache/analysis/`, keyed by a hash of its text, path
 * and Lectern's version. A hit is used only while every link target it checked still exists (or
 * still does not), so `broken-link` never goes stale.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Root, Nodes, Parent } from 'mdast';
import { VFile } from 'vfile';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { analyzeLesson } from '../pipeline.js';
import type { Lesson, Diagnostic } from '../model/lesson.js';

/** An image or link definition the lesson refers to, as the build's asset step needs it. */
export interface AssetRef {
  url: string;
  line: number | undefined;
  type: 'image' | 'definition';
}

/** What the build and the course lint need of a lesson; `tree` is null when it came from the cache. */
export interface LessonAnalysis {
  lesson: Lesson;
  file: VFile;
  tree: Root | null;
  assets: AssetRef[];
  /** GitHub slugs of the lesson's headings, for cross-file `#fragment` checks. */
  slugs: string[];
}

interface Entry {
  lesson: Lesson;
  assets: AssetRef[];
  slugs: string[];
  /** Absolute paths the lint asked about, and whether they existed. */
  checked: Record<string, boolean>;
}

/** Image and definition references of a tree, in source order. */
export function assetRefs(tree: Root): AssetRef[] {
  const found: AssetRef[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'image' || node.type === 'definition') found.push({ url: node.url, line: node.position?.start.line, type: node.type });
    if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}

/** GitHub-style slugs of every heading. */
export function headingSlugs(tree: Root): string[] {
  const slugger = new GithubSlugger();
  const slugs: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'heading') slugs.push(slugger.slug(toString(node)));
    if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
  };
  visit(tree);
  return slugs;
}

/** Puts cached diagnostics back on a fresh vfile, so later stages add to them as usual. */
function restoreMessages(file: VFile, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const message = file.message(d.message, { place: { line: d.line, column: d.column }, ruleId: d.rule, source: 'lectern' });
    message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
  }
}

export class AnalysisCache {
  readonly dir: string;
  #writes: Promise<unknown>[] = [];

  /** `dir` null: no cache (every lesson is parsed). */
  constructor(dir: string | null, private readonly version: string) {
    this.dir = dir ?? '';
  }

  #key(file: VFile): string {
    return createHash('sha256').update(this.version).update('\0').update(String(file.path)).update('\0').update(String(file.value)).digest('hex');
  }

  /** Analyses a read lesson, from the cache when its text and every checked link target are unchanged. */
  async analyze(file: VFile): Promise<LessonAnalysis> {
    const key = this.dir ? this.#key(file) : '';
    if (key) {
      const entry = await this.#read(key);
      if (entry && Object.entries(entry.checked).every(([path, existed]) => existsSync(path) === existed)) {
        const fresh = new VFile({ path: file.path, value: file.value, cwd: file.cwd });
        restoreMessages(fresh, entry.lesson.diagnostics);
        return { lesson: entry.lesson, file: fresh, tree: null, assets: entry.assets, slugs: entry.slugs };
      }
    }
    const checked: Record<string, boolean> = {};
    const { lesson, tree } = analyzeLesson(file, {
      fileExists: (path) => {
        const exists = existsSync(path);
        checked[resolve(path)] = exists;
        return exists;
      },
    });
    const analysis: LessonAnalysis = { lesson, file, tree, assets: assetRefs(tree), slugs: headingSlugs(tree) };
    // Serialised now: later stages add build diagnostics to this lesson object.
    if (key) this.#writes.push(this.#write(key, JSON.stringify({ lesson, assets: analysis.assets, slugs: analysis.slugs, checked })).catch(() => {}));
    return analysis;
  }

  /** Waits for pending cache writes (a cache that cannot be written only costs time next run). */
  async flush(): Promise<void> {
    const writes = this.#writes;
    this.#writes = [];
    await Promise.all(writes);
  }

  #path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
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
