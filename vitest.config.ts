import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/helpers/sequencer.js';

// End-to-end tests drive real Chromium on a 2-core CI machine: generous timeouts, fail loudly.
// Two test files at a time at least: an e2e file mostly waits on its CLI child and Chromium, so one
// worker left a 2-core machine half idle (the suite took 12 min; two workers bring it well under 10).
// At most four: each e2e file may run its own Chromium.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    maxWorkers: Math.min(4, Math.max(2, availableParallelism())),
    // The longest files first, on a fresh clone too (tests/helpers/sequencer.ts).
    sequence: { sequencer: LongestFirst },
  },
});
