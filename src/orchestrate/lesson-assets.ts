/**
 * A lesson's assets: its Mermaid diagrams as SVG files, and its local images copied beside the output.
 * Remote images are never fetched; paths that leave the course are never read.
 */
import { readFile, realpath } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, resolve, basename } from 'node:path';
import type { Image, Definition, Nodes, Parent } from 'mdast';
import type { VFile } from 'vfile';
import type { Lesson } from '../model/lesson.js';
import type { DiagramAsset, ImageAsset } from '../render/context.js';
import type { DiagramError, MermaidRenderer } from '../assets/mermaid.js';
import { parseMermaid } from '../assets/mermaid-parse.js';
import { mermaidDiagnostic } from '../assets/diagram-check.js';
import { layOutDiagrams } from '../assets/mermaid-layout.js';
import { minPrintTextPt, minSlideTextPx } from '../assets/mermaid-fit.js';
import { isInside, slug } from '../output/paths.js';
import { tooLargeReason } from '../assets/mermaid-limits.js';

const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif']);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface FileToWrite {
  /** Relative to the lesson's output folder. */
  path: string;
  data: string | Uint8Array;
}

function report(file: VFile, reason: string, ruleId: string, line: number | undefined, fatal: boolean | undefined): void {
  const message = file.message(reason, { place: line ? { line, column: 1 } : undefined, ruleId, source: 'lectern' });
  message.fatal = fatal;
}

/**
 * Renders the lesson's diagrams for the slide and the page (the renderer skips the browser for cached
 * ones), splitting what cannot be read on one slide; errors become `mermaid-syntax`, figures that
 * stay too small `diagram-too-small`.
 */
export async function renderDiagrams(
  lesson: Lesson,
  file: VFile | null,
  renderer: MermaidRenderer,
  prefix = 'diagram',
  cachedOnly = false,
): Promise<{ assets: DiagramAsset[]; files: FileToWrite[]; cached: number }> {
  if (lesson.diagrams.length === 0) return { assets: [], files: [], cached: 0 };
  const results = await layOutDiagrams(
    renderer,
    lesson.diagrams.map((diagram, index) => ({ id: `${prefix}-${index + 1}`, code: diagram.code, title: diagram.title })),
    cachedOnly,
  );
  const assets: DiagramAsset[] = [];
  const files: FileToWrite[] = [];
  let cached = 0;
  const failed: Array<{ index: number; asset: DiagramAsset; error: DiagramError | undefined }> = [];
  results.forEach(({ whole: result, slide, column, parts, partsInHandout, tooSmall }, index) => {
    const diagram = lesson.diagrams[index];
    if (result.svg) {
      const name = `${prefix}-${index + 1}-${slug(diagram.title, 32)}`;
      const path = `assets/${name}.svg`;
      // The file is the slide's drawing; the handout inlines the drawing made for its column.
      files.push({ path, data: slide?.svg ?? result.svg });
      const asset: DiagramAsset = { src: path, svg: column?.svg ?? result.svg, error: null };
      if (parts.length > 0) {
        asset.parts = parts.map((part, n) => ({ name: part.name, src: `assets/${name}-part-${n + 1}.svg`, svg: part.column.svg, code: part.code }));
        asset.partsInHandout = partsInHandout;
        parts.forEach((part, n) => files.push({ path: `assets/${name}-part-${n + 1}.svg`, data: part.svg }));
      }
      assets.push(asset);
      if (result.cached) cached++;
      if (tooSmall && file) report(file, tooSmallReason(diagram.title, tooSmall, parts.length), 'diagram-too-small', diagram.line, false);
      return;
    }
    if (result.skipped) {
      // `--to md` never starts Chromium: a diagram not rendered before is shown as its source.
      assets.push({ src: null, svg: null, error: 'Not rendered in a Markdown-only build; build with --to html or pdf to draw it.' });
      return;
    }
    const message = result.error?.message ?? 'Mermaid could not render this diagram';
    const tooLarge = tooLargeReason(diagram.title, message);
    const asset: DiagramAsset = { src: null, svg: null, error: tooLarge ?? firstLine(message) };
    assets.push(asset);
    // Over Mermaid's edge limit: the fence opens on diagram.line; Mermaid counts lines of the code inside it.
    if (tooLarge) {
      if (file) report(file, tooLarge, 'diagram-too-large', diagram.line + (result.error?.line ?? 1), true);
      return;
    }
    failed.push({ index, asset, error: result.error });
  });
  // Worded by Mermaid's parser in Node, as `check` words it: the same lesson line and plain words.
  for (const { index, asset, error } of failed) {
    const diagram = lesson.diagrams[index];
    const problem = await parseMermaid(diagram.code).catch(() => null);
    if (problem) {
      const found = mermaidDiagnostic(diagram, problem);
      if (file) report(file, found.message, 'mermaid-syntax', found.line, true);
      asset.error = problem.message;
      continue;
    }
    // Parsed, yet not drawn: Mermaid's own words from the browser. The fence opens on diagram.line.
    const line = diagram.line + (error?.line ?? 1);
    if (file) report(file, `Diagram "${diagram.title}" does not parse: ${asset.error}`, 'mermaid-syntax', line, true);
  }
  return { assets, files, cached };
}

