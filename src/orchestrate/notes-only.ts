/**
 * A lesson whose lecture notes changed and nothing else: the notes show only in its handout (the
 * document style; the slides style is the deck), so only the handout is made again, and its deck and
 * lab sheets stay as they are, untouched on disk, as does the module's book of lab sheets (issue 11).
 * Pure: the build decides from the last build's record of the lesson.
 */
import type { CacheEntry } from '../cache/build-cache.js';
import type { Diagnostic } from '../model/lesson.js';
import type { DocumentOptions } from './documents.js';

export interface NotesOnly {
  /** The options to build the lesson with: its handout alone. */
  options: DocumentOptions;
  /** Artifacts of the last build that stay (OUT-relative): all but the handout and the notes' diagrams. */
  kept: string[];
}

/** Whether an artifact of the lesson in `outDir` (OUT-relative) is made for its handout alone. */
function handoutOnly(artifact: string, outDir: string): boolean {
  const name = artifact.startsWith(`${outDir}/`) ? artifact.slice(outDir.length + 1) : artifact;
  return /^handout\.[a-z]+$/.test(name) || name.startsWith('notes-diagram-');
}

/**
 * How to rebuild a lesson whose own inputs are as at `previous` (only its notes differ), or null when
 * the whole lesson must be built (no handout asked for, or a slides-style handout, which is the deck).
 */
export function notesOnlyRebuild(previous: CacheEntry, options: DocumentOptions, outDir: string): NotesOnly | null {
  if (!options.formats.includes('handout') || options.handoutStyle !== 'document') return null;
  return { options: { ...options, formats: ['handout'] }, kept: previous.artifacts.filter((artifact) => !handoutOnly(artifact, outDir)) };
}

/** The kept artifacts and the ones just written, each once, kept first. */
export function mergeArtifacts(kept: readonly string[], written: readonly string[]): string[] {
  return [...new Set([...kept, ...written])];
}

/**
 * The lesson's diagnostics after a handout-only rebuild: its text is unchanged, so what the deck and
 * labs said of it last time still holds; what the analysis and handout say now is added, each once.
 */
export function mergeDiagnostics(previous: readonly Diagnostic[], fresh: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.line}:${d.column}:${d.severity}:${d.rule}:${d.message}`;
  const seen = new Set(fresh.map(key));
  return [...fresh, ...previous.filter((d) => !seen.has(key(d)))].sort((a, b) => a.line - b.line || a.column - b.column);
}
