// The GFM table construct tried only where the next line could be a delimiter row
// (src/parse/table-gate.ts) must give exactly the tree remark-gfm gives, and must skip the attempts.
import { describe, expect, it } from 'vitest';
import { unified, type Plugin } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Nodes } from 'mdast';
import type { Construct, Extension } from 'micromark-util-types';
import { scopeAutolinkLiterals } from '../src/parse/autolink-scope.js';
import { gateTables } from '../src/parse/table-gate.js';
import { parseLesson } from '../src/parse/parse.js';
import { VFile } from 'vfile';
import { randomTexts } from './helpers/random.js';
import { sameTreesOnTestFiles } from './helpers/markdown-files.js';

const whole = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const gated = unified().use(remarkParse).use(remarkGfm).use(scopeAutolinkLiterals).use(gateTables).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Tables of every shape, in every container, beside text that only looks like one. */
const SAMPLE = `---
title: Tables everywhere
---

| tool | home |
| --- | --- |
| git | https://git-scm.com |
a body row without pipes
| last |

tool | home
--- | ---
no | outer pipes

| one column |
| --- |
| a |

a
:-

one column, aligned by a colon
:---:
and a body row

A paragraph before a table that interrupts it
| a | b |
| - | - |

A paragraph with a colon on its second line
Note: this is no table
and a pipe | on its third.

> | quoted | table |
> | :----- | ----: |
> | x      | y     |

- a list item
  | listed | table |
  | ------ | ----- |
  | 1      | 2     |

1. | ordered | list |
   |---|---|
   | 3 | 4 |

| escaped \\| pipe | second |
| --- | --- |
| a \\| b | c |

Dashes only, no table:
a b
--- ---

Not a table: mismatched cells
| a | b |
| - |

\tindented | by a tab
\t--- | ---

    | code | block |
    | ---- | ----- |

\`\`\`
| fenced | code |
| --- | --- |
\`\`\`
| right | after |
| ----- | ----- |
`;

function count(tree: Root, type: string): number {
  let found = 0;
  const walk = (node: Nodes) => {
    if (node.type === type) found++;
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

describe('GFM tables, tried only where one can start', () => {
  it('gives the same tree as remark-gfm for every shape of table, in every kind of block, LF and CRLF', () => {
    for (const text of [SAMPLE, SAMPLE.replace(/\n/g, '\r\n'), `\ufeff${SAMPLE}`, SAMPLE.replace(/\n/g, '\r')]) {
      const expected = whole.parse(text);
      expect(gated.parse(text)).toEqual(expected);
      // The sample does hold tables (and paragraphs that are none): the trees compared are not tables-free.
      expect(count(expected, 'table')).toBeGreaterThanOrEqual(10);
    }
  });

  it('gives the same tree as remark-gfm on every lesson, notes file and corpus episode of the tests', () => {
    expect(sameTreesOnTestFiles(whole, gated, (tree) => count(tree, 'table') > 0)).toBeGreaterThan(5);
  });

  it('gives the same tree as remark-gfm on 1,500 random texts made of table rows, near misses and the markup around them', () => {
    // Fragments that start, end, break or nest tables: the gate reads the raw source at micromark's
    // offsets, so a text where the two disagree (after a tab, a CRLF, a lone CR or a byte order mark,
    // in a quote or a list, a lazy line) would give another tree here.
    const pieces = [
      '\n| a | b |\n| - | - |\n', '\n| a |\n| :-: |\n', '\na | b\n--|--\n', '\n> | a | b |\n> | - | - |\n', '\n- | a | b |\n  | - | - |\n',
      '|', '| a |', '| a | b |', 'a | b', '| - |', '| - | - |', '---', '- | -', ':-', '-:', ':-:', '| :-- | --: |', '|-|-|', 'a\\|b', '\\',
      ':', 'Note:', 'x', 'word', ' ', '  ', '\t', '\n', '\n', '\n', '\r\n', '\r', '\n\n', '\n> ', '\n- ', '\n1. ', '\n  ', '\n    ', '\n# ',
      '>', '- ', '`', '```', '~~~', '*', '_', '[', ']', '(', ')', '<br>', '&#124;', '&colon;',
    ];
    let tables = 0;
    for (const text of randomTexts(pieces, 20261207, 1_500)) {
      const expected = whole.parse(text);
      expect(gated.parse(text), JSON.stringify(text)).toEqual(expected);
      if (count(expected, 'table') > 0) tables++;
    }
    // Many texts do hold tables: the trees compared are not trees without any.
    expect(tables).toBeGreaterThan(250);
  });

  it('asks the table construct nothing where the next line has no | or :, and asks it where one does', () => {
    // A plugin between remark-gfm and the gate counts how often the table construct itself starts.
    let attempts = 0;
    const counting: Plugin<[], Root> = function () {
      const syntax = (this.data('micromarkExtensions') ?? []) as Array<Extension | Extension[]>;
      const wrap = (extension: Extension | Extension[]): Extension | Extension[] => {
        if (Array.isArray(extension)) return extension.map((one) => wrap(one) as Extension);
        const anywhere = extension.flow?.null as Construct | Construct[] | undefined;
        if (!anywhere) return extension;
        const count = (construct: Construct): Construct =>
          construct.name === 'table' ? { ...construct, tokenize(effects, ok, nok) { attempts++; return construct.tokenize.call(this, effects, ok, nok); } } : construct;
        return { ...extension, flow: { ...extension.flow, null: Array.isArray(anywhere) ? anywhere.map(count) : count(anywhere) } };
      };
      this.data('micromarkExtensions', syntax.map(wrap) as Extension[]);
    };
    const counted = (gate: boolean) => {
      const processor = unified().use(remarkParse).use(remarkGfm).use(counting).use(scopeAutolinkLiterals);
      if (gate) processor.use(gateTables);
      return processor.freeze();
    };
    const prose = Array.from({ length: 20 }, (_, n) => `Paragraph ${n} starts here,\nand goes on for a second line.\n`).join('\n');
    attempts = 0;
    counted(false).parse(prose);
    expect(attempts).toBeGreaterThanOrEqual(20);
    attempts = 0;
    counted(true).parse(prose);
    expect(attempts).toBe(0);
    // Where a delimiter row may follow, the construct is asked, and makes the table.
    attempts = 0;
    const table = counted(true).parse(`${prose}\n| a | b |\n| - | - |\n| c | d |\n`) as Root;
    expect(attempts).toBeGreaterThan(0);
    expect(count(table, 'table')).toBe(1);
  });

  it('is in the lesson parser', () => {
    const tree = parseLesson(new VFile({ path: 'lesson.md', value: '# T\n\nplain text\n\n| a | b |\n| - | - |\n' }));
    expect(count(tree, 'table')).toBe(1);
  });
});
