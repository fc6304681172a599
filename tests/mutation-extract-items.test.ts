// src/extract/items.ts, function by function (issue 20): lists (and list-less sections) of a lesson
// written in each test, parsed, cut into its heading tree and read as the extractor reads them.
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { List, Paragraph } from 'mdast';
import { parseLesson } from '../src/parse/parse.js';
import { buildBlocks, type Block } from '../src/extract/blocks.js';
import { collectResources, collectTextItems, itemText, outlineOf, practiceItemOf, resourceOf } from '../src/extract/items.js';

const nodes = (markdown: string) => parseLesson(new VFile({ path: 'lesson.md', value: markdown })).children;
/** The first section of `markdown` (its first heading and all below it). */
const section = (markdown: string): Block => buildBlocks(nodes(markdown)).blocks[0]!;
const firstList = (markdown: string): List => nodes(markdown).find((node): node is List => node.type === 'list')!;

describe('itemText', () => {
  it('joins the lead, the later paragraphs and the nested items', () => {
    const [item] = firstList('- **Images** are templates\n\n  Built in layers.\n\n  - read-only\n  - cached\n').children;
    expect(itemText(item!)).toBe('**Images** are templates Built in layers. — read-only; cached');
    const [bare] = firstList('- \n  - only nested\n  - items\n').children;
    expect(itemText(bare!)).toBe('only nested; items');
    // A code block inside the item is no text of it; an empty nested item adds nothing.
    const [coded] = firstList('- Run it\n\n  ```bash\n  docker run\n  ```\n\n  - first\n  - \n  - last\n').children;
    expect(itemText(coded!)).toBe('Run it — first; last');
    const [codeFirst] = firstList('- ```bash\n  make\n  ```\n\n  Then run it.\n').children;
    expect(itemText(codeFirst!)).toBe('Then run it.');
  });
});

describe('outlineOf', () => {
  it('keeps every level, with later paragraphs as children', () => {
    const list = firstList('- Storage\n\n  Volumes persist.\n\n  - Bind mounts\n    - Read-only\n- Network\n');
    expect(outlineOf(list)).toEqual([
      { text: 'Storage', children: [{ text: 'Volumes persist.', children: [] }, { text: 'Bind mounts', children: [{ text: 'Read-only', children: [] }] }] },
      { text: 'Network', children: [] },
    ]);
    expect(outlineOf(firstList('- Build\n\n  ```bash\n  make\n  ```\n'))).toEqual([{ text: 'Build', children: [] }]);
  });
});

describe('collectTextItems', () => {
  it('takes list items with their lines, skips empty ones and code, and leaves the rest', () => {
    const block = section('## Objectives\n\nBy the end you will be able to:\n\n- Explain images\n- \n- Run a container\n\n```bash\ndocker run\n```\n\n> A note\n');
    const { items, leftover } = collectTextItems(block);
    expect(items).toEqual([
      { text: 'Explain images', line: 5 },
      { text: 'Run a container', line: 7 },
    ]);
    expect(leftover.map((node) => node.type)).toEqual(['paragraph', 'blockquote']);
  });

  it('takes paragraphs when the section has no list, but not the one that leads in', () => {
    const { items, leftover } = collectTextItems(section('## Key Concepts\n\nThese matter:\n\nImages are layered.\n\nContainers are processes.\n'));
    expect(items).toEqual([
      { text: 'Images are layered.', line: 5 },
      { text: 'Containers are processes.', line: 7 },
    ]);
    expect(leftover.map((node) => node.type)).toEqual(['paragraph']);
  });

  it('leaves a paragraph beside a list as it is, and reads a colon inside a sentence as no lead-in', () => {
    const mixed = collectTextItems(section('## Objectives\n\nSome context first.\n\n- Explain images\n'));
    expect(mixed.items).toEqual([{ text: 'Explain images', line: 5 }]);
    expect(mixed.leftover.map((node) => node.type)).toEqual(['paragraph']);
    expect(collectTextItems(section('## Key Concepts\n\nPorts: published with -p.\n')).items).toEqual([{ text: 'Ports: published with -p.', line: 3 }]);
    expect(collectTextItems(section('## Key Concepts\n\nThe docs are at https://docs.docker.com\n')).items.map((item) => item.line)).toEqual([3]);
  });

  it('reads subsections: their items, or one item of their title and text, keeping what is left', () => {
    const block = section('## Key Concepts\n\n### Images\n\n- Layers\n- Tags\n\n> kept\n\n### Volumes\n\nThey persist data:\n\n> also kept\n\n### Empty\n\n### Ports\n\nPublished with -p.\n');
    const { items, leftover } = collectTextItems(block);
    expect(items).toEqual([
      { text: 'Layers', line: 5 },
      { text: 'Tags', line: 6 },
      { text: 'Volumes: They persist data:', line: 10 },
      { text: 'Empty', line: 16 },
      { text: 'Published with -p.', line: 20 },
    ]);
    expect(leftover.map((node) => node.type)).toEqual(['blockquote', 'blockquote']);
  });
});

