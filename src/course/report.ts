/** What the build report says about the course beyond its lessons: modules, their documents and books. */
import type { Diagnostic } from '../model/lesson.js';

export type BookKind = 'handouts' | 'labs';

export interface BookReport {
  kind: BookKind;
  /** Relative to OUT, POSIX separators. */
  path: string;
  title: string;
  pages: number;
  /** Pages of the contents at the front. */
  contentsPages: number;
  parts: Array<{ source: string; title: string; firstPage: number; pages: number }>;
  /** True when the book was already up to date. */
  cacheHit: boolean;
}

export interface DocumentReport {
  source: string;
  id: string;
  title: string;
  /** The rendered page, relative to OUT. */
  page: string;
  diagnostics: Diagnostic[];
}

export interface ModuleReport {
  dir: string;
  title: string;
  /** The module README and what the course rules found in it, or null. */
  overview: { source: string; diagnostics: Diagnostic[] } | null;
  /** Sources of the module's lessons, in course order. */
  lessons: string[];
  documents: DocumentReport[];
  books: BookReport[];
}
