// End to end: `--to pptx` writes editable slides. The real CLI builds the seed, the hostile and
// long-content lessons and a lesson with a table, a callout and a picture; the PPTX is unzipped and
// its XML read back against deck.md and deck.pdf, then LibreOffice renders it to PDF.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { DOMParser } from '@xmldom/xmldom';
import { ensureBuilt, lectern, pdfInfo, pdfText, root, type Run } from './helpers/cli.js';
import { expectedSlides, notesText, paragraphsOf, readPptx, titleOf } from './helpers/pptx.js';

let dir: string;
let build: Run;
const lessonDir = (module: string, id: string) => join(dir, 'out', module, id);
const LESSONS = [
  ['module-6', '6.7-docker-fundamentals'],
  ['module-9', '9.2-hostile-html'],
  ['module-9', '9.3-long-content'],
  ['module-9', '9.4-pptx-features'],
] as const;
const SLIDE = { cx: 12192000, cy: 6858000 };

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-pptx-'));
  mkdirSync(join(dir, 'lessons', 'module-6'), { recursive: true });
  cpSync(join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md'), join(dir, 'lessons', 'module-6', '6.7-docker-fundamentals.md'));
  mkdirSync(join(dir, 'lessons', 'module-9'));
  for (const name of ['9.2-hostile-html.md', '9.3-long-content.md']) cpSync(join(root, 'tests', 'e2e-lessons', name), join(dir, 'lessons', 'module-9', name));
  cpSync(join(root, 'tests', 'pptx-lessons'), join(dir, 'lessons', 'module-9'), { recursive: true });
  build = lectern(['build', 'lessons', '--out', 'out', '--formats', 'deck', '--to', 'md,pdf,pptx'], dir);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `<p:pic>` elements of a slide with their alt text and size (EMU). */
function picturesOf(slide: string): Array<{ descr: string | null; cx: number; cy: number }> {
  return [...slide.matchAll(/<p:pic>([\s\S]*?)<\/p:pic>/g)].map((match) => ({
    descr: /<p:cNvPr\b[^>]*\bdescr="([^"]*)"/.exec(match[1]!)?.[1] ?? null,
    cx: Number(/<a:ext cx="(\d+)"/.exec(match[1]!)?.[1] ?? 0),
    cy: Number(/<a:ext cx="\d+" cy="(\d+)"/.exec(match[1]!)?.[1] ?? 0),
  }));
}

/** Text shapes of a slide (`<p:sp>` with text) and where they are, in EMU. */
function textBoxesOf(slide: string): Array<{ text: string; x: number; y: number; cx: number; cy: number }> {
  return slide
    .split('<p:sp>')
    .slice(1)
    .map((shape) => {
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(shape);
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape);
      return { text: paragraphsOf(shape).map((p) => p.text).join('').trim(), x: Number(off?.[1]), y: Number(off?.[2]), cx: Number(ext?.[1]), cy: Number(ext?.[2]) };
    })
    .filter((box) => box.text !== '' && Number.isFinite(box.x));
}

