/**
 * `mermaid-syntax` without a browser: every diagram of a lesson through Mermaid's own parser in Node
 * (`mermaid-parse.ts`), worded as the build words it, at the lesson line. `check` runs it over every
 * lesson; what it found is remembered by the diagram's text in `OUT/.cache/mermaid-parse.json`, so a
 * second check of an unchanged course does not even load Mermaid.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Diagnostic, Lesson } from '../model/lesson.js';
import type { MermaidProblem } from './mermaid-parse.js';

/** The `mermaid-syntax` diagnostic for a diagram Mermaid refuses: the build and `check` both word it so. */
export function mermaidDiagnostic(diagram: { title: string; line: number }, problem: MermaidProblem): Diagnostic {
  // The fence opens on diagram.line; Mermaid counts lines of the code inside it.
  const line = diagram.line + problem.line;
  return {
    severity: 'error',
    rule: 'mermaid-syntax',
    message: `Diagram "${diagram.title}" does not parse at line ${line} (line ${problem.line} of the diagram): ${problem.message}`,
    line,
    column: 1,
  };
}

/** Checks lessons' diagrams, remembering Mermaid's verdict per diagram text across runs. */
export class DiagramChecker {
  readonly #file: string | null;
  readonly #known: Record<string, MermaidProblem | null>;
  #changed = false;

  constructor(cacheFile: string | null, readonly version: string) {
    this.#file = cacheFile;
    let known: Record<string, MermaidProblem | null> = {};
    try {
      if (cacheFile && existsSync(cacheFile)) known = JSON.parse(readFileSync(cacheFile, 'utf8')) as typeof known;
    } catch {
      // A damaged cache is only a slower check.
    }
    this.#known = known && typeof known === 'object' && !Array.isArray(known) ? known : {};
  }

  /** Whether checking the lesson needs Mermaid's parser: one of its diagrams has no verdict yet. */
  needsParser(lesson: Lesson): boolean {
    return lesson.diagrams.some((diagram) => !Object.hasOwn(this.#known, this.#key(diagram.code)));
  }

  /** The lesson's `mermaid-syntax` findings, in diagram order. */
  async check(lesson: Lesson): Promise<Diagnostic[]> {
    const found: Diagnostic[] = [];
    for (const diagram of lesson.diagrams) {
      const key = this.#key(diagram.code);
      let problem = Object.hasOwn(this.#known, key) ? this.#known[key] : undefined;
      if (problem === undefined) {
        const { parseMermaid } = await import('./mermaid-parse.js');
        problem = await parseMermaid(diagram.code);
        this.#known[key] = problem;
        this.#changed = true;
      }
      if (problem) found.push(mermaidDiagnostic(diagram, problem));
    }
    return found;
  }

  #key(code: string): string {
    return createHash('sha256').update(`${this.version}\0${code}`).digest('hex');
  }

  /** Writes what was learnt; a read-only output folder only costs the next check its speed. */
  async flush(): Promise<void> {
    if (!this.#file || !this.#changed) return;
    await mkdir(dirname(this.#file), { recursive: true }).catch(() => {});
    await writeFile(this.#file, JSON.stringify(this.#known)).catch(() => {});
  }
}
