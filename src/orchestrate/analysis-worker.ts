/**
 * A worker thread of the analysis pool (`analysis-pool.ts`): parses, extracts and lints the lessons it
 * takes (the pool sends every file to every thread; the first one free claims it), one at a time,
 * and sends back what a cache entry holds (the lesson, its tree or the tree's skeleton, the link
 * targets the lint checked) with the number of parses it made, for the parse-count test hook.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { analyzeChecked, skeletonOf } from '../cache/analysis-cache.js';
import { parseCount } from '../parse/parse-count.js';
import { slowParseForTest } from './slow-parse-hook.js';

export interface AnalysisRequest {
  id: number;
  path: string;
  value: string;
  cwd: string;
  /**
   * Send back the tree's skeleton only (what a cache hit holds): when nothing renders the file whole
   * (`check`), the whole tree would only cost the main thread its copying and collecting.
   */
  skeleton: boolean;
  /**
   * Shared by every thread the file was sent to: 0 until one of them takes the file, then that
   * thread's id. The others pass over it.
   */
  claim: Int32Array;
}

/** Files finished by every thread of the pool, shared with it (read only by a test hook). */
const finished = (workerData as { finished?: Int32Array } | null)?.finished;

parentPort?.on('message', (request: AnalysisRequest) => {
  if (Atomics.compareExchange(request.claim, 0, 0, threadId) !== 0) return;
  // Test hook: LECTERN_TEST_WORKER_EXIT=<end of a path> ends this thread as it takes that file, as a
  // thread that runs out of memory does.
  const dieOn = process.env.LECTERN_TEST_WORKER_EXIT;
  if (dieOn && request.path.endsWith(dieOn)) process.exit(70);
  const before = parseCount();
  try {
    slowParseForTest(request.path);
    const { analysis, checked } = analyzeChecked(new VFile({ path: request.path, value: request.value, cwd: request.cwd }));
    parentPort!.postMessage({ id: request.id, lesson: analysis.lesson, tree: request.skeleton ? skeletonOf(analysis.tree) : analysis.tree, checked, parses: parseCount() - before });
    if (finished) Atomics.add(finished, 0, 1);
  } catch (error) {
    // The main thread analyses the file again itself, so it fails there exactly as it would have.
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error), parses: parseCount() - before });
  }
});