describe('lectern build --to pptx (editable)', () => {
  it('builds every lesson', () => {
    expect(build.stderr).toMatch(/Built 4 lessons/);
    expect(build.status).toBe(0);
  });

  it('has the slides of deck.pdf, in order: titles in title placeholders, bullets with their levels, code lines and notes as text', async () => {
    for (const [module, id] of LESSONS) {
      const pptx = await readPptx(join(lessonDir(module, id), 'deck.pptx'));
      const expected = expectedSlides(readFileSync(join(lessonDir(module, id), 'deck.md'), 'utf8'));
      expect(pptx.slides.length, id).toBe(pdfInfo(join(lessonDir(module, id), 'deck.pdf')).pages);
      expect(pptx.slides.length, id).toBe(expected.length);
      let bullets = 0;
      let nested = 0;
      let codeLines = 0;
      expected.forEach((slide, index) => {
        const where = `${id} slide ${index + 1}`;
        const xml = pptx.slides[index]!;
        expect(titleOf(xml), where).toBe(slide.title);
        const paragraphs = paragraphsOf(xml);
        const cards = slide.classes.includes('cards');
        for (const bullet of slide.bullets) {
          const found = paragraphs.find((p) => p.text.trim() === bullet.text);
          expect(found, `${where}: "${bullet.text}"`).toBeDefined();
          // On a card slide the top-level items are the cards' titles and their points the bullets.
          if (cards && bullet.depth === 1) expect(found!.bullet, `${where}: "${bullet.text}" is a card title`).toBe(false);
          else {
            expect(found!.bullet, `${where}: "${bullet.text}" is a bullet`).toBe(true);
            expect(found!.level, `${where}: level of "${bullet.text}"`).toBe(cards ? bullet.depth - 2 : bullet.depth - 1);
          }
          bullets++;
          if (found!.level > 0) nested++;
        }
        for (const line of slide.codeLines) {
          expect(paragraphs.some((p) => p.text.replace(/\s+$/, '') === line), `${where}: code line "${line}"`).toBe(true);
          codeLines++;
        }
        const notes = notesText(pptx.notes[index]!);
        for (const line of slide.notes) expect(notes, `${where}: note`).toContain(line);
        expect(slide.notes.length, `${where} has notes`).toBeGreaterThan(0);
      });
      expect(bullets, `${id} bullets`).toBeGreaterThan(0);
      // Inside a card ("Read-only layers…") and in a section's list ("check the firewall first").
      if (id === '9.4-pptx-features') expect(nested).toBeGreaterThanOrEqual(2);
      if (id === '6.7-docker-fundamentals' || id === '9.3-long-content') expect(codeLines, `${id} code lines`).toBeGreaterThan(40);
    }
  });

  it('shows diagrams and images as pictures with alternative text, never a whole slide as one picture', async () => {
    for (const [module, id] of LESSONS) {
      const pptx = await readPptx(join(lessonDir(module, id), 'deck.pptx'));
      pptx.slides.forEach((slide, index) => {
        for (const picture of picturesOf(slide)) {
          expect(picture.descr?.trim(), `${id} slide ${index + 1}: alt text`).toBeTruthy();
          expect(picture.cx >= SLIDE.cx * 0.95 && picture.cy >= SLIDE.cy * 0.95, `${id} slide ${index + 1}: full-slide picture`).toBe(false);
        }
        expect(textBoxesOf(slide).length, `${id} slide ${index + 1} has text`).toBeGreaterThan(0);
      });
    }
    const seed = await readPptx(join(lessonDir('module-6', '6.7-docker-fundamentals'), 'deck.pptx'));
    const diagrams = seed.slides.flatMap(picturesOf);
    // The seed's two diagrams are each split into an overview and one part per branch (issue 12);
    // every picture's alt text is the diagram's description in words (issue 13).
    expect(diagrams).toHaveLength(9);
    expect(diagrams[0]!.descr).toBe('Flowchart, top to bottom. Docker Client leads to Docker Daemon. Docker Daemon leads to Container Runtime, Image Management and Network Management.');
    for (const picture of diagrams) expect(picture.descr).toMatch(/^Flowchart, top to bottom\. \S.* leads to /);
    // SVG with a PNG fallback the browser rendered (pptxgenjs alone would write a broken-image icon).
    expect(seed.slides.filter((slide) => slide.includes('<asvg:svgBlip')).length).toBe(diagrams.length);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(join(lessonDir('module-6', '6.7-docker-fundamentals'), 'deck.pptx')));
    const pngs = Object.keys(zip.files).filter((name) => /^ppt\/media\/.*\.png$/.test(name));
    expect(pngs).toHaveLength(diagrams.length);
    for (const name of pngs) {
      const png = Buffer.from(await zip.files[name]!.async('uint8array'));
      expect(png.subarray(0, 8).toString('hex'), `${name} is a PNG`).toBe('89504e470d0a1a0a');
      expect(png.readUInt32BE(16), `${name} width`).toBeGreaterThan(500);
    }
    const features = await readPptx(join(lessonDir('module-9', '9.4-pptx-features'), 'deck.pptx'));
    expect(features.slides.flatMap(picturesOf).map((picture) => picture.descr)).toContain('Port mapping overview');
  });

  it('writes tables as tables, callouts and cards as filled text boxes, code in colour with its file name', async () => {
    const features = await readPptx(join(lessonDir('module-9', '9.4-pptx-features'), 'deck.pptx'));
    const table = features.slides.find((slide) => slide.includes('<a:tbl>'));
    expect(table).toBeDefined();
    const cells = [...table!.matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((cell) => paragraphsOf(cell[0]).map((p) => p.text).join(''));
    expect(cells).toEqual(['Flag', 'Meaning', '-p 8080:80', 'host port 8080 to container port 80', '-P', 'every exposed port to a random host port']);
    const callout = features.slides.flatMap(textBoxesOf).find((box) => box.text.includes('publish only the ports you need.'));
    expect(callout).toBeDefined();
    expect(features.slides.join('').match(/<a:solidFill><a:srgbClr val="FFF4E6"\/><\/a:solidFill>/)).not.toBeNull();

    const seed = await readPptx(join(lessonDir('module-6', '6.7-docker-fundamentals'), 'deck.pptx'));
    const code = seed.slides.find((slide) => titleOf(slide) === 'Dockerfile Configuration')!;
    // The file-name label, then `FROM` as a keyword (#b31d28 in the theme) in DejaVu Sans Mono.
    expect(paragraphsOf(code).map((p) => p.text)).toContain('Dockerfile · dockerfile');
    expect(code).toMatch(/<a:rPr[^>]*>(?:(?!<\/a:rPr>)[\s\S])*<a:srgbClr val="B31D28"\/>(?:(?!<\/a:rPr>)[\s\S])*<a:latin typeface="DejaVu Sans Mono"[\s\S]*?<a:t>FROM<\/a:t>/);
    // Cards in the house colours, with shrink-on-overflow set on the text boxes.
    const cards = seed.slides.find((slide) => titleOf(slide) === 'Container Fundamentals')!;
    expect(cards).toContain('<a:srgbClr val="E8EFF7"/>');
    expect(cards).toContain('<a:normAutofit/>');
    // The slide master carries the theme's fonts.
    expect(seed.files['ppt/theme/theme1.xml']).toContain('<a:latin typeface="DejaVu Sans"');
  });

  it('keeps hostile lesson text as text in well-formed XML', async () => {
    const pptx = await readPptx(join(lessonDir('module-9', '9.2-hostile-html'), 'deck.pptx'));
    const errors: string[] = [];
    for (const [name, xml] of Object.entries(pptx.files)) {
      const parser = new DOMParser({ onError: (level, message) => { if (level !== 'warning') errors.push(`${name}: ${message}`); } });
      try {
        parser.parseFromString(xml, 'text/xml');
      } catch (error) {
        errors.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(errors).toEqual([]);
    const text = pptx.slides.flatMap((slide) => paragraphsOf(slide).map((p) => p.text)).join('\n');
    expect(text).toContain("Hostile HTML <script>alert('title')</script>");
    expect(text).toContain('Explain why <script>alert(1)</script> must stay text');
    expect(text).toContain("<script>alert('in code')</script>");
    expect(text).toContain('a cost of $x^2$ per $$E=mc^2$$ request');
    expect(Object.values(pptx.files).join('')).not.toMatch(/javascript:/i);
  });

  it('writes one full-slide picture per slide with --pptx-style pictures (what the editable deck never does)', async () => {
    // The smallest lesson: a picture deck takes a screenshot per slide.
    cpSync(join(root, 'tests', 'pptx-lessons'), join(dir, 'solo'), { recursive: true });
    const run = lectern(['build', 'solo', '--out', 'pictures', '--formats', 'deck', '--to', 'pptx', '--pptx-style', 'pictures'], dir);
    expect(run.status).toBe(0);
    const pptx = await readPptx(join(dir, 'pictures', '9.4-pptx-features', 'deck.pptx'));
    expect(pptx.slides.length).toBe(pdfInfo(join(lessonDir('module-9', '9.4-pptx-features'), 'deck.pdf')).pages);
    for (const slide of pptx.slides) {
      expect(picturesOf(slide).some((picture) => picture.cx >= SLIDE.cx * 0.95 && picture.cy >= SLIDE.cy * 0.95)).toBe(true);
      expect(titleOf(slide)).toBe('');
    }
  }, 120_000);

  it("carries a --theme file's colours and fonts over", async () => {
    mkdirSync(join(dir, 'themed'), { recursive: true });
    cpSync(join(root, 'tests', 'pptx-lessons'), join(dir, 'themed', 'lessons'), { recursive: true });
    writeFileSync(join(dir, 'themed', 'plum.css'), "/* @theme plum */\n@import 'lectern';\nsection { --lectern-primary: #7a1f5c; font-family: 'DejaVu Serif', serif; }\n");
    const run = lectern(['build', 'lessons', '--out', 'out', '--formats', 'deck', '--to', 'pptx', '--theme', 'plum.css'], join(dir, 'themed'));
    expect(run.status, run.stderr).toBe(0);
    const pptx = await readPptx(join(dir, 'themed', 'out', '9.4-pptx-features', 'deck.pptx'));
    expect(pptx.files['ppt/theme/theme1.xml']).toContain('<a:latin typeface="DejaVu Serif"');
    const layout = Object.entries(pptx.files).find(([name, xml]) => name.startsWith('ppt/slideLayouts/') && xml.includes('<p:cSld name="LECTERN_CONTENT"'))![1];
    expect(layout).toContain('<a:srgbClr val="7A1F5C"/>');
    expect(layout).not.toContain('<a:srgbClr val="173F6B"/>');
    // The house theme's other colours stay (the accent band).
    expect(layout).toContain('<a:srgbClr val="E07B24"/>');
  }, 120_000);

  it('places no text box off the slide or over another', async () => {
    for (const [module, id] of LESSONS) {
      const pptx = await readPptx(join(lessonDir(module, id), 'deck.pptx'));
      pptx.slides.forEach((slide, index) => {
        const boxes = textBoxesOf(slide);
        for (const box of boxes) {
          expect(box.x >= 0 && box.y >= 0 && box.x + box.cx <= SLIDE.cx && box.y + box.cy <= SLIDE.cy, `${id} slide ${index + 1}: "${box.text.slice(0, 40)}" on the slide`).toBe(true);
        }
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const overlap = Math.min(a.x + a.cx, b.x + b.cx) - Math.max(a.x, b.x) > 1000 && Math.min(a.y + a.cy, b.y + b.cy) - Math.max(a.y, b.y) > 1000;
            expect(overlap, `${id} slide ${index + 1}: "${a.text.slice(0, 30)}" over "${b.text.slice(0, 30)}"`).toBe(false);
          }
        }
      });
    }
  });
});

