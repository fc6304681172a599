// Issue 11: a rebuild prints only the documents whose inputs changed (src/orchestrate/print-memo.ts),
// and starts Chromium before the course is read when a lesson it built has new text
// (src/orchestrate/early-start.ts). Proved by what is on disk (which PDFs were written again, and what
// they say) and by the order of the run's LECTERN_PROFILE marks; never timed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ensureBuilt, lectern, pdfInfo, pdfText, root } from './helpers/cli.js';

let dir: string;
/** The first build's stderr, with its LECTERN_PROFILE marks. */
let firstBuild = '';
const lessonDir = () => join(dir, 'out', 'module-3-web-apis', '3.1-http-fundamentals');
const lessonFile = () => join(dir, 'course', 'module-3-web-apis', '3.1-http-fundamentals.md');
const PDFS = ['handout.pdf', 'lab.pdf', 'lab-instructor.pdf'] as const;

/** A one-colour 8×8 PNG. */
function png(rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array.from({ length: 8 }, () => rgb).flat()])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Builds handouts and labs as PDF; returns the run's stderr (with LECTERN_PROFILE marks when `profile`). */
function build(profile = false): { stderr: string; browserLaunched: boolean } {
  const run = lectern(['build', 'course', '--out', 'out', '--formats', 'handout,lab', '--to', 'html,pdf'], dir, profile ? { LECTERN_PROFILE: '1' } : {});
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, 'out', 'build-report.json'), 'utf8')) as { browserLaunched: boolean };
  return { stderr: run.stderr, browserLaunched: report.browserLaunched };
}

/** Each PDF's modification time and inode: a PDF written again is a new file (atomic rename). */
function stamps(): Record<string, string> {
  return Object.fromEntries(PDFS.map((name) => {
    const stats = statSync(join(lessonDir(), name));
    return [name, `${stats.ino}:${stats.mtimeMs}`];
  }));
}

function edit(replace: (text: string) => string): void {
  const text = readFileSync(lessonFile(), 'utf8');
  const next = replace(text);
  expect(next).not.toBe(text);
  writeFileSync(lessonFile(), next);
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-prints-'));
  mkdirSync(join(dir, 'course', 'module-3-web-apis', 'images'), { recursive: true });
  for (const name of ['README.md', '3.1-http-fundamentals.md']) {
    cpSync(join(root, 'lessons', 'module-3-web-apis', name), join(dir, 'course', 'module-3-web-apis', name));
  }
  writeFileSync(join(dir, 'course', 'module-3-web-apis', 'images', 'swatch.png'), png([200, 30, 30]));
  edit((text) => text.replace('### Methods, Status Codes and Caching\n', '### Methods, Status Codes and Caching\n\n![A red swatch standing for a cached response](images/swatch.png)\n'));
  firstBuild = build(true).stderr;
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a rebuild prints only what changed (issue 11)', () => {
  it('a new sentence in a key concept prints the handout again and keeps both lab PDFs as they are', () => {
    const before = stamps();
    // Key concepts show in the handout, not on the lab sheets (pitfalls would: they are a lab checklist).
    edit((text) => text.replace('### HTTP Messages\n', '### HTTP Messages\n\nEvery message opens with a start line that a proxy may rewrite.\n'));
    build();
    const after = stamps();
    expect(after['handout.pdf']).not.toBe(before['handout.pdf']);
    expect(pdfText(join(lessonDir(), 'handout.pdf')).replace(/\s+/g, ' ')).toContain('a proxy may rewrite');
    expect(after['lab.pdf']).toBe(before['lab.pdf']);
    expect(after['lab-instructor.pdf']).toBe(before['lab-instructor.pdf']);
    // What was kept is a whole, valid PDF of the lab.
    expect(pdfInfo(join(lessonDir(), 'lab.pdf')).pages).toBeGreaterThan(0);
    expect(pdfText(join(lessonDir(), 'lab.pdf'))).toContain('Dissect a Conditional Request');
  }, 240_000);

  it('an edited exercise prints both lab sheets again, with the new words', () => {
    const before = stamps();
    edit((text) => text.replace('and compare it with the GET response', 'and compare its headers with the GET response line by line'));
    build();
    const after = stamps();
    expect(after['lab.pdf']).not.toBe(before['lab.pdf']);
    expect(after['lab-instructor.pdf']).not.toBe(before['lab-instructor.pdf']);
    expect(pdfText(join(lessonDir(), 'lab.pdf')).replace(/\s+/g, ' ')).toContain('compare its headers with the GET response line by line');
  }, 240_000);

  it('an image whose bytes changed prints the handout that shows it again, though its HTML is the same', () => {
    const html = readFileSync(join(lessonDir(), 'handout.html'), 'utf8');
    const before = stamps();
    writeFileSync(join(dir, 'course', 'module-3-web-apis', 'images', 'swatch.png'), png([30, 30, 200]));
    build();
    expect(readFileSync(join(lessonDir(), 'handout.html'), 'utf8')).toBe(html);
    expect(stamps()['handout.pdf']).not.toBe(before['handout.pdf']);
  }, 240_000);

  it('a lab PDF changed on disk since it was printed is printed again', () => {
    writeFileSync(join(lessonDir(), 'lab.pdf'), 'not the PDF Lectern wrote');
    // An edit the lab sheets do not show: only the file on disk tells the lab must be printed again.
    edit((text) => text.replace('### HTTP Messages\n', '### HTTP Messages\n\nA response to HEAD carries the headers of the GET without its body.\n'));
    build();
    expect(pdfInfo(join(lessonDir(), 'lab.pdf')).pages).toBeGreaterThan(0);
    expect(pdfText(join(lessonDir(), 'lab.pdf'))).toContain('Dissect a Conditional Request');
  }, 240_000);
});

