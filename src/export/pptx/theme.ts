/**
 * The editable deck's look, read from the deck theme's CSS (the house theme, or a user's Marp theme
 * built on it): colours and fonts where a CSS rule maps onto a slide part. Anything the CSS does not
 * say keeps the house value. Pure.
 */

export interface PptxTheme {
  /** Body and heading font (installed offline: the fonts the PDFs use). */
  font: string;
  mono: string;
  ink: string;
  muted: string;
  primary: string;
  primarySoft: string;
  accent: string;
  accentSoft: string;
  codeBg: string;
  codeBorder: string;
  codeInk: string;
  danger: string;
  background: string;
  /** Title slide: background, text, label colours. */
  titleBg: string;
  titleInk: string;
  titleLabel: string;
  link: string;
  /** Case-study column heads and bodies: challenge, solution, results. */
  columns: Array<{ head: string; body: string }>;
  /** Syntax colours by highlight.js scope (`keyword`, `string`, `title.function_` …). */
  syntax: Record<string, { color: string; italic?: boolean; bold?: boolean }>;
}

/** The house theme (templates/themes/lectern.css), the fallback for whatever a theme leaves out. */
export const houseTheme: PptxTheme = {
  font: 'DejaVu Sans',
  mono: 'DejaVu Sans Mono',
  ink: '1E2A36',
  muted: '5C6B7A',
  primary: '173F6B',
  primarySoft: 'E8EFF7',
  accent: 'E07B24',
  accentSoft: 'FFF4E6',
  codeBg: 'F5F7FA',
  codeBorder: 'D9E0E7',
  codeInk: '24292F',
  danger: 'B42318',
  background: 'FFFFFF',
  titleBg: '173F6B',
  titleInk: 'FFFFFF',
  titleLabel: 'FFB36B',
  link: '1D5FA8',
  columns: [
    { head: 'A23B2A', body: 'FBEEEA' },
    { head: '173F6B', body: 'E8EFF7' },
    { head: '2F7A4F', body: 'EAF5EE' },
  ],
  syntax: {},
};

interface Rule {
  selectors: string[];
  declarations: Map<string, string>;
}

/** Reads the theme's CSS files, in cascade order (built-in themes first, the user's theme last). */
export function pptxThemeOf(cssFiles: readonly string[]): PptxTheme {
  const rules = cssFiles.flatMap(parseRules);
  const variables = new Map<string, string>();
  for (const rule of rules) for (const [name, value] of rule.declarations) if (name.startsWith('--')) variables.set(name, value);
  const resolve = (value: string | undefined): string | undefined =>
    value?.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)/g, (_m, name: string, fallback?: string) => variables.get(name) ?? fallback ?? '');
  /** The last value of `property` among rules whose selector is exactly one of `selectors`. */
  const lookup = (selectors: string[], property: string): string | undefined => {
    let found: string | undefined;
    for (const rule of rules) {
      if (!rule.selectors.some((selector) => selectors.includes(selector))) continue;
      const value = rule.declarations.get(property);
      if (value !== undefined) found = resolve(value);
    }
    return found;
  };
  const colour = (fallback: string, ...values: Array<string | undefined>) => {
    for (const value of values) {
      const hex = hexColour(value);
      if (hex) return hex;
    }
    return fallback;
  };
  const house = houseTheme;
  const primary = colour(house.primary, resolve('var(--lectern-primary)'), lookup(['h2'], 'color'));
  const theme: PptxTheme = {
    ...house,
    font: fontOf(lookup(['section'], 'font-family')) ?? house.font,
    mono: fontOf(lookup(['code', 'pre', 'pre code'], 'font-family')) ?? house.mono,
    ink: colour(house.ink, lookup(['section'], 'color')),
    muted: colour(house.muted, resolve('var(--lectern-muted)')),
    primary,
    primarySoft: colour(house.primarySoft, resolve('var(--lectern-primary-soft)')),
    accent: colour(house.accent, resolve('var(--lectern-accent)')),
    accentSoft: colour(house.accentSoft, resolve('var(--lectern-accent-soft)')),
    codeBg: colour(house.codeBg, resolve('var(--lectern-code-bg)'), lookup(['pre'], 'background'), lookup(['pre'], 'background-color')),
    codeBorder: colour(house.codeBorder, resolve('var(--lectern-code-border)')),
    codeInk: colour(house.codeInk, lookup(['pre code'], 'color')),
    danger: colour(house.danger, resolve('var(--lectern-danger)')),
    background: colour(house.background, lookup(['section'], 'background-color'), lookup(['section'], 'background')),
    titleBg: colour(primary, lastColour(lookup(['section.title'], 'background')), lookup(['section.title'], 'background-color')),
    titleInk: colour(house.titleInk, lookup(['section.title h1'], 'color')),
    titleLabel: colour(house.titleLabel, lookup(['section.title h6'], 'color')),
    link: colour(house.link, lookup(['a'], 'color')),
    syntax: syntaxColours(rules, resolve),
  };
  theme.columns = [1, 2, 3].map((n, index) => ({
    head: colour(house.columns[index].head, lookup([`section.case-study > h3:nth-of-type(${n})`], 'background')),
    body: colour(house.columns[index].body, lookup([`section.case-study > h3:nth-of-type(${n}) + *`], 'background')),
  }));
  return theme;
}

