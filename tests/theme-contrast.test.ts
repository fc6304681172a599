// Syntax-highlighting colours meet WCAG 1.4.3 (4.5:1) in every theme Lectern ships: each highlight.js
// token colour against every light colour the style sheet paints (code backgrounds, callouts, the
// paper). Pure: reads the CSS files, no browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/render.js';

/** WCAG 2.1 relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  const six = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(six.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** `selector → colour` of every rule that colours a highlight.js token. */
function tokenColours(css: string): Array<{ selector: string; colour: string }> {
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)];
  return rules.flatMap(([, selector, body]) => {
    const colour = /(?:^|[;\s])color:\s*(#[0-9a-f]{3,6})\b/i.exec(body!)?.[1];
    return selector!.includes('.hljs-') && colour ? [{ selector: selector!.trim().replace(/\s+/g, ' '), colour }] : [];
  });
}

/** Every light colour the sheet uses (the paper and its tints; borders are darker): whatever a token might sit on. */
function lightColours(css: string): string[] {
  const colours = [...css.matchAll(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/gi)].map(([hex]) => hex.toLowerCase());
  return [...new Set([...colours, '#ffffff'])].filter((hex) => luminance(hex) > 0.75);
}

const themes = ['templates/themes/lectern.css', 'templates/styles/print.css'];

describe('syntax colours', () => {
  for (const theme of themes) {
    it(`meet 4.5:1 on every background in ${theme}`, () => {
      const css = readFileSync(join(root, theme), 'utf8');
      const tokens = tokenColours(css);
      const backgrounds = lightColours(css);
      expect(tokens.length).toBeGreaterThan(6);
      expect(backgrounds).toEqual(expect.arrayContaining(['#ffffff']));
      const failing = tokens.flatMap(({ selector, colour }) =>
        backgrounds.filter((bg) => contrast(colour, bg) < 4.5).map((bg) => `${selector}: ${colour} on ${bg} is ${contrast(colour, bg).toFixed(2)}:1`),
      );
      expect(failing).toEqual([]);
    });
  }

  it('tells a failing pair from a passing one (the check itself)', () => {
    expect(contrast('#6a737d', '#f6f7f9')).toBeLessThan(4.5);
    expect(contrast('#59626d', '#f6f7f9')).toBeGreaterThan(4.5);
    expect(tokenColours('.hljs-comment { color: #6a737d; }')).toEqual([{ selector: '.hljs-comment', colour: '#6a737d' }]);
  });
});
