/**
 * Speaker notes for deck slides: what to say (including what the slide leaves out), how long to
 * spend, and where to go next (diagram-description.ts narrates diagrams). Pure; returns plain text
 * that the deck helpers make safe for an HTML comment.
 */
import type { Lesson, Outline } from '../model/lesson.js';
import type { PlannedSlide } from './deck-plan.js';

/** Minutes per slide when the lesson gives no teaching time. */
const DEFAULT_SLIDE_MINUTES = 2;

/** Notes of one slide before they are written out. */
export interface SlideNotes {
  /** Minutes to spend on the slide, or null when unknown. */
  minutes: number | null;
  /** Talking points, one per line. */
  say: string[];
  /** Title of the next slide, or null on the last one. */
  next: string | null;
}

/** Writes notes as plain text: a timing cue (first, so the comment never parses as a directive), talking points, a transition. */
export function formatNotes(notes: SlideNotes): string {
  const lines: string[] = [];
  lines.push(notes.minutes === null ? 'Timing as needed' : `Timing ≈ ${minutesLabel(notes.minutes)}`);
  for (const line of notes.say) {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
  }
  lines.push(notes.next ? `Next: ${notes.next}` : 'This is the last slide: take questions and close.');
  // A first line with no colon-space keeps YAML from reading the comment as a directive map.
  lines[0] = lines[0].replace(/:\s/g, ' — ');
  return lines.join('\n');
}

/** Minutes per slide: the teaching time spread over the slides, exercise time over the exercise slides. */
export function slideMinutes(lesson: Lesson, plan: PlannedSlide[]): Array<number | null> {
  const { teachingMinutes, exerciseMinutes } = lesson.meta;
  const teachingSlides = plan.filter((slide) => !slide.exercise).length;
  const exerciseSlides = plan.length - teachingSlides;
  return plan.map((slide) => {
    if (slide.exercise) return exerciseMinutes ? exerciseMinutes / exerciseSlides : DEFAULT_SLIDE_MINUTES;
    return teachingMinutes ? teachingMinutes / teachingSlides : DEFAULT_SLIDE_MINUTES;
  });
}

/** "≈ 2 min", "≈ 1.5 min", "30 s". */
export function minutesLabel(minutes: number): string {
  if (minutes < 0.75) return `${Math.max(15, Math.round((minutes * 60) / 15) * 15)} s`;
  const rounded = Math.round(minutes * 2) / 2;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} min`;
}

/** Joins words as prose: "a", "a and b", "a, b and c". */
export function listProse(items: string[]): string {
  const words = items.filter(Boolean);
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Outlines
// ---------------------------------------------------------------------------------------------

/** A talking point ends with a full stop, unless the lesson's words already end one ("…it matters."). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:;]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Talking points for an outline: one sentence per top-level item with its sub-points, and every
 * item deeper than `visibleDepth` (which the slide only folds into its parent) spelled out.
 */
export function outlineTalkingPoints(items: Outline[], plain: (markdown: string) => string, visibleDepth = 3): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const head = plain(item.text);
    const children = item.children.map((child) => plain(child.text)).filter(Boolean);
    if (children.length > 0) lines.push(sentence(`${head}: ${listProse(children)}`));
    else if (head) lines.push(sentence(head));
  }
  const deep: string[] = [];
  const visit = (nodes: Outline[], depth: number, parent: string) => {
    for (const node of nodes) {
      const text = plain(node.text);
      if (depth > visibleDepth) deep.push(`${parent} → ${text}`);
      visit(node.children, depth + 1, depth >= visibleDepth ? `${parent} → ${text}` : text);
    }
  };
  visit(items, 1, '');
  if (deep.length > 0) lines.push(`More detail (not on the slide): ${deep.map((d) => d.replace(/^ → /, '')).join('; ')}.`);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Code
// ---------------------------------------------------------------------------------------------

/** The comments of a code snippet, as walk-through steps (`# Base image`, `// Connect`). */
export function codeTalkingPoints(code: string, max = 8): string[] {
  const points: string[] = [];
  for (const raw of code.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#!') || /^#\s*(?:include|define|if|endif|pragma)\b/.test(line)) continue;
    const comment = /^(?:#|\/\/|--(?!-)|;)\s*(.+)$/.exec(line);
    if (comment && /[A-Za-z]/.test(comment[1])) points.push(comment[1].replace(/\s*(?:\*\/|-->)\s*$/, ''));
    if (points.length >= max) break;
  }
  return points;
}
