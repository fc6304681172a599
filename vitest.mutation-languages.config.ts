import { defineConfig } from 'vitest/config';

// The focused tests of the language packs and detection (src/languages/**), for their mutation run
// (`STRYKER_VITEST=languages`, stryker.config.mjs): they call the detector and the packs directly, in
// about a second, where the default mutation tests would run the pipeline for every mutant.
export default defineConfig({
  test: {
    include: [
      'tests/language.test.ts',
      'tests/language-property.test.ts',
      'tests/languages/**/*.test.ts',
      'tests/mutation-languages.test.ts',
    ],
    testTimeout: 60_000,
  },
});
