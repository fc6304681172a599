#!/usr/bin/env node
// Lectern's benchmark. Measures, never asserts; prints a table and the ratios to the targets.
//
// 1. A generated course with the shape of a real one (bench/realistic-course.mjs: 78 lessons in 10
//    modules with README overviews, 48 lecture-notes files under lectures/, 64 Mermaid diagrams),
//    built by Lectern (decks md/html/pdf, handouts, both labs; one shared Chromium) and, side by side in
//    the same run on the same lessons, by the usual pipeline for decks alone: mmdc per diagram, then
//    marp --pdf.
// 2. Rebuilds: nothing changed, one lesson edited, one lecture-notes file edited, one module README edited.
// 3. `lectern check` on that course, cold and warm, and over 1,000 lessons, cold and warm.
// Times come from runs with nothing watching them; peak memory from the same runs repeated in fresh
// output folders while a sampler reads the memory of the process tree ten times a second.
// Peak memory is the largest sum of proportional set sizes (PSS) over Lectern's whole process tree, Chromium
// included: shared pages count once, which is what the machine really gives it.
//
// Usage: npm run bench [-- --check 1000 --edits 3 --keep]
//        BENCH_SCALE=0.1 npm run bench   (every count of the course scaled down: a smoke run)
//        npm run bench -- --rebuilds-only   (cold build and the rebuilds only: no baseline, check or memory)
//        npm run bench -- --hostile-only    (the 4 MB lesson, the 100,000-item list and the linearity rows only)
// 4. Hostile input (a 4 MB lesson, a 100,000-item list) and linearity (`lectern check` on one lesson
//    at 1×, 2×, 4× and 8× about 54 KB: the time ratio per doubling).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRealisticCourse } from './realistic-course.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const scale = Number(process.env.BENCH_SCALE ?? 1);
if (!(scale > 0)) throw new Error(`BENCH_SCALE must be a number above 0, not ${process.env.BENCH_SCALE}`);
const checkCount = Math.max(1, Math.round(option('check', 1000) * scale));
const keep = args.includes('--keep');
const rebuildsOnly = args.includes('--rebuilds-only');
const hostileOnly = args.includes('--hostile-only');
const editCount = option('edits', 3);
const envFile = join(root, 'node_modules', '.lectern-env.json');
const chrome = process.env.CHROME_PATH || (existsSync(envFile) ? JSON.parse(readFileSync(envFile, 'utf8')).chromePath : '/usr/bin/chromium');

const work = mkdtempSync(join(tmpdir(), 'lectern-bench-'));

/**
 * How fast this machine is right now: a fixed single-core loop, in ms. Shared two-core machines
 * drift by a fifth or more within an hour; runs are comparable only at similar gauges.
 */
const LOOP = 'const t = performance.now(); let s = 0; for (let i = 0; i < 2e8; i++) s += i % 7; console.log(Math.round(performance.now() - t))';
function gauge() {
  const run = spawnSync(process.execPath, ['-e', LOOP], { encoding: 'utf8' });
  return Number(run.stdout.trim());
}

/**
 * The same loop on every core at once: a machine whose two virtual cores share one physical core
 * (as this one does at times) gives each about twice the single-core time, and then everything
 * that uses both cores (a cold build, the cold `check`'s threads) is that much slower, though the
 * single-core gauge reads the same.
 */
