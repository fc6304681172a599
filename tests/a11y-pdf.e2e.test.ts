// Tagged PDFs everywhere: every PDF of a course build and of a workshop kit says "Tagged: yes", and a
// module book (merged from its lessons' PDFs) keeps each part's structure tree: its headings, its
// figures' alternative text, the lessons' language. Built once, read back with poppler and pdf-lib.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, lectern, pdfFields, root, type Run } from './helpers/cli.js';

let dir: string;
let build: Run;
let workshop: Run;
const out = (...parts: string[]) => join(dir, 'out', ...parts);

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-a11y-pdf-'));
  cpSync(join(root, 'tests', 'e2e-a11y'), join(dir, 'course'), { recursive: true });
  writeFileSync(
    join(dir, 'workshop.yaml'),
    'title: Networks Morning\nstart: "09:00"\nslot: 3h\nlessons:\n  - course/module-9-a11y/9.1-reading-maps.md\n  - course/module-9-a11y/9.2-firewall-rules.md\n',
  );
  build = lectern(['build', 'course', '--out', 'out'], dir);
  workshop = lectern(['workshop', 'workshop.yaml', '--out', 'out'], dir);
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfsUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.pdf') && !name.startsWith('.cache'))
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

interface Node {
  tag: string;
  text: string;
  children: Node[];
}

/** `pdfinfo -struct-text` as a tree: each element with its text (its own and its descendants'). */
function structureTree(path: string): Node {
  const lines = execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
  const top: Node = { tag: 'root', text: '', children: [] };
  const stack: Array<{ depth: number; node: Node }> = [{ depth: -1, node: top }];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const depth = line.length - line.trimStart().length;
    while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop();
    const content = line.trim();
    if (content.startsWith('"')) {
      for (const { node } of stack) node.text += content.slice(1, -1);
      continue;
    }
    const node: Node = { tag: content.split(/[\s:]/)[0]!, text: '', children: [] };
    stack.at(-1)!.node.children.push(node);
    stack.push({ depth, node });
  }
  return top;
}

function find(node: Node, test: (node: Node) => boolean): Node[] {
  return [...(test(node) ? [node] : []), ...node.children.flatMap((child) => find(child, test))];
}

/** The /Alt texts under each top-level element of the document element, in order (read with pdf-lib). */
async function altTextsByPart(path: string): Promise<string[][]> {
  const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  const rootDict = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const kids = (dict: PDFDict): PDFDict[] => {
    const k = dict.lookup(PDFName.of('K'));
    const items: PDFObject[] = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    return items.map((item) => pdf.context.lookup(item)).filter((item): item is PDFDict => item instanceof PDFDict && item.has(PDFName.of('S')));
  };
  const alts = (dict: PDFDict): string[] => {
    const alt = dict.lookup(PDFName.of('Alt'));
    const own = alt instanceof PDFString || alt instanceof PDFHexString ? [alt.decodeText()] : [];
    return [...own, ...kids(dict).flatMap(alts)];
  };
  const document = kids(rootDict)[0]!;
  return kids(document).map(alts);
}

const headingTags = /^H[1-6]$/;

describe('tagged PDFs', () => {
  it('builds the course and the workshop', () => {
    expect(build.status, build.stderr + build.stdout).toBe(0);
    expect(workshop.status, workshop.stderr + workshop.stdout).toBe(0);
  });

  it('tags every PDF of the course build and of the workshop kit, books and participant pack included, with language and bookmarks', async () => {
    const pdfs = pdfsUnder(out());
    const names = pdfs.map((path) => path.slice(out().length + 1)).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'module-9-a11y/module-handouts.pdf',
        'module-9-a11y/module-labs.pdf',
        'module-9-a11y/9.1-reading-maps/deck.pdf',
        'module-9-a11y/9.1-reading-maps/handout.pdf',
        'module-9-a11y/9.1-reading-maps/lab.pdf',
        'module-9-a11y/9.1-reading-maps/lab-instructor.pdf',
        'workshop/agenda.pdf',
        'workshop/facilitator-guide.pdf',
        'workshop/participant-pack.pdf',
      ]),
    );
    for (const path of pdfs) {
      const fields = pdfFields(path);
      expect(fields['Tagged'], path).toBe('yes');
      expect(fields['Title'], path).not.toBe('');
      const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
      const lang = pdf.catalog.lookup(PDFName.of('Lang'));
      expect(lang instanceof PDFString ? lang.decodeText() : null, path).toMatch(/^(en|de)$/);
      const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
      expect(outlines?.has(PDFName.of('First')), `${path} has bookmarks`).toBe(true);
    }
  });

  it('keeps each lesson’s headings and figure alt texts in the module book’s structure tree, part by part', async () => {
    const book = out('module-9-a11y', 'module-handouts.pdf');
    const tree = structureTree(book);
    const document = tree.children[0]!;
    expect(document.tag).toBe('Document');
    // The contents page, then one part per lesson.
    const parts = document.children;
    expect(parts.map((part) => part.tag)).toEqual(['Part', 'Part', 'Part']);
    expect(find(parts[0]!, (n) => headingTags.test(n.tag)).map((n) => n.text).join(' | ')).toMatch(/Contents/);
    const alts = await altTextsByPart(book);
    const lessons = ['9.1-reading-maps', '9.2-firewall-rules'];
    lessons.forEach((lesson, index) => {
      const own = structureTree(out('module-9-a11y', lesson, 'handout.pdf'));
      const headings = find(own, (n) => headingTags.test(n.tag)).map((n) => `${n.tag} ${n.text}`);
      expect(headings.length, lesson).toBeGreaterThan(3);
      // The part holds exactly the lesson's own headings, in order.
      expect(find(parts[index + 1]!, (n) => headingTags.test(n.tag)).map((n) => `${n.tag} ${n.text}`)).toEqual(headings);
      expect(headings.join('\n')).toMatch(index === 0 ? /Reading Network Maps/ : /Firewall Rules/);
    });
    expect(alts[1]).toContain('Two hosts joined by one cable, the client on the left');
    expect(alts[2]).toContain('Rule path from the input chain to the accept target');
    expect(alts[1]).not.toContain('Rule path from the input chain to the accept target');
  });

  it('keeps the parts’ structure in the participant pack, with the document language', () => {
    const pack = out('workshop', 'participant-pack.pdf');
    const headings = find(structureTree(pack), (n) => headingTags.test(n.tag)).map((n) => n.text);
    expect(headings).toEqual(expect.arrayContaining(['Networks Morning', 'Reading Network Maps', 'Exercise 1: Trace a Route', 'Firewall Rules', 'Exercise 1: Block a Port']));
    expect(readFileSync(pack, 'latin1')).toMatch(/\/Lang \(en\)/);
  });

  it('gives each lesson’s PDFs and pages its front matter language (lang: de), English by default', () => {
    for (const name of ['handout.pdf', 'lab.pdf', 'lab-instructor.pdf', 'deck.pdf']) {
      expect(readFileSync(out('module-9-a11y', '9.2-firewall-rules', name), 'latin1'), name).toMatch(/\/Lang \(de\)/);
      expect(readFileSync(out('module-9-a11y', '9.1-reading-maps', name), 'latin1'), name).toMatch(/\/Lang \(en\)/);
    }
    for (const name of ['handout.html', 'lab.html', 'lab-instructor.html', 'deck.html']) {
      expect(readFileSync(out('module-9-a11y', '9.2-firewall-rules', name), 'utf8'), name).toMatch(/<html lang="de"/);
    }
  });
});
