/** A counting semaphore: at most `size` holders at once, waiters served first come, first served. */
export class Semaphore {
  readonly size: number;
  #held = 0;
  readonly #waiting: Array<() => void> = [];

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

  /** Waits for a free slot; resolves to a function that frees it (calling it twice frees it once). */
  async acquire(): Promise<() => void> {
    if (this.#held < this.size) {
      this.#held += 1;
    } else {
      // The releasing holder hands its slot straight to us, so `held` does not change.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#held -= 1;
    };
  }
}
