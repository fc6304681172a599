import { defineConfig } from 'vitest/config';

// The fast, browser-free tests over the pure core, for mutation testing (stryker.config.mjs): Stryker
// runs them once per mutant, so nothing here may start Chromium or the CLI.
export default defineConfig({
  test: {
    include: [
      'tests/extract.test.ts',
      'tests/golden.test.ts',
      'tests/language.test.ts',
      'tests/language-property.test.ts',
      'tests/languages/**/*.test.ts',
      'tests/lint.test.ts',
      'tests/lint-fixtures.test.ts',
      'tests/property.test.ts',
      'tests/deck-render.test.ts',
      'tests/lab-render.test.ts',
      'tests/lab-leak.test.ts',
      'tests/promises.test.ts',
      'tests/course.test.ts',
      'tests/workshop.test.ts',
      'tests/workshop-timing.test.ts',
      'tests/mutation-*.test.ts',
    ],
    testTimeout: 60_000,
  },
});
