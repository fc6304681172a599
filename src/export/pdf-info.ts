/**
 * Sets a PDF's document information (title, author…) by appending an incremental update, the way a
 * PDF editor saves: Chromium's bytes stay as they are, and a new Info dictionary, a one-entry cross
 * reference section and a trailer pointing back at the old one follow them. Parsing and rewriting
 * the whole file (pdf-lib) costs more than printing it; this reads only the trailer, the catalog and
 * the page tree root.
 *
 * Only the plain layout Chromium (Skia) writes is handled: a classic `xref` table and a trailer
 * dictionary. Anything else returns null, and the caller takes the slow, general path.
 */

export interface InfoFields {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: readonly string[];
  creator?: string;
}

export interface InfoUpdate {
  /** The original bytes followed by the update. */
  bytes: Uint8Array;
  pages: number;
}

const latin1 = new TextDecoder('latin1');
const encoder = new TextEncoder();

/** Appends an Info update to `pdf`; null when the file is not laid out as expected. */
export function appendInfo(pdf: Uint8Array, fields: InfoFields, now = new Date()): InfoUpdate | null {
  // The trailer and the objects it names are ASCII; latin1 maps bytes to characters one to one,
  // so string offsets are byte offsets.
  const tail = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 1024)));
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!trailer) return null;
  const dict = trailer[1] as string;
  const size = /\/Size\s+(\d+)/.exec(dict)?.[1];
  const root = /\/Root\s+(\d+\s+\d+)\s+R/.exec(dict)?.[1];
  const info = /\/Info\s+(\d+)\s+\d+\s+R/.exec(dict)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dict)?.[1];
  // An update that itself follows an update, or a cross-reference stream, is not what Chromium writes.
  if (!size || !root || /\/(Prev|XRefStm)\b/.test(dict)) return null;

  const offsets = xrefOffsets(pdf, Number(trailer[2]));
  if (!offsets) return null;
  const body = (number: string) => objectBody(pdf, offsets, Number(number));
  const catalog = body(root.split(/\s+/)[0] as string);
  const pagesRef = catalog && /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog)?.[1];
  const pageTree = pagesRef ? body(pagesRef) : null;
  const count = pageTree && /\/Type\s*\/Pages\b/.test(pageTree) ? /\/Count\s+(\d+)/.exec(pageTree)?.[1] : undefined;
  if (count === undefined) return null;

  // Chromium's own entries are kept (producer, creation date) unless replaced below.
  const old = info ? body(info) : null;
  const kept = (key: string) => (old ? new RegExp(`/${key}\\s*(\\((?:\\\\.|[^\\\\()])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(old)?.[1] : undefined);
  const entries: string[] = [];
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') entries.push(`/${key} ${value}`);
  };
  put('Title', fields.title ? textString(fields.title) : kept('Title'));
  put('Author', fields.author ? textString(fields.author) : kept('Author'));
  put('Subject', fields.subject ? textString(fields.subject) : kept('Subject'));
  put('Keywords', fields.keywords?.length ? textString(fields.keywords.join(' ')) : kept('Keywords'));
  put('Creator', fields.creator ? textString(fields.creator) : kept('Creator'));
  put('Producer', kept('Producer'));
  put('CreationDate', kept('CreationDate'));
  put('ModDate', `(${pdfDate(now)})`);

  const number = Number(size);
  const startxref = trailer[2] as string;
  const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectAt = pdf.length + lead.length;
  const object = `${number} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update =
    `${lead}${object}xref\n${number} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${number + 1}\n/Root ${root} R\n/Info ${number} 0 R\n/Prev ${startxref}${id ? `\n/ID ${id}` : ''}>>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  const appended = encoder.encode(update);
  const bytes = new Uint8Array(pdf.length + appended.length);
  bytes.set(pdf, 0);
  bytes.set(appended, pdf.length);
  return { bytes, pages: Number(count) };
}

/** Byte offsets of the objects in use, from the classic cross-reference table at `at`; null if there is none. */
function xrefOffsets(pdf: Uint8Array, at: number): Map<number, number> | null {
  if (at <= 0 || at >= pdf.length) return null;
  const table = latin1.decode(pdf.subarray(at, Math.min(pdf.length, at + 64 + 20 * 100_000)));
  if (!table.startsWith('xref')) return null;
  const offsets = new Map<number, number>();
  // Subsections: a header "first count", then `count` entries "oooooooooo ggggg n|f".
  const lines = table.slice(4).split(/\r\n|\r|\n/);
  let index = 0;
  while (index < lines.length) {
    const line = (lines[index++] as string).trim();
    if (line === '') continue;
    if (line.startsWith('trailer')) return offsets;
    const header = /^(\d+)\s+(\d+)$/.exec(line);
    if (!header) return null;
    const first = Number(header[1]);
    const count = Number(header[2]);
    for (let n = 0; n < count; n++) {
      const entry = /^(\d{10})\s+\d{5}\s+([nf])/.exec((lines[index++] ?? '').trim());
      if (!entry) return null;
      if (entry[2] === 'n') offsets.set(first + n, Number(entry[1]));
    }
  }
  return null;
}

/** The dictionary text of object `number` (between `N G obj` and `endobj`), or null. */
function objectBody(pdf: Uint8Array, offsets: Map<number, number>, number: number): string | null {
  const at = offsets.get(number);
  if (at === undefined) return null;
  // Only dictionaries are read here; 64 KiB is far more than a catalog or page tree root takes.
  const text = latin1.decode(pdf.subarray(at, Math.min(pdf.length, at + 65_536)));
  const match = new RegExp(`^${number}\\s+\\d+\\s+obj\\b([\\s\\S]*?)\\bendobj`).exec(text);
  return match ? (match[1] as string) : null;
}

/** A PDF text string any Unicode fits in: UTF-16BE with a byte order mark, written in hex. */
function textString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A PDF date, `D:YYYYMMDDHHmmSSZ`, in UTC. */
function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}
