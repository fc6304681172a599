import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium on a 2-core CI machine: generous timeouts, fail loudly.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
