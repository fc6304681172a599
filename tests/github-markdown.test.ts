// What Markdown written for GitHub (and kramdown, Pandoc) means, read as meant: alerts become
// labelled boxes, heading attributes leave the title, <img> tags become images. Pure parse and
// extract, then one real build (`--to html`, no browser) for where an <img> file ends up.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Root, RootContent } from 'mdast';
import { parseLesson } from '../src/parse/parse.js';
import { analyze } from './helpers/render.js';
import { ensureBuilt, lectern } from './helpers/cli.js';

const parse = (value: string): Root => parseLesson(new VFile({ path: 'docs/01-setup.md', value }));
const sections = (value: string) => analyze(value, 'docs/01-setup.md').sections;
const types = (nodes: RootContent[]) => nodes.map((node) => (node.type === 'fencedDiv' ? `div:${node.name}` : node.type));

describe('GitHub alerts', () => {
  it.each(['NOTE', 'Tip', 'important', 'WARNING', 'CAUTION'])('reads > [!%s] as a box of that name, without the marker', (kind) => {
    const tree = parse(`# T\n\n> [!${kind}]\n> Use a virtual environment.\n>\n> Always.\n`);
    const div = tree.children[1]!;
    expect(types([div])).toEqual([`div:${kind.toLowerCase()}`]);
    expect(JSON.stringify(div)).not.toContain('[!');
    expect(JSON.stringify(div)).toContain('Use a virtual environment.');
    expect(JSON.stringify(div)).toContain('Always.');
  });

  it('reads a marker alone in its quote as an empty box; a separate quote after it stays a quote', () => {
    const tree = parse('# T\n\n> [!TIP]\n\n> Next\n');
    expect(types(tree.children)).toEqual(['heading', 'div:tip', 'blockquote']);
  });

  it('leaves a plain quote, and one that only mentions [!NOTE] later, a quote (twin)', () => {
    const tree = parse('# T\n\n> A plain quote.\n\n> See [!NOTE] below.\n\n> [!NOTES]\n> not an alert\n');
    expect(types(tree.children)).toEqual(['heading', 'blockquote', 'blockquote', 'blockquote']);
  });

  it('prints the box with its label in the section, the text in it', () => {
    const markdown = sections('# T\n\n## Install\n\n> [!WARNING]\n> Do not use the system Python.\n')[0]!.markdown;
    expect(markdown).toMatch(/^::: warning\nDo not use the system Python\.\n:::$/m);
  });
});

describe('heading attributes', () => {
  it.each([
    ['## Step 1: Install Python {#install}', 'Step 1: Install Python'],
    ['## Summary {.unnumbered}', 'Summary'],
    ['## Setup {: #setup .wide}', 'Setup'],
    ['## Using `dict` {#dicts}', 'Using `dict`'],
  ])('%s reads as %s', (heading, title) => {
    expect(sections(`# T\n\n${heading}\n\nText.\n`)[0]!.title).toBe(title);
  });

  it('reads a long heading that only looks like attributes, as it is (no backtracking)', () => {
    const title = `Classes {${'.a'.repeat(20_000)}!`;
    expect(sections(`# T\n\n## ${title}\n\nText.\n`)[0]!.title).toBe(title);
  });

  it('keeps braces that are the title’s own words (twin)', () => {
    expect(sections('# T\n\n## Sets like {1, 2}\n\nText.\n')[0]!.title).toBe('Sets like {1, 2}');
    expect(sections('# T\n\n## Templates {{name}}\n\nText.\n')[0]!.title).toBe('Templates {{name}}');
  });
});

describe('<img> tags', () => {
  const images = (tree: Root) => JSON.stringify(tree).match(/"type":"image"[^}]*/g) ?? [];

  it('reads a block of images (wrapped in <p align>) and an inline one as images', () => {
    const tree = parse('# T\n\n<p align="center">\n  <img src="fig/a.png" alt="Diagram A" width="300">\n  <img src=\'fig/b.png\' alt="B &amp; C">\n</p>\n\nSee <img src="fig/c.png" alt="c"> here.\n');
    expect(images(tree).map((image) => /"url":"([^"]*)","alt":"([^"]*)"/.exec(image)!.slice(1).join(' '))).toEqual(['fig/a.png Diagram A', 'fig/b.png B & C', 'fig/c.png c']);
    expect(JSON.stringify(tree)).not.toContain('<img');
  });

  it('leaves a tag with a handler or a script source as text (twin)', () => {
    const tree = parse('# T\n\nSee <img src=x onerror=alert(1)> and <img src="javascript:alert(2)" alt="j">.\n\n<img src="a.png" onload="alert(3)">\n');
    expect(images(tree)).toEqual([]);
  });

  it('leaves HTML that shows more than images as it was (twin)', () => {
    const tree = parse('# T\n\n<div>\n<img src="fig/a.png" alt="A">\nA caption in HTML\n</div>\n');
    expect(images(tree)).toEqual([]);
    expect(types(tree.children)).toEqual(['heading', 'html']);
  });
});

describe('an <img> in a real build', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lectern-img-'));
    mkdirSync(join(dir, 'course', 'docs', 'fig'), { recursive: true });
    writeFileSync(join(dir, 'course', 'docs', 'fig', 'logo.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    writeFileSync(join(dir, 'course', 'docs', '01-setup.md'), '# Setting up\n\n## Logo\n\n<p align="center"><img src="fig/logo.png" alt="Project logo" width="120"></p>\n\n<img src="fig/missing.png" alt="Gone">\n');
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('copies the file, shows it with its alt text, and reports a missing one at its line', () => {
    const run = lectern(['build', 'course', '--out', 'out', '--formats', 'handout', '--to', 'html'], dir);
    expect(run.status, run.stderr).toBe(0);
    const lessonDir = join(dir, 'out', 'docs', '01-setup');
    const html = readFileSync(join(lessonDir, 'handout.html'), 'utf8');
    expect(html).toMatch(/<img[^>]+alt="Project logo"/);
    expect(html).not.toContain('&lt;img');
    const copied = readdirSync(lessonDir, { recursive: true }).map(String).filter((name) => name.endsWith('.png'));
    expect(copied.length).toBe(1);
    expect(existsSync(join(lessonDir, copied[0]!))).toBe(true);
    expect(run.stdout + run.stderr).toMatch(/01-setup\.md:7:\d+\s+warning\s+.*fig\/missing\.png/);
  });
});
