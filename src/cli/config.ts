/**
 * `lectern.config.json` / `.yaml`: the same settings as the flags; flags win over it.
 * A mistake is a usage error (exit 2) naming the file, the line and the key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { UsageError } from '../errors.js';
import { formats, outputTypes, papers, handoutStyles, pptxStyles, reporters, type CliOptions } from './args.js';

const CANDIDATES = ['lectern.config.json', 'lectern.config.yaml', 'lectern.config.yml'];

type Check = (value: unknown, key: string) => unknown;

const list = (allowed: readonly string[]): Check => (value, key) => {
  const items = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
  if (!Array.isArray(items) || items.length === 0 || !items.every((item) => typeof item === 'string' && allowed.includes(item))) {
    throw new Error(`"${key}" must be a list of ${allowed.join(', ')}`);
  }
  return [...new Set(items as string[])];
};
const one = (allowed: readonly string[]): Check => (value, key) => {
  if (typeof value !== 'string' || !allowed.includes(value)) throw new Error(`"${key}" must be one of ${allowed.join(', ')}`);
  return value;
};
const text: Check = (value, key) => {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`"${key}" must be a non-empty string`);
  return value;
};
const flag: Check = (value, key) => {
  if (typeof value !== 'boolean') throw new Error(`"${key}" must be true or false`);
  return value;
};

const KEYS: Record<string, [keyof CliOptions, Check]> = {
  out: ['out', text],
  title: ['title', text],
  formats: ['formats', list(formats)],
  to: ['to', list(outputTypes)],
  templates: ['templates', text],
  theme: ['theme', text],
  paper: ['paper', one(papers)],
  handoutStyle: ['handoutStyle', one(handoutStyles)],
  'handout-style': ['handoutStyle', one(handoutStyles)],
  pptxStyle: ['pptxStyle', one(pptxStyles)],
  'pptx-style': ['pptxStyle', one(pptxStyles)],
  concurrency: [
    'concurrency',
    (value, key) => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error(`"${key}" must be a whole number of 1 or more`);
      return value;
    },
  ],
  timeout: [
    'timeout',
    (value, key) => {
      if (typeof value !== 'number' || !(value > 0)) throw new Error(`"${key}" must be a number of seconds above 0`);
      return value;
    },
  ],
  cache: ['cache', flag],
  reporter: ['reporter', one(reporters)],
  quiet: ['quiet', flag],
  pdfNotes: ['pdfNotes', flag],
  handoutNotes: ['handoutNotes', flag],
  paths: ['paths' as keyof CliOptions, (value, key) => {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`"${key}" must be a list of paths`);
    return value;
  }],
  // Which pages are lessons and which documents, whatever Lectern would guess (issue 19).
  lessons: ['lessons' as keyof CliOptions, globs],
  documents: ['documents' as keyof CliOptions, globs],
};

function globs(value: unknown, key: string): string[] {
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'string' && item.trim() !== '')) {
    throw new Error(`"${key}" must be a list of globs relative to the course folder, like ["_2020/*.md"]`);
  }
  return items as string[];
}

/** The settings a config file may hold: the flags, plus course folders and which pages are lessons. */
export type ConfigOptions = CliOptions & { paths?: string[]; lessons?: string[]; documents?: string[] };

export interface LoadedConfig {
  path: string | null;
  options: ConfigOptions;
}

/** Finds and validates the config file (the one given, or one in `cwd`); none is fine. */
export function loadConfig(cwd: string, given?: string): LoadedConfig {
  const path = given ? resolve(cwd, given) : CANDIDATES.map((name) => resolve(cwd, name)).find((candidate) => existsSync(candidate));
  if (!path) return { path: null, options: {} };
  if (!existsSync(path)) throw new UsageError(`config file not found: ${given}`);
  const source = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const at = lineCounter.linePos(error.pos[0]);
    throw new UsageError(`${given ?? path}:${at.line}:${at.col}: invalid config: ${error.message.split('\n')[0]}`);
  }
  const data = document.toJS() as unknown;
  if (data === null || data === undefined) return { path, options: {} };
  if (typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`${given ?? path}: the config must be a mapping of settings`);
  const options: LoadedConfig['options'] = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const spec = KEYS[key];
    const pair = document.contents && 'items' in document.contents
      ? (document.contents.items as Array<{ key: { value?: unknown; range?: [number, number, number] } }>).find((item) => item.key?.value === key)
      : undefined;
    const line = pair?.key?.range ? lineCounter.linePos(pair.key.range[0]).line : 1;
    if (!spec) throw new UsageError(`${given ?? path}:${line}: unknown setting "${key}"; known: ${Object.keys(KEYS).join(', ')}`);
    try {
      (options as Record<string, unknown>)[spec[0]] = spec[1](value, key);
    } catch (error) {
      throw new UsageError(`${given ?? path}:${line}: ${(error as Error).message}`);
    }
  }
  return { path, options };
}
