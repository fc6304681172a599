/**
 * Worker threads for a cold `check` (issue 11): parsing is the whole cost of reading a course, and one
 * thread parses half a megabyte a second, so the lessons the analysis cache does not have are analysed
 * in a pool sized to the cores. Results go back to the caller's own order, and a worker's answer is put
 * back on a vfile as a cache hit is, so the output is the same as with no pool. A worker that fails
 * only sends its file back to be analysed on the main thread.
 *
 * Test hook: with LECTERN_TEST_WORKERS=<file>, closing the pool appends one line per worker that ran,
 * "<thread id> <files analysed>", so a test proves the workers were used without timing anything.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { appendFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { Lesson } from '../model/lesson.js';
import type { AnalysisRequest } from './analysis-worker.js';

/** Below this much text to parse, starting threads costs more than it saves: the main thread parses. */
export const POOL_MIN_CHARS = 100_000;

/** Each worker's young generation (V8's default gives 16 MB semi-spaces; this gives 32 MB). */
const YOUNG_GENERATION_MB = 96;

export interface WorkerAnalysis {
  lesson: Lesson;
  tree: Root;
  checked: Record<string, boolean>;
  parses: number;
}

interface Job {
  request: AnalysisRequest;
  resolve: (answer: WorkerAnalysis) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  done: number;
}

/** Threads for the pool: LECTERN_WORKERS when set (0 for none), else one per core. */
export function poolSize(env: NodeJS.ProcessEnv): number {
  const asked = env.LECTERN_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked.trim())) return Number(asked);
  return availableParallelism();
}

export class AnalysisPool {
  #slots: Slot[] = [];
  #queue: Job[] = [];
  #next = 0;
  #closed = false;

  private constructor(
    private readonly size: number,
    private readonly script: string,
    private readonly hook: string | undefined,
  ) {}

  /**
   * A pool, or null when one thread would do (one core, LECTERN_WORKERS=0), or when the worker's
   * compiled script is not there (Lectern run from its TypeScript sources, as unit tests do).
   */
  static open(env: NodeJS.ProcessEnv): AnalysisPool | null {
    const size = poolSize(env);
    const script = fileURLToPath(new URL('./analysis-worker.js', import.meta.url));
    if (size < 2 || !existsSync(script)) return null;
    return new AnalysisPool(size, script, env.LECTERN_TEST_WORKERS || undefined);
  }

  /** Analyses one read lesson in a worker; threads start as work arrives, up to the pool's size. */
  analyze(file: VFile, options: { skeleton: boolean }): Promise<WorkerAnalysis> {
    if (this.#closed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ request: { id: this.#next++, path: String(file.path), value: String(file.value), cwd: file.cwd, skeleton: options.skeleton }, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = this.#slots.find((candidate) => candidate.job === null);
      if (!slot && this.#slots.length < this.size) slot = this.#start();
      if (!slot) return;
      const job = this.#queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  }

  #start(): Slot {
    // Parsing makes short-lived objects by the million: a young generation twice V8's default size
    // collects them with a third less time spent in the collector.
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, job: null, done: 0 };
    // Idle threads must not keep the process alive (a busy one is referenced while it works).
    worker.unref();
    worker.on('message', (answer: WorkerAnalysis & { id: number; error?: string }) => {
      const job = slot.job;
      slot.job = null;
      slot.worker.unref();
      if (job) {
        if (answer.error !== undefined) job.reject(new Error(answer.error));
        else {
          slot.done++;
          job.resolve(answer);
        }
      }
      this.#dispatch();
    });
    const lost = (error: Error) => {
      // A thread that died takes only its file with it: the caller analyses it on the main thread.
      this.#slots = this.#slots.filter((other) => other !== slot);
      slot.job?.reject(error);
      slot.job = null;
      if (!this.#closed) this.#dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`analysis worker stopped (exit code ${code})`)));
    this.#slots.push(slot);
    return slot;
  }

  /** Stops every thread (pending files are rejected: their callers analyse them themselves). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.hook) {
      try {
        for (const slot of this.#slots) appendFileSync(this.hook, `${slot.worker.threadId} ${slot.done}\n`);
      } catch {
        // A test hook that cannot write only loses its lines.
      }
    }
    for (const job of this.#queue.splice(0)) job.reject(new Error('the analysis pool is closed'));
    const slots = this.#slots;
    this.#slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => 0)));
  }
}
