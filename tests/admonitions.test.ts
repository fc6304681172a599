// Boxes the way MkDocs, Docusaurus and Quarto authors write them: `!!! note "Title"` with an indented
// body, collapsible `??? tip`, content tabs `=== "Windows"`, `:::tip Title`, `:::caution[Title]`,
// `::: {.callout-note title="…"}`. Each is a div with its title heading it, its body read as
// Markdown (not as indented code), and the lesson after it outside it. Pure: parse and extract.
import { describe, it, expect } from 'vitest';
import type { FencedDiv } from '../src/parse/parse.js';
import { expectSolutionKeptOut, outline, parseAt } from './helpers/boxes.js';

const parse = parseAt('docs/01-intro.md');

describe('MkDocs admonitions and tabs', () => {
  it('reads !!! note "Title" and its indented body as a titled box; the next paragraph stays outside', () => {
    const tree = parse('# T\n\n!!! note "Before you begin"\n    Install pandas.\n\n    It takes a minute.\n\nAfter the box.\n');
    expect(outline(tree.children)).toEqual(['h1:T', 'div:note[h4:Before you begin, paragraph, paragraph]', 'paragraph']);
  });

  it('reads collapsible ??? and ???+ blocks, without a title too, and code in the body as code', () => {
    const tree = parse('# T\n\n??? tip\n    ```python\n    import pandas\n    ```\n\n???+ warning "Careful"\n    Big files.\n');
    expect(outline(tree.children)).toEqual(['h1:T', 'div:tip[code]', 'div:warning[h4:Careful, paragraph]']);
    const code = (tree.children[1] as FencedDiv).children[0] as { value: string; lang: string };
    expect(code).toMatchObject({ lang: 'python', value: 'import pandas' });
  });

  it('makes a titled solution a solution: kept out of the exercise prompt', () => {
    expectSolutionKeptOut('# T\n\n## Exercise\n\nLoad the file.\n\n??? success "Solution"\n    ```python\n    pd.read_csv("a.csv")\n    ```\n', 'docs/01-intro.md', 'read_csv');
  });

  it('reads content tabs as boxes titled by their tab', () => {
    const tree = parse('# T\n\n=== "Windows"\n    Run `py`.\n\n=== "macOS"\n    Run `python3`.\n');
    expect(outline(tree.children)).toEqual(['h1:T', 'div:tab[h4:Windows, paragraph]', 'div:tab[h4:macOS, paragraph]']);
  });

  it('nests an admonition in a list item when it is indented there', () => {
    const tree = parse('# T\n\n1. Install it.\n\n    !!! tip\n        Use a venv.\n\n2. Run it.\n');
    const list = tree.children[1] as { type: string; children: Array<{ children: RootContent[] }> };
    expect(list.type).toBe('list');
    expect(outline(list.children[0]!.children)).toEqual(['paragraph', 'div:tip[paragraph]']);
    expect(list.children).toHaveLength(2);
  });

  it('leaves !!! without a type, and an unindented line after the opener, as they were (twin)', () => {
    const tree = parse('# T\n\n!!! "no type"\n    body\n\n!!! note\nNot indented.\n');
    // (The indented line continues the paragraph, as in CommonMark.)
    expect(outline(tree.children)).toEqual(['h1:T', 'paragraph', 'div:note[]', 'paragraph']);
  });
});

describe('titles on fenced divs', () => {
  it.each([
    [':::tip Use the head', 'tip', 'Use the head'],
    [':::caution[Mind the index]', 'caution', 'Mind the index'],
    ['::: {.callout-note title="Quarto note"}', 'callout-note', 'Quarto note'],
  ])('%s is a %s box titled %s', (opening, name, title) => {
    const tree = parse(`# T\n\n${opening}\nBody.\n:::\n\nAfter.\n`);
    expect(outline(tree.children)).toEqual(['h1:T', `div:${name}[h4:${title}, paragraph]`, 'paragraph']);
  });

  it('gives no title to Carpentries and Pandoc divs (twin)', () => {
    const tree = parse('# T\n\n::::::: challenge\nDo it.\n\n::: solution\nDone.\n:::\n:::::::\n\n::: {.callout}\nNote.\n:::\n');
    expect(outline(tree.children)).toEqual(['h1:T', 'div:challenge[paragraph, div:solution[paragraph]]', 'div:callout[paragraph]']);
  });
});
