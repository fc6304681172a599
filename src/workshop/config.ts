/**
 * `workshop.yaml`: reads and validates a workshop plan. Every mistake is reported with the line and
 * column of the YAML node it is about (the `yaml` package's ranges and LineCounter), all at once.
 *
 * The schema is the table `FIELDS` below: one reader per key. Pure: paths are only read here, the
 * caller checks that they exist (see `workshop.ts`).
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { formatClock, parseClock, parseDuration } from './time.js';
import { minutesText } from '../render/print-document.js';

export interface ConfigError {
  line: number;
  column: number;
  message: string;
}

/** A lesson file or a module folder to teach, with the times the plan sets for it. */
export interface LessonEntry {
  /** As written, relative to the YAML file. */
  path: string;
  /** Minutes that replace the lesson's own (or estimated) teaching and exercise times. */
  teaching: number | null;
  exercises: number | null;
  /** A title for the agenda instead of the lesson's own. */
  title: string | null;
  line: number;
  column: number;
}

export interface BreakEntry {
  kind: 'break' | 'lunch';
  /** Minutes after midnight. */
  at: number;
  minutes: number;
  title: string;
  line: number;
}

export interface WorkshopConfig {
  title: string;
  date: string | null;
  venue: string | null;
  /** Who the workshop is for, in words. */
  audience: string | null;
  /** How many people attend: copies to print. */
  participants: number | null;
  facilitators: string[];
  /** Minutes after midnight. */
  start: number;
  /** The time the plan must fit in, from `slot:` or `end:`; null when neither is given. */
  slot: { minutes: number; line: number } | null;
  /** Minutes per slide when a lesson gives no teaching time. */
  minutesPerSlide: number;
  lessons: LessonEntry[];
  /** Breaks and lunch, by clock time. */
  breaks: BreakEntry[];
}

export const DEFAULT_MINUTES_PER_SLIDE = 2;

type Errors = ConfigError[];

interface Reader<T> {
  (node: Node | null, at: Place, errors: Errors): T | undefined;
}

/** Where a value sits, for messages: its key path (`lessons[2].teaching`) and its position. */
interface Place {
  key: string;
  pos: (node: Node | null | undefined) => { line: number; column: number };
  fallback: { line: number; column: number };
}

function fail(errors: Errors, node: Node | null, at: Place, message: string): undefined {
  const { line, column } = node ? at.pos(node) : at.fallback;
  errors.push({ line, column, message });
  return undefined;
}

function scalarValue(node: Node | null): unknown {
  return isScalar(node) ? node.value : undefined;
}

const text: Reader<string> = (node, at, errors) => {
  const value = scalarValue(node);
  if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '') {
    return fail(errors, node, at, `${at.key} must be text`);
  }
  return String(value).trim();
};

const clock: Reader<number> = (node, at, errors) => {
  const value = scalarValue(node);
  const minutes = typeof value === 'string' ? parseClock(value) : null;
  if (minutes === null) return fail(errors, node, at, `${at.key} must be a clock time such as "09:00" (got ${shown(node)})`);
  return minutes;
};

const duration: Reader<number> = (node, at, errors) => {
  const value = scalarValue(node);
  const minutes = typeof value === 'string' || typeof value === 'number' ? parseDuration(value) : null;
  if (minutes === null || minutes <= 0) {
    return fail(errors, node, at, `${at.key} must be a duration such as 6h, "6h30", 90min or a number of minutes (got ${shown(node)})`);
  }
  return minutes;
};

/** Minutes that may be zero ("no exercises"). */
const minutes: Reader<number> = (node, at, errors) => {
  const value = scalarValue(node);
  const parsed = typeof value === 'string' || typeof value === 'number' ? parseDuration(value) : null;
  if (parsed === null) return fail(errors, node, at, `${at.key} must be a number of minutes or a duration such as 45min (got ${shown(node)})`);
  return Math.round(parsed);
};

const count: Reader<number> = (node, at, errors) => {
  const value = scalarValue(node);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return fail(errors, node, at, `${at.key} must be a whole number of 1 or more (got ${shown(node)})`);
  return value;
};

const positive: Reader<number> = (node, at, errors) => {
  const value = scalarValue(node);
  if (typeof value !== 'number' || !(value > 0)) return fail(errors, node, at, `${at.key} must be a number above 0 (got ${shown(node)})`);
  return value;
};

const names: Reader<string[]> = (node, at, errors) => {
  if (isSeq(node)) {
    const items = node.items.map((item, index) => text(item as Node, { ...at, key: `${at.key}[${index + 1}]` }, errors));
    return items.filter((item): item is string => item !== undefined);
  }
  const one = text(node, at, errors);
  return one === undefined ? undefined : [one];
};

