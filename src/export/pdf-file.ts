/**
 * The last step of every PDF export: Chromium's bytes get Lectern's metadata and are written
 * atomically, so a failed export never replaces the previous good file.
 */
import { EnvironmentError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { appendInfo } from './pdf-info.js';

export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: readonly string[];
}

/** Sets the metadata of the printed PDF, writes it to `out` atomically, and returns its page count. */
export async function savePdf(printed: Uint8Array, out: string, metadata: PdfMetadata = {}): Promise<number> {
  // Chromium's PDFs take the metadata as an appended update; anything else is rewritten whole.
  const updated = appendInfo(printed, { ...metadata, creator: 'Lectern' });
  if (updated) {
    if (updated.pages === 0) throw new EnvironmentError(`Cannot export ${out}: Chromium printed no pages`);
    await writeFileAtomic(out, updated.bytes);
    return updated.pages;
  }
  const { PDFDocument } = await import('../vendor/pdf-lib.js');
  // Keep Chromium's producer and dates; only what we set below changes.
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  const pages = pdf.getPageCount();
  if (pages === 0) throw new EnvironmentError(`Cannot export ${out}: Chromium printed no pages`);
  if (metadata.title) pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  if (metadata.keywords?.length) pdf.setKeywords([...metadata.keywords]);
  pdf.setCreator('Lectern');
  pdf.setModificationDate(new Date());
  await writeFileAtomic(out, await pdf.save());
  return pages;
}
