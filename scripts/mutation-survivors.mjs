#!/usr/bin/env node
// The mutants that no test detected, from Stryker's incremental report: one line each with its place,
// mutator, the code it replaced and the replacement, for the files whose path starts with the given
// prefix (all files when none). `node scripts/mutation-survivors.mjs src/languages/packs/`.
// With `--unnamed`, those named in the README's lists of equivalent mutants (README › Mutation
// testing: a list item that begins with the mutant's place and mutator) are left out: what is left
// is still to do, killed by a test or named there.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const unnamed = args.includes('--unnamed');
const [prefix = '', file = 'reports/mutation/incremental.json'] = args.filter((arg) => arg !== '--unnamed');
const report = JSON.parse(readFileSync(file, 'utf8'));
const oneLine = (text) => (text.length > 90 ? `${text.slice(0, 87)}…` : text).replace(/\s*\n\s*/g, ' ⏎ ');

// How many mutants of each place and mutator the README names (one place can hold several).
const named = new Map();
if (unnamed) {
  for (const match of readFileSync('README.md', 'utf8').matchAll(/^- `(src\/[^`]+:\d+:\d+)` (\w+):/gm)) {
    const key = `${match[1]} ${match[2]}`;
    named.set(key, (named.get(key) ?? 0) + 1);
  }
}

for (const path of Object.keys(report.files).sort()) {
  if (!path.startsWith(prefix)) continue;
  const { source, mutants } = report.files[path];
  const lines = source.split('\n');
  const original = ({ start, end }) => {
    if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
    return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
  };
  const left = mutants
    .filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
  for (const mutant of left) {
    const { start } = mutant.location;
    const key = `${path}:${start.line}:${start.column} ${mutant.mutatorName}`;
    if (named.get(key) > 0) {
      named.set(key, named.get(key) - 1);
      continue;
    }
    const status = mutant.status === 'NoCoverage' ? 'no coverage' : 'survived';
    console.log(`${path}:${start.line}:${start.column}  ${mutant.mutatorName}  ${oneLine(original(mutant.location))}  →  ${oneLine(mutant.replacement ?? '')}  (${status})`);
  }
}