describe('resourceOf and collectResources', () => {
  it('names a resource by its link alone, or by all its words, and adds what is nested', () => {
    const paragraph = (markdown: string) => (nodes(markdown)[0] as Paragraph).children;
    expect(resourceOf(paragraph('[Docker docs](https://docs.docker.com) '), 3)).toEqual({ text: 'Docker docs', url: 'https://docs.docker.com', line: 3 });
    expect(resourceOf(paragraph('The [Docker docs](https://docs.docker.com), read first'), 4)).toEqual({ text: 'The [Docker docs](https://docs.docker.com), read first', url: 'https://docs.docker.com', line: 4 });
    expect(resourceOf(paragraph('**See [the guide](https://e.org/g)**'), 5)).toEqual({ text: '**See [the guide](https://e.org/g)**', url: 'https://e.org/g', line: 5 });
    expect(resourceOf(paragraph('[A](https://e.org/a) and more'), 6).text).toBe('[A](https://e.org/a) and more');
    expect(resourceOf(paragraph('**Bold** then [L](https://e.org/l)'), 7).url).toBe('https://e.org/l');
    // Whitespace between nodes is not a word: a link with only spaces beside it names the resource alone.
    const [link] = paragraph('[Only](https://e.org/o)');
    expect(resourceOf([link!, { type: 'text', value: '   ' }], 8).text).toBe('Only');
    expect(resourceOf(paragraph('A book with no link'), 6, 'chapter 3')).toEqual({ text: 'A book with no link — chapter 3', url: null, line: 6 });
    expect(resourceOf([], 7, 'only the extra')).toEqual({ text: 'only the extra', url: null, line: 7 });
  });

  it('collects every list item of the section and its subsections, or its paragraphs without a list', () => {
    const listed = collectResources(section('## Resources\n\nRead these:\n\n- [A](https://e.org/a)\n  - the intro\n  - the FAQ\n\n```\nx\n```\n\n### More\n\n- [B](https://e.org/b)\n'));
    expect(listed.items).toEqual([
      { text: 'A — the intro; the FAQ', url: 'https://e.org/a', line: 5 },
      { text: 'B', url: 'https://e.org/b', line: 15 },
    ]);
    expect(listed.leftover.map((node) => node.type)).toEqual(['paragraph']);
    const mixed = collectResources(section('## Resources\n\nSome context first.\n\n- [E](https://e.org/e)\n'));
    expect(mixed.items.map((item) => item.text)).toEqual(['E']);
    expect(mixed.leftover.map((node) => node.type)).toEqual(['paragraph']);
    const paragraphs = collectResources(section('## Resources\n\nSee:\n\n[C](https://e.org/c)\n\n[D](https://e.org/d)\n'));
    expect(paragraphs.items.map((item) => [item.text, item.line])).toEqual([['C', 5], ['D', 7]]);
    expect(paragraphs.leftover.map((node) => node.type)).toEqual(['paragraph']);
    const quoted = collectResources(section('## Resources\n\n[F](https://e.org/f)\n\n> A quote with [G](https://e.org/g)\n'));
    expect(quoted.items.map((item) => item.text)).toEqual(['F']);
    expect(quoted.leftover.map((node) => node.type)).toEqual(['blockquote']);
  });
});

describe('practiceItemOf', () => {
  it('takes a bold label as the title and the rest as points', () => {
    const [labelled, plain, bare] = firstList('- **Pin versions**: never `latest`\n\n  Rebuilds stay the same.\n\n  ```bash\n  docker pull x:1.2\n  ```\n\n  - in CI too\n  - \n- Keep images small\n- **Scan images**\n').children;
    expect(practiceItemOf(labelled!)).toEqual({ title: 'Pin versions', points: ['never `latest`', 'Rebuilds stay the same.', 'in CI too'] });
    expect(practiceItemOf(plain!)).toEqual({ title: 'Keep images small', points: [] });
    expect(practiceItemOf(bare!)).toEqual({ title: 'Scan images', points: [] });
  });
});
