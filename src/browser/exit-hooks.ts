/**
 * The process hooks that make sure no Chromium outlives Lectern: on Ctrl-C (or SIGTERM, SIGHUP) the
 * browser is closed and its profile removed before the signal is raised again for the default
 * exit; on a plain exit without a close, a synchronous last resort kills it and removes the profile.
 */
import { removeUnfinishedWrites } from '../export/atomic.js';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Signal and exit hooks for one browser, installed while it may be running. */
export class ExitHooks {
  /**
   * @param close  closes the browser (asynchronously) when a signal arrives.
   * @param onExit kills it synchronously when the process exits; it cannot wait for promises.
   */
  constructor(
    private readonly close: () => Promise<void>,
    private readonly onExit: () => void,
  ) {}

  /** The signal that is ending the process (the browser is closing for good), if any. */
  get interrupted(): NodeJS.Signals | undefined {
    return this.#interrupted;
  }

  #interrupted: NodeJS.Signals | undefined;

  readonly #onSignal = (signal: NodeJS.Signals): void => {
    this.#interrupted ??= signal;
    // A second Ctrl-C while we clean up gets Node's default (immediate) behaviour.
    this.off();
    void this.close()
      .catch(() => {})
      .finally(() => {
        // Re-raise for the default exit (130 for SIGINT) unless someone else handles the signal. The
        // writes still in progress end here: their temporary files go, their targets stay as they were.
        if (process.listenerCount(signal) === 0) {
          removeUnfinishedWrites();
          process.kill(process.pid, signal);
        }
      });
  };

  // Last resort when the process exits without close(): synchronous kill and removal only.
  readonly #onExit = (): void => this.onExit();

  /** Installs the hooks (once: installing again replaces them). */
  on(): void {
    this.off();
    for (const signal of signals) process.on(signal, this.#onSignal);
    process.on('exit', this.#onExit);
  }

  /** Removes the hooks. */
  off(): void {
    for (const signal of signals) process.off(signal, this.#onSignal);
    process.off('exit', this.#onExit);
  }
}
