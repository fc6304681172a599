/**
 * Where is Chromium? CHROME_PATH, then the path `npm run setup` recorded, then the usual names:
 * Chromium's headless shell first (Debian's `chromium-headless-shell`), which starts and prints
 * with half the CPU of the full browser in its headless mode, then Chromium and Chrome.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FindChromeOptions {
  /** Environment to read CHROME_PATH and PATH from; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The JSON file written by `npm run setup`; defaults to `<package root>/node_modules/.lectern-env.json`. */
  envFile?: string;
  /** Absolute paths or PATH names tried last, in order; defaults to Chromium's and Chrome's usual ones. */
  fallbacks?: readonly string[];
}

// src/browser/find-chrome.ts and dist/browser/find-chrome.js both sit two folders below the package root.
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The env file that `scripts/setup.mjs` writes with the Chromium it resolved. */
export const defaultEnvFile = join(packageRoot, 'node_modules', '.lectern-env.json');

const defaultFallbacks = [
  '/usr/bin/chromium-headless-shell',
  'chromium-headless-shell',
  'chrome-headless-shell',
  '/usr/bin/chromium',
  'chromium',
  'google-chrome',
  'chromium-browser',
  'google-chrome-stable',
];

/** Whether `executablePath` is Chromium's headless shell, which Puppeteer launches in its own mode. */
export function isHeadlessShell(executablePath: string): boolean {
  return /(?:^|[\\/])(?:chromium|chrome)[-_]headless[-_]shell(?:\.exe)?$/i.test(executablePath);
}

/** Returns the Chromium executable to launch, or null when there is none. */
export function findChrome(options: FindChromeOptions = {}): string | null {
  const env = options.env ?? process.env;

  // An explicit choice wins even when it is broken: launching it then fails with a clear cause,
  // instead of silently running some other browser.
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) return fromEnv;

  const recorded = readRecordedPath(options.envFile ?? defaultEnvFile);
  if (recorded && isExecutableFile(recorded)) return recorded;

  for (const name of options.fallbacks ?? defaultFallbacks) {
    const found = isAbsolute(name) ? (isExecutableFile(name) ? name : null) : onPath(name, env.PATH ?? '');
    if (found) return found;
  }
  return null;
}

function readRecordedPath(file: string): string | null {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const chromePath = (data as { chromePath?: unknown } | null)?.chromePath;
    return typeof chromePath === 'string' && chromePath !== '' ? chromePath : null;
  } catch {
    // Missing (setup has not run yet) or unreadable: fall through to the usual names.
    return null;
  }
}

function onPath(name: string, pathVariable: string): string | null {
  for (const dir of pathVariable.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
