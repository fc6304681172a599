/**
 * Code that runs inside the Mermaid page, not in Node. Each function is sent to Chromium as source
 * text (`runtimeScript`), so it may use only browser globals, `mermaid` and the other functions here.
 */
import type { Mermaid, MermaidConfig } from 'mermaid';

declare const mermaid: Mermaid;

/** What one in-page render returns: the sanitised SVG, or Mermaid's error message. */
export type PageOutcome = { svg: string } | { error: string };

/** The globals `runtimeScript` defines in the page. */
export interface PageGlobals {
  lecternInit(config: MermaidConfig): void;
  lecternRender(id: string, code: string): Promise<PageOutcome>;
  lecternSanitizeSvg(svg: string): string;
  lecternMeasureSvg(svg: string): string;
}

/** Configures Mermaid once for the page's lifetime. */
export function lecternInit(config: MermaidConfig): void {
  mermaid.initialize(config);
}

/** Parses and renders one diagram; never throws, and leaves the page clean for the next one. */
export async function lecternRender(id: string, code: string): Promise<PageOutcome> {
  // Fail closed: if a diagram ever managed to loosen security, refuse it rather than trust the sanitiser.
  const loosened = () => mermaid.mermaidAPI.getConfig().securityLevel !== 'strict';
  const refusal = { error: 'Cannot render a diagram that changes securityLevel, expected strict' };
  try {
    await mermaid.parse(code);
    if (loosened()) return refusal;
    const { svg } = await mermaid.render(id, code);
    if (loosened()) return refusal;
    return { svg: lecternMeasureSvg(lecternSanitizeSvg(svg)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    // Mermaid leaves its scratch <div>s (and, on failure, error graphics) in the body.
    document.body.replaceChildren();
  }
}

/**
 * Removes anything executable from an SVG: script-like elements, `on*` handlers, `javascript:`
 * (and other non-image) URLs, and animations that could rewrite a link. Returns well-formed XML.
 */
export function lecternSanitizeSvg(svg: string): string {
  // A <template> parses inertly: nothing in it runs or loads while we inspect it.
  const template = document.createElement('template');
  template.innerHTML = svg;
  const root = template.content.querySelector('svg');
  if (!root) return '';

  const forbiddenElements = new Set([
    'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
    'base', 'link', 'meta', 'form', 'audio', 'video', 'handler', 'listener',
  ]);
  const urlAttributes = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background']);

  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const name = element.localName.toLowerCase();
    if (forbiddenElements.has(name)) {
      element.remove();
      continue;
    }
    // <set attributeName="href" to="javascript:…"> would put the link back after sanitising.
    if ((name === 'set' || name.startsWith('animate')) && /href/i.test(element.getAttribute('attributeName') ?? '')) {
      element.remove();
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      const attributeName = attribute.name.toLowerCase();
      // Browsers ignore whitespace and control characters inside a URL scheme (`java\tscript:`).
      const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u00a0]+/g, '').toLowerCase();
      const unsafe =
        attributeName.startsWith('on') ||
        value.includes('javascript:') ||
        value.includes('vbscript:') ||
        (urlAttributes.has(attributeName) && value.startsWith('data:') && !value.startsWith('data:image/'));
      if (unsafe) element.removeAttributeNode(attribute);
    }
  }
  // XML, not HTML, serialisation: the SVG must also stand alone as an .svg file (<br/>, &#160;).
  return new XMLSerializer().serializeToString(root);
}

/**
 * Marks the SVG with the height of its smallest line of text, in the units of its viewBox
 * (`data-lectern-text="15.6"`), so the build can tell how large labels will be in any box without
 * a browser. The height is the font's (ascent plus descent), as a PDF reader's word box measures it.
 */
export function lecternMeasureSvg(svg: string): string {
  if (!svg) return svg;
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:0;top:0;width:1200px;visibility:hidden';
  const template = document.createElement('template');
  template.innerHTML = svg;
  const root = template.content.querySelector('svg');
  if (!root) return svg;
  // Chromium prints an element with a CSS filter as a picture, so its words would leave the PDF's
  // text (timelines brighten their event boxes with one): filters are switched off.
  if (root.id) {
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = `#${root.id} *, #${root.id} { filter: none !important; }`;
    root.append(style);
  }
  holder.append(root);
  document.body.append(holder);
  try {
    const rootMatrix = root.getScreenCTM();
    const rootScale = rootMatrix ? Math.hypot(rootMatrix.c, rootMatrix.d) : 0;
    let smallest = Infinity;
    for (const element of Array.from(root.querySelectorAll<SVGTextContentElement>('text, tspan'))) {
      // Only elements that hold words themselves; a <text> of <tspan>s is measured through them.
      const words = Array.from(element.childNodes).some((node) => node.nodeType === 3 && (node.textContent ?? '').trim() !== '');
      if (!words || element.getNumberOfChars() === 0) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.opacity === '0' || parseFloat(style.fontSize) === 0) continue;
      const matrix = element.getScreenCTM();
      if (!matrix || rootScale === 0) continue;
      let height: number;
      try {
        height = element.getExtentOfChar(0).height;
      } catch {
        continue;
      }
      if (height > 0) smallest = Math.min(smallest, (height * Math.hypot(matrix.c, matrix.d)) / rootScale);
    }
    if (Number.isFinite(smallest)) root.setAttribute('data-lectern-text', String(Math.round(smallest * 100) / 100));
    // Some kinds draw text past their own viewBox (a pie's long legend), which cuts words off: widen it.
    const view = root.viewBox.baseVal;
    if (rootMatrix && view && view.width > 0 && rootMatrix.a !== 0 && rootMatrix.d !== 0) {
      let left = view.x;
      let top = view.y;
      let right = view.x + view.width;
      let bottom = view.y + view.height;
      for (const text of Array.from(root.querySelectorAll('text'))) {
        const rect = text.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0 || (text.textContent ?? '').trim() === '') continue;
        left = Math.min(left, (rect.left - rootMatrix.e) / rootMatrix.a);
        right = Math.max(right, (rect.right - rootMatrix.e) / rootMatrix.a);
        top = Math.min(top, (rect.top - rootMatrix.f) / rootMatrix.d);
        bottom = Math.max(bottom, (rect.bottom - rootMatrix.f) / rootMatrix.d);
      }
      const margin = 4;
      if (left < view.x - 1 || top < view.y - 1 || right > view.x + view.width + 1 || bottom > view.y + view.height + 1) {
        const round = (value: number) => Math.round(value * 100) / 100;
        const x = Math.min(view.x, left - margin);
        const y = Math.min(view.y, top - margin);
        const width = Math.max(view.x + view.width, right + margin) - x;
        const height = Math.max(view.y + view.height, bottom + margin) - y;
        root.setAttribute('viewBox', `${round(x)} ${round(y)} ${round(width)} ${round(height)}`);
        if (root.style.maxWidth) root.style.maxWidth = `${round(width)}px`;
      }
    }
    return new XMLSerializer().serializeToString(root);
  } finally {
    holder.remove();
  }
}

/** The script that defines `PageGlobals` in the page. */
export function runtimeScript(): string {
  return [
    // Bundlers with keepNames (tsx, esbuild) wrap inner functions in __name(); give the page one.
    'var __name = (fn) => fn;',
    `var lecternSanitizeSvg = ${lecternSanitizeSvg.toString()};`,
    `var lecternMeasureSvg = ${lecternMeasureSvg.toString()};`,
    `var lecternRender = ${lecternRender.toString()};`,
    `var lecternInit = ${lecternInit.toString()};`,
  ].join('\n');
}
