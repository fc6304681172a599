/**
 * Lets synchronous work (a lesson's parse: up to a second or so for the largest lesson allowed) run
 * one piece per turn of the event loop. Pieces that became ready together would otherwise run back
 * to back in one turn, and a Ctrl-C or SIGTERM, whose handler runs only between turns, would wait for
 * all of them. Once `stopped()` says the process is ending, no further piece starts.
 */
import { EnvironmentError } from '../errors.js';

/** The process is ending on a signal: work that had not started yet is dropped. */
export class InterruptedError extends EnvironmentError {
  constructor(signal: string) {
    super(`Interrupted (${signal}) while reading the course`);
  }
}

export class Turnstile {
  #last: Promise<unknown> = Promise.resolve();

  constructor(private readonly stopped: () => NodeJS.Signals | undefined = () => undefined) {}

  /** Runs `work` in a turn of its own, after every piece passed before it. */
  pass<T>(work: () => T): Promise<T> {
    const turn = this.#last
      // setImmediate queued while the check phase runs waits for the next loop turn, after its poll
      // phase, which is where a pending signal's handler runs.
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        const signal = this.stopped();
        if (signal) throw new InterruptedError(signal);
        return work();
      });
    this.#last = turn.catch(() => {});
    return turn;
  }
}

/** A promise that fails with InterruptedError once `stopped` names a signal (looked at every 20 ms), until `stop`. */
export function watchInterruption(stopped: () => NodeJS.Signals | undefined): { stopped: Promise<never>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const signal = stopped();
      if (!signal) return;
      clearInterval(timer);
      reject(new InterruptedError(signal));
    }, 20);
    timer.unref();
  });
  promise.catch(() => {});
  return { stopped: promise, stop: () => clearInterval(timer) };
}