function parallelGauge() {
  const cores = availableParallelism();
  const script = `const { spawn } = require('node:child_process'); let out = [];
const runs = Array.from({ length: ${cores} }, () => new Promise((done) => { const child = spawn(process.execPath, ['-e', ${JSON.stringify(LOOP)}]); let text = ''; child.stdout.on('data', (d) => (text += d)); child.on('close', () => done(Number(text.trim()))); }));
Promise.all(runs).then((times) => console.log(times.join(',')));`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return run.stdout.trim().split(',').map(Number);
}
const seed = readFileSync(join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md'), 'utf8');
const node = process.execPath;
const lectern = join(root, 'bin', 'lectern.js');
const env = { ...process.env, CI: 'true', CHROME_PATH: chrome, CHROME_NO_SANDBOX: '1' };

/** A lesson like the seed with its own number, title words and `diagrams` distinct diagrams. */
function lesson(module, n, diagrams) {
  const blocks = Array.from({ length: diagrams }, (_, d) => [
    `### Flow ${d + 1}`,
    '```mermaid',
    `graph ${d % 2 ? 'LR' : 'TD'}`,
    `    A[Client ${module}.${n}.${d}] --> B[Daemon ${module}.${n}]`,
    `    B --> C[Runtime ${n}]`,
    `    B --> D[Images ${n}]`,
    `    C --> E[Namespaces ${d}]`,
    `    D --> F[Registry ${d}]`,
    '```',
    '',
  ].join('\n'));
  const prev = n > 1 ? `- [Previous Lesson ←](./${module}.${n - 1}-lesson.md)\n` : '';
  const next = `- [Next Lesson →](./${module}.${n + 1}-lesson.md)\n`;
  return seed
    .replace('# Lesson 6.7: Docker Fundamentals', `# Lesson ${module}.${n}: Containers in Practice ${module}.${n}`)
    .replace(/## Navigation[\s\S]*?(?=## Learning Objectives)/, `## Navigation\n- [← Back to Module Overview](./README.md)\n${prev}${next}\n`)
    .replace(/## Architecture Diagrams[\s\S]*?(?=## Configuration Examples)/, diagrams ? `## Architecture Diagrams\n\n${blocks.join('\n')}\n` : '')
    .replace('Large image sizes', `Large image sizes in module ${module}, lesson ${n}`);
}

/** `count` lessons like the seed in modules of ten, with `diagrams` diagrams (the many-lesson `check` course). */
function generateCourse(dir, count, diagrams) {
  const modules = Math.ceil(count / 10);
  let left = diagrams;
  for (let m = 1; m <= modules; m++) {
    const moduleDir = join(dir, `module-${m}`);
    mkdirSync(moduleDir, { recursive: true });
    const inModule = Math.min(10, count - (m - 1) * 10);
    const names = Array.from({ length: inModule }, (_, i) => `${m}.${i + 1}-lesson.md`);
    writeFileSync(join(moduleDir, 'README.md'), `# Module ${m}: Containers, Part ${m}\n\n${names.map((name) => `- [${name}](./${name})`).join('\n')}\n`);
    for (let n = 1; n <= inModule; n++) {
      const take = left > 0 ? 1 : 0;
      left -= take;
      let text = lesson(m, n, take);
      if (n === inModule) text = text.replace(/- \[Next Lesson →\]\([^)]*\)\n/, '');
      writeFileSync(join(moduleDir, `${m}.${n}-lesson.md`), text);
    }
  }
}

/**
 * Runs a command and times it; with `memory`, also samples the memory of its whole process tree.
 * Sampling reads every process's page tables ten times a second, which slows a two-core machine
 * down, so times come from runs without it and peak memory from separate runs with it.
 */
function measure(command, commandArgs, { memory = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    // Proportional set size: shared pages (Chromium's processes share most of theirs) counted once.
    const pss = (pid) => {
      try {
        return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      } catch {
        return 0;
      }
    };
    const sample = () => {
      const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
      const rows = ps.stdout.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
      const tree = new Set([child.pid]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const [pid, ppid] of rows) if (tree.has(ppid) && !tree.has(pid)) { tree.add(pid); grew = true; }
      }
      peak = Math.max(peak, [...tree].reduce((sum, pid) => sum + pss(pid), 0));
    };
    const timer = memory ? setInterval(sample, 100) : undefined;
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (status !== 0 && status !== 1) reject(new Error(`${command} ${commandArgs.join(' ')} failed (${status}):\n${output.slice(-2000)}`));
      else resolvePromise({ seconds, peakMiB: memory ? peak / 1024 : null, output });
    });
  });
}

