/**
 * The pictures of an editable deck, read from the lesson's output folder (never outside it): PNG,
 * JPEG and GIF as they are; SVG (the rendered diagrams) kept as SVG with a PNG rendering beside it,
 * which PowerPoint before 2016, Keynote and LibreOffice show; other formats rendered to PNG. The
 * renderings come from the shared browser, which drew the diagrams in the first place.
 */
import { readFile, realpath } from 'node:fs/promises';
import { join, extname } from 'node:path';
import type { BrowserManager } from '../../browser/manager.js';
import { isInside } from '../../output/paths.js';
import { escapeHtml } from '../html-document.js';
import { withPrintPage } from '../print-page.js';
import type { Picture } from './write.js';

/** Width of the PNG fallback of an SVG, in CSS pixels (rendered at twice that). */
const FALLBACK_WIDTH = 1136;

/** Reads (and where needed renders) every picture `sources` names, by source path; unreadable ones are left out. */
export async function loadPictures(manager: BrowserManager, baseDir: string, sources: readonly string[]): Promise<Map<string, Picture>> {
  const pictures = new Map<string, Picture>();
  const toRender: Array<{ src: string; width: number; height: number }> = [];
  const root = await realpath(baseDir);
  for (const src of new Set(sources)) {
    if (/^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//')) continue;
    let data: Uint8Array;
    try {
      const path = await realpath(join(baseDir, decodeURI(src)));
      if (!isInside(root, path)) continue;
      data = await readFile(path);
    } catch {
      continue;
    }
    const raster = rasterSize(data);
    if (raster) {
      pictures.set(src, { data, ...raster });
      continue;
    }
    const svg = extname(src).toLowerCase() === '.svg' ? svgSize(Buffer.from(data).toString('utf8')) : null;
    if (svg) pictures.set(src, { data, type: 'svg', ...svg });
    toRender.push({ src, width: svg?.width ?? 0, height: svg?.height ?? 0 });
  }
  if (toRender.length === 0) return pictures;

  const images = toRender.map((item, index) => {
    const scale = item.width > 0 ? Math.min(1, FALLBACK_WIDTH / item.width) : 1;
    const size = item.width > 0 ? ` width="${Math.round(item.width * scale)}" height="${Math.round(item.height * scale)}"` : '';
    return `<div><img id="p${index}" src="${escapeHtml(item.src)}" alt=""${size}></div>`;
  });
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}img{display:block}div{padding:0;margin:0 0 8px}</style></head><body>${images.join('')}</body></html>`;
  await withPrintPage(manager, { html, baseDir, deviceScaleFactor: 2, visible: true }, async (page) => {
    for (const [index, item] of toRender.entries()) {
      const element = await page.$(`#p${index}`);
      const natural = await element?.evaluate((img) => ({ width: (img as HTMLImageElement).naturalWidth, height: (img as HTMLImageElement).naturalHeight, ok: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0 }));
      if (!element || !natural?.ok) continue;
      const png = await element.screenshot({ type: 'png' });
      const known = pictures.get(item.src);
      if (known) known.fallback = png;
      else pictures.set(item.src, { data: png, type: 'png', width: natural.width, height: natural.height });
    }
  });
  // An SVG the browser could not draw has no fallback: it is left out rather than shown broken.
  for (const [src, picture] of pictures) if (picture.type === 'svg' && !picture.fallback) pictures.delete(src);
  return pictures;
}

/** Type and pixel size of a PNG, JPEG or GIF, from its header; null for anything else. */
export function rasterSize(data: Uint8Array): Pick<Picture, 'type' | 'width' | 'height'> | null {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) return { type: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length > 10 && bytes.toString('latin1', 0, 3) === 'GIF') return { type: 'gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1];
      const length = bytes.readUInt16BE(at + 2);
      // Start-of-frame markers (not DHT, JPG or DAC) carry the size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpeg', width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** An SVG's size from its viewBox (or width and height in px). */
export function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!root) return null;
  const box = /\bviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(root);
  if (box && Number(box[1]) > 0 && Number(box[2]) > 0) return { width: Number(box[1]), height: Number(box[2]) };
  const width = /\bwidth\s*=\s*["']([\d.]+)(?:px)?["']/i.exec(root)?.[1];
  const height = /\bheight\s*=\s*["']([\d.]+)(?:px)?["']/i.exec(root)?.[1];
  return width && height ? { width: Number(width), height: Number(height) } : null;
}
