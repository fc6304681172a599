/**
 * src/cache/ is what lets a build skip work it has done before, under `OUT/.cache/`: each lesson's
 * artifacts (this file) and each lesson's analysis (analysis-cache.ts), keyed with a fingerprint of
 * Lectern's own code (code-hash.ts) so that a changed Lectern never reuses stale results.
 *
 * This file is for incremental builds: each lesson's artifacts record a hash of everything that went
 * into them (lesson text, linked notes, images, templates, theme, options, Lectern's version), and the
 * cache adds a fingerprint of Lectern's code to it. An unchanged lesson whose artifacts are all still
 * there is skipped without starting Chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../model/lesson.js';
import { codeVersion } from './code-hash.js';
import { readFileNow } from '../read/read-now.js';

/** What a build printed at one path: the fingerprint of its inputs and the file it wrote. */
export interface PrintRecord {
  fingerprint: string;
  size: number;
  mtimeMs: number;
}

/** The fingerprints of one lesson's printed documents, by PDF name (`handout.pdf`). */
export type PrintRecords = Record<string, PrintRecord>;

export interface CacheEntry {
  inputs: string;
  /** Artifact paths relative to OUT. */
  artifacts: string[];
  diagnostics: Diagnostic[];
  /** The inputs without the lecture notes: equal when only the notes changed (`../orchestrate/notes-only.ts`). */
  lessonInputs?: string;
  /** What each printed document was made from (`../orchestrate/print-memo.ts`). */
  prints?: PrintRecords;
}

/** sha256 of the parts, in order. */
export function hashParts(parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(String(typeof part === 'string' ? part.length : part.byteLength));
    hash.update('\0');
    hash.update(part);
  }
  return hash.digest('hex');
}

/** The inputs' hash with Lectern's code in it: a changed Lectern never reuses what an older one built. */
function withCode(inputs: string): string {
  return hashParts([codeVersion(), inputs]);
}

/** One JSON record per lesson under `OUT/.cache/lessons/`. */
export class BuildCache {
  readonly dir: string;

  constructor(private readonly outRoot: string) {
    this.dir = join(outRoot, '.cache', 'lessons');
  }

  #file(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  /** The entry for a lesson when its inputs are unchanged and every artifact still exists. */
  async fresh(key: string, inputs: string): Promise<CacheEntry | null> {
    return this.#whole(key, (entry) => entry.inputs === withCode(inputs));
  }

  /** The entry for a lesson whose inputs but its lecture notes are unchanged, every artifact still there. */
  async sameLesson(key: string, lessonInputs: string): Promise<CacheEntry | null> {
    return this.#whole(key, (entry) => entry.lessonInputs === withCode(lessonInputs));
  }

  /** What the last successful build of a lesson printed, whatever its inputs were. */
  async prints(key: string): Promise<PrintRecords> {
    return (await this.#read(key))?.prints ?? {};
  }

  async #read(key: string): Promise<CacheEntry | null> {
    try {
      return JSON.parse(readFileNow(this.#file(key)).toString('utf8')) as CacheEntry;
    } catch {
      return null;
    }
  }

  async #whole(key: string, matches: (entry: CacheEntry) => boolean): Promise<CacheEntry | null> {
    const entry = await this.#read(key);
    if (!entry || !matches(entry)) return null;
    if (!entry.artifacts.every((artifact) => existsSync(join(this.outRoot, artifact)))) return null;
    return entry;
  }

  async store(key: string, entry: CacheEntry): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.#file(key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, JSON.stringify({ ...entry, inputs: withCode(entry.inputs), lessonInputs: entry.lessonInputs && withCode(entry.lessonInputs) }));
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async forget(key: string): Promise<void> {
    await rm(this.#file(key), { force: true });
  }
}