function shown(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const value = scalarValue(node);
  return value === null ? 'nothing' : JSON.stringify(value);
}

/** Reads a mapping by a table of readers; unknown keys are errors with a suggestion. */
function readMap<T extends Record<string, unknown>>(
  map: YAMLMap,
  fields: { [K in keyof T]: Reader<T[K]> },
  at: Place,
  errors: Errors,
): { values: Partial<T>; pairs: Map<string, Pair> } {
  const values: Partial<T> = {};
  const pairs = new Map<string, Pair>();
  const known = Object.keys(fields);
  for (const pair of map.items as Pair[]) {
    const keyNode = pair.key as Node | null;
    const key = String(scalarValue(keyNode) ?? '');
    if (!Object.hasOwn(fields, key)) {
      const hint = suggest(key, known);
      fail(errors, keyNode, at, `unknown key "${key}"${at.key ? ` in ${at.key}` : ''}${hint ? `; did you mean "${hint}"?` : `; expected one of ${known.join(', ')}`}`);
      continue;
    }
    pairs.set(key, pair);
    const place: Place = { ...at, key: at.key ? `${at.key}.${key}` : key, fallback: at.pos(keyNode) };
    const value = fields[key as keyof T](pair.value as Node | null, place, errors);
    if (value !== undefined) values[key as keyof T] = value;
  }
  return { values, pairs };
}

function lineOf(pair: Pair | undefined, at: Place): number {
  return pair ? at.pos(pair.key as Node).line : at.fallback.line;
}

const lessonEntry = (index: number): Reader<LessonEntry> => (node, at, errors) => {
  const place = at.pos(node);
  if (isScalar(node)) {
    const path = text(node, at, errors);
    return path === undefined ? undefined : { path, teaching: null, exercises: null, title: null, ...place };
  }
  if (!isMap(node)) return fail(errors, node, at, `${at.key} must be a path, or a mapping with path: (and teaching:, exercises:, title:)`);
  const { values } = readMap<{ path: string; teaching: number; exercises: number; title: string }>(
    node,
    { path: text, teaching: minutes, exercises: minutes, title: text },
    { ...at, fallback: place },
    errors,
  );
  if (!node.has('path')) return fail(errors, node, at, `lessons[${index + 1}] has no path: give a lesson file or a module folder`);
  if (values.path === undefined) return undefined;
  return { path: values.path, teaching: values.teaching ?? null, exercises: values.exercises ?? null, title: values.title ?? null, ...place };
};

const lessons: Reader<LessonEntry[]> = (node, at, errors) => {
  if (!isSeq(node) || node.items.length === 0) return fail(errors, node, at, 'lessons must be a list of lesson files or module folders (relative to workshop.yaml)');
  const entries = node.items.map((item, index) => lessonEntry(index)(item as Node, { ...at, key: `lessons[${index + 1}]` }, errors));
  return entries.filter((entry): entry is LessonEntry => entry !== undefined);
};

const breakEntry = (kind: 'break' | 'lunch'): Reader<BreakEntry> => (node, at, errors) => {
  if (!isMap(node)) return fail(errors, node, at, `${at.key} must be a mapping such as { at: "10:30", minutes: 15 }`);
  const place = at.pos(node);
  const { values } = readMap<{ at: number; minutes: number; title: string }>(
    node,
    { at: clock, minutes: duration, title: text },
    { ...at, fallback: place },
    errors,
  );
  for (const key of ['at', 'minutes'] as const) {
    if (!node.has(key)) fail(errors, node, at, `${at.key} has no ${key}:${key === 'at' ? ' give its clock time, such as "10:30"' : ' give its length, such as 15'}`);
  }
  if (values.at === undefined || values.minutes === undefined) return undefined;
  return { kind, at: values.at, minutes: Math.round(values.minutes), title: values.title ?? (kind === 'lunch' ? 'Lunch' : 'Break'), line: place.line };
};

const breaks: Reader<BreakEntry[]> = (node, at, errors) => {
  if (!isSeq(node)) return fail(errors, node, at, 'breaks must be a list such as [{ at: "10:30", minutes: 15, title: Coffee }]');
  const entries = node.items.map((item, index) => breakEntry('break')(item as Node, { ...at, key: `breaks[${index + 1}]` }, errors));
  return entries.filter((entry): entry is BreakEntry => entry !== undefined);
};

interface TopLevel extends Record<string, unknown> {
  title: string;
  date: string;
  venue: string;
  audience: string;
  participants: number;
  facilitators: string[];
  start: number;
  slot: number;
  end: number;
  minutesPerSlide: number;
  lessons: LessonEntry[];
  breaks: BreakEntry[];
  lunch: BreakEntry;
}

