/**
 * Printing is most of what a rebuild costs, and an edit to a lesson rarely changes all of its
 * documents: a new pitfall changes the deck and the handout, not the lab sheets. Each printed
 * document (handout, lab sheets) is remembered by a fingerprint of everything its PDF is made of:
 * its HTML, running header and footer, paper, metadata, the bytes of the lesson's assets that the
 * HTML may load, and Lectern's code. When the fingerprint is the last build's and the PDF on disk is
 * the very file that build wrote (same size and modification time), the PDF is kept as it is.
 */
import { stat } from 'node:fs/promises';
import { hashParts, type PrintRecords } from '../cache/build-cache.js';
import { codeVersion } from '../cache/code-hash.js';

export interface PrintInputs {
  html: string;
  headerTemplate?: string;
  footerTemplate?: string;
  paper: string;
  title?: string;
  author?: string;
}

/** Everything the lesson's documents may load beside their HTML (diagrams, images), as one hash. */
export function assetsFingerprint(files: ReadonlyArray<{ path: string; data: string | Uint8Array }>): string {
  return hashParts([...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).flatMap((file) => [file.path, file.data]));
}

/** The fingerprint of one document's PDF. */
export function printFingerprint(inputs: PrintInputs, assets: string): string {
  return hashParts([codeVersion(), inputs.html, inputs.headerTemplate ?? '', inputs.footerTemplate ?? '', inputs.paper, inputs.title ?? '', inputs.author ?? '', assets]);
}

/** The lesson's print records: what the last build left, and what this one prints or keeps. */
export class PrintMemo {
  /**
   * What this build leaves. A document not printed this time (a notes-only rebuild prints only the
   * handout) keeps its record: it is trusted only while the file on disk is the one it describes.
   */
  readonly now: PrintRecords;

  constructor(
    private readonly previous: PrintRecords,
    private readonly assets: string,
  ) {
    this.now = { ...previous };
  }

  fingerprint(inputs: PrintInputs): string {
    return printFingerprint(inputs, this.assets);
  }

  /** Whether `path` (absolute) is the PDF the last build printed from the same inputs; if so it is kept. */
  async keeps(name: string, path: string, fingerprint: string): Promise<boolean> {
    const record = this.previous[name];
    if (!record || record.fingerprint !== fingerprint) return false;
    const file = await stat(path).catch(() => null);
    if (!file || file.size !== record.size || file.mtimeMs !== record.mtimeMs) return false;
    this.now[name] = record;
    return true;
  }

  /** Records the PDF just written at `path` (absolute) from inputs with `fingerprint`. */
  async printed(name: string, path: string, fingerprint: string): Promise<void> {
    const file = await stat(path).catch(() => null);
    if (file) this.now[name] = { fingerprint, size: file.size, mtimeMs: file.mtimeMs };
  }
}