describe('Chromium starts before the course is read when a built lesson has new text (issue 11)', () => {
  const marks = (stderr: string) => stderr.split('\n').filter((line) => /^\d+\.\d+s /.test(line)).map((line) => line.replace(/^\d+\.\d+s /, ''));

  it('an edited lesson: the engine loads before the course is read', () => {
    edit((text) => text.replace('## Common Pitfalls\n', '## Common Pitfalls\n- Forgetting that HEAD must not return a body\n'));
    const { stderr, browserLaunched } = build(true);
    const seen = marks(stderr);
    expect(seen).toContain('sources changed: engine loading');
    // One edited lesson prints a handful of documents: Chromium runs as one process (build-engine.ts).
    expect(seen.indexOf('engine: browser starting as one process')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('engine: browser starting as one process')).toBeLessThan(seen.indexOf('course read'));
    expect(browserLaunched).toBe(true);
  }, 240_000);

  it('a first build of a small course (a README and a lesson) starts Chromium as one process too', () => {
    const seen = marks(firstBuild);
    expect(seen).toContain('sources looked at');
    expect(seen).toContain('engine: browser starting as one process');
  });

  it('a first build of a course of more files starts Chromium with its renderer processes', () => {
    // Five Markdown files; as Markdown only, so no PDF is printed (the engine still says how it starts).
    const course = join(dir, 'larger');
    for (const n of [1, 2, 3, 4]) {
      const text = readFileSync(lessonFile(), 'utf8').replace(/^# .*$/m, (title) => `${title} (part ${n})`);
      mkdirSync(join(course, 'module-1'), { recursive: true });
      writeFileSync(join(course, 'module-1', `1.${n}-part.md`), text);
    }
    writeFileSync(join(course, 'module-1', 'README.md'), '# Module 1\n\nFour parts of the same lesson.\n');
    const run = lectern(['build', 'larger', '--out', 'larger-out', '--to', 'md'], dir, { LECTERN_PROFILE: '1' });
    expect(run.status, run.stderr).toBe(0);
    const seen = marks(run.stderr);
    expect(seen).toContain('engine: browser starting');
    expect(seen).not.toContain('engine: browser starting as one process');
  }, 240_000);

  it('a lesson saved again with the same text starts no browser', () => {
    writeFileSync(lessonFile(), readFileSync(lessonFile(), 'utf8'));
    const { stderr, browserLaunched } = build(true);
    expect(marks(stderr)).toContain('sources looked at');
    expect(marks(stderr)).not.toContain('engine: browser starting');
    expect(browserLaunched).toBe(false);
  }, 240_000);
});
