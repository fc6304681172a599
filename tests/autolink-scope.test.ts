// The autolink-literal transform run only on the blocks that may hold an autolink
// (src/parse/autolink-scope.ts) must give exactly the tree remark-gfm's own transform gives.
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { scopeAutolinkLiterals } from '../src/parse/autolink-scope.js';
import { randomTexts } from './helpers/random.js';
import { sameTreesOnTestFiles } from './helpers/markdown-files.js';

const whole = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const scoped = unified().use(remarkParse).use(remarkGfm).use(scopeAutolinkLiterals).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Every autolink form, in every kind of block, beside text that only looks like one. */
const SAMPLE = `---
title: Links everywhere
---

# Contact support@example.org or see https://example.org/docs

Plain text with no link at all, a version 1.2.3 and a path a/b/c.

Write to someone@mail.example.com, mailto:help@example.org or xmpp:chat@jabber.example.org/home.
Visit www.example.com. Or WWW.EXAMPLE.ORG/path?q=1, and http://localhost:8080/x (a local one).

- a list item with https://docs.example.org/a_(b)
  - nested: ask admin@example.net
- [an explicit link with https://inside.example.org in its text](https://target.example.org)
- [a reference with www.inside.example.org][ref]

> A quote that says www.quote.example.org and then *emphasis with user@quote.example.org*.

| tool | home |
| --- | --- |
| git | https://git-scm.com |
| none | no link here |

What only the transform finds (micromark's tokenizer leaves them to it), each alone in its block. No
http(s) form was found that the tokenizer leaves to the transform; the scope checks for them all the same.

An escaped at sign: a\\@escaped.example.org

A character reference: &copy;www.copy.example.org

Not links: an @mention, a decorator @app.route, user@localhost, wwwexample.com, ftp://files.example.org.

\`\`\`
https://in.code.example.org is code, never a link
\`\`\`

[ref]: https://ref.example.org
`;


function links(tree: Root): string[] {
  const urls: string[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'link' && node.url) urls.push(node.url);
    for (const child of (node.children ?? []) as Array<typeof node>) walk(child);
  };
  walk(tree);
  return urls;
}

describe('autolink literals, found only in the blocks that may hold them', () => {
  it('gives the same tree as remark-gfm for every form of autolink, in every kind of block', () => {
    const expected = whole.parse(SAMPLE);
    expect(scoped.parse(SAMPLE)).toEqual(expected);
    // The sample does make autolinks of each kind: the comparison above is not between two trees without any.
    expect(links(expected)).toEqual(
      expect.arrayContaining([
        'mailto:support@example.org',
        'https://example.org/docs',
        'mailto:someone@mail.example.com',
        'mailto:help@example.org',
        'mailto:chat@jabber.example.org',
        'http://www.example.com',
        'http://WWW.EXAMPLE.ORG/path?q=1',
        'https://docs.example.org/a_(b)',
        'mailto:admin@example.net',
        'http://www.quote.example.org',
        'mailto:user@quote.example.org',
        'https://git-scm.com',
        'mailto:a@escaped.example.org',
        'http://www.copy.example.org',
      ]),
    );
  });

  it('gives the same tree as remark-gfm on every lesson, notes file and corpus episode of the tests', () => {
    const withLinks = sameTreesOnTestFiles(whole, scoped, (tree, text) => links(tree).some((url) => text.includes(url)));
    expect(withLinks).toBeGreaterThan(10);
  });

  it('gives the same tree as remark-gfm on 3,000 random texts made of autolinks, near misses and the markup around them', () => {
    // Fragments that start, end, break or nest the three kinds of autolink literal: micromark's
    // tokenizer is now asked to try them only where the source reads like one, so a text where
    // that test and the tokenizer disagree (offsets after a tab, a CRLF or a byte order mark, a
    // link label still open, a quote or list prefix) would give another tree here.
    const pieces = [
      'http://a.example.org', 'https://b.example.org/p?q=1', 'HTTP://C.EXAMPLE.ORG', 'http:/x', 'https:', 'httpx://d.org', 'hhttp://e.org',
      'www.f.org', 'WWW.G.ORG/x', 'www', 'www.', 'wwww.h.org', 'xwww.i.org',
      'a@j.org', 'first.last+tag@k.example.com', '@', 'x@', '@y.org', 'a_b-c@l.org', 'm@n', '.o@p.org', 'mailto:q@r.org', 'xmpp:s@t.org/u',
      'word', 'when', 'how', 'with', 'has', 'hello', 'wide', 'h', 'w', 'H', 'W', '2', '_', '-', '+', '.',
      ' ', ' ', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', '\n> ', '\n- ', '\n1. ', '\n  ', '\n    ', '\n# ', '\n| a | b |\n| - | - |\n| ',
      '[', ']', '(', ')', '![', '](x)', '][r]', '*', '**', '_', '~~', '`', '\\', '&amp;', '&#64;', '&copy;', '<', '>', '<http://u.org>', '"', "'", ',', ';', ':', '!', '?',
    ];
    let linked = 0;
    for (const pieced of randomTexts(pieces, 20261206, 3_000)) {
      const text = `${pieced}\n\n[r]: https://ref.example.org\n`;
      const expected = whole.parse(text);
      expect(scoped.parse(text), JSON.stringify(text)).toEqual(expected);
      if (links(expected).length > 1) linked++;
    }
    // Most texts do hold autolinks: the trees compared are not trees without any.
    expect(linked).toBeGreaterThan(1_500);
  });
});
