/**
 * The command-line parser: `lectern [COMMAND] [PATH...] [OPTIONS]`, with `--opt value` and
 * `--opt=value` forms and `--` ending the options. Options given stay `undefined` when absent, so
 * a config file can fill them in (flags win over config).
 */
import { UsageError } from '../errors.js';
import { parseShard, type Shard } from '../orchestrate/shard.js';

export const formats = ['deck', 'handout', 'lab'] as const;
export const outputTypes = ['md', 'html', 'pdf', 'pptx'] as const;
export const papers = ['a4', 'letter'] as const;
export const handoutStyles = ['document', 'slides'] as const;
export const pptxStyles = ['editable', 'pictures'] as const;
export const reporters = ['pretty', 'json'] as const;

export type Format = (typeof formats)[number];
export type OutputType = (typeof outputTypes)[number];
export type Paper = (typeof papers)[number];
export type HandoutStyle = (typeof handoutStyles)[number];
export type PptxStyle = (typeof pptxStyles)[number];
export type Reporter = (typeof reporters)[number];

export interface CliOptions {
  out?: string;
  formats?: Format[];
  to?: OutputType[];
  templates?: string;
  theme?: string;
  paper?: Paper;
  handoutStyle?: HandoutStyle;
  /** `--pptx-style`: native editable slides, or one picture per slide. */
  pptxStyle?: PptxStyle;
  config?: string;
  concurrency?: number;
  /** Seconds any one browser call may take (`--timeout`). */
  timeout?: number;
  /** false with `--no-cache`. */
  cache?: boolean;
  reporter?: Reporter;
  quiet?: boolean;
  json?: boolean;
  /** Speaker notes in the deck PDF (`--pdf-notes`). */
  pdfNotes?: boolean;
  /** Speaker notes beside the slides of the slides-style handout (`--handout-notes`); off, they are for instructors. */
  handoutNotes?: boolean;
  /** `new --workshop`: scaffold a workshop plan instead of a lesson. */
  workshop?: boolean;
  /** This job's part of the course (`--shard i/n`, build only). */
  shard?: Shard;
  /** Port of `lectern serve` (0 picks a free one). */
  port?: number;
  /** The course's name (config `title` only): on every slide footer, handout header and the index. */
  title?: string;
}

export interface ParsedArgs {
  /** The first word that is not an option, if any. */
  command: string | undefined;
  /** The words after the command (paths, a title, a file). */
  positionals: string[];
  options: CliOptions;
  help: boolean;
  version: boolean;
}

type Setter = (options: CliOptions, value: string, flag: string) => void;

interface OptionSpec {
  /** Placeholder shown in help; absent for flags that take no value. */
  value?: string;
  description: string;
  /** Flags without a value are called with an empty value. */
  set: Setter;
}

function oneOf<T extends string>(allowed: readonly T[], value: string, flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function listOf<T extends string>(allowed: readonly T[], value: string, flag: string): T[] {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) throw new UsageError(`${flag} needs at least one of ${allowed.join(', ')}`);
  return [...new Set(items.map((item) => oneOf(allowed, item, flag)))];
}

