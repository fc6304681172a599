/**
 * Build progress: one updating line on a terminal, plain lines in CI and pipes, and a summary at the end.
 */
import type { Output } from '../cli/io.js';

export interface ProgressOptions {
  stream: Output;
  /** Rewrite one status line in place (a TTY that is not CI). */
  live: boolean;
  quiet: boolean;
}

export interface Summary {
  lessons: number;
  built: number;
  cached: number;
  artifacts: number;
  /** Document pages written beside the lessons' files. */
  documents?: number;
  warnings: number;
  errors: number;
  ms: number;
}

/** Reports lesson x/y and the current step. */
export class Progress {
  #total = 0;
  #done = 0;
  #current = new Map<string, string>();
  #shown = '';

  constructor(private readonly options: ProgressOptions) {}

  start(total: number): void {
    this.#total = total;
  }

  /** A lesson moved on to a new step ("diagrams", "deck pdf", …). */
  step(lesson: string, step: string): void {
    if (process.env.LECTERN_PROFILE) this.options.stream.write(`${(performance.now() / 1000).toFixed(2)}s ${lesson}: ${step}\n`);
    this.#current.set(lesson, step);
    if (this.options.live && !this.options.quiet) this.#draw();
  }

  /** A point in the run worth timing (LECTERN_PROFILE=1 prints it with the time since start). */
  mark(what: string): void {
    if (process.env.LECTERN_PROFILE) this.options.stream.write(`${(performance.now() / 1000).toFixed(2)}s ${what}\n`);
  }

  /** A lesson is finished; `note` says how ("built in 1.2 s", "unchanged"). */
  finish(lesson: string, note: string, problems = ''): void {
    this.#current.delete(lesson);
    this.#done++;
    if (this.options.quiet) return;
    this.#clear();
    const position = `[${String(this.#done).padStart(String(this.#total).length)}/${this.#total}]`;
    this.options.stream.write(`${position} ${lesson}  ${note}${problems ? `  ${problems}` : ''}\n`);
    if (this.options.live) this.#draw();
  }

  /** A line that is not about one lesson (a module book, the index). */
  line(text: string): void {
    if (this.options.quiet) return;
    this.#clear();
    this.options.stream.write(`${text}\n`);
    if (this.options.live) this.#draw();
  }

  end(summary: Summary): void {
    this.#clear();
    if (this.options.quiet && summary.errors === 0) return;
    const seconds = (summary.ms / 1000).toFixed(1);
    const parts = [
      `${summary.lessons} lesson${summary.lessons === 1 ? '' : 's'}`,
      summary.documents ? `${summary.documents} document${summary.documents === 1 ? '' : 's'}` : '',
      `${summary.artifacts} files written`,
      summary.cached ? `${summary.cached} unchanged` : '',
      `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`,
      `${summary.errors} error${summary.errors === 1 ? '' : 's'}`,
    ].filter(Boolean);
    this.options.stream.write(`Built ${parts.join(', ')} in ${seconds} s\n`);
  }

  #draw(): void {
    const [lesson, step] = [...this.#current.entries()].pop() ?? ['', ''];
    const text = lesson ? `[${this.#done + 1}/${this.#total}] ${lesson}: ${step}…` : '';
    const width = 100;
    this.#shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    this.options.stream.write(`\r\x1b[2K${this.#shown}`);
  }

  #clear(): void {
    if (this.options.live && this.#shown) {
      this.options.stream.write('\r\x1b[2K');
      this.#shown = '';
    }
  }
}
