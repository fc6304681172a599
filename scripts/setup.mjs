#!/usr/bin/env node
// Lectern setup: makes a fresh clone runnable. Plain Node ESM with no dependencies, because it
// runs before `npm ci`. Idempotent and quiet when nothing is missing.
//
//   1. npm ci            when node_modules is missing or package-lock.json changed
//   2. tsc + bundle      when dist/ is missing or anything under src/ is newer than the stamp
//                        (dist/ for the library, dist/bundle/ for the CLI, see scripts/bundle.mjs)
//   3. system tools      Chromium, pdftotext and fonts; apt-get installs them when run as root,
//                        and Chromium's headless shell beside Debian's Chromium (faster; optional)
//   4. env file          node_modules/.lectern-env.json with the resolved Chromium path
//   5. LibreOffice       only with --libreoffice (npm test): Debian's libreoffice-impress, which
//                        the editable-PPTX rendering test needs; large, so never for npm start.
//                        When it cannot be installed, one line says so and that test is skipped.
//
// Usage: node scripts/setup.mjs [--verbose] [--libreoffice]
// Exit status: 0 ready, 1 npm ci or tsc failed, 3 environment problem (one line says what to do).

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync,
  statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const started = Date.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const wantsLibreOffice = process.argv.includes('--libreoffice');
const done = [];

const log = (msg) => console.log(`lectern setup: ${msg}`);
const debug = (msg) => { if (verbose) log(msg); };
const p = (...parts) => join(root, ...parts);

function mtimeMs(file) {
  try { return statSync(file).mtimeMs; } catch { return null; }
}

function fail(code, line) {
  console.error(`lectern: ${line}`);
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// 1. Dependencies
function ensureDependencies() {
  const lock = mtimeMs(p('package-lock.json'));
  const installed = mtimeMs(p('node_modules', '.package-lock.json'));
  let reason = null;
  if (!existsSync(p('node_modules'))) reason = 'node_modules is missing';
  else if (installed === null) reason = 'node_modules/.package-lock.json is missing';
  else if (lock !== null && lock > installed) reason = 'package-lock.json changed';
  if (!reason) { debug('dependencies are up to date'); return; }

  log(`${reason}; running npm ci`);
  const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  if (res.error) fail(3, `could not run npm (${res.error.message}). Install Node.js 20+ with npm.`);
  if (res.status !== 0) fail(1, `npm ci failed (exit ${res.status ?? res.signal}); see above.`);
  done.push('installed dependencies');
}

// ---------------------------------------------------------------------------------------------
// 2. TypeScript build and the CLI bundle
// True when any file or folder under dir (folders too, so deletions count) is newer than ms.
function newerThan(dir, ms) {
  let entries;
  try {
    if (statSync(dir).mtimeMs > ms) return true;
    entries = readdirSync(dir, { withFileTypes: true });
  } catch { return false; }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (newerThan(full, ms)) return true;
    } else if ((mtimeMs(full) ?? 0) > ms) {
      return true;
    }
  }
  return false;
}

