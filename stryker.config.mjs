// Mutation testing of Lectern's pure core (`npm run mutation`; not part of CI, see README ›
// Development). Incremental: reruns test only the mutants whose code or tests changed since
// reports/mutation/incremental.json. Narrow a run with `npm run mutation -- --mutate src/workshop/timing.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // STRYKER_VITEST=lint runs the focused tests of src/lint/** (vitest.mutation-lint.config.ts) instead,
  // STRYKER_VITEST=extract those of src/extract/** (vitest.mutation-extract.config.ts), and
  // STRYKER_VITEST=languages those of src/languages/** (vitest.mutation-languages.config.ts): under the
  // default tests the golden tests cover every lint mutant and every test covers extraction, so each
  // mutant reruns much of the pipeline (README › Development › Mutation testing). Use each only with
  // its own area: `--mutate 'src/lint/**/*.ts'`, files of `src/extract/`, or `'src/languages/**/*.ts'`.
  vitest: {
    configFile:
      process.env.STRYKER_VITEST ? `vitest.mutation-${process.env.STRYKER_VITEST}.config.ts` : 'vitest.mutation.config.ts',
  },
  // STRYKER_CHECK=0 skips the TypeScript checker: measured here it triples the time a mutant takes
  // (about 12 s rather than 4 to 8 s) and its start takes a minute (README › Development › Mutation testing).
  checkers: process.env.STRYKER_CHECK === '0' ? [] : ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    // Extraction and languages.
    'src/extract/**/*.ts',
    'src/languages/**/*.ts',
    // Lint.
    'src/lint/**/*.ts',
    'src/course/course-lint.ts',
    'src/course/lint/**/*.ts',
    // Planning: deck slides and lab tasks.
    'src/plan/deck-plan.ts',
    'src/plan/deck-sections.ts',
    'src/plan/deck-layout.ts',
    'src/plan/deck-closing.ts',
    'src/plan/deck-agenda.ts',
    'src/plan/deck-split.ts',
    'src/plan/lab-tasks.ts',
    'src/plan/notes.ts',
    'src/plan/handout-plan.ts',
    // Course order and links.
    'src/course/order.ts',
    'src/course/links.ts',
    'src/course/course-links.ts',
    // Workshop timing and schedule.
    'src/workshop/timing.ts',
    'src/workshop/time.ts',
    'src/workshop/schedule.ts',
  ],
  // Static mutants (reached while a module loads or while vitest collects a test file, outside any
  // one test) rerun every related test each: for src/lint/** Stryker counted 618 of 945 static,
  // 88 % of the time (an estimated 12 h 45 min). They are left out as Ignored, so they are not in
  // the score (README › Development › Mutation testing); STRYKER_STATIC=1 tests them too.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  // A shared 2-core machine: one test process unless asked for more (`--concurrency N`).
  concurrency: 1,
  timeoutMS: 30_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
