// The plain-text shortcut of the deck's Markdown helpers (src/render/markdown-safe.ts): text that
// `isPlain` accepts is returned as it is, without parsing and serialising. It must be exactly what
// the full path (remark parse, sanitise, mdast-util-to-markdown) gives for it, for every line and
// every sentence of the Markdown files under tests/, and for random text made of the characters
// that come closest to a construct.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeText, inlineMarkdown, inlineMarkdownFull, inlinePlainText, isPlain, phrasingMarkdown } from '../src/render/markdown-safe.js';
import { collapse } from '../src/render/markdown-sanitize.js';
import { seededRandom } from './helpers/random.js';
import { markdownFiles } from './helpers/markdown-files.js';


/** Every line of the test corpora, each with its list marker or heading marks taken off, and its sentences. */
function corpusTexts(): string[] {
  const texts = new Set<string>();
  for (const file of markdownFiles(join(import.meta.dirname, '.'))) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const bare = collapse(line.replace(/^\s*(?:[-*+]|\d+[.)]|#+|>)\s+/, ''));
      if (!bare) continue;
      texts.add(bare);
      for (const sentence of bare.split(/(?<=[.:;!?])\s+/)) texts.add(collapse(sentence));
    }
  }
  return [...texts].filter(Boolean);
}

/**
 * Deterministic random text: mostly letters, digits and the punctuation the shortcut allows, with one
 * or two characters that may start a construct (`w.`, `:/`, `@`, `*`…) put in somewhere.
 */
function randomTexts(count: number): string[] {
  const plain = ['a', 'w', 'W', 's', 'p', 'h', 't', 'x', 'é', 'Ü', '1', '9', ' ', ' ', '.', ':', '/', '-', '(', ')', ',', ';', "'", '"', '?', '%', '–', '—', '+', '=', '>'];
  const tricky = ['@', '#', '*', '_', '`', '[', ']', '!', '&', '<', '$', '~', '\\', '|', 'www.', 'w.', 'http://', ':/', 'mailto:', '\n'];
  const next = seededRandom(20261206);
  const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 1 + Math.floor(next() * 20) }, () => pick(plain));
    for (let n = Math.floor(next() * 3); n > 0; n--) chars.splice(Math.floor(next() * (chars.length + 1)), 0, pick(tricky));
    return collapse(`x${chars.join('')}`);
  });
}

describe('plain-text shortcut of inline Markdown', () => {
  const corpus = corpusTexts();
  const random = randomTexts(10000);

  it('gives, for every plain text of the corpora, what parsing and serialising gives', () => {
    const plain = corpus.filter(isPlain);
    // The shortcut must matter: a good share of real lines and sentences are plain.
    expect(plain.length).toBeGreaterThan(corpus.length / 5);
    const differ = plain.filter((text) => inlineMarkdownFull(text) !== text || phrasingMarkdown([{ type: 'text', value: text }]) !== text);
    expect(differ).toEqual([]);
    for (const text of plain) {
      expect(inlineMarkdown(text)).toBe(text);
      expect(escapeText(text)).toBe(text);
      expect(inlinePlainText(text)).toBe(text);
    }
  });

  it('gives, for random text near Markdown constructs, what parsing and serialising gives', () => {
    const plain = random.filter(isPlain);
    expect(plain.length).toBeGreaterThan(500);
    const differ = plain.filter((text) => inlineMarkdownFull(text) !== text || phrasingMarkdown([{ type: 'text', value: text }]) !== text);
    expect(differ).toEqual([]);
  });

  it('leaves to the full path the texts that parsing or escaping would change', () => {
    // Each is a character or two away from plain text, and the full path changes every one of them:
    // an autolink literal becomes a link, a character that would start a construct is escaped.
    const changedByFullPath = [
      'see www.example.org',
      'know.it',
      'read http://example.org',
      'mail admin@example.org',
      'cost $5',
      'a < b',
      '1. step',
      '- item',
      'ps:/x',
      'x [y](javascript:alert(1))',
    ];
    for (const text of changedByFullPath) {
      expect(isPlain(text), text).toBe(false);
      expect(inlineMarkdownFull(text), text).not.toBe(text);
      expect(inlineMarkdown(text)).toBe(inlineMarkdownFull(text));
    }
    // Markdown constructs go the full way too (sanitising decides what stays of them).
    for (const text of ['a *b* c', 'use `ls`', 'Tom & Jerry', 'C#', 'a \\* b', '![x](y.png)']) {
      expect(isPlain(text), text).toBe(false);
      expect(inlineMarkdown(text)).toBe(inlineMarkdownFull(text));
    }
  });
});