/** Colours of highlight.js scopes: `.hljs-keyword` → `keyword`, `.hljs-title.function_` → `title.function_`. */
function syntaxColours(rules: Rule[], resolve: (value: string | undefined) => string | undefined): PptxTheme['syntax'] {
  const out: PptxTheme['syntax'] = {};
  for (const rule of rules) {
    for (const selector of rule.selectors) {
      const match = /^\.hljs-([\w-]+(?:\.[\w-]+)?)$/.exec(selector);
      if (!match) continue;
      const scope = match[1];
      const color = hexColour(resolve(rule.declarations.get('color')));
      const style = rule.declarations.get('font-style');
      const weight = rule.declarations.get('font-weight');
      const entry = { ...out[scope] };
      if (color) entry.color = color;
      if (style) entry.italic = style === 'italic';
      if (weight) entry.bold = weight === 'bold' || Number(weight) >= 600;
      if (entry.color || entry.italic !== undefined || entry.bold !== undefined) out[scope] = entry as PptxTheme['syntax'][string];
    }
  }
  return out;
}

/** CSS rules at the top level and inside at-rule blocks; comments dropped. */
function parseRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  const pattern = /([^{}@;]+)\{([^{}]*)\}/g;
  for (const match of text.matchAll(pattern)) {
    const selectors = match[1].split(',').map((selector) => selector.trim().replace(/\s+/g, ' ')).filter(Boolean);
    const declarations = new Map<string, string>();
    for (const declaration of match[2].split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const name = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).replace(/!important/i, '').trim();
      if (name && value) declarations.set(name, value);
    }
    rules.push({ selectors, declarations });
  }
  return rules;
}

const NAMED: Record<string, string> = { white: 'FFFFFF', black: '000000' };

/** `#abc`, `#aabbcc` or `rgb(…)` as `AABBCC`; anything else (gradients, names) is not a colour here. */
export function hexColour(value: string | undefined): string | null {
  const text = value?.trim().toLowerCase();
  if (!text) return null;
  if (NAMED[text]) return NAMED[text];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
  if (hex) return (hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex).toUpperCase();
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(text);
  if (rgb) return rgb.slice(1, 4).map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0')).join('').toUpperCase();
  return null;
}

/** The middle colour stop of a gradient (the title slide's), or the value itself. */
function lastColour(value: string | undefined): string | undefined {
  if (!value) return value;
  const stops = value.match(/#[0-9a-f]{3,6}\b/gi);
  return stops ? stops[Math.floor(stops.length / 2)] : value;
}

/** The first named family of a `font-family` list (generic families and emoji fonts skipped). */
function fontOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  for (const part of value.split(',')) {
    const name = part.trim().replace(/^['"]|['"]$/g, '');
    if (!name || /^(?:serif|sans-serif|monospace|system-ui|cursive|fantasy|inherit|initial)$/i.test(name) || /emoji/i.test(name)) continue;
    return name;
  }
  return undefined;
}
