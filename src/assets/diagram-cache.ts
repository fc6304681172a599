/**
 * Rendered diagrams on disk, keyed by what determines the SVG, so unchanged diagrams skip Chromium.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** sha256 (hex) of the diagram code, the Mermaid version and the theme config (key order ignored). */
export function diagramKey(code: string, mermaidVersion: string, themeConfig: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([code, mermaidVersion, canonicalJson(themeConfig)]))
    .digest('hex');
}

// Sorted keys, so `{ a, b }` and `{ b, a }` hash alike.
function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonicalJson((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

const keyPattern = /^[0-9a-f]{64}$/;

/** A folder of `<key>.svg` files. */
export class DiagramCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The cached SVG for `key`, or null when there is none. */
  async get(key: string): Promise<string | null> {
    try {
      return await readFile(this.#file(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Stores `svg` under `key` atomically: readers see the old file or the whole new one, never half. */
  async set(key: string, svg: string): Promise<void> {
    const file = this.#file(key);
    await mkdir(this.dir, { recursive: true });
    // Same folder as the target, so the rename never crosses file systems.
    const temp = join(this.dir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, svg, 'utf8');
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  #file(key: string): string {
    if (!keyPattern.test(key)) {
      throw new TypeError(`Cannot use ${JSON.stringify(key)} as a diagram cache key, expected 64 hex digits`);
    }
    return join(this.dir, `${key}.svg`);
  }
}
