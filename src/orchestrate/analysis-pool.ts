/**
 * Worker threads for a cold `check` (issue 11): parsing is the whole cost of reading a course, and one
 * thread parses half a megabyte a second, so the lessons the analysis cache does not have are analysed
 * in a pool sized to the cores. Results go back to the caller's own order, and a worker's answer is put
 * back on a vfile as a cache hit is, so the output is the same as with no pool. A worker that fails
 * only sends its file back to be analysed on the main thread.
 *
 * Test hooks: with LECTERN_TEST_WORKERS=<file>, closing the pool appends one line per worker that ran,
 * "<thread id> <files analysed>", so a test proves the workers were used without timing anything.
 * With LECTERN_TEST_HOLD_MAIN=<ms> as well, the main thread stops for that long when the first
 * answer arrives (as when it loads Mermaid) and then appends "held <files the threads finished by
 * then>": files handed out one at a time would leave the threads at one file each.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { appendFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { Lesson } from '../model/lesson.js';
import type { AnalysisRequest } from './analysis-worker.js';
import type { Turnstile } from './turnstile.js';

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
  /** The threads the file was sent to (a thread started later never saw it). */
  sentTo: Set<Slot>;
}

interface Slot {
  worker: Worker;
  /** The thread's id, kept: a thread that has exited reads -1. */
  threadId: number;
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
  /** Every thread started, those that died too (for the test hook: a dead thread's answers count). */
  #started: Slot[] = [];
  /** The files sent and not answered yet, by request id. */
  #jobs = new Map<number, Job>();
  #next = 0;
  #closed = false;
  /** Files the threads have finished, counted by the threads themselves (for the hold hook). */
  readonly #finished = new Int32Array(new SharedArrayBuffer(4));
  #held = false;

  private constructor(
    private readonly size: number,
    private readonly script: string,
    private readonly hook: string | undefined,
    private readonly holdMs: number,
  ) {}

  /**
   * A pool, or null when one thread would do (one core, LECTERN_WORKERS=0), or when the worker's
   * compiled script is not there (Lectern run from its TypeScript sources, as unit tests do).
   */
  static open(env: NodeJS.ProcessEnv): AnalysisPool | null {
    const size = poolSize(env);
    const script = fileURLToPath(new URL('./analysis-worker.js', import.meta.url));
    if (size < 2 || !existsSync(script)) return null;
    const hold = Number(env.LECTERN_TEST_HOLD_MAIN ?? 0);
    return new AnalysisPool(size, script, env.LECTERN_TEST_WORKERS || undefined, Number.isFinite(hold) && hold > 0 ? hold : 0);
  }

