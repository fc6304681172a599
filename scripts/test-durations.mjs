#!/usr/bin/env node
// Writes tests/durations.json: how long each slow test file took in the last full `npm test` here,
// in whole seconds, read from vitest's own results cache (node_modules/.vite/vitest/…/results.json).
// The suite's sequencer (tests/helpers/sequencer.ts) starts the longest files first from it, so a
// fresh clone (CI, with no cache) does not leave a two-minute file to run alone at the end.
// Run it after a full `npm test` when test files have grown or shrunk: `node scripts/test-durations.mjs`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const cacheRoot = 'node_modules/.vite/vitest';
const results = readdirSync(cacheRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => JSON.parse(readFileSync(join(cacheRoot, entry.name, 'results.json'), 'utf8')).results);
const seconds = {};
for (const [key, { duration }] of results) {
  const file = key.replace(/^[^:]*:/, '');
  // Files under two seconds change no schedule: they fill the gaps wherever they run.
  if (duration >= 2_000) seconds[file] = Math.round(duration / 1000);
}
const sorted = Object.fromEntries(Object.entries(seconds).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
writeFileSync('tests/durations.json', `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`tests/durations.json: ${Object.keys(sorted).length} files of 2 s or more`);
