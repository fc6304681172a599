/**
 * YAML front matter: metadata, and the styles dialect's objectives / questions / keypoints lists.
 */
import { parseDocument, LineCounter, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import type { LessonMeta, TextItem } from '../model/lesson.js';

export interface FrontMatter {
  meta: Record<string, unknown>;
  lists: { objectives: TextItem[]; questions: TextItem[]; keypoints: TextItem[] };
}

const LIST_KEYS = ['objectives', 'questions', 'keypoints'] as const;

/** Reads front matter; invalid YAML becomes a `front-matter` error message, never an exception. */
export function readFrontMatter(node: Yaml, file: VFile): FrontMatter {
  const result: FrontMatter = { meta: {}, lists: { objectives: [], questions: [], keypoints: [] } };
  const firstLine = (node.position?.start.line ?? 1) + 1;
  let lineCounter = new LineCounter();
  let document = parseDocument(node.value, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    // Jekyll (Psych) accepts quoted strings continued at column 0; YAML 1.2 does not. Read them leniently.
    const lenientCounter = new LineCounter();
    const lenient = parseDocument(indentContinuations(node.value), { lineCounter: lenientCounter, prettyErrors: false });
    if (lenient.errors.length === 0) {
      const error = document.errors[0];
      const at = lineCounter.linePos(error.pos[0]);
      file.message(`Front matter is not valid YAML (${error.message.split('\n')[0]}); read it leniently, as Jekyll does`, {
        place: { line: firstLine + at.line - 1, column: at.col },
        ruleId: 'front-matter',
        source: 'lectern',
      }).fatal = false;
      document = lenient;
      lineCounter = lenientCounter;
    }
  }
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const at = lineCounter.linePos(error.pos[0]);
    const message = file.message(`Invalid YAML front matter: ${error.message.split('\n')[0]}`, {
      place: { line: firstLine + at.line - 1, column: at.col },
      ruleId: 'front-matter',
      source: 'lectern',
    });
    message.fatal = true;
    return result;
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // An alias bomb (aliases of aliases, billions of nodes once expanded): the yaml library refuses it.
    const message = file.message(`Invalid YAML front matter: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, {
      place: { line: firstLine, column: 1 },
      ruleId: 'front-matter',
      source: 'lectern',
    });
    message.fatal = true;
    return result;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return result;
  result.meta = value as Record<string, unknown>;
  for (const key of LIST_KEYS) {
    const list = document.get(key, true) as YamlNode | undefined;
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isScalar(item) || item.value === null || item.value === undefined) continue;
      const text = String(item.value).replace(/\s+/g, ' ').trim();
      const line = item.range ? firstLine + lineCounter.linePos(item.range[0]).line - 1 : firstLine;
      if (text) result.lists[key].push({ text, line });
    }
  }
  return result;
}

/** Indents lines that continue a multi-line scalar at column 0, keeping line numbers. */
function indentContinuations(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' || /^(?:[\s#-]|[\w"'-][^:]*:(?:\s|$)|\.\.\.|---)/.test(line) ? line : `  ${line}`))
    .join('\n');
}

/** Minutes from a front-matter value: 25, "25", "25 min", "1h 30m". */
export function minutes(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value !== 'string') return null;
  const hours = /(\d+(?:\.\d+)?)\s*h/i.exec(value);
  const mins = /(\d+)\s*m/i.exec(value);
  if (hours || mins) return Math.round((hours ? Number(hours[1]) * 60 : 0) + (mins ? Number(mins[1]) : 0));
  return /^\s*\d+\s*$/.test(value) ? Number(value) : null;
}

/** The model's `meta`: every front-matter key, plus the normalised minutes. */
export function metaOf(frontMatter: Record<string, unknown>): LessonMeta {
  const meta: LessonMeta = { ...frontMatter, teachingMinutes: null, exerciseMinutes: null };
  meta.teachingMinutes = minutes(frontMatter.teaching ?? frontMatter.teachingMinutes ?? frontMatter.duration);
  meta.exerciseMinutes = minutes(frontMatter.exercises ?? frontMatter.exerciseMinutes);
  return meta;
}

const DURATION_LABEL = /^(?:duration|time|estimated time|length|timing|teaching time|time required|exercises?|exercise time|practice time|lab time)$/i;

/**
 * Minutes from a house-format duration line: `**Duration:** 45 minutes`,
 * `**Duration:** 25 minutes teaching · 15 minutes exercises`, `**Exercises:** 10 min`.
 */
export function durationFromLine(label: string, text: string): { teaching: number | null; exercises: number | null } | null {
  if (!DURATION_LABEL.test(label.trim())) return null;
  const result = { teaching: null as number | null, exercises: null as number | null };
  const exerciseLabel = /exercise|practice|lab/i.test(label);
  const parts = text.matchAll(/(\d+(?:\.\d+)?)\s*(h(?:ours?|rs?)?|m(?:in(?:ute)?s?)?)\b[^\d]*/gi);
  for (const part of parts) {
    const value = Math.round(Number(part[1]) * (/^h/i.test(part[2]) ? 60 : 1));
    const isExercise = exerciseLabel || /exercise|practice|lab|hands/i.test(part[0]);
    if (isExercise) result.exercises = (result.exercises ?? 0) + value;
    else result.teaching = (result.teaching ?? 0) + value;
  }
  return result.teaching === null && result.exercises === null ? null : result;
}