/** The usual pipeline, decks only, on a copy of the course: mmdc per diagram, then marp --pdf per deck. */
function runBaseline() {
  const baseDir = join(work, 'baseline');
  cpSync(courseDir, baseDir, { recursive: true });
  const puppeteerConfig = join(work, 'puppeteer.json');
  writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: chrome, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }));
  const mmdc = join(root, 'node_modules', '@mermaid-js', 'mermaid-cli', 'src', 'cli.js');
  const marp = join(root, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
  const baselineStarted = performance.now();
  for (const module of readdirSync(baseDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
    for (const name of readdirSync(join(baseDir, module)).filter((file) => /^\d.*\.md$/.test(file))) {
      const path = join(baseDir, module, name);
      let index = 0;
      const markdown = readFileSync(path, 'utf8').replace(/```mermaid\n([\s\S]*?)```/g, (_, code) => {
        index++;
        writeFileSync(`${path}.${index}.mmd`, code);
        const run = spawnSync(node, [mmdc, '-i', `${path}.${index}.mmd`, '-o', `${path}.${index}.svg`, '-p', puppeteerConfig, '-q'], { env, encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`mmdc failed: ${run.stderr}`);
        return `![](${name}.${index}.svg)\n`;
      });
      writeFileSync(path, `---\nmarp: true\npaginate: true\n---\n\n${markdown.replace(/\n## /g, '\n---\n\n## ')}`);
      const run = spawnSync(node, [marp, '--no-stdin', '--pdf', '--allow-local-files', '--browser-path', chrome, path, '-o', path.replace(/\.md$/, '.pdf')], { env, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`marp failed: ${run.stderr}`);
    }
  }
  return (performance.now() - baselineStarted) / 1000;
}

/**
 * Hostile input: a 4 MB lesson (the seed's body repeated) and a lesson holding one 100,000-item list,
 * each built in full. Target: built, or stopped with a `too-large` error, within 60 s and 1 GiB.
 */
async function hostileRows() {
  const [head, ...rest] = seed.split('\n## ');
  const body = `\n## ${rest.join('\n## ')}`;
  let big = head;
  while (big.length < 4 * 1024 * 1024) big += body;
  const items = Array.from({ length: 100_000 }, (_, i) => `- item ${i}`).join('\n');
  const cases = [
    ['lectern build, one 4 MB lesson', '6.7-big.md', big],
    ['lectern build, one 100,000-item list', '6.8-list.md', `# Lesson 6.8: A Long List\n\n## Learning Objectives\n\n- List everything\n\n## Key Concepts\n\n${items}\n`],
  ];
  const rows = [];
  for (const [label, name, text] of cases) {
    const dir = join(work, 'hostile', name.replace(/\.md$/, ''));
    mkdirSync(join(dir, 'module-6'), { recursive: true });
    writeFileSync(join(dir, 'module-6', name), text);
    const run = () => measure(node, [lectern, 'build', dir, '--out', join(work, 'hostile-out', name, String(Math.random())), '--quiet']);
    const timed = await run();
    const sampled = await measure(node, [lectern, 'build', dir, '--out', join(work, 'hostile-out', name, 'memory'), '--quiet'], { memory: true });
    const outcome = /too-large/.test(timed.output) ? 'stopped: too-large' : 'built';
    rows.push([label, timed.seconds, sampled.peakMiB, `${outcome}; target ≤ 60 s and 1,024 MiB`]);
  }
  return rows;
}

/**
 * Linearity: `lectern check` (read, parse, extract, lint; no browser, no cache) on one lesson made of
 * the seed's body repeated, at 1×, 2×, 4× and 8× about 54 KB, each exactly twice the one before. Its
 * list items become paragraphs, so the largest stays under the 2,000-item limit. Target: doubling the
 * input about doubles the time (2×; issue 18 measured 3.2× per doubling before the fix).
 */
async function linearityRows() {
  const [head, ...rest] = seed.split('\n## ');
  const body = `\n## ${rest.join('\n## ')}`.replace(/^(\s*)(?:[-*+]|\d+\.)\s+(.*)$/gm, '\n$2\n');
  const copies = Math.ceil((54 * 1024) / body.length);
  const rows = [];
  let previous = null;
  for (const times of [1, 2, 4, 8]) {
    const text = head + body.repeat(copies * times);
    const dir = join(work, 'linear', String(times));
    mkdirSync(join(dir, 'module-6'), { recursive: true });
    writeFileSync(join(dir, 'module-6', '6.7-linear.md'), text);
    const timed = await measure(node, [lectern, 'check', dir, '--out', join(work, 'linear-out', String(times)), '--quiet']);
    const sampled = await measure(node, [lectern, 'check', dir, '--out', join(work, 'linear-out-memory', String(times)), '--quiet'], { memory: true });
    const ratio = previous ? `${(timed.seconds / previous).toFixed(2)}× the half-size lesson (target about 2×)` : '';
    if (/too-large/.test(timed.output)) throw new Error(`the ${times}× lesson is over a limit: the linearity rows would time the stop`);
    rows.push([`lectern check, one lesson of ${Math.round(text.length / 1024)} KB`, timed.seconds, sampled.peakMiB, ratio]);
    previous = timed.seconds;
  }
  return rows;
}

if (hostileOnly) {
  const rows = [...(await hostileRows()), ...(await linearityRows())];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, seconds, mib, note] of rows) console.log(`${label.padEnd(width)}  ${seconds.toFixed(2).padStart(6)} s  ${mib.toFixed(0).padStart(5)} MiB  ${note}`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const courseDir = join(work, 'course');
const shape = generateRealisticCourse(courseDir, scale);
const lessonCount = shape.lessons;
const markdownFiles = shape.lessons + shape.notes + shape.readmes;
console.log(`Lectern benchmark — a course of ${shape.lessons} lessons in ${shape.modules} modules, ${shape.notes} lecture-notes files, ${shape.readmes} READMEs (${markdownFiles} Markdown files), ${shape.mermaid} Mermaid diagrams (BENCH_SCALE ${scale}); ${checkCount} lessons for the large check (${work})\n`);

const gaugeBefore = gauge();
const parallelBefore = parallelGauge();
const baseline = rebuildsOnly ? null : runBaseline();

const out = join(work, 'out');
const build = (dir, extra = [], options = {}) => measure(node, [lectern, 'build', courseDir, '--out', dir, '--quiet', ...extra], options);
// The files the rebuilds edit: a lesson (its fourth, or last), a lecture-notes file and a README, in module 1.
const appendTo = (relativePath, anchor, insert) => (text) => {
  const path = join(courseDir, relativePath);
  const old = readFileSync(path, 'utf8');
  writeFileSync(path, anchor ? old.replace(anchor, `${anchor}${insert(text)}`) : `${old}${insert(text)}`);
};
const edits = {
  lesson: appendTo(shape.lessonFiles[Math.min(3, shape.lessonFiles.length - 1)], '## Common Pitfalls\n', (text) => `- ${text}\n`),
  notes: appendTo(shape.notesFiles[0], null, (text) => `\n${text}: one more paragraph of notes.\n`),
  readme: appendTo(shape.readmeFiles[0], null, (text) => `\n${text}: one more line of overview.\n`),
};

// Times, from runs nothing else watches.
const cold = await build(out);
// Short runs vary more from run to run: the median.
const median = (runs) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
const warmRuns = [await build(out), await build(out), await build(out)];
const warm = median(warmRuns);
const rebuilds = {};
for (const [what, edit] of Object.entries(edits)) {
  const runs = [];
  for (let n = 1; n <= editCount; n++) {
    edit(`Editing, take ${n}`);
    runs.push(await build(out));
  }
  rebuilds[what] = { ...median(runs), runs };
}
const gaugeAfter = gauge();
const parallelAfter = parallelGauge();
const runsOf = (runs) => `runs: ${runs.map((run) => run.seconds.toFixed(2)).join(', ')} s`;
// Rows read the peak memory when printed: filled in by the sampled runs, null without them.
const rebuildRows = () => [
  ['lectern rebuild, nothing changed (median of 3)', warm.seconds, warm.peakMiB, `target ≤ 1 s (${runsOf(warmRuns)})`],
  [`lectern rebuild after editing one lesson (median of ${editCount})`, rebuilds.lesson.seconds, rebuilds.lesson.peakMiB, `target ≤ 3 s (${runsOf(rebuilds.lesson.runs)})`],
  [`lectern rebuild after editing one lecture-notes file (median of ${editCount})`, rebuilds.notes.seconds, rebuilds.notes.peakMiB, `target ≤ 3 s (${runsOf(rebuilds.notes.runs)})`],
  [`lectern rebuild after editing one module README (median of ${editCount})`, rebuilds.readme.seconds, rebuilds.readme.peakMiB, runsOf(rebuilds.readme.runs)],
];
const printRows = (rows) => {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`${'what'.padEnd(width)}  ${'time'.padStart(8)}  ${'peak PSS'.padStart(9)}  vs target`);
  for (const [label, seconds, mib, note] of rows) {
    console.log(`${label.padEnd(width)}  ${seconds.toFixed(2).padStart(6)} s  ${mib == null ? '        -' : `${mib.toFixed(0).padStart(5)} MiB`}  ${note}`);
  }
  console.log(`\nMachine speed gauge (a fixed single-core loop) before and after the builds: ${gaugeBefore} ms, ${gaugeAfter} ms`);
  console.log(`The same loop on every core at once, before and after: ${parallelBefore.join(' and ')} ms, ${parallelAfter.join(' and ')} ms (about the single-core time when the cores are really separate)`);
};
if (rebuildsOnly) {
  printRows([['lectern cold: decks, handouts, both labs', cold.seconds, cold.peakMiB, ''], ...rebuildRows()]);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
const decksOnly = await build(join(work, 'out-decks'), ['--formats', 'deck']);
// The same decks with the editable PPTX as well: what writing it adds, per lesson.
const decksPptx = await build(join(work, 'out-decks-pptx'), ['--formats', 'deck', '--to', 'md,html,pdf,pptx']);

// check on the course itself, cold (no cache yet in its output folder) and warm.
const checkCourse = (dir, options = {}) => measure(node, [lectern, 'check', courseDir, '--out', dir, '--quiet'], options);
// A cold check is short, so three of them (each in a folder of its own), and three warm ones after.
const courseCheckColdRuns = [];
for (let n = 1; n <= 3; n++) courseCheckColdRuns.push(await checkCourse(join(work, `course-check-out-${n}`)));
const courseCheckCold = { ...median(courseCheckColdRuns) };
const courseCheckWarmRuns = [];
for (let n = 1; n <= 3; n++) courseCheckWarmRuns.push(await checkCourse(join(work, 'course-check-out-3')));
const courseCheckWarm = { ...median(courseCheckWarmRuns) };

// check over many lessons: seed-like lessons in modules of ten, until there are `checkCount`.
const checkDir = join(work, 'check');
for (let copy = 0; copy * 80 < checkCount; copy++) {
  generateCourse(join(checkDir, `copy-${copy + 1}`), Math.min(80, checkCount - copy * 80), 0);
}
const check = (dir, options = {}) => measure(node, [lectern, 'check', checkDir, '--out', dir, '--quiet'], options);
const checkCold = await check(join(work, 'check-out'));
const checkWarm = await check(join(work, 'check-out'));
const checked = readdirSync(checkDir).reduce((sum, copy) => sum + readdirSync(join(checkDir, copy)).reduce((s, m) => s + readdirSync(join(checkDir, copy, m)).length, 0), 0);

// Peak memory, from the same runs again in fresh folders, sampled.
const memory = { memory: true };
const outMemory = join(work, 'out-memory');
cold.peakMiB = (await build(outMemory, [], memory)).peakMiB;
warm.peakMiB = (await build(outMemory, [], memory)).peakMiB;
for (const [what, edit] of Object.entries(edits)) {
  edit('Editing during the afternoon');
  rebuilds[what].peakMiB = (await build(outMemory, [], memory)).peakMiB;
}
decksOnly.peakMiB = (await build(join(work, 'out-decks-memory'), ['--formats', 'deck'], memory)).peakMiB;
courseCheckCold.peakMiB = (await checkCourse(join(work, 'course-check-out-memory'), memory)).peakMiB;
courseCheckWarm.peakMiB = (await checkCourse(join(work, 'course-check-out-memory'), memory)).peakMiB;
checkCold.peakMiB = (await check(join(work, 'check-out-memory'), memory)).peakMiB;
checkWarm.peakMiB = (await check(join(work, 'check-out-memory'), memory)).peakMiB;
const hostile = await hostileRows();
const linearity = await linearityRows();

printRows([
  ['marp-cli + mmdc, decks only (baseline)', baseline, null, ''],
  ['lectern cold: decks, handouts, both labs', cold.seconds, cold.peakMiB, `${(cold.seconds / baseline).toFixed(2)}× baseline (target ≤ 0.33×)`],
  ['lectern cold: decks only', decksOnly.seconds, decksOnly.peakMiB, `${(decksOnly.seconds / baseline).toFixed(2)}× baseline`],
  ['lectern cold: decks only, --to md,html,pdf,pptx', decksPptx.seconds, null, `PPTX adds ${(((decksPptx.seconds - decksOnly.seconds) / lessonCount) * 1000).toFixed(0)} ms a lesson (target well under 1 s)`],
  ...rebuildRows(),
  [`lectern check, the course (${markdownFiles} files), cold (median of 3)`, courseCheckCold.seconds, courseCheckCold.peakMiB, `target ≤ 3 s (${runsOf(courseCheckColdRuns)})`],
  [`lectern check, the course (${markdownFiles} files), warm (median of 3)`, courseCheckWarm.seconds, courseCheckWarm.peakMiB, runsOf(courseCheckWarmRuns)],
  [`lectern check, ${checked} files, cold`, checkCold.seconds, checkCold.peakMiB, ''],
  [`lectern check, ${checked} files, warm`, checkWarm.seconds, checkWarm.peakMiB, 'target < 2 s'],
  ...hostile,
  ...linearity,
]);
const peaks = [cold, warm, ...Object.values(rebuilds), decksOnly, courseCheckCold, courseCheckWarm, checkCold, checkWarm].map((run) => run.peakMiB);
const peak = Math.max(...peaks, ...hostile.map((row) => row[2]));
console.log(`\nPeak memory of any Lectern run (PSS of the process tree, Chromium included): ${peak.toFixed(0)} MiB (target ≤ 1024 MiB)`);
if (!keep) rmSync(work, { recursive: true, force: true });
