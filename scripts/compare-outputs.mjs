#!/usr/bin/env node
// Builds the sample lessons, the seed lesson and both Carpentries corpora, and
// compares their deck.md, handout.html and lab*.html with a reference taken
// earlier. Used to show that a refactor or a new detector changed nothing it
// should not have.
//
//   node scripts/compare-outputs.mjs snapshot DIR   build the reference into DIR
//   node scripts/compare-outputs.mjs compare DIR    build again and diff with DIR
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const shared = process.env.LECTERN_SHARED ? resolve(process.env.LECTERN_SHARED) : resolve(root, '..', 'shared');

const inputs = [
  ['lessons', join(root, 'lessons')],
  ['seed', join(shared, 'seeds')],
  ['shell-novice', join(shared, 'corpora', 'shell-novice')],
  ['python-novice-inflammation', join(shared, 'corpora', 'python-novice-inflammation')],
];

const compared = (name) => name === 'deck.md' || name === 'handout.html' || /^lab.*\.html$/.test(name);

function buildAll(out) {
  for (const [name, dir] of inputs) {
    if (!existsSync(dir)) {
      // A skipped input would compare as "missing" files at best, or pass unseen in a snapshot.
      console.error(`compare-outputs: ${name} is not at ${dir}; set LECTERN_SHARED to the shared folder`);
      process.exit(2);
    }
    execFileSync(
      process.execPath,
      [join(root, 'bin', 'lectern.js'), 'build', dir, '--out', join(out, name), '--to', 'md,html', '--no-cache', '--quiet'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
}

function files(dir, base = dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...files(path, base));
    else if (compared(entry)) found.push(relative(base, path));
  }
  return found.sort();
}

const [command, target] = process.argv.slice(2);
if (!target || (command !== 'snapshot' && command !== 'compare')) {
  console.error('usage: node scripts/compare-outputs.mjs snapshot|compare DIR');
  process.exit(2);
}

if (command === 'snapshot') {
  rmSync(target, { recursive: true, force: true });
  buildAll(target);
  console.log(`reference: ${files(target).length} files in ${target}`);
  process.exit(0);
}

const fresh = mkdtempSync(join(tmpdir(), 'lectern-compare-'));
buildAll(fresh);
const before = files(target);
const after = files(fresh);
const missing = before.filter((f) => !after.includes(f));
const added = after.filter((f) => !before.includes(f));
const changed = before.filter(
  (f) => after.includes(f) && !readFileSync(join(target, f)).equals(readFileSync(join(fresh, f))),
);
for (const f of missing) console.log(`missing  ${f}`);
for (const f of added) console.log(`added    ${f}`);
for (const f of changed) console.log(`changed  ${f}`);
const same = before.length - missing.length - changed.length;
console.log(`${same} of ${before.length} files byte-identical; ${changed.length} changed, ${missing.length} missing, ${added.length} added`);
console.log(`fresh build kept in ${fresh}`);
process.exit(missing.length + added.length + changed.length === 0 ? 0 : 1);
