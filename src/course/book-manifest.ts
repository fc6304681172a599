/**
 * The books the last course step made, kept in `OUT/.cache/books.json`: a later build whose lessons
 * are all unchanged skips that step and still lists them, and an unchanged book is not remade.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../export/atomic.js';
import type { BookReport } from './report.js';

export interface BookRecord {
  /** The module's folder relative to the input root. */
  module: string;
  /** Hash of everything the book is made from. */
  inputs: string;
  report: BookReport;
}

function manifestPath(outRoot: string): string {
  return join(outRoot, '.cache', 'books.json');
}

/** The recorded books whose file is still there; none when there is no readable manifest. */
export async function readBookManifest(outRoot: string): Promise<BookRecord[]> {
  try {
    const records = JSON.parse(await readFile(manifestPath(outRoot), 'utf8')) as BookRecord[];
    return Array.isArray(records) ? records.filter((record) => existsSync(join(outRoot, record.report.path))) : [];
  } catch {
    return [];
  }
}

export async function writeBookManifest(outRoot: string, records: readonly BookRecord[]): Promise<void> {
  await mkdir(join(outRoot, '.cache'), { recursive: true });
  await writeFileAtomic(manifestPath(outRoot), `${JSON.stringify(records, null, 2)}\n`);
}
