import { defineConfig } from 'vitest/config';

// The focused tests of extraction (src/extract/**), for its mutation run (`STRYKER_VITEST=extract`,
// stryker.config.mjs). Under vitest.mutation.config.ts every test covers extraction, so each
// surviving mutant reruns all of them (506 tests, 53 s): Stryker estimated 15 to 18 hours. These
// analyse a lesson written in the test (or one of the small corpus files) and read its model; the
// golden, render, lint-fixture and pipeline-wide tests are left out.
export default defineConfig({
  test: {
    include: [
      'tests/extract.test.ts',
      'tests/mutation-extract.test.ts',
      'tests/shapes.test.ts',
      'tests/shapes-linked.test.ts',
      'tests/mutation-extract-markdown.test.ts',
      'tests/mutation-extract-items.test.ts',
      'tests/mutation-extract-exercise.test.ts',
      'tests/mutation-extract-lesson.test.ts',
      'tests/mutation-extract-parts.test.ts',
    ],
    testTimeout: 60_000,
  },
});