function nonEmpty(value: string, flag: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs a non-empty value`);
  return value;
}

/** Every option, by its long name. The order is the order of `--help`. */
export const optionSpecs: Record<string, OptionSpec> = {
  out: { value: 'DIR', description: 'write the output here (default output/)', set: (o, v, f) => (o.out = nonEmpty(v, f)) },
  formats: {
    value: 'LIST',
    description: `documents to make: ${formats.join(',')} (default all)`,
    set: (o, v, f) => (o.formats = listOf(formats, v, f)),
  },
  to: {
    value: 'LIST',
    description: `files to write: ${outputTypes.join(',')} (default md,html,pdf)`,
    set: (o, v, f) => (o.to = listOf(outputTypes, v, f)),
  },
  templates: { value: 'DIR', description: 'templates that override the defaults by file name', set: (o, v, f) => (o.templates = nonEmpty(v, f)) },
  theme: { value: 'NAME|FILE.css', description: 'deck and handout theme', set: (o, v, f) => (o.theme = nonEmpty(v, f)) },
  paper: { value: 'a4|letter', description: 'paper size of the PDFs', set: (o, v, f) => (o.paper = oneOf(papers, v, f)) },
  'handout-style': {
    value: 'document|slides',
    description: 'handout as a flowing document or as slides with notes',
    set: (o, v, f) => (o.handoutStyle = oneOf(handoutStyles, v, f)),
  },
  'pptx-style': {
    value: 'editable|pictures',
    description: 'PPTX as editable slides (default) or one picture per slide',
    set: (o, v, f) => (o.pptxStyle = oneOf(pptxStyles, v, f)),
  },
  config: { value: 'FILE', description: 'config file (default lectern.config.json or .yaml)', set: (o, v, f) => (o.config = nonEmpty(v, f)) },
  concurrency: {
    value: 'N',
    description: 'lessons built at once',
    set: (o, v, f) => {
      if (!/^\d+$/.test(v.trim()) || Number(v) < 1) throw new UsageError(`${f} must be a whole number of 1 or more (got "${v}")`);
      o.concurrency = Number(v);
    },
  },
  timeout: {
    value: 'SECONDS',
    description: 'longest any one browser step may take (default 60)',
    set: (o, v, f) => {
      if (!/^\d+(?:\.\d+)?$/.test(v.trim()) || Number(v) <= 0) throw new UsageError(`${f} must be a number of seconds above 0 (got "${v}")`);
      o.timeout = Number(v);
    },
  },
  'pdf-notes': { description: 'add the speaker notes to the deck PDF', set: (o) => (o.pdfNotes = true) },
  'handout-notes': { description: 'print the speaker notes beside each slide of the slides-style handout', set: (o) => (o.handoutNotes = true) },
  'no-cache': { description: 'rebuild everything, ignoring the cache', set: (o) => (o.cache = false) },
  reporter: { value: 'pretty|json', description: 'how diagnostics are printed', set: (o, v, f) => (o.reporter = oneOf(reporters, v, f)) },
  quiet: { description: 'print errors only', set: (o) => (o.quiet = true) },
  json: { description: 'machine-readable output (inspect, check)', set: (o) => (o.json = true) },
  workshop: { description: 'new: write a commented workshop.yaml instead of a lesson', set: (o) => (o.workshop = true) },
  shard: { value: 'i/n', description: 'build only the i-th of n stable parts of the course (CI matrix)', set: (o, v, f) => (o.shard = parseShard(v, f)) },
  port: {
    value: 'N',
    description: 'port for serve (default 4300, or a free one if taken)',
    set: (o, v, f) => {
      if (!/^\d+$/.test(v.trim()) || Number(v) > 65535) throw new UsageError(`${f} must be a port number from 0 to 65535 (got "${v}")`);
      o.port = Number(v);
    },
  },
};

/** Edit distance, to suggest the option the user probably meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function unknownOption(flag: string): UsageError {
  const name = flag.replace(/^-+/, '');
  const names = [...Object.keys(optionSpecs), 'help', 'version'];
  const best = names
    .map((candidate) => ({ candidate, cost: distance(name, candidate) }))
    .sort((a, b) => a.cost - b.cost)[0];
  const hint = best && best.cost <= 2 && name.length > 1 ? `; did you mean --${best.candidate}?` : '';
  return new UsageError(`unknown option ${flag}${hint}`);
}

/** Parses `argv` (without the node executable and script); throws `UsageError` on bad input. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { command: undefined, positionals: [], options: {}, help: false, version: false };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      parsed.help = true;
      continue;
    }
    if (arg === '--version') {
      parsed.version = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw unknownOption(arg);
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const flag = `--${name}`;
    const spec = Object.hasOwn(optionSpecs, name) ? optionSpecs[name] : undefined;
    if (!spec) throw unknownOption(flag);
    if (spec.value === undefined) {
      if (equals !== -1) throw new UsageError(`${flag} does not take a value`);
      spec.set(parsed.options, '', flag);
      continue;
    }
    let value: string;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value (${spec.value})`);
      value = next;
      i++;
    }
    spec.set(parsed.options, value, flag);
  }
  parsed.command = words[0];
  parsed.positionals = words.slice(1);
  return parsed;
}
