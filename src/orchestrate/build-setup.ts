/**
 * What a build reads before any lesson: that the output folder can be written, the templates (the
 * defaults, overridden by a user's folder) and the theme, built in or a user's CSS file. Each
 * problem is a usage or environment error that names what to change.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { EnvironmentError, UsageError } from '../errors.js';
import { loadTemplateSources, defaultTemplatesDir } from '../output/template-files.js';
import { compileTemplates } from '../render/templates.js';
import type { Theme } from './documents.js';

/** Creates the output folder and proves a file can be written in it. */
export async function ensureWritable(outRoot: string): Promise<void> {
  try {
    await mkdir(outRoot, { recursive: true });
    const probe = join(outRoot, `.lectern-write-test-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    throw new EnvironmentError(`Cannot write to the output folder ${outRoot}: ${(error as Error).message.split('\n')[0]}. Choose another with --out.`, { cause: error });
  }
}

/** The template sources and assets (defaults, then `dir` over them), and the templates compiled. */
export function loadTemplates(dir: string | undefined, cwd: string) {
  const dirs = [defaultTemplatesDir];
  if (dir) {
    const custom = resolve(cwd, dir);
    if (!statSync(custom, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`templates folder not found: ${dir}`);
    dirs.push(custom);
  }
  const { templates: sources, assets } = loadTemplateSources(dirs);
  return { sources, assets, compiled: compileTemplates(sources) };
}

/** The deck theme: a built-in theme by name, or a CSS file with its Marp `@theme` name. */
export async function loadTheme(theme: string | undefined, cwd: string, assets: Record<string, string>): Promise<Theme> {
  const name = theme ?? 'lectern';
  if (/\.css$/i.test(name)) {
    const path = resolve(cwd, name);
    if (!existsSync(path)) throw new UsageError(`theme file not found: ${name}`);
    const css = await readFile(path, 'utf8');
    const declared = /@theme\s+([\w-]+)/.exec(css)?.[1];
    if (!declared) throw new UsageError(`theme file ${name} has no "/* @theme name */" comment, which Marp needs`);
    return { name: declared, css, builtIn: [assets['themes/lectern.css'] ?? ''] };
  }
  const css = assets[`themes/${name}.css`];
  if (css === undefined) {
    const known = Object.keys(assets).filter((a) => a.startsWith('themes/')).map((a) => a.slice(7, -4));
    throw new UsageError(`unknown theme "${name}"; use one of ${known.join(', ')} or a .css file`);
  }
  return { name, css, builtIn: [] };
}
