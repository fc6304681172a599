// Runs the real CLI (bin/lectern.js → dist/bundle/) and reads PDFs back with poppler, for end-to-end tests.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'lectern.js');

/** Compiles src/ into dist/ and bundles the CLI (what bin/lectern.js runs) when either is older than any source file. */
export function ensureBuilt(): void {
  const stamp = join(root, 'dist', 'bundle', 'main.js');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const path = join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest(join(root, 'src'))) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { stdio: 'inherit' });
}

/** A long-running command (`watch`, `serve`) and what it has printed so far. */
export interface LongRun {
  readonly child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves to the exit code (null after a signal). */
  readonly exited: Promise<number | null>;
  /** Waits until `what()` holds; fails with the output so far after `ms`. */
  waitFor(what: () => boolean, label: string, ms?: number): Promise<void>;
  /** Kills the process if it is still running. */
  stop(): Promise<void>;
}

/** Starts `lectern ARGS` in `cwd` (as in CI, without colour) and keeps its output. */
export function startLectern(args: string[], cwd: string): LongRun {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    async waitFor(what, label, ms = 60_000) {
      const until = Date.now() + ms;
      while (!what()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${label}\nstdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** `lectern …args` in `cwd`, as a user would run it (no TTY, CI-style output); stopped after `timeout` ms (status -1). */
export function lectern(args: string[], cwd: string, env: Record<string, string> = {}, timeout = 300_000): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env },
    timeout,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The PDF's text. `raw` keeps the order the text was drawn in (document order for Chromium's PDFs),
 * so lines of side-by-side columns do not interleave.
 */
export function pdfText(path: string, options: { raw?: boolean } = {}): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...(options.raw ? ['-raw'] : []), path, '-'], { encoding: 'utf8' });
}

export interface PdfInfo {
  pages: number;
  /** Points. */
  width: number;
  height: number;
  title: string;
  author: string;
}

export function pdfInfo(path: string): PdfInfo {
  const fields = pdfFields(path);
  const field = (name: string) => fields[name] ?? '';
  const size = /^([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  return { pages: Number(field('Pages')), width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), title: field('Title'), author: field('Author') };
}

/** Every field pdfinfo prints ("Title", "Page size", …), by name. */
export function pdfFields(path: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', [path], { encoding: 'utf8' }).split('\n')) {
    const at = line.indexOf(':');
    if (at > 0 && !(line.slice(0, at) in fields)) fields[line.slice(0, at)] = line.slice(at + 1).trim();
  }
  return fields;
}

/** Text of one page (1-based). */
export function pdfPageText(path: string, page: number): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
}
