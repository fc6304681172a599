/**
 * A counting semaphore: at most `size` holders at once; a freed slot goes to the waiter of the
 * highest priority, and among equals to the one that came first.
 */
export class Semaphore {
  readonly size: number;
  #held = 0;
  readonly #waiting: Array<{ priority: number; resolve: () => void }> = [];

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`Cannot create a semaphore of size ${size}, expected an integer of at least 1`);
    }
    this.size = size;
  }

  /** How many slots are taken right now. */
  get held(): number {
    return this.#held;
  }

  /**
   * Waits for a free slot, ahead of every waiter of a lower `priority` (0 unless given); resolves to
   * a function that frees it (calling it twice frees it once).
   */
  async acquire(priority = 0): Promise<() => void> {
    if (this.#held < this.size) {
      this.#held += 1;
    } else {
      // The releasing holder hands its slot straight to us, so `held` does not change.
      await new Promise<void>((resolve) => {
        const behind = this.#waiting.findIndex((waiter) => waiter.priority < priority);
        this.#waiting.splice(behind < 0 ? this.#waiting.length : behind, 0, { priority, resolve });
      });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next.resolve();
      else this.#held -= 1;
    };
  }
}
