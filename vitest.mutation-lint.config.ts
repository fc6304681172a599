import { defineConfig } from 'vitest/config';

// The focused tests of the lesson lint rules (src/lint/**), for its mutation run
// (`STRYKER_VITEST=lint`, stryker.config.mjs). Under vitest.mutation.config.ts the golden tests cover
// every lint mutant, and each of them runs the whole pipeline: Stryker estimated 3.5 hours. These
// build each rule's context from a string and call the rule.
export default defineConfig({
  test: {
    include: ['tests/lint.test.ts', 'tests/mutation-lint.test.ts', 'tests/mutation-lint-more.test.ts'],
    testTimeout: 60_000,
  },
});