/** The schema: every key workshop.yaml may have, and how its value is read. */
const FIELDS: { [K in keyof TopLevel]: Reader<TopLevel[K]> } = {
  title: text,
  date: text,
  venue: text,
  audience: (node, at, errors) => {
    // A number is the group's size: "audience: 16".
    const value = scalarValue(node);
    return typeof value === 'number' ? String(value) : text(node, at, errors);
  },
  participants: count,
  facilitators: names,
  start: clock,
  slot: duration,
  end: clock,
  minutesPerSlide: positive,
  lessons,
  breaks,
  lunch: breakEntry('lunch'),
};

/** Reads workshop.yaml text; returns the plan, or every mistake in it (sorted by position). */
export function parseWorkshop(source: string): { config: WorkshopConfig | null; errors: ConfigError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: ConfigError[] = [];
  for (const error of doc.errors) {
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    errors.push({ line: pos.line, column: pos.col, message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') });
  }
  if (errors.length > 0) return { config: null, errors };

  const pos = (node: Node | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const root = doc.contents as Node | null;
  if (!isMap(root)) return { config: null, errors: [{ ...pos(root), message: 'workshop.yaml must be a mapping of settings (title:, start:, slot:, lessons: …)' }] };

  const top: Place = { key: '', pos, fallback: pos(root) };
  const { values, pairs } = readMap<TopLevel>(root, FIELDS, top, errors);
  if (!pairs.has('title')) errors.push({ line: 1, column: 1, message: 'title is missing: name the workshop' });
  if (!pairs.has('start')) errors.push({ line: 1, column: 1, message: 'start is missing: give the start time, such as start: "09:00"' });
  if (!pairs.has('lessons')) errors.push({ line: 1, column: 1, message: 'lessons is missing: list the lesson files or module folders to teach' });
  if (pairs.has('slot') && pairs.has('end')) {
    errors.push({ line: lineOf(pairs.get('end'), top), column: 1, message: 'give slot: or end:, not both' });
  }
  if (values.participants !== undefined && /^\d+$/.test(values.audience ?? '')) {
    errors.push({ line: lineOf(pairs.get('audience'), top), column: 1, message: 'audience is a number and participants is set too: keep one' });
  }

  const start = values.start;
  let slot: WorkshopConfig['slot'] = null;
  if (values.slot !== undefined) slot = { minutes: Math.round(values.slot), line: lineOf(pairs.get('slot'), top) };
  if (values.end !== undefined && start !== undefined) {
    const line = lineOf(pairs.get('end'), top);
    if (values.end <= start) errors.push({ line, column: 1, message: `end (${formatClock(values.end)}) must be after start (${formatClock(start)})` });
    else slot = { minutes: values.end - start, line };
  }

  const allBreaks = [...(values.breaks ?? []), ...(values.lunch ? [values.lunch] : [])].sort((a, b) => a.at - b.at);
  if (start !== undefined) {
    for (const entry of allBreaks) {
      if (entry.at < start) errors.push({ line: entry.line, column: 1, message: `${entry.title} at ${formatClock(entry.at)} is before the start (${formatClock(start)})` });
    }
  }
  for (let i = 1; i < allBreaks.length; i++) {
    const before = allBreaks[i - 1]!;
    const entry = allBreaks[i]!;
    if (entry.at < before.at + before.minutes) {
      errors.push({ line: entry.line, column: 1, message: `${entry.title} at ${formatClock(entry.at)} overlaps ${before.title} (${formatClock(before.at)}, ${minutesText(before.minutes)})` });
    }
  }

  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  if (errors.length > 0 || values.title === undefined || start === undefined || values.lessons === undefined) return { config: null, errors };
  const participants = values.participants ?? (/^\d+$/.test(values.audience ?? '') ? Number(values.audience) : null);
  return {
    config: {
      title: values.title,
      date: values.date ?? null,
      venue: values.venue ?? null,
      audience: values.audience !== undefined && !/^\d+$/.test(values.audience) ? values.audience : null,
      participants,
      facilitators: values.facilitators ?? [],
      start,
      slot,
      minutesPerSlide: values.minutesPerSlide ?? DEFAULT_MINUTES_PER_SLIDE,
      lessons: values.lessons,
      breaks: allBreaks,
    },
    errors: [],
  };
}


/** The closest known key, when it is close enough to be a typo. */
function suggest(key: string, known: string[]): string | null {
  let best: { name: string; cost: number } | null = null;
  for (const name of known) {
    const cost = editDistance(key.toLowerCase(), name.toLowerCase());
    if (!best || cost < best.cost) best = { name, cost };
  }
  return best && best.cost <= Math.max(1, Math.floor(key.length / 3)) ? best.name : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
