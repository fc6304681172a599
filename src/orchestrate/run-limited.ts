/**
 * The two promise tools the build runs lessons with: a bounded worker pool that stops starting work
 * after a failure (and reports it only once what is in flight has ended), and a promise settled from
 * outside, for the module books waiting on each lesson's parts.
 */

/** A promise with its `resolve` and `reject`, never an unobserved rejection. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Settling twice is harmless (the first wins); an unobserved rejection is not.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/**
 * Runs `task` over items with at most `limit` at once. After a failure no new item starts, and the
 * failure is reported once the items in flight have ended: nothing is still using the browser when
 * the caller closes it (it would otherwise start a new one).
 */
export async function forEachLimit<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failure) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(workers);
  if (failure) throw failure.error;
}