function ensureBuild() {
  const stampFile = p('dist', '.build-stamp');
  const stamp = mtimeMs(stampFile);
  let reason = null;
  if (!existsSync(p('dist'))) reason = 'dist/ is missing';
  else if (stamp === null) reason = 'no build stamp';
  else if (newerThan(p('src'), stamp)) reason = 'src/ changed';
  else if ((mtimeMs(p('tsconfig.json')) ?? 0) > stamp) reason = 'tsconfig.json changed';
  else if ((mtimeMs(p('scripts', 'bundle.mjs')) ?? 0) > stamp) reason = 'scripts/bundle.mjs changed';
  else if (!existsSync(p('dist', 'bundle', 'main.js'))) reason = 'the CLI bundle is missing';
  else if ((mtimeMs(p('node_modules', '.package-lock.json')) ?? 0) > stamp) {
    reason = 'dependencies changed';
  }
  if (!reason) { debug('build is up to date'); return; }

  const tsc = p('node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) fail(1, 'TypeScript is not installed; run "npm ci" and try again.');
  debug(`${reason}; compiling TypeScript`);
  // Start from an empty dist/ so that files compiled from deleted sources do not linger.
  rmSync(p('dist'), { recursive: true, force: true });
  const res = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) {
    process.stderr.write(res.stdout ?? '');
    process.stderr.write(res.stderr ?? '');
    fail(1, 'TypeScript build failed (errors above).');
  }
  mkdirSync(p('dist'), { recursive: true });
  const bundled = spawnSync(process.execPath, [p('scripts', 'bundle.mjs')], { cwd: root, encoding: 'utf8' });
  if (bundled.status !== 0) {
    process.stderr.write(bundled.stdout ?? '');
    process.stderr.write(bundled.stderr ?? '');
    fail(1, 'Bundling the CLI failed (errors above).');
  }
  writeFileSync(stampFile, `${new Date().toISOString()}\n`);
  done.push('built dist/');
}

// ---------------------------------------------------------------------------------------------
// 3. System tools
function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch { return false; }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const full = join(dir, name);
    if (isExecutableFile(full)) return full;
  }
  return null;
}

// Chromium's headless shell (Debian's chromium-headless-shell) comes first: it starts and prints
// with half the CPU of the full browser's headless mode (2.6 against 4.7 CPU-s for a handout and two
// lab sheets here), and it draws the same PDFs.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

function findChromium() {
  const candidates = [HEADLESS_SHELL, '/usr/bin/chromium'];
  if (process.platform === 'darwin') {
    candidates.push('/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  }
  for (const file of candidates) if (isExecutableFile(file)) return file;
  for (const name of ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name);
    if (found) return found;
  }
  return null;
}

const EMOJI_FONT_FILES = [
  '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf',
  '/usr/share/fonts/noto/NotoColorEmoji.ttf',
  '/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf',
  '/usr/share/fonts/noto-emoji/NotoColorEmoji.ttf',
];

function hasEmojiFont() {
  if (EMOJI_FONT_FILES.some((f) => existsSync(f))) return true;
  if (!onPath('fc-list')) return false;
  const res = spawnSync('fc-list', [':family=Noto Color Emoji', 'family'], { encoding: 'utf8' });
  return res.status === 0 && /noto color emoji/i.test(res.stdout ?? '');
}

function hasDejaVu() {
  const dir = '/usr/share/fonts/truetype/dejavu';
  try { return readdirSync(dir).some((f) => /\.ttf$/i.test(f)); } catch { return false; }
}

// Returns { chromePath, missing: [{ what, pkg }] }.
function probeSystem() {
  const missing = [];
  let chromePath = null;
  const envChrome = process.env.CHROME_PATH;
  if (envChrome) {
    if (!isExecutableFile(envChrome)) {
      fail(3, `CHROME_PATH=${envChrome} is not an executable file. Point it at Chromium or Chrome, `
        + 'or unset it.');
    }
    chromePath = envChrome;
  } else {
    chromePath = findChromium();
    if (!chromePath) missing.push({ what: 'Chromium', pkg: 'chromium' });
  }
  if (!onPath('pdftotext')) missing.push({ what: 'pdftotext', pkg: 'poppler-utils' });
  if (process.platform === 'linux') {
    if (!hasDejaVu()) missing.push({ what: 'DejaVu fonts', pkg: 'fonts-dejavu-core' });
    if (!hasEmojiFont()) {
      missing.push({ what: 'Noto Color Emoji font', pkg: 'fonts-noto-color-emoji' });
    }
  }
  return { chromePath, missing };
}

let aptUpdated = false;

function aptInstall(pkgs) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    log(`apt-get ${args.join(' ')}`);
    const res = spawnSync('apt-get', args, { stdio: 'inherit', env });
    return res.status === 0;
  };
  if (!aptUpdated && !run(['update'])) return false;
  aptUpdated = true;
  return run(['install', '-y', '--no-install-recommends', ...pkgs]);
}

