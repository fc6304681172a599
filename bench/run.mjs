#!/usr/bin/env node
// Lectern's benchmark: N generated decks with Mermaid diagrams, built by Lectern (one shared
// Chromium, diagrams in one warm page) versus the usual pipeline on the same files: mmdc for each
// diagram, then `marp --pdf` for each deck. Prints a table; measures, never asserts.
//
// Usage: npm run bench [-- --lessons 8 --diagrams 2 --keep]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const lessons = option('lessons', 8);
const diagramsPerLesson = option('diagrams', 2);
const keep = args.includes('--keep');
const chrome = process.env.CHROME_PATH || JSON.parse(readFileSync(join(root, 'node_modules', '.lectern-env.json'), 'utf8')).chromePath;

const work = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
const seed = readFileSync(join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md'), 'utf8');

/** A lesson like the seed, with its own number and `count` distinct diagrams (no cache can share them). */
function lesson(n, count) {
  const diagrams = Array.from({ length: count }, (_, d) => [
    `### Flow ${d + 1}`,
    '```mermaid',
    `graph ${d % 2 ? 'LR' : 'TD'}`,
    `    A[Client ${n}.${d}] --> B[Daemon ${n}.${d}]`,
    `    B --> C[Runtime ${n}]`,
    `    B --> D[Images ${n}]`,
    `    C --> E[Namespaces ${d}]`,
    `    D --> F[Registry ${d}]`,
    '```',
    '',
  ].join('\n'));
  return seed
    .replace('# Lesson 6.7: Docker Fundamentals', `# Lesson 1.${n}: Docker Fundamentals ${n}`)
    .replace(/## Architecture Diagrams[\s\S]*?(?=## Configuration Examples)/, `## Architecture Diagrams\n\n${diagrams.join('\n')}\n`);
}

const lessonsDir = join(work, 'lessons', 'module-1');
mkdirSync(lessonsDir, { recursive: true });
for (let n = 1; n <= lessons; n++) writeFileSync(join(lessonsDir, `1.${n}-lesson.md`), lesson(n, diagramsPerLesson));

function timed(label, run) {
  const started = performance.now();
  const result = run();
  const seconds = (performance.now() - started) / 1000;
  if (result && result.status !== 0 && result.status !== 1) {
    console.error(`${label} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
    process.exit(1);
  }
  return seconds;
}

const node = process.execPath;
const lectern = join(root, 'bin', 'lectern.js');
const env = { ...process.env, CI: 'true', CHROME_PATH: chrome, CHROME_NO_SANDBOX: '1' };

console.log(`Benchmark: ${lessons} lessons × ${diagramsPerLesson} Mermaid diagrams, decks as md+html+pdf (${work})\n`);

// Lectern, cold: a fresh output folder, so no diagram or lesson cache.
const lecternCold = timed('lectern build', () =>
  spawnSync(node, [lectern, 'build', join(work, 'lessons'), '--out', join(work, 'out'), '--formats', 'deck', '--to', 'md,html,pdf', '--quiet'], { env, encoding: 'utf8' }),
);
// Lectern, warm: nothing changed.
const lecternWarm = timed('lectern build (warm)', () =>
  spawnSync(node, [lectern, 'build', join(work, 'lessons'), '--out', join(work, 'out'), '--formats', 'deck', '--to', 'md,html,pdf', '--quiet'], { env, encoding: 'utf8' }),
);
// Lectern, everything: decks, handouts and both labs.
const lecternAll = timed('lectern build (all documents)', () =>
  spawnSync(node, [lectern, 'build', join(work, 'lessons'), '--out', join(work, 'out-all'), '--quiet'], { env, encoding: 'utf8' }),
);

// The usual pipeline: mmdc per diagram, then marp --pdf per deck.
const baseDir = join(work, 'baseline');
cpSync(join(work, 'lessons'), baseDir, { recursive: true });
const puppeteerConfig = join(work, 'puppeteer.json');
writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }));
const mmdc = join(root, 'node_modules', '@mermaid-js', 'mermaid-cli', 'src', 'cli.js');
const marp = join(root, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const baseline = timed('mmdc + marp', () => {
  for (const name of readdirSync(join(baseDir, 'module-1'))) {
    const path = join(baseDir, 'module-1', name);
    let markdown = readFileSync(path, 'utf8');
    let index = 0;
    markdown = markdown.replace(/```mermaid\n([\s\S]*?)```/g, (_, code) => {
      index++;
      const input = `${path}.${index}.mmd`;
      const output = `${path}.${index}.svg`;
      writeFileSync(input, code);
      const run = spawnSync(node, [existsSync(mmdc) ? mmdc : join(root, 'node_modules', '.bin', 'mmdc'), '-i', input, '-o', output, '-p', puppeteerConfig, '-q'], { env, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`mmdc failed: ${run.stderr}`);
      return `![](${output.split('/').pop()})\n`;
    });
    writeFileSync(path, `---\nmarp: true\npaginate: true\n---\n\n${markdown.replace(/\n## /g, '\n---\n\n## ')}`);
    const run = spawnSync(node, [marp, '--no-stdin', '--pdf', '--allow-local-files', '--browser-path', chrome, path, '-o', path.replace(/\.md$/, '.pdf')], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`marp failed: ${run.stderr}`);
  }
  return { status: 0 };
});

const rows = [
  ['marp-cli + mmdc (decks only)', baseline],
  ['lectern, cold (decks: md, html, pdf)', lecternCold],
  ['lectern, warm rebuild (nothing changed)', lecternWarm],
  ['lectern, cold (decks, handouts, both labs)', lecternAll],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, seconds] of rows) {
  const ratio = label.startsWith('marp') ? '' : `  ${(seconds / baseline).toFixed(2)}× the baseline`;
  console.log(`${label.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s${ratio}`);
}
console.log(`\nPer deck: baseline ${(baseline / lessons).toFixed(2)} s, lectern ${(lecternCold / lessons).toFixed(2)} s (${(baseline / lecternCold).toFixed(1)}× faster)`);
if (!keep) rmSync(work, { recursive: true, force: true });