  /**
   * Analyses one read lesson in a worker. Each file is sent at once to every thread (threads start as
   * work arrives, up to the pool's size), and the first thread free to take it claims it (an atomic
   * flag the file carries) and analyses it; the others pass over it. So the threads share the work
   * as it goes, whatever each file costs, and a thread never waits for the main thread to hand it
   * its next file: the main thread is often busy for a second at a time (loading Mermaid to judge
   * the first diagrams), and when files were handed out one at a time the threads stood idle for
   * that long. (Files given each to one thread by their length, as before, could leave one thread
   * working alone at the end, because length is not time: 0.45 s of a 7 s check with another job on
   * the machine; on a quiet one the threads ended together either way.)
   */
  analyze(file: VFile, options: { skeleton: boolean }): Promise<WorkerAnalysis> {
    if (this.#closed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise((resolve, reject) => {
      const claim = new Int32Array(new SharedArrayBuffer(4));
      const request: AnalysisRequest = { id: this.#next++, path: String(file.path), value: String(file.value), cwd: file.cwd, skeleton: options.skeleton, claim };
      if (this.#slots.length < this.size) this.#start();
      const job: Job = { request, resolve, reject, sentTo: new Set(this.#slots) };
      this.#jobs.set(request.id, job);
      for (const slot of this.#slots) {
        slot.worker.ref();
        slot.worker.postMessage(request);
      }
    });
  }

  /**
   * Starts every thread now, before any file is sent: a thread takes a few hundred milliseconds to
   * load its code, which then overlaps the main thread's own loading and reading. For a caller that
   * knows the cache is empty (a first `check`); otherwise threads start as files arrive.
   */
  prestart(): void {
    while (!this.#closed && this.#slots.length < this.size) this.#start();
  }

  #start(): Slot {
    // Parsing makes short-lived objects by the million: a young generation twice V8's default size
    // collects them with a third less time spent in the collector.
    const worker = new Worker(this.script, { workerData: { finished: this.#finished }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, threadId: worker.threadId, done: 0 };
    // Idle threads must not keep the process alive (every thread is referenced while files wait).
    worker.unref();
    worker.on('message', (answer: WorkerAnalysis & { id: number; error?: string }) => {
      if (this.hook && this.holdMs > 0 && !this.#held) this.#holdForTest();
      const job = this.#jobs.get(answer.id);
      if (!job) return;
      this.#settled(answer.id);
      if (answer.error !== undefined) job.reject(new Error(answer.error));
      else {
        slot.done++;
        job.resolve(answer);
      }
    });
    const lost = (error: Error) => {
      // A thread that died takes only the file it was analysing with it (its caller analyses that on
      // the main thread), and the files no other thread was sent. The others carry on.
      this.#slots = this.#slots.filter((other) => other !== slot);
      for (const [id, job] of [...this.#jobs]) {
        const claimedBy = Atomics.load(job.request.claim, 0);
        const orphaned = claimedBy === slot.threadId || (claimedBy === 0 && ![...job.sentTo].some((other) => this.#slots.includes(other)));
        if (!orphaned) continue;
        this.#settled(id);
        job.reject(error);
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`analysis worker stopped (exit code ${code})`)));
    this.#slots.push(slot);
    this.#started.push(slot);
    return slot;
  }

  /** Forgets an answered (or failed) file; with none left, idle threads stop holding the process. */
  #settled(id: number): void {
    this.#jobs.delete(id);
    if (this.#jobs.size === 0) for (const slot of this.#slots) slot.worker.unref();
  }

  #holdForTest(): void {
    this.#held = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.holdMs);
    try {
      appendFileSync(this.hook!, `held ${Atomics.load(this.#finished, 0)}\n`);
    } catch {
      // A test hook that cannot write only loses its line.
    }
  }

  /** Stops every thread (pending files are rejected: their callers analyse them themselves). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.hook) {
      try {
        for (const slot of this.#started) appendFileSync(this.hook, `${slot.threadId} ${slot.done}\n`);
      } catch {
        // A test hook that cannot write only loses its lines.
      }
    }
    const slots = this.#slots;
    this.#slots = [];
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    for (const job of jobs) job.reject(new Error('the analysis pool is closed'));
    await Promise.all(slots.map((slot) => slot.worker.terminate().catch(() => 0)));
  }
}

/**
 * Sends a read file to the pool in a turn of its own (none is sent after a signal: the turnstile
 * throws) and waits for its answer: null when the thread failed (the caller then analyses the file
 * on its own thread, where it fails, or not, as it would have), an InterruptedError as soon as
 * `watch` sees a signal. Every file is in a thread's queue within a few turns, so without the watch
 * a signal would wait for the threads to parse the rest of the course (seconds on a large one); the
 * caller then closes the pool, which stops the threads mid-parse. The threads run the slow-parse
 * test hook themselves.
 */
export async function askPool(
  pool: AnalysisPool,
  turnstile: Turnstile,
  file: VFile,
  options: { skeleton: boolean },
  watch: { stopped: Promise<never> } | null,
): Promise<WorkerAnalysis | null> {
  // Boxed: the turnstile must not wait for the worker's answer before the next file's turn.
  const { sent } = await turnstile.pass(() => ({ sent: pool.analyze(file, options) }));
  const settled = sent.catch(() => null);
  return watch ? Promise.race([settled, watch.stopped]) : settled;
}
