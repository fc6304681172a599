/**
 * src/render/ writes the plans of src/plan/ out: Marp Markdown for the deck, HTML for the handout and
 * lab sheets, through the Handlebars templates (templates.ts) and the escaping that keeps lesson text
 * inert (markdown-safe.ts for Markdown, html-escape.ts and html.ts for HTML). Pure: the build prints
 * and exports what it returns.
 *
 * This file: the Marp deck, a lesson as Marp Markdown (`deck.md`), one slide per planned slide, each
 * with presenter notes. Pure: no fs, no browser, no clock.
 *
 * The plan (which slides, how content is continued) lives in `../plan/deck-plan.ts`; the look lives in the
 * templates (`deck.md.hbs`, `partials/deck/*.hbs`) and the theme (`themes/lectern.css`). Lesson text
 * reaches the Markdown only through the helpers registered here, which escape it for Markdown (see
 * `markdown-safe.ts`), never through Handlebars' HTML escaping.
 */
import type { RenderContext } from './context.js';
import type { Templates } from './templates.js';
import { planDeck, assetResolver, type DeckTuning, type PlannedSlide, type OutlineView } from '../plan/deck-plan.js';
import { formatNotes, slideMinutes } from '../plan/notes.js';
import {
  inlineMarkdown, inlinePlainText, escapeText, yamlString, commentText, codeFence, blocksToMarkdown, codeSpan,
} from './markdown-safe.js';
import { type AssetResolver, noAssets, diagramParagraph } from './markdown-sanitize.js';

export type { DeckTuning } from '../plan/deck-plan.js';

/** What the build needs to know about each slide of the rendered deck. */
export interface DeckSlideInfo {
  /** Stable key of the slide's group (`concept:1`, `example:0`, `section:2/0`); tuning applies per key. */
  key: string;
  kind: string;
  /** Plain-text title (with "(cont.)" on continuation slides). */
  title: string;
  /** Source line in the lesson, for diagnostics. */
  line: number;
  /** 1-based part of the group, and how many parts the group has. */
  part: number;
  parts: number;
}

const HELPERS_REGISTERED = Symbol.for('lectern.deckHelpers');

/** Renders the lesson's deck; `slides[i]` describes the i-th Marp slide of `markdown`. */
export function renderDeck(context: RenderContext, templates: Templates, tuning: DeckTuning = {}): { markdown: string; slides: DeckSlideInfo[] } {
  registerDeckHelpers(templates);
  const plan = planDeck(context, tuning);
  const minutes = slideMinutes(context.lesson, plan);
  const views = plan.map((slide, index) => {
    const next = plan[index + 1];
    const notes = formatNotes({ minutes: minutes[index], say: slide.say, next: next ? plainTitle(next) : null });
    return {
      ...slide.data,
      partial: `deck/${slide.kind}`,
      key: slide.key,
      kind: slide.kind,
      title: slide.title,
      cont: slide.part > 1,
      part: slide.part,
      parts: slide.parts,
      classes: slideClasses(slide, tuning),
      paginate: slide.kind !== 'title',
      notes,
    };
  });
  const { lesson } = context;
  const header = lesson.number ? `Lesson ${lesson.number} · ${lesson.title}` : lesson.title;
  const footer = [context.moduleTitle, context.courseTitle].filter((part): part is string => Boolean(part)).join(' · ');
  const markdown = templates.render('deck.md', {
    theme: context.theme || 'lectern',
    header,
    footer,
    slides: views,
    assets: assetResolver(context),
  });
  return {
    markdown: `${markdown.trimEnd()}\n`,
    slides: plan.map((slide) => ({
      key: slide.key,
      kind: slide.kind,
      title: plainTitle(slide),
      line: slide.line || 1,
      part: slide.part,
      parts: slide.parts,
    })),
  };
}

function plainTitle(slide: PlannedSlide): string {
  const title = inlinePlainText(slide.title);
  return slide.part > 1 ? `${title} (cont.)` : title;
}

