// The editable PPTX writer's pure parts: theme reading, text runs, code colours, layout and fitting.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pptxThemeOf, houseTheme } from '../src/export/pptx/theme.js';
import { inlineRuns } from '../src/export/pptx/runs.js';
import { codeLines } from '../src/export/pptx/code.js';
import { slideSpec } from '../src/export/pptx/slides.js';
import { placeBlocks } from '../src/export/pptx/place.js';
import { BODY, writeEditablePptx } from '../src/export/pptx/write.js';
import { rasterSize, svgSize } from '../src/export/pptx/pictures.js';
import type { PlannedSlide } from '../src/plan/deck-plan.js';

const houseCss = readFileSync(join(import.meta.dirname, '..', 'templates', 'themes', 'lectern.css'), 'utf8');

function planned(kind: PlannedSlide['kind'], data: Record<string, unknown>, extra: Partial<PlannedSlide> = {}): PlannedSlide {
  return { key: kind, kind, title: 'A slide', line: 1, part: 1, parts: 1, classes: [], data, say: [], exercise: false, ...extra };
}

describe('pptxThemeOf', () => {
  it('reads the house theme: its colours, fonts and syntax colours', () => {
    const theme = pptxThemeOf([houseCss]);
    expect(theme).toMatchObject({ font: 'DejaVu Sans', mono: 'DejaVu Sans Mono', primary: '173F6B', accent: 'E07B24', ink: '1E2A36', codeBg: 'F5F7FA' });
    expect(theme.syntax.keyword).toEqual({ color: 'B31D28' });
    expect(theme.syntax.comment).toEqual({ color: '57606A', italic: true });
    expect(theme.columns.map((column) => column.head)).toEqual(['A23B2A', '173F6B', '2F7A4F']);
  });

  it("carries a user's theme over where it maps, the house theme elsewhere", () => {
    const user = `/* @theme plum */
      section { --lectern-primary: #7a1f5c; --lectern-accent: rgb(0, 128, 96); font-family: 'Noto Serif', serif; color: #222; }
      .hljs-keyword { color: #005cc5; font-weight: bold; }`;
    const theme = pptxThemeOf([houseCss, user]);
    expect(theme).toMatchObject({ primary: '7A1F5C', accent: '008060', font: 'Noto Serif', ink: '222222', mono: 'DejaVu Sans Mono', codeBg: houseTheme.codeBg });
    expect(theme.syntax.keyword).toEqual({ color: '005CC5', bold: true });
    // The title slide follows the primary colour when the theme gives no background of its own.
    expect(pptxThemeOf([user]).titleBg).toBe('7A1F5C');
  });
});

describe('runs and code', () => {
  it('keeps emphasis, inline code and safe links of lesson Markdown, and nothing live', () => {
    expect(inlineRuns('Use **bold**, *care* and `docker run` — see [docs](https://docs.docker.com) or [x](javascript:alert(1))')).toEqual([
      { text: 'Use ' },
      { text: 'bold', bold: true },
      { text: ', ' },
      { text: 'care', italic: true },
      { text: ' and ' },
      { text: 'docker run', code: true },
      { text: ' — see ' },
      { text: 'docs', link: 'https://docs.docker.com' },
      { text: ' or x' },
    ]);
    expect(inlineRuns('<script>alert(1)</script> costs $5')).toEqual([{ text: '<script>alert(1)</script> costs $5' }]);
  });

  it('colours code by highlight.js scope, line by line, and leaves unknown languages plain', () => {
    const theme = pptxThemeOf([houseCss]);
    const lines = codeLines('FROM python:3.9 # base\nRUN pip install -r requirements.txt', 'dockerfile', theme);
    expect(lines).toHaveLength(2);
    expect(lines[0]![0]).toEqual({ text: 'FROM', color: 'B31D28' });
    expect(lines[0]!.find((run) => run.text.includes('# base'))).toMatchObject({ color: '57606A', italic: true });
    expect(lines.map((line) => line.map((run) => run.text).join(''))).toEqual(['FROM python:3.9 # base', 'RUN pip install -r requirements.txt']);
    expect(codeLines('a < b && c', 'no-such-language', theme)).toEqual([[{ text: 'a < b && c' }]]);
  });
});

