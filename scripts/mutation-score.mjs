#!/usr/bin/env node
// The mutation score so far, per file, per area and in total, from Stryker's incremental report
// (reports/mutation/incremental.json, committed). Narrowed runs (`--mutate FILE`) keep the other
// files' results in that report, so it holds every area run so far. Score as Stryker defines it:
// (killed + timeout) / (killed + timeout + survived + no coverage); ignored and compile errors
// are left out. Also lists the files of stryker.config.mjs's `mutate` that have no result yet.
import { readdirSync, readFileSync } from 'node:fs';
import config from '../stryker.config.mjs';

const file = process.argv[2] ?? 'reports/mutation/incremental.json';
const report = JSON.parse(readFileSync(file, 'utf8'));

const areas = [
  ['course order and links', /^src\/course\/(order|links|course-links|course-lint)\.ts$/],
  ['course lint', /^src\/course\/lint\//],
  ['lesson lint', /^src\/lint\//],
  ['planning', /^src\/plan\//],
  ['languages', /^src\/languages\//],
  ['extraction', /^src\/extract\//],
  ['workshop', /^src\/workshop\//],
];
const areaOf = (path) => areas.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';

const empty = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 });
const add = (into, from) => Object.keys(into).forEach((key) => (into[key] += from[key]));
const key = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage' };
const score = (c) => {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`;
};
const line = (name, c) =>
  `${name.padEnd(44)} ${score(c).padStart(7)}  killed ${c.killed}, timeout ${c.timeout}, survived ${c.survived}, no coverage ${c.noCoverage}${c.other ? `, ignored/errors ${c.other}` : ''}`;

const byArea = new Map();
const total = empty();
console.log('Per file:');
for (const path of Object.keys(report.files).sort()) {
  const counts = empty();
  for (const mutant of report.files[path].mutants) counts[key[mutant.status] ?? 'other'] += 1;
  console.log(`  ${line(path, counts)}`);
  const area = areaOf(path);
  if (!byArea.has(area)) byArea.set(area, empty());
  add(byArea.get(area), counts);
  add(total, counts);
}
console.log('Per area:');
for (const [area, counts] of byArea) console.log(`  ${line(area, counts)}`);
console.log(`  ${line('total over the files run', total)}`);

// The `mutate` patterns are plain paths or `folder/**/*.ts`.
const sources = readdirSync('src', { recursive: true }).map((path) => `src/${String(path).split('\\').join('/')}`);
const matches = (pattern, path) =>
  pattern.endsWith('/**/*.ts') ? path.startsWith(pattern.slice(0, -'**/*.ts'.length)) && path.endsWith('.ts') : path === pattern;
const listed = new Set(sources.filter((path) => config.mutate.some((pattern) => matches(pattern, path))));
const notRun = [...listed].filter((path) => !(path in report.files)).sort();
console.log(`Files of the mutate list not run yet: ${notRun.length} of ${listed.size}`);
for (const path of notRun) console.log(`  ${path}`);