/** The slide's classes: its kind, its layout, and a shrink class when the build asked for a smaller scale. */
function slideClasses(slide: PlannedSlide, tuning: DeckTuning): string {
  const classes = [slide.kind, ...slide.classes];
  const scale = tuning[slide.key]?.scale;
  if (typeof scale === 'number' && Number.isFinite(scale) && scale < 0.995) {
    const step = Math.min(9, Math.max(6, Math.floor(scale * 10 + 1e-9)));
    classes.push(`shrink-${step * 10}`);
  }
  return classes.filter((name) => /^[a-z][a-z0-9-]*$/.test(name)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type HelperOptions = { hash?: Record<string, unknown>; data?: { root?: { assets?: AssetResolver } } };

function assetsOf(options: HelperOptions | undefined): AssetResolver {
  return options?.data?.root?.assets ?? noAssets;
}

function isOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}

function asString(value: unknown): string {
  if (value === null || value === undefined || isOptions(value)) return '';
  return String(value);
}

/** Registers the deck's Markdown helpers on the shared environment (once per environment). */
export function registerDeckHelpers(templates: Templates): void {
  const env = templates.env as typeof templates.env & { [HELPERS_REGISTERED]?: boolean };
  if (env[HELPERS_REGISTERED]) return;
  env[HELPERS_REGISTERED] = true;
  const safe = (text: string) => new env.SafeString(text);

  /** `{{md-inline text}}`: lesson inline Markdown, made safe (no HTML, no directives, no slide breaks). */
  env.registerHelper('md-inline', (text: unknown, options: HelperOptions) => safe(inlineMarkdown(asString(text), assetsOf(options))));

  /** `{{md-text text}}`: plain text shown literally. */
  env.registerHelper('md-text', (text: unknown) => safe(escapeText(asString(text))));

  /** `{{md-list items}}`: a bullet list of inline Markdown items (`ordered=true start=N` for numbers). */
  env.registerHelper('md-list', (items: unknown, options: HelperOptions) => {
    const list = Array.isArray(items) ? items : [];
    const ordered = options?.hash?.ordered === true;
    const start = Number(options?.hash?.start ?? 1) || 1;
    const lines = list
      .map((item) => inlineMarkdown(asString(item), assetsOf(options)))
      .filter(Boolean)
      .map((text, index) => `${ordered ? `${start + index}.` : '-'} ${text}`);
    return safe(lines.join('\n'));
  });

  /** `{{md-outline items}}`: nested bullets (`bold=true` makes the top level bold, for card layouts). */
  env.registerHelper('md-outline', (items: unknown, options: HelperOptions) => {
    const bold = options?.hash?.bold === true;
    const lines: string[] = [];
    const visit = (nodes: OutlineView[], depth: number) => {
      for (const node of nodes) {
        const text = inlineMarkdown(asString(node.text), assetsOf(options));
        if (!text && node.children.length === 0) continue;
        const shown = bold && depth === 0 && text ? `**${text}**` : text || '…';
        lines.push(`${'  '.repeat(depth)}- ${shown}`);
        visit(Array.isArray(node.children) ? node.children : [], depth + 1);
      }
    };
    visit(Array.isArray(items) ? (items as OutlineView[]) : [], 0);
    return safe(lines.join('\n'));
  });

  /** `{{md-link text url}}`: a link when the URL is http(s) or mailto, else the text alone. */
  env.registerHelper('md-link', (text: unknown, url: unknown, options: HelperOptions) => {
    const label = asString(text);
    const target = asString(url).trim();
    const relative = !/^[a-z][a-z\d+.-]*:/i.test(target) && !target.startsWith('//');
    if (!target || (!relative && !/^(?:https?:|mailto:)/i.test(target)) || /[\s<>]/.test(target)) {
      return safe(inlineMarkdown(label, assetsOf(options)));
    }
    const shown = inlineMarkdown(label, assetsOf(options)).replace(/\[|\]/g, (bracket) => `\\${bracket}`) || escapeText(target);
    return safe(`[${shown}](${target.replace(/[()]/g, (paren) => encodeURIComponent(paren))})`);
  });

  /** `{{md-code text}}`: an inline code span of plain text. */
  env.registerHelper('md-code', (text: unknown) => safe(codeSpan(asString(text))));

  /** `{{code-fence code lang}}`: fenced code no content can close. */
  env.registerHelper('code-fence', (code: unknown, language: unknown) => safe(codeFence(asString(code), asString(language) || null)));

  /** `{{md-image src alt}}`: an image the build produced (a relative path), alt text free of Marp keywords. */
  env.registerHelper('md-image', (src: unknown, alt: unknown) => {
    const target = asString(src);
    if (!target || /^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('//')) return safe(escapeText(asString(alt)));
    return safe(blocksToMarkdown([diagramParagraph(asString(alt), target)]));
  });

  /** `{{speaker-notes notes}}`: presenter notes as an HTML comment that nothing can end early. */
  env.registerHelper('speaker-notes', (notes: unknown) => {
    const text = commentText(asString(notes)).trim();
    return safe(text ? `<!--\n${text}\n-->` : '');
  });

  /** `{{slide-directives this}}`: the slide's local directives (class, pagination). */
  env.registerHelper('slide-directives', (slide: unknown) => {
    const view = (typeof slide === 'object' && slide !== null ? slide : {}) as { classes?: unknown; paginate?: unknown };
    const classes = asString(view.classes)
      .split(/\s+/)
      .filter((name) => /^[a-z][a-z0-9-]*$/.test(name))
      .join(' ');
    const lines: string[] = [];
    if (classes) lines.push(`<!-- _class: ${classes} -->`);
    if (view.paginate === false) lines.push('<!-- _paginate: false -->');
    return safe(lines.join('\n'));
  });

  /** `{{yaml-string text}}` / `{{yaml-inline text}}`: a quoted YAML scalar (of plain text / of safe inline Markdown). */
  env.registerHelper('yaml-string', (text: unknown) => safe(yamlString(asString(text))));
  env.registerHelper('yaml-inline', (text: unknown, options: HelperOptions) => safe(yamlString(inlineMarkdown(asString(text), assetsOf(options)))));

  /** `{{eq a b}}` for templates that branch on a value. */
  if (!env.helpers.eq) env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}