/** LibreOffice's `soffice`, when installed (`node scripts/setup.mjs --libreoffice` installs it). */
function findSoffice(): string | null {
  for (const candidate of ['soffice', 'libreoffice']) {
    const found = spawnSync('sh', ['-c', `command -v ${candidate}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

const soffice = findSoffice();
const skipReason = 'LibreOffice is not installed (no soffice on PATH); run "node scripts/setup.mjs --libreoffice" as root, or apt-get install libreoffice-impress';
if (!soffice) console.warn(`pptx.e2e: skipping the LibreOffice rendering test: ${skipReason}`);

describe.skipIf(!soffice)('the editable PPTX in LibreOffice', () => {
  it('converts to a PDF with the same slides and the seed text, no text over other text', () => {
    const seed = lessonDir('module-6', '6.7-docker-fundamentals');
    const outDir = join(dir, 'libreoffice');
    const profile = join(dir, 'libreoffice-profile');
    const result = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, join(seed, 'deck.pptx')], { encoding: 'utf8', timeout: 180_000 });
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(outDir, 'deck.pdf');
    expect(pdfInfo(pdf).pages).toBe(pdfInfo(join(seed, 'deck.pdf')).pages);

    const text = pdfText(pdf).replace(/\s+/g, ' ');
    const expected = expectedSlides(readFileSync(join(seed, 'deck.md'), 'utf8'));
    for (const slide of expected) {
      for (const wanted of [slide.title, ...slide.bullets.map((bullet) => bullet.text), ...slide.codeLines.map((line) => line.trim())]) {
        expect(text, wanted).toContain(wanted.replace(/\s+/g, ' '));
      }
    }

    // Every word inside its page, and no word drawn over another.
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const pages = bbox.split('<page ').slice(1);
    pages.forEach((page, index) => {
      const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
      const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, text: m[5]! }));
      expect(words.length, `page ${index + 1} has text`).toBeGreaterThan(0);
      for (const word of words) expect(word.x0 >= 0 && word.y0 >= 0 && word.x1 <= width + 0.5 && word.y1 <= height + 0.5, `page ${index + 1}: "${word.text}" on the page`).toBe(true);
      for (const [i, a] of words.entries()) {
        for (const b of words.slice(i + 1)) {
          const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
          const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
          expect(w > 1 && h > 2, `page ${index + 1}: "${a.text}" over "${b.text}"`).toBe(false);
        }
      }
    });
  }, 240_000);
});