describe('slide layout', () => {
  it('sets a slide smaller when its content would not fit, and keeps every box in the body area', () => {
    const theme = pptxThemeOf([houseCss]);
    const few = slideSpec(planned('pitfalls', { items: ['One pitfall'] }), theme);
    const many = slideSpec(planned('pitfalls', { items: Array.from({ length: 16 }, (_, i) => `Pitfall number ${i + 1}, described at some length so that it wraps onto a second line of the slide`) }), theme);
    if (few.layout !== 'content' || many.layout !== 'content') throw new Error('expected content slides');
    const sizes = () => undefined;
    expect(placeBlocks(few.blocks, BODY, sizes)[0]!.scale).toBe(1);
    const placed = placeBlocks(many.blocks, BODY, sizes);
    expect(placed[0]!.scale).toBeLessThan(1);
    for (const { box } of placed) expect(box.y + box.h).toBeLessThanOrEqual(BODY.y + BODY.h + 0.5);
  });

  it('puts case-study columns side by side, as tall as the tallest', () => {
    const theme = pptxThemeOf([houseCss]);
    const spec = slideSpec(
      planned('case-study', {
        columns: [
          { heading: 'Challenge', text: 'Slow deploys', items: [] },
          { heading: 'Solution', text: null, items: ['Containers', 'A registry', 'Rolling updates', 'Health checks'] },
          { heading: 'Results', text: null, items: ['Faster'] },
        ],
      }),
      theme,
    );
    if (spec.layout !== 'content') throw new Error('expected a content slide');
    const placed = placeBlocks(spec.blocks, BODY, () => undefined);
    expect(placed).toHaveLength(6);
    const bodies = placed.filter((_, index) => index % 2 === 1);
    expect(new Set(bodies.map(({ box }) => Math.round(box.y + box.h))).size).toBe(1);
    expect(bodies.map(({ box }) => box.x)).toEqual([...bodies.map(({ box }) => box.x)].sort((a, b) => a - b));
    expect(placed.map(({ block }) => (block.kind === 'text' ? block.fill : null))).toEqual(['A23B2A', 'FBEEEA', '173F6B', 'E8EFF7', '2F7A4F', 'EAF5EE']);
  });

  it('shows a slide kind it does not know by its title and items', () => {
    const spec = slideSpec(planned('future-kind' as PlannedSlide['kind'], { items: ['First', 'Second'] }, { part: 2, parts: 2 }), pptxThemeOf([houseCss]));
    expect(spec.title.map((run) => run.text).join('')).toBe('A slide (cont.)');
    if (spec.layout !== 'content') throw new Error('expected a content slide');
    expect(spec.blocks[0]).toMatchObject({ kind: 'text', paras: [{ runs: [{ text: 'First' }], level: 1 }, { runs: [{ text: 'Second' }], level: 1 }] });
  });
});

describe('writeEditablePptx', () => {
  it('sets a long title smaller, cuts a long running header to one line, and writes the notes', async () => {
    const theme = pptxThemeOf([houseCss]);
    const long = 'A very long slide title that goes on and on about containers, images, registries, networks and orchestration';
    const slides = [planned('pitfalls', { items: ['x'] }, { title: long }), planned('pitfalls', { items: ['y'] }, { title: 'Short' })].map((slide) => slideSpec(slide, theme));
    const bytes = await writeEditablePptx({ slides, notes: ['First notes & <more>', 'Second notes'], theme, pictures: new Map(), header: `Lesson 1 · ${'Header '.repeat(40)}`, footer: 'Module' });
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const text = (name: string) => zip.files[name]!.async('string');
    const titleSize = (xml: string) => Number(/<p:ph\b[^>]*type="title"[\s\S]*?<a:rPr[^>]*\bsz="(\d+)"/.exec(xml)?.[1]);
    expect(titleSize(await text('ppt/slides/slide2.xml'))).toBe(3000);
    expect(titleSize(await text('ppt/slides/slide1.xml'))).toBeLessThan(3000);
    const layout = await text('ppt/slideLayouts/slideLayout2.xml');
    expect(layout).toMatch(/<a:t>Lesson 1 · Header [^<]*…<\/a:t>/);
    expect(layout.match(/Header /g)!.length).toBeLessThan(20);
    expect(await text('ppt/notesSlides/notesSlide1.xml')).toContain('First notes &amp; &lt;more&gt;');
  });
});

describe('picture sizes', () => {
  it('reads PNG, GIF and JPEG headers and SVG view boxes', () => {
    const png = Buffer.alloc(32);
    png.writeUInt32BE(0x89504e47, 0);
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    expect(rasterSize(png)).toEqual({ type: 'png', width: 640, height: 480 });
    const gif = Buffer.from('GIF89a\x20\x00\x10\x00\x00\x00\x00', 'latin1');
    expect(rasterSize(gif)).toEqual({ type: 'gif', width: 32, height: 16 });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03, 0, 0, 0, 0, 0, 0]);
    expect(rasterSize(jpeg)).toEqual({ type: 'jpeg', width: 400, height: 300 });
    expect(rasterSize(Buffer.from('<svg></svg>'))).toBeNull();
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 1136.5 390" style="max-width: 1136px">')).toEqual({ width: 1136.5, height: 390 });
    expect(svgSize('<svg width="120px" height="80px">')).toEqual({ width: 120, height: 80 });
  });
});