/** "Diagram "X" still draws its smallest words 9.8 px tall on its slide (18 px is the least …)". */
function tooSmallReason(title: string, size: { slidePx: number | null; printPt: number | null }, parts: number): string {
  const where = [
    size.slidePx === null ? '' : `${floorTenth(size.slidePx)} px tall on ${parts > 0 ? `its smallest of ${parts} slides` : 'its slide'} (at least ${minSlideTextPx} px reads from the back of a room)`,
    size.printPt === null ? '' : `${floorTenth(size.printPt)} pt in the handout (at least ${minPrintTextPt} pt)`,
  ].filter(Boolean);
  return `Diagram "${title}" still draws its smallest words ${where.join(' and ')}; simplify it, split it into several diagrams or show it as a table`;
}

// 7.96 pt is under 8 pt: never round a size up to the limit it misses.
function floorTenth(value: number): string {
  return (Math.floor(value * 10) / 10).toFixed(1);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim())?.trim() ?? text;
}

function imageNodes(tree: Nodes): Array<Image | Definition> {
  const found: Array<Image | Definition> = [];
  const visit = (node: Nodes) => {
    if (node.type === 'image' || node.type === 'definition') found.push(node);
    if ('children' in node) for (const child of (node as Parent).children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}

/** Where a local image link leads: outside the course (by its text or, through a symlink, by its real path), nowhere, or a file. */
type Located = { kind: 'invalid' } | { kind: 'outside'; linked: boolean } | { kind: 'absent' } | { kind: 'file'; target: string };

async function locateImage(url: string, source: string, courseRoot: string): Promise<Located> {
  let target: string;
  try {
    target = resolve(dirname(source), decodeURI(url.split(/[?#]/)[0]));
  } catch {
    return { kind: 'invalid' };
  }
  if (!isInside(courseRoot, target)) return { kind: 'outside', linked: false };
  if (!existsSync(target)) return { kind: 'absent' };
  // The link text stays inside, but a symbolic link on the way may lead anywhere: judge the real path.
  const [real, realRoot] = await Promise.all([realpath(target).catch(() => null), realpath(courseRoot).catch(() => courseRoot)]);
  if (real === null) return { kind: 'absent' };
  if (!isInside(realRoot, real)) return { kind: 'outside', linked: true };
  return { kind: 'file', target: real };
}

function outsideReason(url: string, linked: boolean): string {
  return linked
    ? `Image ${url} is a symbolic link to a file outside the course folder; it is not read`
    : `Image ${url} points outside the course folder; it is not read`;
}

/** The `unsafe-path` problems of a lesson's local images, without reading any of them (for `check`). */
export async function unsafeImages(tree: Nodes, source: string, courseRoot: string): Promise<Array<{ reason: string; line: number }>> {
  const found: Array<{ reason: string; line: number }> = [];
  const done = new Set<string>();
  for (const node of imageNodes(tree)) {
    const url = node.url;
    if (!url || done.has(url) || SCHEME.test(url) || url.startsWith('//')) continue;
    done.add(url);
    if (node.type === 'definition' && !IMAGE_TYPES.has(extname(url.split(/[?#]/)[0]).toLowerCase())) continue;
    const located = await locateImage(url, source, courseRoot);
    if (located.kind === 'outside') found.push({ reason: outsideReason(url, located.linked), line: node.position?.start.line ?? 1 });
  }
  return found;
}

/**
 * Copies the lesson's local images into `assets/images/`; remote images are reported as
 * `remote-asset`, and paths outside the course root (by their real path) as `unsafe-path` (and never read).
 */
export async function collectImages(
  tree: Nodes,
  file: VFile,
  source: string,
  courseRoot: string,
): Promise<{ images: Record<string, ImageAsset>; files: FileToWrite[] }> {
  const images: Record<string, ImageAsset> = {};
  const files: FileToWrite[] = [];
  const taken = new Set<string>();
  for (const node of imageNodes(tree)) {
    const url = node.url;
    if (images[url] || !url) continue;
    const line = node.position?.start.line;
    if (SCHEME.test(url) || url.startsWith('//')) {
      if (node.type === 'image' && /^(?:https?:)?\/\//i.test(url)) {
        report(file, `Remote image ${url} is not downloaded; it is shown as a link`, 'remote-asset', line, false);
      }
      images[url] = { original: url, src: null };
      continue;
    }
    if (node.type === 'definition' && !IMAGE_TYPES.has(extname(url.split(/[?#]/)[0]).toLowerCase())) continue;
    const located = await locateImage(url, source, courseRoot);
    if (located.kind === 'outside') {
      report(file, outsideReason(url, located.linked), 'unsafe-path', line, true);
      images[url] = { original: url, src: null };
      continue;
    }
    const target = located.kind === 'file' ? located.target : '';
    // The name shown is the link's, not the real file's.
    const shown = located.kind === 'file' ? resolve(dirname(source), decodeURI(url.split(/[?#]/)[0])) : '';
    const extension = extname(shown).toLowerCase();
    if (located.kind !== 'file' || !IMAGE_TYPES.has(extension)) {
      // A missing file is already a broken-link warning; an unknown type is not shown.
      images[url] = { original: url, src: null };
      continue;
    }
    let name = `${slug(basename(shown, extension), 40)}${extension}`;
    for (let n = 2; taken.has(name); n++) name = `${slug(basename(shown, extension), 36)}-${n}${extension}`;
    taken.add(name);
    files.push({ path: `assets/images/${name}`, data: await readFile(target) });
    images[url] = { original: url, src: `assets/images/${name}` };
  }
  return { images, files };
}
