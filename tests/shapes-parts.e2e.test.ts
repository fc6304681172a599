// Issue 19 end to end, through the real CLI and Chromium, read back from the PDFs: class notes split by
// `---` start each part on a new deck page, and a tutorial page's "Explanation:" list and "Note:"
// callouts keep their labels in the handout and the deck. One small course, built once.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, pdfInfo, pdfPageText, pdfText, root } from './helpers/cli.js';

let dir: string;
let out: string;
let said: string;
let status: number;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-parts-'));
  cpSync(join(root, 'tests', 'fixtures-shapes-parts'), join(dir, 'course'), { recursive: true });
  out = join(dir, 'out');
  const run = lectern(['build', 'course', '--out', out, '--to', 'pdf'], dir);
  status = run.status;
  said = run.stdout + run.stderr;
}, 200_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = (path: string) => Array.from({ length: pdfInfo(path).pages }, (_, index) => pdfPageText(path, index + 1));
/** Blank lines and whitespace runs collapsed, so a label and the text after it can be matched across lines. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const MARKERS = ['Alpha part', 'Bravo part', 'Charlie part', 'Delta part'];

describe('class notes split by --- (issue 19)', () => {
  it('builds', () => expect(status, said).toBe(0));

  it('starts each part on a new deck page; a part without a heading is titled as a continuation', () => {
    const deck = pages(join(out, '4_1_1_caching', 'deck.pdf'));
    const at = MARKERS.map((marker) => deck.findIndex((page) => page.includes(marker)));
    expect(at.every((index) => index >= 0), at.join(',')).toBe(true);
    expect(new Set(at).size).toBe(MARKERS.length);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    at.forEach((index, marker) => {
      for (const other of MARKERS.filter((_, o) => o !== marker)) expect(deck[index], `page ${index + 1}`).not.toContain(other);
    });
    expect(deck[at[1]]).toContain('Introduction (continued)');
    expect(deck[at[3]]).toContain('Using the cache (continued)');
    for (const page of deck) expect(page).not.toMatch(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/m);
  });

  it('keeps every part in the handout, in order, with no literal rule line', () => {
    const handout = pdfText(join(out, '4_1_1_caching', 'handout.pdf'));
    const at = MARKERS.map((marker) => handout.indexOf(marker));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(handout).not.toMatch(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/m);
  });
});

describe('"Explanation" and "Note" blocks keep their labels (issue 19)', () => {
  const EXPLANATION = /Explanation: (?:[•◦▪-] )?FROM picks the base image for the service\. (?:[•◦▪-] )?CMD names the command the container starts with\./;
  const NOTE = /Note: the first build downloads the base image and takes a while longer\./;
  const BOLD_NOTE = /Note: stop the container with Ctrl\+C before you start the next one\./;

  it('in the handout: "Explanation" then its items, each "Note" then its text', () => {
    const handout = flat(pdfText(join(out, '4_1_2_serving', 'handout.pdf')));
    expect(handout).toMatch(EXPLANATION);
    expect(handout).toMatch(NOTE);
    expect(handout).toMatch(BOLD_NOTE);
  });

  it('on the slides of their sections, the same', () => {
    const deck = pages(join(out, '4_1_2_serving', 'deck.pdf')).map(flat);
    const build = deck.find((page) => page.includes('Build the image') && page.includes('FROM python'));
    expect(build).toMatch(EXPLANATION);
    expect(build).toMatch(NOTE);
    expect(deck.find((page) => page.includes('docker run'))).toMatch(BOLD_NOTE);
  });
});
