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
    return { svg: lecternSanitizeSvg(svg) };
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

/** The script that defines `PageGlobals` in the page. */
export function runtimeScript(): string {
  return [
    // Bundlers with keepNames (tsx, esbuild) wrap inner functions in __name(); give the page one.
    'var __name = (fn) => fn;',
    `var lecternSanitizeSvg = ${lecternSanitizeSvg.toString()};`,
    `var lecternRender = ${lecternRender.toString()};`,
    `var lecternInit = ${lecternInit.toString()};`,
  ].join('\n');
}
