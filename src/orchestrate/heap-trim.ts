/**
 * A build's own heap holds about a hundred megabytes of live data, but V8, left to itself, lets it
 * grow to three times that between full collections while lessons render; beside Chromium's
 * processes that took a cold build of a ten-module course over a gigabyte. Between lessons, when
 * the heap has grown well past what is live, one full collection brings it back. It costs a few tens
 * of milliseconds at most once a lesson, and nothing on a build that stays small.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Above this much used heap, a collection runs between lessons. */
const TRIM_ABOVE = 256 * 1024 * 1024;

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Runs a full collection when the heap holds much more than a build keeps live. */
export function trimHeap(): void {
  if (getHeapStatistics().used_heap_size < TRIM_ABOVE) return;
  collector()?.();
}