function describeMissing(missing) {
  const names = missing.map((m) => m.what);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  const pkgs = missing.map((m) => m.pkg).join(' ');
  const orEnv = missing.some((m) => m.pkg === 'chromium') ? ' or set CHROME_PATH' : '';
  return `${list} not found. Install ${names.length > 1 ? 'them' : 'it'} `
    + `(Debian/Ubuntu: apt-get install ${pkgs})${orEnv}.`;
}

function canApt() {
  return process.platform === 'linux' && typeof process.getuid === 'function'
    && process.getuid() === 0 && onPath('apt-get') !== null;
}

function ensureSystem() {
  let { chromePath, missing } = probeSystem();
  if (missing.length > 0) {
    const pkgs = missing.map((m) => m.pkg);
    if (!canApt()) fail(3, describeMissing(missing));
    log(`missing ${missing.map((m) => m.what).join(', ')}; installing ${pkgs.join(' ')}`);
    const ok = aptInstall(pkgs);
    ({ chromePath, missing } = probeSystem());
    if (!ok || missing.length > 0) {
      fail(3, missing.length > 0 ? describeMissing(missing)
        : `apt-get install ${pkgs.join(' ')} failed; see above.`);
    }
    done.push(`installed ${pkgs.join(' ')}`);
  }
  // The headless shell is only faster, never needed: when it cannot be installed, Chromium is used.
  if (!process.env.CHROME_PATH && chromePath === '/usr/bin/chromium' && canApt()) {
    log('installing chromium-headless-shell (Chromium for printing, with half the CPU)');
    if (aptInstall(['chromium-headless-shell']) && isExecutableFile(HEADLESS_SHELL)) {
      chromePath = HEADLESS_SHELL;
      done.push('installed chromium-headless-shell');
    } else {
      log('chromium-headless-shell could not be installed; Lectern uses Chromium itself (slower to start)');
    }
  }
  debug(`browser: ${chromePath}`);
  return chromePath;
}

// ---------------------------------------------------------------------------------------------
// 4. Environment file for the app
function writeEnvFile(chromePath) {
  const file = p('node_modules', '.lectern-env.json');
  const text = `${JSON.stringify({ chromePath }, null, 2)}\n`;
  let current = null;
  try { current = readFileSync(file, 'utf8'); } catch { /* not written yet */ }
  if (current === text) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  done.push(`Chromium at ${chromePath}`);
}

// ---------------------------------------------------------------------------------------------
// 5. LibreOffice, for the test that renders the editable PPTX. Optional: never fails the setup.
function ensureLibreOffice() {
  if (onPath('soffice') || onPath('libreoffice')) { debug('LibreOffice is installed'); return; }
  const skip = 'the LibreOffice rendering test of the PPTX will be skipped';
  if (!canApt()) {
    log(`LibreOffice (soffice) not found and apt-get is not usable here; ${skip}. `
      + 'Install it with: apt-get install libreoffice-impress');
    return;
  }
  log('LibreOffice (soffice) not found; installing libreoffice-impress (large: only for the tests)');
  if (!aptInstall(['libreoffice-impress']) || !(onPath('soffice') || onPath('libreoffice'))) {
    log(`apt-get install libreoffice-impress failed; ${skip}`);
    return;
  }
  done.push('installed libreoffice-impress');
}

// ---------------------------------------------------------------------------------------------
ensureDependencies();
ensureBuild();
const chromePath = ensureSystem();
writeEnvFile(chromePath);
if (wantsLibreOffice) ensureLibreOffice();

const ms = Date.now() - started;
if (done.length > 0) log(`${done.join(', ')} (${(ms / 1000).toFixed(1)} s)`);
else debug(`everything up to date (${ms} ms)`);
